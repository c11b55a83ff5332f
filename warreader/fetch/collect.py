"""From links to bulletins: what a fetched page is (a bulletin, a feed, an index page) and which of the
linked bulletins still need fetching.

A page is a bulletin when the parser finds events in it and they are not themselves a list of bulletin
titles (an index page's links read as list items); it is a listing when it is a feed, or when it is not
such a bulletin but links to pages titled like bulletins. Each page is fetched once per run, and a
listing's links that the library already holds are not fetched at all.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable

from warreader.errors import InputError
from warreader.fetch.client import Fetcher, Page
from warreader.fetch.links import Link, Listing, feed_listing, looks_like_feed, page_listing
from warreader.fetch.titles import is_bulletin_title
from warreader.fetch.urls import FetchError, is_url, normalise_url
from warreader.model import Bulletin

# What a link to an image, a sound or an archive is: not worth handing to the parser.
_NOT_TEXT = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip")
# Charsets the parser's own decoding reads right (UTF-8 first, then Windows-1252, a superset of Latin-1).
_PARSER_CHARSETS = {"utf-8", "ascii", "latin-1", "iso8859-1", "cp1252"}
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def parser_bytes(page: Page) -> bytes:
    """The body as the parser should see it. The parser decodes (BOMs, UTF-8, Windows-1252, mojibake);
    a page the server declares in another charset (windows-1251, koi8-r…) and that is not UTF-8 anyway is
    re-encoded as UTF-8 from that charset first, since the parser cannot know the declaration."""
    if not page.charset or page.content.startswith(_BOMS):
        return page.content
    try:
        name = codecs.lookup(page.charset).name
    except LookupError:
        return page.content
    if name in _PARSER_CHARSETS:
        return page.content
    try:
        page.content.decode("utf-8")
        return page.content
    except UnicodeDecodeError:
        return page.content.decode(name, errors="replace").encode("utf-8")


def _index_shaped(bulletin: Bulletin) -> bool:
    """Most of its "events" are bulletin titles: the parser read an index page's links as a list."""
    texts = [event.text for _, event in bulletin.iter_events()]
    return sum(map(is_bulletin_title, texts)) * 2 >= len(texts)


class Collector:
    """Reads the links a user gave and the bulletins they list, for one `warreader import` run.

    `known_sources` are the library's stored sources (paths and links); links among them are not
    fetched again when a listing names them."""

    def __init__(self, fetcher: Fetcher, known_sources: Iterable[str] = ()) -> None:
        self.fetcher = fetcher
        self.known = {normalise_url(source) for source in known_sources if is_url(source)}
        self.seen: set[str] = set()

    def read(self, url: str) -> list[Bulletin] | Listing | None:
        """A link the user gave: its bulletins (a page may hold several, as a file may), or the listing
        it is; None when this run already read it. `FetchError` naming the link when it cannot be fetched
        or is neither."""
        url = normalise_url(url)
        if url in self.seen:
            return None
        self.seen.add(url)
        page = self._get(url)
        if looks_like_feed(page):
            return feed_listing(page)
        bulletins, problem = self._parse(page)
        bulletins = [bulletin for bulletin in bulletins if not _index_shaped(bulletin)]
        if bulletins:
            return bulletins
        listing = page_listing(page) if "html" in page.content_type or not page.content_type else None
        if listing is not None and listing.bulletins:
            return listing
        raise FetchError(problem or f"{url}: not a bulletin, and no links titled like one")

    def new_links(self, listing: Listing) -> tuple[list[Link], int]:
        """The listing's bulletin links still to fetch (not stored, not read in this run), and how many
        of them the library already holds. Marks the returned links as read."""
        fresh: list[Link] = []
        stored = 0
        for link in listing.bulletins:
            if link.url in self.known:
                stored += 1
            elif link.url not in self.seen:
                self.seen.add(link.url)
                fresh.append(link)
        return fresh, stored

    def bulletins(self, url: str) -> list[Bulletin]:
        """A linked page's bulletins (at least one); `FetchError` naming the link when it has none."""
        url = normalise_url(url)
        self.seen.add(url)
        page = self._get(url)
        if looks_like_feed(page):
            raise FetchError(f"{url}: a feed, not a bulletin")
        bulletins, problem = self._parse(page)
        if not bulletins:
            raise FetchError(problem or f"{url}: not a bulletin")
        return bulletins

    def _get(self, url: str) -> Page:
        page = self.fetcher.get(url)
        if page.content_type.startswith(_NOT_TEXT):
            raise FetchError(f"{url}: not a web page but {page.content_type}")
        return page

    def _parse(self, page: Page) -> tuple[list[Bulletin], str | None]:
        """The page's bulletins that have events (several when it holds several days, like a pasted
        file), else none and why (one line, naming the link)."""
        from warreader.parsing import parse_bytes_all

        try:
            found = parse_bytes_all(parser_bytes(page), page.url)
        except InputError as error:
            return [], " ".join(str(error).split())
        # A consent wall, a paywall or a teaser page has no events: storing it would shadow a real one.
        bulletins = [bulletin for bulletin in found if bulletin.event_count > 0]
        if not bulletins:
            return [], f"{page.url}: not a bulletin (no events found on the page)"
        return bulletins, None
