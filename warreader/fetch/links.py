"""Pages that list bulletins: RSS and Atom feeds, and HTML index pages (links with their titles).

Feeds are read with defusedxml: a feed comes from anyone, and the standard XML parsers expand entities
(billion laughs) or fetch external ones. Index pages are read with selectolax, the parser's own HTML
reader. Both give `Link`s, relative links resolved against the page's address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from warreader.fetch.client import Page
from warreader.fetch.titles import is_bulletin_title
from warreader.fetch.urls import FETCHED_SCHEMES, FetchError, normalise_url, resolve

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml")
XML_TYPES = ("application/xml", "text/xml")
# A feed's root element near the start of the document (after the XML declaration, comments, stylesheets).
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_TAG = re.compile(r"<[^>]+>")
# Links that go nowhere a bulletin could be.
_NOT_PAGES = ("javascript:", "mailto:", "tel:", "data:", "#")


@dataclass(frozen=True, slots=True)
class Link:
    """A link found on a listing: its normalised address and its title as the listing shows it."""

    url: str
    title: str


@dataclass(slots=True)
class Listing:
    """A feed or index page: the links whose titles read like daily bulletins, in the listing's order and
    each once, and how many other links it had (not fetched)."""

    url: str
    kind: str  # "RSS feed", "Atom feed" or "index page"
    bulletins: list[Link] = field(default_factory=list)
    others: int = 0


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def looks_like_feed(page: Page) -> bool:
    """By the declared type, or by a feed root element at the start of an XML or untyped document."""
    if page.content_type in FEED_TYPES:
        return True
    head = page.content[:4096]
    if page.content_type and page.content_type not in XML_TYPES and not page.content_type.startswith("text/"):
        return False
    return bool(_FEED_ROOT.search(head)) and not _HTML_ROOT.search(head)


def _entry_link(entry, base: str) -> str:
    """An Atom entry's alternate link, an RSS item's <link>, or its permalink <guid>."""
    for child in entry:
        if _local(child.tag) == "link":
            href = child.get("href")
            if href is not None:  # Atom: rel="alternate" (or none) is the article itself
                if child.get("rel", "alternate") == "alternate":
                    return resolve(base, href)
            elif _text(child):
                return resolve(base, _text(child))
    for child in entry:
        if _local(child.tag) == "guid" and child.get("isPermaLink", "true") != "false":
            guid = _text(child)
            if guid.startswith(("http://", "https://")):
                return guid
    return ""


def _entry_title(entry) -> str:
    for child in entry:
        if _local(child.tag) == "title":
            title = _text(child)
            # Atom type="html" titles carry escaped markup: the words are what matter.
            return " ".join(_TAG.sub(" ", title).split()) if child.get("type") == "html" else title
    return ""


def feed_listing(page: Page) -> Listing:
    """The bulletin links of an RSS (0.9x, 1.0, 2.0) or Atom feed. `FetchError` if it is not readable XML
    or declares entities (refused, never expanded)."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        root = ElementTree.fromstring(page.content)
    except DefusedXmlException:
        raise FetchError(f"{page.url}: the feed declares XML entities; refused as unsafe") from None
    except ElementTree.ParseError as error:
        raise FetchError(f"{page.url}: not a readable feed (XML error: {error})") from None
    kind = "Atom feed" if _local(root.tag) == "feed" else "RSS feed"
    base = resolve(page.final_url, root.get(_XML_BASE, ""))
    entries = [e for e in root.iter() if _local(e.tag) in ("item", "entry")]
    found = [(_entry_link(e, resolve(base, e.get(_XML_BASE, ""))), _entry_title(e)) for e in entries]
    return _listing(page, kind, found)


def _page_text(page: Page) -> str:
    """Text enough to read link titles by: the declared charset, else UTF-8, never an error."""
    try:
        return page.content.decode(page.charset or "utf-8", errors="replace")
    except LookupError:  # a charset Python does not know
        return page.content.decode("utf-8", errors="replace")


def page_listing(page: Page) -> Listing:
    """The bulletin links of an HTML index page: each link's text (or its title attribute) is its title."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(_page_text(page))
    base = page.final_url
    if (base_element := tree.css_first("base[href]")) is not None:
        base = resolve(base, base_element.attributes.get("href") or "")
    found = []
    for anchor in tree.css("a[href]"):
        href = (anchor.attributes.get("href") or "").strip()
        if not href or href.lower().startswith(_NOT_PAGES):
            continue
        title = " ".join(anchor.text(separator=" ").split())
        title = title or anchor.attributes.get("title") or anchor.attributes.get("aria-label") or ""
        found.append((resolve(base, href), title))
    return _listing(page, "index page", found)


def _listing(page: Page, kind: str, found: list[tuple[str, str]]) -> Listing:
    """Each address once (a card often links its picture and its title), titled by its bulletin-like
    title if any of its links has one; the listing itself is not one of its links."""
    own = {normalise_url(page.url), normalise_url(page.final_url)}
    titles: dict[str, str] = {}
    for url, title in found:
        if not url:
            continue
        key = normalise_url(url)
        if key in own:
            continue
        if key not in titles or (is_bulletin_title(title) and not is_bulletin_title(titles[key])):
            titles[key] = title
    listing = Listing(page.url, kind)
    for url, title in titles.items():
        if is_bulletin_title(title):
            listing.bulletins.append(Link(url, title))
        elif url.split(":", 1)[0].lower() in FETCHED_SCHEMES:
            listing.others += 1
    return listing
