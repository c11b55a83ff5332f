"""Saved web pages: take the article, drop the page furniture, and emit Lines for the core.

`<li>` items are events, `<h2>`–`<h4>` (and paragraphs that are only `<strong>`/`<b>`) are headings,
`<figcaption>` and image alt texts are captions, the first `<h1>` is the title. Navigation, scripts,
styles, ads, related links, footers, share and comment widgets are removed before reading.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from warreader.errors import InputError
from warreader.parsing.lines import BLANK, BULLET, CAPTION, HEADING, TEXT, TITLE, Line, clean
from warreader.parsing.outlet import clean_outlet, clean_url

#: Deeper pages are refused: a saved article nests a few dozen elements, and the HTML parser's time
#: grows with the square of the depth (100,000 nested <div>s take it over half a minute).
MAX_DEPTH = 5_000
# Elements that never nest (void) or that the next sibling closes by itself are not counted: the
# pattern skips them in C, so the loop below only sees tags that can nest.
_NOT_NESTING = (
    "area base br col embed hr img input link meta param source track wbr html head body p li dt dd "
    "tr td th thead tbody tfoot option optgroup colgroup caption rb rt rp"
).split()
_TAG = re.compile(rf"<(/?)(?!(?:{'|'.join(_NOT_NESTING)})\b)[a-zA-Z][a-zA-Z0-9-]*[^<>]*?(/?)>", re.I)

# Elements that never hold the bulletin.
_DROP_TAGS = (
    "script, style, noscript, template, nav, header, footer, aside, form, iframe, button, svg, "
    "select, input, textarea, dialog, menu"
)
# class/id words of page widgets: ads, sharing, comments, related links, newsletter boxes…
_WIDGET = re.compile(
    r"(?:^|[\s_-])(?:ad|ads|advert\w*|banner|promo\w*|sponsor\w*|share\w*|social\w*|comments?|"
    r"respond|reply|related|recommend\w*|newsletter|subscribe|signup|popup|modal|cookie\w*|breadcrumbs?|"
    r"sidebar|widget|more-on|trending|most-read|navigation|nav|menu|footer|header|masthead|byline|"
    r"article-info|date-simple|tags?|skip-link)(?:$|[\s_-])",
    re.IGNORECASE,
)
_ARTICLE_SELECTORS = ("article", "main", "[role=main]", "#main-content", ".article-body", "body")
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote", "pre", "dt", "dd"}
_CONTAINERS_WITH_TEXT = {"div", "section", "td", "span", "main", "article", "body", "figure"}


def _is_widget(node: LexborNode) -> bool:
    attrs = node.attributes
    names = " ".join(v for k, v in attrs.items() if k in ("class", "id", "role", "aria-label") and v)
    return bool(names) and bool(_WIDGET.search(names))


def _strip_furniture(root: LexborNode) -> None:
    for node in root.css(_DROP_TAGS):
        node.decompose()
    for node in root.css("[class], [id], [role]"):
        # The chosen article root itself may carry a widget-like class ("article-header"): keep it.
        if node is not root and node.parent is not None and _is_widget(node):
            node.decompose()


def _only_bold(node: LexborNode) -> bool:
    """A paragraph whose whole text sits in <strong>/<b>: an unmarked section heading."""
    text = clean(node.text())
    if not text:
        return False
    bold = " ".join(clean(b.text()) for b in node.css("strong, b"))
    return clean(bold) == text


def nesting_depth(text: str, limit: int = MAX_DEPTH) -> int:
    """How deep the page's elements nest, counted from its tags up to just over `limit`; 0 when the
    page has too few tags to nest deeper than `limit` at all."""
    if text.count("<") <= limit:
        return 0
    depth = deepest = 0
    for match in _TAG.finditer(text):
        closing, self_closing = match.groups()
        if self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
    return deepest


def _emit(root: LexborNode, out: list[Line], state: dict) -> None:
    """The article's blocks in document order, walked with an explicit stack (no recursion: a page
    may nest thousands of elements deep)."""
    stack = [(root, root.iter(include_text=True))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if tag == "-text":
            text = clean(child.text(deep=False) or "")
            if text and node.tag in _CONTAINERS_WITH_TEXT:
                out.append(Line(text, TEXT))
            continue
        if tag == "img":
            alt = clean(child.attributes.get("alt") or "")
            if alt:
                out.append(Line(alt, CAPTION))
            continue
        if tag == "br":
            continue
        if tag in _BLOCKS:
            for img in child.css("img"):
                alt = clean(img.attributes.get("alt") or "")
                if alt:
                    out.append(Line(alt, CAPTION))
            text = clean(child.text(separator=" "))
            if not text:
                continue
            if tag == "li":
                out.append(Line(text, BULLET))
            elif tag == "figcaption":
                out.append(Line(text, CAPTION))
            elif tag == "h1":
                out.append(Line(text, HEADING if state["title"] else TITLE))
                state["title"] = True
            elif tag.startswith("h"):
                out.append(Line(text, HEADING))
            elif tag == "p" and _only_bold(child):
                out.append(Line(text, HEADING))
            else:
                out.append(Line(text, TEXT))
                out.append(Line("", BLANK))
            continue
        stack.append((child, child.iter(include_text=True)))


def _meta(tree: LexborHTMLParser, selector: str, attribute: str) -> str | None:
    node = tree.css_first(selector)
    return node.attributes.get(attribute) if node is not None else None


def page_meta(tree: LexborHTMLParser) -> tuple[str | None, str | None]:
    """(outlet, canonical URL) as the page states them in its head."""
    outlet = clean_outlet(_meta(tree, 'meta[property="og:site_name"]', "content")) or clean_outlet(
        _meta(tree, 'meta[name="application-name"]', "content")
    )
    url = clean_url(_meta(tree, 'link[rel~="canonical"]', "href")) or clean_url(
        _meta(tree, 'meta[property="og:url"]', "content")
    )
    return outlet, url


def html_page(text: str, source: str) -> tuple[list[Line], tuple[str | None, str | None]]:
    """A saved page → (Lines from its article only, (outlet, canonical URL) from its head).

    `InputError` naming `source` when the page nests deeper than `MAX_DEPTH`."""
    depth = nesting_depth(text)
    if depth > MAX_DEPTH:
        raise InputError(
            f"{source}: the page's HTML nests more than {MAX_DEPTH:,} elements deep; a saved article "
            "never does, so it is not read"
        )
    tree = LexborHTMLParser(text)
    meta = page_meta(tree)
    out: list[Line] = []
    # The title is read before the furniture goes: pages often put the <h1> in an <header>. The <title>
    # is the fallback when there is no <h1> (the core drops a site suffix from either).
    heading = tree.css_first("h1") or tree.css_first("head > title")
    title = clean(heading.text()) if heading is not None else ""
    if title:
        out.append(Line(title, TITLE))
    root = (
        next((n for sel in _ARTICLE_SELECTORS if (n := tree.css_first(sel)) is not None), None) or tree.root
    )
    if root is None:
        return out, meta
    _strip_furniture(root)
    _emit(root, out, {"title": bool(title)})
    return out, meta
