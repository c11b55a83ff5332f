"""Feeds and index pages read into bulletin links, safely; what a fetched page is taken for."""

from __future__ import annotations

import subprocess
import sys

import pytest

from warreader.fetch import FetchError
from warreader.fetch.client import Page
from warreader.fetch.collect import Collector, parser_bytes
from warreader.fetch.links import Link, feed_listing, looks_like_feed, page_listing

from . import pages

BASE = "https://feeds.example.org"


def page(content: str | bytes, content_type: str = "", url: str = f"{BASE}/feed", charset=None) -> Page:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return Page(url=url, final_url=url, content=data, content_type=content_type, charset=charset)


def test_rss_items_titles_and_links():
    listing = feed_listing(page(pages.rss_feed(BASE), "application/rss+xml"))
    assert listing.kind == "RSS feed"
    assert listing.bulletins == [
        Link(f"{BASE}{pages.aj_path(976)}", "Russia-Ukraine war: List of key events, day 976"),
        Link(f"{BASE}/copies/day-975.txt", "Russia-Ukraine war: List of key events, day 975"),
    ]
    assert listing.others == 2  # another war's bulletin and an unrelated story


def test_atom_alternate_links_resolved_against_xml_base():
    listing = feed_listing(page(pages.atom_feed(BASE), "application/atom+xml"))
    assert listing.kind == "Atom feed"
    assert [link.url for link in listing.bulletins] == [
        f"{BASE}{pages.GUARDIAN_PATH}",
        f"{BASE}/spun/day-984",
    ]


def test_rss_1_0_and_a_permalink_guid():
    rdf = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://x.org/"><title>Ukraine</title></channel>
<item rdf:about="https://x.org/1"><title>Russia-Ukraine war: List of key events, day 12</title>
<link>https://x.org/day-12</link></item>
</rdf:RDF>"""
    assert feed_listing(page(rdf, "application/rdf+xml")).bulletins == [
        Link("https://x.org/day-12", "Russia-Ukraine war: List of key events, day 12")
    ]
    rss = """<rss version="2.0"><channel><item><title>Russia-Ukraine war: List of key events, day 13</title>
<guid>https://x.org/day-13</guid></item></channel></rss>"""
    assert [link.url for link in feed_listing(page(rss)).bulletins] == ["https://x.org/day-13"]


@pytest.mark.parametrize(
    ("doctype", "reference"),
    [
        # billion laughs
        ('<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>', "&b;"),
        # an external entity that would read a local file
        ('<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;"),
    ],
)
def test_entities_in_a_feed_are_refused_never_expanded(doctype, reference):
    feed = f"""<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><item>
<title>Russia-Ukraine war: List of key events, day 14 {reference}</title><link>https://x.org/14</link>
</item></channel></rss>"""
    with pytest.raises(FetchError, match=r"^https://feeds.example.org/feed: the feed declares XML entities"):
        feed_listing(page(feed, "application/rss+xml"))


def test_a_broken_feed_is_one_clear_error():
    with pytest.raises(FetchError, match=r"^https://feeds.example.org/feed: not a readable feed \(XML error"):
        feed_listing(page("<rss><channel><item><title>unclosed</channel></rss>", "application/rss+xml"))


@pytest.mark.parametrize(
    ("content", "content_type", "expected"),
    [
        ("<rss version='2.0'></rss>", "application/rss+xml", True),
        (
            "<?xml version='1.0'?>\n<!-- hi -->\n<feed xmlns='http://www.w3.org/2005/Atom'></feed>",
            "text/xml",
            True,
        ),
        ("<?xml version='1.0'?><rss version='2.0'></rss>", "text/html", True),  # a mislabelled feed
        ("<?xml version='1.0'?><rss version='2.0'></rss>", "", True),
        ("<!DOCTYPE html><html><body><p>the rss feed</p></body></html>", "text/html", False),
        ("<rss version='2.0'></rss>", "application/octet-stream", False),
    ],
)
def test_looks_like_feed(content, content_type, expected):
    assert looks_like_feed(page(content, content_type)) is expected


def test_index_page_links():
    html = """<html><head><base href="https://www.example.org/news/"></head><body>
<a href="day-10"><img alt=""></a>
<a href="day-10#top">Russia-Ukraine war: List of key events, day 10</a>
<a href="/world/day-11?utm_campaign=x"
   title="Russia-Ukraine war at a glance: what we know on day 11"><img></a>
<a href="mailto:desk@example.org">Russia-Ukraine war: List of key events, day 12</a>
<a href="javascript:void(0)">Menu</a><a href="/about">About</a>
</body></html>"""
    listing = page_listing(page(html, "text/html", url="https://www.example.org/tag/ukraine/"))
    assert listing.kind == "index page"
    assert listing.bulletins == [
        Link("https://www.example.org/news/day-10", "Russia-Ukraine war: List of key events, day 10"),
        Link(
            "https://www.example.org/world/day-11", "Russia-Ukraine war at a glance: what we know on day 11"
        ),
    ]
    assert listing.others == 1


class _Pages:
    """A stand-in for the network: a fixed page per link."""

    def __init__(self, served: dict[str, Page]) -> None:
        self.served = served
        self.asked: list[str] = []

    def get(self, url: str) -> Page:
        self.asked.append(url)
        if url not in self.served:
            raise FetchError(f"{url}: HTTP 404 Not Found")
        return self.served[url]


def test_collector_tells_bulletins_from_listings_and_skips_what_is_stored():
    base = "https://www.aljazeera.com"
    index = f"{base}/tag/ukraine-russia-crisis/"
    served = {
        index: page(pages.tag_page(base), "text/html", url=index),
        f"{base}{pages.aj_path(977)}": page(
            pages.aj_page(977, base), "text/html", url=f"{base}{pages.aj_path(977)}"
        ),
    }
    net = _Pages(served)
    collector = Collector(net, known_sources={f"{base}{pages.aj_path(974)}", "data/day0981.txt"})
    listing = collector.read(index + "#top")
    fresh, stored = collector.new_links(listing)
    assert stored == 1 and len(fresh) == 7
    assert fresh[0].url == f"{base}{pages.aj_path(977)}"
    # A bulletin page whose "More on this" box links other days is a bulletin, not an index.
    (bulletin,) = collector.bulletins(fresh[0].url)
    assert bulletin.day == 977 and bulletin.source == f"{base}{pages.aj_path(977)}"
    assert collector.read(index) is None  # read once per run
    assert collector.new_links(listing) == ([], 1)


def test_a_page_with_no_events_and_no_bulletin_links_is_refused():
    teaser = "<html><body><h1>Russia-Ukraine war: List of key events, day 977</h1><p>Subscribe to read.</p>"
    net = _Pages({"https://x.org/977": page(teaser, "text/html", url="https://x.org/977")})
    with pytest.raises(FetchError, match=r"^https://x.org/977: not a bulletin \(no events found"):
        Collector(net).read("https://x.org/977")


def test_parser_bytes_hands_over_what_the_parser_can_decode():
    cyrillic = "Покровськ".encode("cp1251")
    assert parser_bytes(page(cyrillic, "text/html", charset="windows-1251")) == "Покровськ".encode()
    utf8 = "Покровськ".encode()
    assert parser_bytes(page(utf8, "text/html", charset="windows-1251")) == utf8  # mislabelled UTF-8
    latin = "café".encode("cp1252")
    assert parser_bytes(page(latin, "text/html", charset="iso-8859-1")) == latin  # the parser's own fallback
    assert parser_bytes(page(latin, "text/html", charset="no-such-charset")) == latin


def test_help_and_file_imports_never_load_httpx(tmp_path):
    bulletin = tmp_path / "day0975.txt"
    bulletin.write_text(pages.TEXT_COPY_975, encoding="utf-8")
    code = (
        "import contextlib, sys\n"
        "from warreader.cli import main\n"
        "with contextlib.suppress(SystemExit):\n"
        "    main(['--help'])\n"
        "with contextlib.suppress(SystemExit):\n"
        "    main(['import', '--help'])\n"
        f"assert main(['--db', {str(tmp_path / 'lib')!r}, 'import', {str(bulletin)!r}]) == 0\n"
        "loaded = [m for m in ('httpx', 'httpcore', 'defusedxml') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
        "import warreader.fetch\n"
        "assert 'httpx' not in sys.modules\n"
        "warreader.fetch.Fetcher\n"
        "assert 'httpx' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
