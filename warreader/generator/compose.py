"""Compose one synthetic bulletin: choose its sections and events, then lay it out as text.

Each day draws from its own `random.Random(f"{seed}:{day}")`, so day 1,234 is the same text whether 30
or 1,500 days are generated, and generation can stream day by day without holding the corpus in memory.
The layout (bullet style, blank lines, a heading with a colon, junk lines) is chosen per day from the
shapes the real corpus shows; `GeneratedBulletin.quirks` names the ones used, so tests can check that
every shape occurs.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from warreader.generator import phrases as P
from warreader.generator.calendar import bulletin_date, ordinal
from warreader.model import Bulletin, Event, Section, assign_ids

#: Bullet layouts seen in real bulletins: AJ's "- ", copies' "  • ", blank-line paragraphs without any
#: marker (day 802), and "- " lists where some items lack the marker (days 954, 1,219).
STYLES = ("dash", "dot", "paragraphs", "mixed")

SOURCE_LINE = "Source: Al Jazeera and news agencies"


@dataclass(frozen=True, slots=True)
class GeneratedSection:
    """A section as the generator meant it: the clean heading (None = no heading line) and its events."""

    heading: str | None
    theme: str
    events: tuple[str, ...]
    captions: int


@dataclass(frozen=True, slots=True)
class GeneratedBulletin:
    """One synthetic bulletin: its text, and what a correct parser should read back from it."""

    day: int
    date: dt.date
    title: str
    text: str
    sections: tuple[GeneratedSection, ...]
    quirks: tuple[str, ...]
    #: the publisher the text names (its "Source: …" line), as a parser should read it
    outlet: str | None = None

    @property
    def filename(self) -> str:
        return f"day{self.day:04d}_synthetic.txt"

    @property
    def data(self) -> bytes:
        return self.text.encode("utf-8")

    @property
    def event_count(self) -> int:
        return sum(len(s.events) for s in self.sections)

    @property
    def caption_count(self) -> int:
        return sum(s.captions for s in self.sections)

    def event_texts(self) -> list[str]:
        """Every event's text in reading order."""
        return [text for s in self.sections for text in s.events]

    def to_bulletin(self, source: str | None = None) -> Bulletin:
        """The model a correct parser would produce, built without parsing (ids as the model assigns).

        Lets the benchmark time the store alone, and tests compare a parse with the generator's intent.
        """
        from warreader.themes import section_theme

        ids = iter(assign_ids(self.day, self.event_texts()))
        sections = []
        for s in self.sections:
            # The theme table's key for the heading; for the untitled first group, the theme its
            # events' words point to (marked as inferred), as the parser infers it.
            theme, inferred = section_theme(s.heading, list(s.events))
            events = [Event(next(ids), text) for text in s.events]
            sections.append(Section(s.heading, theme, events, [], inferred))
        return Bulletin(
            day=self.day,
            date=self.date,
            title=self.title,
            source=source or self.filename,
            sections=sections,
            outlet=self.outlet,
        )


class _Filler(dict):
    """`str.format_map` slots, each drawn afresh from the tables whenever a template asks for it."""

    def __init__(self, rng: random.Random, date: dt.date) -> None:
        super().__init__()
        self.rng = rng
        self.date = date

    def __missing__(self, key: str) -> str:
        r = self.rng
        tables = {
            "city": P.UA_CITIES,
            "region": P.UA_REGIONS,
            "ru_place": P.RU_PLACES,
            "country": P.COUNTRIES,
            "ally": P.ALLIES,
            "ua_person": P.UA_PEOPLE,
            "ru_person": P.RU_PEOPLE,
            "intl_person": P.INTL_PEOPLE,
            "source": P.SOURCES,
            "weapon": P.WEAPONS,
            "weapon2": P.WEAPONS,
            "weekday": P.WEEKDAYS,
            "capital": ["Kyiv", "Brussels", "Washington", "Berlin", "Paris", "London", "Warsaw"],
            "strike": [
                "drone attack",
                "missile strike",
                "guided bomb attack",
                "artillery barrage",
                "combined missile and drone attack",
            ],
            "facility": ["medical facility", "kindergarten", "business centre", "shopping mall"],
        }
        if key in tables:
            return r.choice(tables[key])
        if key == "village":
            # A rare village now and then, so the benchmark's rare-word search finds a handful of events.
            return r.choice(P.RARE_PLACES) if r.random() < 0.01 else r.choice(P.UA_CITIES)
        if key == "n":
            return str(r.randint(2, 95))
        if key == "m":
            return str(r.randint(3, 140))
        if key == "small":
            return r.choice(["two", "three", "four", "five", "six", "seven", "eight", "nine", "10", "12"])
        if key == "big":
            return str(r.randint(11, 980))
        if key == "km":
            return str(r.randint(2, 40))
        if key == "miles":
            return str(r.randint(1, 25))
        if key == "age":
            return str(r.randint(19, 88))
        if key == "ordinal":
            return r.choice(["second", "third", "fourth", "fifth", "sixth"])
        if key == "date_long":
            return f"{self.date:%B} {self.date.day}, {self.date.year}"
        if key == "upper_credit":
            name = r.choice(["SERGEY BOBOK", "ROMAN PILIPEY", "GENYA SAVILOV"])
            return f"[{name} / AFP]"
        raise KeyError(key)


def _event_text(rng: random.Random, fill: _Filler, theme: str) -> str:
    """One event: a theme sentence plus follow-on sentences, 1–4 sentences and 150–600 characters."""
    wanted = rng.choices((1, 2, 3, 4), weights=(30, 42, 20, 8))[0]
    sentences = [rng.choice(P.TEMPLATES[theme]).format_map(fill)]
    used: set[str] = set()
    # Add sentences until both the wanted count and the 150-character floor are met, then trim
    # from the end while over 600 (every template is short enough for one to fit). A follow-on
    # template is used once per event, so no event says the same thing twice.
    while len(sentences) < wanted or len(" ".join(sentences)) < 150:
        template = rng.choice(P.FOLLOW_ON)
        if template not in used:
            used.add(template)
            sentences.append(template.format_map(fill))
    while len(" ".join(sentences)) > 600 and len(sentences) > 1:
        sentences.pop()
    return " ".join(sentences)


def _choose_themes(rng: random.Random, day: int) -> list[str]:
    """Fighting first (nearly always), then 1–5 other themes that existed on that day."""
    available = [k for k, v in P.THEMES.items() if v["days"][0] <= day <= v["days"][1] and k != "fighting"]
    wanted = rng.choices((1, 2, 3, 4, 5), weights=(15, 35, 30, 15, 5))[0]
    others = rng.sample(available, k=min(len(available), wanted))
    # A day led by diplomacy happens (day 250 opened with "Grain deal"), but rarely.
    if rng.random() < 0.05:
        return others + ["fighting"]
    return ["fighting"] + others


def _split_events(rng: random.Random, total: int, parts: int) -> list[int]:
    """Split `total` events into `parts` sections: the first gets the lion's share, every one gets ≥ 1."""
    weights = [3.0] + [rng.uniform(0.6, 1.6) for _ in range(parts - 1)]
    counts = [max(1, int(total * w / sum(weights))) for w in weights]
    counts[0] += total - sum(counts)
    while counts[0] < 1:  # many small sections: take back from the largest other one
        j = max(range(1, parts), key=counts.__getitem__)
        counts[j] -= 1
        counts[0] += 1
    return counts


def _situation_line(rng: random.Random, day: int, date: dt.date) -> str:
    lead = rng.choice(
        [
            "Here is the situation on",
            "Here is the situation on",
            "Here is the situation as it stands on",
            "Here is where things stand on",
            "Here is how things stand on",
        ]
    )
    # Early and recent bulletins usually leave the year out; the parser then takes it from the day.
    no_year = rng.random() < (0.6 if day < 430 or day >= 1000 else 0.1)
    when = f"{date:%A}, {date:%B} {date.day}" + ("" if no_year else f", {date.year}")
    return f"{lead} {when}{rng.choice([':', ':', '.'])}"


def _intro_line(rng: random.Random, day: int) -> str:
    if day >= 1000:
        return rng.choice(
            [
                f"These were the key developments on the {ordinal(day)} day of the Russia-Ukraine war.",
                f"Here are the key events on day {day:,} of Russia’s war on Ukraine.",
                f"These are the key events on day {day:,} of Russia’s war on Ukraine.",
            ]
        )
    if day >= 490:
        return f"As the war enters its {ordinal(day)} day, these are the main developments."
    return f"As the war enters its {ordinal(day)} day, we take a look at the main developments."


def _caption_lines(rng: random.Random, fill: _Filler, spaced: bool) -> list[str]:
    """An alt-text line and its caption line, about one photo (one city for both)."""
    photos = [p for p in P.PHOTOS if spaced or p[2] == "any"]
    alt, caption, _where = rng.choice(photos)
    city, region = rng.choice(P.UA_CITIES), rng.choice(P.UA_REGIONS)
    fill_photo = _PhotoFiller(fill, city=city, region=region)
    return [alt.format_map(fill_photo), f"{caption.format_map(fill_photo)} [{rng.choice(P.PHOTOGRAPHERS)}]"]


class _PhotoFiller(dict):
    """The day's filler with some slots fixed, so an alt-text and its caption name the same place."""

    def __init__(self, base: _Filler, **fixed: str) -> None:
        super().__init__(fixed)
        self.base = base

    def __missing__(self, key: str) -> str:
        return self.base[key]


def generate_bulletin(day: int, seed: int = 0) -> GeneratedBulletin:
    """The synthetic bulletin for `day`; the same (day, seed) always gives the same text."""
    rng = random.Random(f"warreader-generator:{seed}:{day}")
    date = bulletin_date(day)
    fill = _Filler(rng, date)
    style = rng.choices(STYLES, weights=(45, 25, 15, 15))[0]
    quirks = [f"style:{style}"]

    themes = _choose_themes(rng, day)
    total = rng.randint(15, 40)
    counts = _split_events(rng, total, len(themes))
    no_first_heading = themes[0] == "fighting" and rng.random() < 0.12
    colon_heading = rng.random() < 0.1
    caption_budget = rng.choices((0, 1, 2), weights=(25, 55, 20))[0]
    # Compact pages put every line on its own; copies and paragraph layouts separate blocks with a
    # blank line (AJ's own "  • " pages do too).
    spaced = style in ("dot", "paragraphs") or rng.random() < 0.2

    sections: list[GeneratedSection] = []
    body: list[list[str]] = []  # blocks of lines; a block is a heading, an event or a caption pair
    for index, (theme, count) in enumerate(zip(themes, counts, strict=True)):
        heading: str | None = rng.choice(P.THEMES[theme]["headings"])
        if index == 0 and no_first_heading:
            heading = None
            quirks.append("no-first-heading")
        elif heading is not None:
            written = heading
            if colon_heading and index == 1:
                written = f"{heading}:"
                quirks.append("heading-colon")
            body.append([written])
        events = [_event_text(rng, fill, theme) for _ in range(count)]
        captions = 0
        for position, text in enumerate(events):
            body.append([_bullet(rng, style, position) + text])
            # A photo sits between two events, never right after a heading.
            if caption_budget and position < count - 1 and rng.random() < 0.15:
                body.append(_caption_lines(rng, fill, spaced))
                caption_budget -= 1
                captions += 1
        sections.append(GeneratedSection(heading, theme, tuple(events), captions))
    if any(s.captions for s in sections):
        quirks.append("caption")

    title = f"Russia-Ukraine war: List of key events, day {day:,}"
    head = [[title], [_intro_line(rng, day)]]
    if rng.random() < 0.25:
        head.append([f"Published On {date.day} {date:%b %Y}"])
        quirks.append("published-on")
    head.append([_situation_line(rng, day, date)])
    tail = []
    outlet = None
    if rng.random() < 0.6:
        tail.append([SOURCE_LINE])
        quirks.append("source-line")
        outlet = "Al Jazeera"
    joiner = "\n\n" if spaced else "\n"
    text = joiner.join("\n".join(block) for block in head + body + tail) + "\n"
    return GeneratedBulletin(day, date, title, text, tuple(sections), tuple(quirks), outlet)


def _bullet(rng: random.Random, style: str, position: int) -> str:
    if style == "dash":
        return "- "
    if style == "dot":
        return "  • "
    if style == "mixed":
        # Real mixed lists drop the marker now and then, the first item under a heading included.
        return "" if rng.random() < 0.25 else "- "
    return ""
