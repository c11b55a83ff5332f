"""A local HTTP server per test (pytest-httpserver), serving the pages of `pages.py`: nothing here ever
touches the internet, and no proxy from the environment is used."""

from __future__ import annotations

import logging
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from . import pages

#: How long the slow page keeps the client waiting before its first byte (the tests' timeout is shorter).
SLOW_SECONDS = 2.5
#: The too-large page: 100 MB in 1 MB chunks without a Content-Length, far past the 20 MB cap (so that
#: what the socket buffers take after the client stops reading cannot account for the rest).
BIG_CHUNKS = 100
HTML = "text/html; charset=utf-8"


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "*")


@pytest.fixture(scope="session")
def _running_server():
    # The dev server logs each request (and a dropped connection) on stderr: keep it out of the output
    # the tests read.
    logging.getLogger("werkzeug").disabled = True
    srv = HTTPServer(threaded=True)  # threaded: the slow page must not hold up the others
    srv.start()
    yield srv
    if srv.is_running():
        srv.stop()


@pytest.fixture
def server(_running_server):
    """The server with no pages and an empty log for each test."""
    _running_server.clear()
    yield _running_server
    _running_server.clear()


def requested(server: HTTPServer, path: str) -> int:
    """How many times the server was asked for `path` (any query string)."""
    return sum(1 for request, _ in server.log if request.path == path)


class Site:
    """Every page of `pages.py` registered on the server; `url(path)` gives its absolute address."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.base = f"http://{server.host}:{server.port}"
        self.big_chunks_sent = 0
        base = self.base
        for day in (974, 976, 977, 978):
            self.html(pages.aj_path(day), pages.aj_page(day, base))
        server.expect_request(pages.aj_path(979)).respond_with_data("Page not found", status=404)
        server.expect_request(pages.aj_path(980)).respond_with_handler(self._big)
        page_981 = pages.aj_page(981, base)
        server.expect_request(pages.aj_path(981)).respond_with_handler(
            lambda request: (time.sleep(SLOW_SECONDS), Response(page_981, content_type=HTML))[1]
        )
        for hop in range(1, 7):
            server.expect_request(f"/r/{hop}").respond_with_data(
                "", status=302 if hop % 2 else 301, headers={"Location": f"/r/{hop + 1}"}
            )
        self.html("/r/7", pages.aj_page(982, base))
        server.expect_request("/copies/day-975.txt").respond_with_data(
            pages.TEXT_COPY_975, content_type="text/plain; charset=utf-8"
        )
        self.html(pages.GUARDIAN_PATH, pages.guardian_page())
        server.expect_request("/spun/day-984").respond_with_data(
            pages.CYRILLIC_984.encode("cp1251"), content_type="text/html; charset=windows-1251"
        )
        server.expect_request("/feeds/rss.xml").respond_with_data(
            pages.rss_feed(base), content_type="application/rss+xml; charset=utf-8"
        )
        server.expect_request("/feeds/atom.xml").respond_with_data(
            pages.atom_feed(base), content_type="application/atom+xml"
        )
        self.html("/tag/ukraine-russia-crisis/", pages.tag_page(base))
        self.html("/archive", pages.archive_page())

    def html(self, path: str, text: str) -> None:
        self.server.expect_request(path).respond_with_data(text, content_type=HTML)

    def _big(self, request) -> Response:
        chunk = b"<p>" + b"x" * (1024 * 1024 - 7) + b"</p>\n"

        def body():
            for _ in range(BIG_CHUNKS):
                self.big_chunks_sent += 1
                yield chunk

        return Response(body(), content_type=HTML)

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def site(server) -> Site:
    return Site(server)
