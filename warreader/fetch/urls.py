"""Links as text: which arguments are links, one spelling per page, and the error every fetch failure is.

Nothing here imports httpx, so the command line can sort its arguments into files and links for free.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from warreader.errors import WarreaderError

#: The only schemes warreader fetches; anything else (ftp:, file:, javascript:…) is refused by name.
FETCHED_SCHEMES = ("http", "https")

# "scheme://…": what a user means as a link rather than a path (C:\… and ./x are paths).
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")

# Query parameters that only tell the site where a reader came from: the page is the same without them,
# so two links that differ only in these are one page (Al Jazeera's feeds add ?traffic_source=rss).
_TRACKING = re.compile(
    r"^(?:utm_\w+|traffic_source|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|ref_src|cmpid|"
    r"at_medium|at_campaign|at_custom\d*|ito|spm|ocid|taid)$",
    re.IGNORECASE,
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


class FetchError(WarreaderError):
    """A link could not be brought in: `str(error)` names the link and says why, on one line."""

    exit_code = 2


def is_url(text: str) -> bool:
    """True for an argument written as a link (`https://…`, also `ftp://…`, which is then refused)."""
    return bool(_SCHEME.match(text.strip()))


def check_scheme(url: str, *, shown: str | None = None) -> None:
    """`FetchError` unless `url` is an http or https link; `shown` is the link the message names."""
    scheme = urlsplit(url.strip()).scheme.lower()
    if scheme not in FETCHED_SCHEMES:
        where = shown or url
        if shown and shown != url:
            raise FetchError(
                f"{where}: redirected to {url}, which is not an http or https link; not followed"
            )
        raise FetchError(f"{where}: only http and https links can be fetched, not {scheme or 'this'}: links")


def resolve(base: str, href: str) -> str:
    """`href` as written on the page at `base` (relative, protocol-relative or absolute) → absolute."""
    return urljoin(base, href.strip())


def normalise_url(url: str) -> str:
    """One spelling per page: scheme and host in lower case, no default port, no fragment, no tracking
    parameters. Used to store a link, to fetch each page once, and to tell whether it is already stored."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # a malformed port or IPv6 host: keep the link as written, the fetch will say why
        return url.strip()
    scheme = parts.scheme.lower()
    if scheme not in FETCHED_SCHEMES or not parts.hostname:
        return url.strip()
    host = parts.hostname
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    if parts.username or parts.password:
        host = f"{parts.netloc.rpartition('@')[0]}@{host}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))
