"""The HTTP client: one GET of an http(s) page, within limits a user can trust.

http and https only (every redirect hop is checked too), at most `MAX_REDIRECTS` redirects, a connect
and read timeout plus a deadline for the whole download (a server trickling bytes cannot hold a run
forever), a size cap enforced while streaming (a larger body is never read into memory), and a
User-Agent that names warreader and its version. The body is handed on as bytes with the content type and
charset the server declared: decoding is the parser's job.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import httpx

from warreader import __version__
from warreader.fetch.urls import FETCHED_SCHEMES, FetchError, check_scheme

#: The largest page read, in bytes: a bulletin page is ~100 KB; 20 MB is the parser's own limit.
MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
#: Seconds to connect, and between two reads of the answer (`warreader import --timeout`).
DEFAULT_TIMEOUT = 15.0
#: The whole download of one page may take this many times the timeout.
DEADLINE_FACTOR = 4

USER_AGENT = f"warreader/{__version__} (terminal reader for daily war bulletins; httpx/{httpx.__version__})"
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,"
    "text/plain;q=0.8,*/*;q=0.5"
)
# Statuses where the site refuses a program but a browser would do: say what the user can do instead.
_REFUSED = {401, 403, 429, 451}
_ERRNO = re.compile(r"^\[Errno [-\d]+\]\s*")


@dataclass(frozen=True, slots=True)
class Page:
    """A downloaded page: the link asked for, where it ended after redirects, and the body as sent."""

    url: str
    final_url: str
    content: bytes
    content_type: str  # the media type in lower case without parameters ("text/html"), or ""
    charset: str | None  # as declared in the Content-Type header, or None


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


def _reason(error: Exception) -> str:
    """An exception's message without its errno prefix, on one line."""
    text = " ".join(str(error).split())
    return _ERRNO.sub("", text) or type(error).__name__


class Fetcher:
    """Downloads pages one at a time over one connection pool. Use as a context manager.

    Every failure is a `FetchError` naming the link: HTTP status, timeout, DNS or connection error,
    too many redirects, a redirect to another scheme, a body over `max_bytes`."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = MAX_BYTES,
        max_redirects: int = MAX_REDIRECTS,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        # Redirects are followed here, not by httpx, so that each hop's scheme is checked before it is sent.
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT},
            transport=transport,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str) -> Page:
        """GET `url`, following up to `max_redirects` redirects; a `Page`, or `FetchError` naming `url`."""
        check_scheme(url)
        deadline = time.monotonic() + self.timeout * DEADLINE_FACTOR
        try:
            request = self._client.build_request("GET", url)
            for _hop in range(self.max_redirects + 1):
                response = self._client.send(request, stream=True)
                try:
                    if response.next_request is None:
                        return self._read(url, response, deadline)
                    request = response.next_request
                finally:
                    response.close()
                if request.url.scheme not in FETCHED_SCHEMES:  # named as the server wrote it
                    check_scheme(response.headers.get("Location", str(request.url)), shown=url)
            raise FetchError(f"{url}: more than {self.max_redirects} redirects; gave up")
        except httpx.TimeoutException:
            raise FetchError(f"{url}: no answer within {self.timeout:g} s (timed out)") from None
        except httpx.ConnectError as error:
            raise FetchError(f"{url}: cannot connect ({_reason(error)})") from None
        except httpx.InvalidURL as error:
            raise FetchError(f"{url}: not a valid link ({_reason(error)})") from None
        except httpx.HTTPError as error:  # protocol errors, a connection dropped mid-answer, bad encoding…
            raise FetchError(f"{url}: the download failed ({_reason(error)})") from None

    def _read(self, url: str, response: httpx.Response, deadline: float) -> Page:
        status = response.status_code
        if not 200 <= status < 300:
            hint = " (the site refuses programs: save the page in a browser and import the file)"
            # The standard wording ("Not Found"), not each server's spelling of it.
            phrase = httpx.codes.get_reason_phrase(status) or response.reason_phrase
            reason = f" {phrase}" if phrase else ""
            raise FetchError(f"{url}: HTTP {status}{reason}{hint if status in _REFUSED else ''}")
        too_large = f"{url}: larger than {_megabytes(self.max_bytes)}; not read further"
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(too_large)
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:  # counted after decompression: what would sit in memory
                raise FetchError(too_large)
            if time.monotonic() > deadline:
                raise FetchError(
                    f"{url}: the download took longer than {self.timeout * DEADLINE_FACTOR:g} s (timed out)"
                )
            chunks.append(chunk)
        media_type, _, _ = response.headers.get("Content-Type", "").partition(";")
        return Page(
            url=url,
            final_url=str(response.url),
            content=b"".join(chunks),
            content_type=media_type.strip().lower(),
            charset=response.charset_encoding,
        )
