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
