"""Bulletins from links: `warreader import https://…` (a page, an RSS or Atom feed, an index page).

Headless (no Textual). httpx and defusedxml load only when a link is fetched: the names below that need
them are imported on first use, so `warreader --help` and importing files never pay for them.

    is_url(text) -> bool                      # an argument written as a link (any scheme)
    normalise_url(url) -> str                 # one spelling per page (no fragment, no tracking params)
    is_bulletin_title(title) -> bool          # "…List of key events, day 987", "…at a glance…day 1,000"
    FetchError(WarreaderError)                # one line naming the link and why
    Fetcher(timeout=, max_bytes=, max_redirects=).get(url) -> Page
    Collector(fetcher, known_sources).read(url) -> list[Bulletin] | Listing | None
                                     .new_links(listing) -> (list[Link], already_stored: int)
                                     .bulletins(url) -> list[Bulletin]   # every bulletin on the page
"""

from __future__ import annotations

from warreader.fetch.titles import is_bulletin_title
from warreader.fetch.urls import FetchError, is_url, normalise_url

_LAZY = {
    "Fetcher": "warreader.fetch.client",
    "Page": "warreader.fetch.client",
    "USER_AGENT": "warreader.fetch.client",
    "MAX_BYTES": "warreader.fetch.client",
    "MAX_REDIRECTS": "warreader.fetch.client",
    "DEFAULT_TIMEOUT": "warreader.fetch.client",
    "Collector": "warreader.fetch.collect",
    "Link": "warreader.fetch.links",
    "Listing": "warreader.fetch.links",
}

__all__ = ["FetchError", "is_bulletin_title", "is_url", "normalise_url", *_LAZY]


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'warreader.fetch' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
