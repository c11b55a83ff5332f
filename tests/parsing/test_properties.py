"""Property tests: nothing a user can feed the parser crashes it, and parsing is deterministic."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warreader.errors import InputError
from warreader.model import bulletin_to_doc
from warreader.parsing import parse_bytes

# Text built from the pieces bulletins are made of, so the interesting paths are actually reached.
_PIECES = st.sampled_from(
    [
        "Russia-Ukraine war: List of key events, day 981",
        "Here is the situation on Saturday, November 2:",
        "Fighting",
        "Politics and diplomacy :",
        "- ",
        "• ",
        "-",
        "  • Russian forces advanced near Pokrovsk, the ministry said.",
        "Rescuers work at a site [Reuters]",
        "REUTERS/Stringer",
        "Leave a Reply",
        "Advertisement",
        "<li>An event in a list item.</li>",
        "<h2>Diplomacy</h2>",
        "![alt text](/img.jpg)",
        "**Heading**",
        "## Heading",
        "\\r\\n",
        "\\u2019",
        '"content": "x"',
        "Ukraineâ€™s",
        "Â",
        "[+1779 chars]",
        "\u00a0",
        "\u200b",
        "day eight",
        "1,000th day",
    ]
)
_BULLETINISH = st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=30).map("\n".join)


def _parse(data: bytes):
    try:
        return bulletin_to_doc(parse_bytes(data, "input.txt"))
    except InputError as error:
        assert "input.txt" in str(error)
        return ("error", str(error))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(data):
    _parse(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_arbitrary_text_never_crashes(text):
    for encoding in ("utf-8", "utf-16"):
        _parse(text.encode(encoding, errors="surrogatepass"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_BULLETINISH)
def test_bulletin_like_text_never_crashes_and_is_deterministic(text):
    data = text.encode("utf-8", errors="surrogatepass")
    first = _parse(data)
    assert _parse(data) == first
    if isinstance(first, dict):
        # Ids are unique within a bulletin and every event has text.
        ids = [e["id"] for s in first["sections"] for e in s["events"]]
        assert len(ids) == len(set(ids))
        assert all(e["text"].strip() for s in first["sections"] for e in s["events"])


# -- issue 14: control characters, nesting depth, bulletins pasted together ------------------------------

_CONTROL_CHARS = st.sampled_from(
    [chr(c) for c in range(32) if c not in (9, 10)] + [chr(c) for c in range(0x7F, 0xA0)]
    + ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
    + ["\x1b[2J", "\x1b]0;title\x07", "\x9b31m", "&#27;", "&#x202E;", "\\u001b"]
)  # fmt: skip


def _all_text(doc: dict) -> list[str]:
    found = [doc["title"] or "", doc["outlet"] or "", doc["canonical_url"] or "", *doc["warnings"]]
    for section in doc["sections"]:
        found += [section["heading"] or "", section["theme"], *section["captions"]]
        found += [event["text"] for event in section["events"]]
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_BULLETINISH, st.lists(st.tuples(st.integers(min_value=0), _CONTROL_CHARS), max_size=12))
def test_control_characters_never_survive(text, insertions):
    from warreader.controls import CONTROLS

    for position, char in insertions:
        at = position % (len(text) + 1)
        text = text[:at] + char + text[at:]
    for encoding in ("utf-8", "utf-16"):
        doc = _parse(text.encode(encoding, errors="surrogatepass"))
        if isinstance(doc, dict):
            assert not any(CONTROLS.search(t) for t in _all_text(doc)), doc


_TAGS = st.sampled_from(["div", "span", "b", "section", "li", "p", "ul", "blockquote", "em", "table", "td"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=30_000), _TAGS, st.booleans())
def test_any_nesting_depth_parses_or_is_refused_cleanly(depth, tag, closed):
    page = (
        "<html><body><article><h1>Russia-Ukraine war: List of key events, day 5</h1>"
        "<p>Here is the situation on Monday, February 28:</p>"
        + f"<{tag}>" * depth
        + "<ul><li>Russian forces shelled Kharkiv, officials said.</li></ul>"
        + (f"</{tag}>" * depth if closed else "")
        + "</article></body></html>"
    )
    result = _parse(page.encode())
    if isinstance(result, tuple):
        assert "nests more than" in result[1] or "not a bulletin" in result[1]
    else:
        assert sum(len(s["events"]) for s in result["sections"]) >= 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(min_value=1, max_value=1500),
    st.integers(min_value=1, max_value=1500),
    st.integers(min_value=0, max_value=9),
    st.sampled_from(["", "\n", "\n\n", "\n\nShare\nFacebook\nTwitter\n\n", "\r\n"]),
)
def test_two_bulletins_concatenated_parse_as_two(first, second, seed, between):
    from warreader.generator import generate_bulletin
    from warreader.parsing import parse_bytes_all

    a, b = generate_bulletin(first, seed), generate_bulletin(second, seed)
    alone = [bulletin_to_doc(parse_bytes(x.data, "x")) for x in (a, b)]
    together = [bulletin_to_doc(x) for x in parse_bytes_all(a.data + between.encode() + b.data, "x")]
    assert len(together) == 2
    for one, other in zip(alone, together, strict=True):
        for doc in (one, other):
            doc.pop("warnings")
        assert one == other
