"""The HTTP client's limits, one by one: redirects, schemes, size, time, statuses, connection errors."""

from __future__ import annotations

import socket
import time

import pytest
from werkzeug import Response

from warreader import __version__
from warreader.fetch import FetchError
from warreader.fetch.client import Fetcher

MB = 1024 * 1024


@pytest.fixture
def fetcher():
    with Fetcher(timeout=0.5) as fetcher:
        yield fetcher


def url(server, path):
    return f"http://{server.host}:{server.port}{path}"


def chain(server, hops: int) -> None:
    for hop in range(1, hops + 1):
        server.expect_request(f"/hop/{hop}").respond_with_data(
            "", status=307, headers={"Location": f"/hop/{hop + 1}"}
        )
    server.expect_request(f"/hop/{hops + 1}").respond_with_data("<p>arrived</p>", content_type="text/html")


def test_the_page_its_type_and_charset_and_a_user_agent_naming_warreader(server, fetcher):
    server.expect_request("/p").respond_with_data(b"caf\xe9", content_type="text/html; Charset=ISO-8859-1")
    page = fetcher.get(url(server, "/p"))
    assert (page.content, page.content_type, page.charset.lower()) == (b"caf\xe9", "text/html", "iso-8859-1")
    ((request, _),) = server.log
    assert request.headers["User-Agent"].startswith(f"warreader/{__version__} ")


def test_five_redirects_are_followed_six_are_not(server, fetcher):
    chain(server, 5)
    page = fetcher.get(url(server, "/hop/1"))
    assert page.final_url == url(server, "/hop/6") and page.content == b"<p>arrived</p>"
    assert page.url == url(server, "/hop/1")
    server.clear()
    chain(server, 6)
    with pytest.raises(FetchError, match=r"/hop/1: more than 5 redirects; gave up$"):
        fetcher.get(url(server, "/hop/1"))
    assert not any(request.path == "/hop/7" for request, _ in server.log)


def test_a_redirect_to_another_scheme_is_not_followed(server, fetcher):
    server.expect_request("/moved").respond_with_data(
        "", status=301, headers={"Location": "file:///etc/passwd"}
    )
    with pytest.raises(FetchError) as caught:
        fetcher.get(url(server, "/moved"))
    assert str(caught.value) == (
        f"{url(server, '/moved')}: redirected to file:///etc/passwd, which is not an http or https link; "
        "not followed"
    )


def test_a_declared_size_over_the_cap_is_refused_before_reading(server):
    server.expect_request("/big").respond_with_data(b"x" * (2 * MB), content_type="text/html")
    with Fetcher(max_bytes=1 * MB) as fetcher, pytest.raises(FetchError, match=r"larger than 1 MB; not read"):
        fetcher.get(url(server, "/big"))


def test_a_streamed_body_over_the_cap_stops_the_download(server):
    sent = []

    def endless(request):
        def body():
            for _ in range(200):
                sent.append(1)
                yield b"y" * (256 * 1024)

        return Response(body(), content_type="text/plain")

    server.expect_request("/stream").respond_with_handler(endless)
    with Fetcher(max_bytes=1 * MB) as fetcher, pytest.raises(FetchError, match=r"larger than 1 MB"):
        fetcher.get(url(server, "/stream"))
    time.sleep(0.2)  # let the server notice the closed connection
    assert len(sent) < 100  # 50 MB were on offer; what socket buffers took is far less


def test_a_server_that_trickles_hits_the_deadline(server):
    def trickle(request):
        def body():
            for _ in range(20):
                yield b"<p>."
                time.sleep(0.15)

        return Response(body(), content_type="text/html")

    server.expect_request("/trickle").respond_with_handler(trickle)
    with Fetcher(timeout=0.3) as fetcher, pytest.raises(FetchError, match=r"took longer than 1.2 s"):
        fetcher.get(url(server, "/trickle"))


def test_no_answer_within_the_timeout(server, fetcher):
    server.expect_request("/slow").respond_with_handler(lambda r: (time.sleep(1.5), Response("late"))[1])
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"/slow: no answer within 0.5 s \(timed out\)$"):
        fetcher.get(url(server, "/slow"))
    assert time.monotonic() - started < 1.4


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (404, "HTTP 404 Not Found"),
        (500, "HTTP 500 Internal Server Error"),
        (
            403,
            "HTTP 403 Forbidden (the site refuses programs: save the page in a browser and import the file)",
        ),
        (302, "HTTP 302 Found"),  # a redirect without a Location
    ],
)
def test_statuses(server, fetcher, status, message):
    server.expect_request("/s").respond_with_data("no", status=status)
    with pytest.raises(FetchError) as caught:
        fetcher.get(url(server, "/s"))
    assert str(caught.value) == f"{url(server, '/s')}: {message}"


def test_connection_refused(fetcher):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match=rf"^http://127.0.0.1:{port}/: cannot connect \(.+\)$"):
        fetcher.get(f"http://127.0.0.1:{port}/")


def test_a_malformed_link(fetcher):
    with pytest.raises(FetchError, match=r"^http://exa mple\.org:99999/: "):
        fetcher.get("http://exa mple.org:99999/")
