"""Figures in an event's text: who was killed, wounded, missing, captured or evacuated, how many drones
and missiles were launched and downed, and money. Pure functions; the rules are in docs/FACTS.md.

The work goes amount by amount (`numbers.find_quantities`): each amount is read with the words just
around it, never the whole sentence, so an amount is a figure only when the grammar ties it to what was
counted — a verb before it ("killed four people"), a participle after it ("33 were injured", "13 dead"),
"N of M" after a downing verb ("shot down 31 of 51 drones"), or "and" after a figure of the same kind
("launched 440 drones and 32 missiles"). Then people counted without a numeral ("a woman and her child
were killed"), then money (`money.py`). Last, parts of a figure already counted ("…, including five
children") are dropped and totals "since 2022" are marked cumulative.
"""

from __future__ import annotations

import re

from warreader.facts import vocabulary as v
from warreader.facts.model import Figure
from warreader.facts.money import find_money
from warreader.facts.numbers import EventText, Quantity, find_quantities
from warreader.facts.people_counts import LIST_VERBS, PERSON_LIST, SINGULAR_PEOPLE, count_list, list_unit
from warreader.facts.sentences import CUMULATIVE_WORDS, is_cumulative, sentence_bounds, sentence_of

HUMAN_KINDS = ("killed", "wounded", "missing", "captured", "evacuated")

# Words without which no amount can be a figure of people or weapons: a set test lets most events skip
# the rules (all patterns below read the lower-cased text, which is several times faster than ignoring case).
_TRIGGERS = frozenset(
    w.encode()
    for w in (
        "kill killed killing kills dead died die dies death deaths fatalities fatally wound wounded wounding"
        " wounds injured injuring injures injuries hurt missing unaccounted captured capturing captures"
        " captive captives prisoner prisoners pows evacuated evacuating evacuates drone drones uav uavs"
        " unmanned shahed shaheds geran missile missiles toll slain executed executing perished lives"
    ).split()
)
_DEATH_WORDS = frozenset((b"toll",))
_VERB_LAST_WORDS = frozenset(form.split()[-1] for form in v.VERB_FORMS)
# A list of people counted without a numeral is a figure only with a participle of what happened to
# people after it or a verb of `LIST_VERBS` before it: the first word of each (the gate of
# `read_person_lists`; more words than needed only weaken the gate).
_LIST_KIND_WORDS = frozenset(
    w.encode()
    for w in [
        *(w for kind in HUMAN_KINDS for w in re.findall(r"(?:^|\|)([a-z]+)", v.PARTICIPLES[kind])),
        *(form.split()[0] for kind in LIST_VERBS for form in v.VERBS[kind]),
    ]
)
# Without these words, no amount is a part of a figure already counted ("including five children").
_SUBSET_WORDS = frozenset(w.encode() for w in "including among whom incl".split())
_OF_WHICH_WORDS = frozenset(w.encode() for w in "which them these whom".split())
_WEAPON_WORDS = frozenset(
    w.encode()
    for w in "drone drones uav uavs unmanned shahed shaheds geran geran2 gerans missile missiles".split()
)
_MOD = rf"(?:(?!(?:{v.NOT_A_MODIFIER})\b)[a-z](?:[\w'()/-]|\.(?=[\w-]))*\s+)"
_PEOPLE_NP = re.compile(
    rf"\s+(?P<mods>{_MOD}{{0,3}}?)(?P<noun>(?:more|others?)(?!\s+(?:{v.PEOPLE_NOUN})\b)|{v.PEOPLE_NOUN}"
    rf"|{v.PERSON_NOUN_SINGULAR})\b(?!-)"
)
_WEAPON_NP = re.compile(
    rf"\s+(?P<mods>{_MOD}{{0,5}}?)(?:(?P<drones>{v.DRONE_NOUN})|(?P<missiles>{v.MISSILE_NOUN}))\b"
    rf"(?!\s+(?:{v.NOT_A_WEAPON_AFTER})\b)"
    rf"(?P<combined>\s+(?:and|or|&)\s+(?:(?:cruise|ballistic|guided|attack|other|combat)\s+)?"
    rf"(?:{v.DRONE_NOUN}|{v.MISSILE_NOUN}|rockets?)\b)?",
)
_PARTICIPLE = "|".join(f"(?P<{kind}>{words})" for kind, words in v.PARTICIPLES.items())
_PASSIVE = re.compile(
    rf"(?P<aside>\s*,\s*(?:{v.SUBSET_MARKERS}|mostly|mainly|most\s+of\s+them)\b(?:[^,.;]|,(?=\d{{3}}))*,)?"
    rf"(?P<aux>(?:\s+(?:aged\s+\d+(?:\s*(?:,|and|or)\s*\d+)*|who|that|{v.AUXILIARY}))*)"
    rf"\s+(?:{_PARTICIPLE})\b",
)
_DEATH_TOLL = re.compile(
    r"\bdeath\s+toll\b[^.;]{0,100}?\b(?:to|of|at|reached|hit|is|was|now|stands\s+at|stood\s+at)\s+$"
)
_ATTACK_WITH = re.compile(
    rf"\b(?:{v.ATTACK_WORDS})\b[^.;]{{0,60}}?\b(?:with|by|using|involving|of|comprising)\s+$"
)
_OF_Y = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|[\w-]+'s\s+)?")
_OF_THEM_AFTER = re.compile(r"\s+of\s+(?:them|these|those)\b")
_OF_THE_WEAPON_AFTER = re.compile(r"\s+of\s+the")
_OF_WHICH_BEFORE = re.compile(r"\bof\s+(?:which|them|these|whom)\s*,?\s*$")
_SUBSET_BEFORE = re.compile(rf"\b(?:{v.SUBSET_MARKERS})\s+$")
_AND_GAP = re.compile(r"[^.;]{0,40}?(?:,\s*|\s+)(?:and|or)\s+")
_COORDINATED = re.compile(r"\s*(?:,\s*)?(?:and\s+|as\s+well\s+as\s+|plus\s+)?")
# After an amount with no noun: what may follow a count of people ("wounded 33.", "killed 10 in…").
_BARE_OK = re.compile(
    r"\s*(?:[,.;:)!?\"']|$)|\s+(?:and|in|on|at|after|as|when|while|during|including|overnight|across|near"
    r"|since|from|with|by|or|over|so\s+far|last|this|earlier|yesterday|today|according|the|a|an|amid"
    r"|following|before|within|inside|outside|around|throughout)\b"
)
_PRISONER_AFTER = re.compile(r"\s+(?:as\s+)?(?:prisoners?|captives?)\b")
_PRISONER_NOUN = re.compile(r"prisoners|captives|pows|prisoners\s+of\s+war")
_FATAL = re.compile(r"\b(?:fatally|mortally)\b")
_SOLDIERS = re.compile(rf"(?:{v.SOLDIERS_PLURAL}|{v.SOLDIERS_SINGULAR})")
_CIVILIANS = re.compile(rf"(?:{v.CIVILIANS_PLURAL}|{v.CIVILIANS_SINGULAR})")
_MILITARY_MOD = re.compile(r"\b(?:military|army|navy|naval)\b")
_CIVILIAN_MOD = re.compile(r"\bcivilian\b")


def extract_figures(text: str | EventText) -> tuple[Figure, ...]:
    """Every figure in `text`, in text order (see the module docstring and docs/FACTS.md)."""
    t = text if isinstance(text, EventText) else EventText(text)
    money = find_money(t)
    if _TRIGGERS.isdisjoint(t.words):
        return _Reader(t, []).finish(money) if money else ()
    reader = _Reader(t, find_quantities(t))
    if not SINGULAR_PEOPLE.isdisjoint(t.words) and not _LIST_KIND_WORDS.isdisjoint(t.words):
        reader.read_person_lists()  # first: "a woman and her two children" is one figure of 3, not 2
    reader.read_amounts()
    return reader.finish(money)


def _verb_before(low: str, at: int) -> tuple[str, int] | None:
    """(class, start) of the active verb form ending just before `at` ("killed ", "shot down ")."""
    window = low[max(0, at - 40) : at]
    if not window or not window[-1].isspace():
        return None
    words = window.split()
    if not words or words[-1] not in _VERB_LAST_WORDS:
        return None  # most amounts: no verb form ends with the word before them
    for n in (4, 3, 2, 1):
        if len(words) >= n:
            phrase = " ".join(words[-n:])
            kind = v.VERB_FORMS.get(phrase)
            if kind is not None:
                start = low.rfind(phrase, 0, at)
                if start >= 0 and low[start + len(phrase) : at].isspace():
                    return kind, start
    return None


class _Reader:
    """The state of reading one text: the amounts, which are taken, and the figures so far."""

    def __init__(self, t: EventText, quantities: list[Quantity]) -> None:
        self.t = t
        self.text = t.text
        self.norm = t.low
        self.quantities = quantities
        self.weapons = not _WEAPON_WORDS.isdisjoint(t.words)
        self.by_start = {q.start: q for q in self.quantities}
        self.taken: set[int] = set()
        self.figures: list[Figure] = []
        self.subsets: set[int] = set()  # figure starts introduced by "including"…
        # The last figure: its class ("killed", "launched"…), its weapon and where it ended.
        self.last: tuple[str, str | None, int] | None = None
        self.last_weapon: str | None = None
        # Which rules can apply at all (see `_SUBSET_WORDS`).
        self.subset_words = not _SUBSET_WORDS.isdisjoint(t.words)
        self.of_which_words = b"of" in t.words and not _OF_WHICH_WORDS.isdisjoint(t.words)

    # -- amounts ---------------------------------------------------------------------------------

    def read_amounts(self) -> None:
        for q in self.quantities:
            if q.start in self.taken:
                continue
            self._read(q)

    def _read(self, q: Quantity) -> None:
        norm = self.norm
        people = _PEOPLE_NP.match(norm, q.end)
        weapon = None if people or not self.weapons else _WEAPON_NP.match(norm, q.end)
        if weapon and weapon.group("combined"):
            return  # "99 missiles and drones": not one kind, so no figure
        noun_end = people.end() if people else weapon.end() if weapon else q.end
        weapon_kind = _weapon_kind(weapon)
        before_lo = max(0, q.start - 120)

        # "shot down 31 of 51 drones", "intercepting 93 out of 141 drones launched"
        active = _verb_before(norm, q.start)
        if active and active[0] == "downed" and not weapon and not people:
            if self._of_y(q, active[1]):
                return
            # "air defences shot down 29 of them": the weapon named last
            of_them = _OF_THEM_AFTER.match(norm, q.end)
            if of_them and self._emit(q, "downed", None, None, active[1], of_them.end()):
                return

        passive = _PASSIVE.match(norm, noun_end)
        if passive is None and not people and not weapon:
            # "two of them were shot down", "two of the missiles were intercepted"
            of_them = _OF_THEM_AFTER.match(norm, q.end)
            if of_them:
                passive = _PASSIVE.match(norm, of_them.end())
                if passive:
                    noun_end = of_them.end()
            elif of_the := _OF_THE_WEAPON_AFTER.match(norm, q.end):
                inner = _WEAPON_NP.match(norm, of_the.end())
                if inner and not inner.group("combined"):
                    weapon, weapon_kind = inner, _weapon_kind(inner)
                    passive = _PASSIVE.match(norm, inner.end())
                    noun_end = inner.end()
        if passive is not None:
            kind = passive.lastgroup
            if kind == "wounded" and _FATAL.search(passive.group("aux") or ""):
                kind = "killed"
            if self._emit(q, kind, people, weapon_kind, q.start, passive.end()):
                return

        if active is not None:
            kind, verb_start = active
            if kind == "captured" and not self._is_capture(verb_start, people, noun_end):
                return
            if kind in HUMAN_KINDS and not people and not _BARE_OK.match(norm, q.end):
                return
            if kind == "captured" and _PRISONER_AFTER.match(norm, noun_end):
                noun_end = _PRISONER_AFTER.match(norm, noun_end).end()  # type: ignore[union-attr]
            if self._emit(q, kind, people, weapon_kind, verb_start, noun_end, require_noun=True):
                return

        if (
            not weapon
            and not _DEATH_WORDS.isdisjoint(self.t.words)
            and _DEATH_TOLL.search(norm, before_lo, q.start)
        ):
            toll = _DEATH_TOLL.search(norm, before_lo, q.start)
            if self._emit(q, "killed", people, None, toll.start(), noun_end):  # type: ignore[union-attr]
                return

        if weapon and (attack := _ATTACK_WITH.search(norm, before_lo, q.start)):
            start = q.start if q.start - attack.start() > 40 else attack.start()
            if self._emit(q, "launched", None, weapon_kind, start, noun_end):
                return

        if self.last and (people or weapon):
            kind, last_weapon, last_end = self.last
            gap = _COORDINATED.match(norm, last_end)
            if gap and gap.end() == q.start and q.start > last_end:
                self._emit(q, kind, people, weapon_kind or last_weapon if weapon else None, q.start, noun_end)

    def _of_y(self, q: Quantity, verb_start: int) -> bool:
        """`q` is the downed count of "VERB q of Q2 WEAPON": emit both figures when the shape is there."""
        of = _OF_Y.match(self.norm, q.end)
        if not of:
            return False
        q2 = self.by_start.get(of.end())
        if q2 is None:
            return False
        weapon = _WEAPON_NP.match(self.norm, q2.end)
        kind = _weapon_kind(weapon)
        if weapon is None or weapon.group("combined") or kind is None:
            return False
        end = weapon.end()
        self._add(q, "downed", None, kind, verb_start, end)
        self._add(q2, "launched", None, kind, verb_start, end)
        self.taken.add(q2.start)
        return True

    def _is_capture(self, verb_start: int, people: re.Match | None, noun_end: int) -> bool:
        """Capturing counts people (not villages); "took 20 prisoners" counts, "took 20 minutes" not."""
        if self.norm.startswith("captur", verb_start):
            return people is not None
        if people is not None and _PRISONER_NOUN.fullmatch(people.group("noun")):
            return True
        return people is not None and _PRISONER_AFTER.match(self.norm, noun_end) is not None

    def _emit(
        self,
        q: Quantity,
        kind: str,
        people: re.Match | None,
        weapon_kind: str | None,
        start: int,
        end: int,
        *,
        require_noun: bool = False,
    ) -> bool:
        """Add the figure if the kind fits what was counted; True when added."""
        if kind in HUMAN_KINDS:
            if weapon_kind is not None and people is None:
                return False
            if require_noun and kind == "captured" and people is None:
                return False
            self._add(q, kind, people, None, start, end)
            return True
        if people is not None:
            return False
        if weapon_kind is None:
            # A bare amount ("Two were shot down", "61 of them were intercepted") counts the weapon last
            # named in the event, if any.
            if require_noun or self.last_weapon is None:
                return False
            weapon_kind = self.last_weapon
        self._add(q, kind, None, weapon_kind, start, end)
        return True

    def _add(self, q: Quantity, kind: str, people, weapon_kind: str | None, start: int, end: int) -> None:
        if weapon_kind is not None:
            figure_kind = f"{weapon_kind}_{kind}"
            unit = weapon_kind
            self.last_weapon = weapon_kind
        else:
            figure_kind = kind
            unit = _people_unit(people)
        start = min(start, q.start)
        end = max(end, q.end)
        start, end = _trim(self.norm, start, end)
        self.figures.append(
            Figure(
                figure_kind, q.value, q.low, q.high, q.approx, False, unit, self.text[start:end], start, end
            )
        )
        if (
            self.subset_words
            and _SUBSET_BEFORE.search(self.norm, max(0, q.start - 20), q.start)
            or self.of_which_words
            and kind in HUMAN_KINDS
            and _OF_WHICH_BEFORE.search(self.norm, max(0, q.start - 20), q.start)
        ):
            self.subsets.add(start)
        self.taken.add(q.start)
        self.last = (kind, weapon_kind, end)

    # -- people counted without a numeral ------------------------------------------------------

    def read_person_lists(self) -> None:
        norm = self.norm
        for match in PERSON_LIST.finditer(norm):
            start, end = match.span()
            passive = _PASSIVE.match(norm, end)
            kind = None
            quote_start, quote_end = start, end
            if passive is not None and passive.lastgroup in HUMAN_KINDS:
                kind = passive.lastgroup
                if kind == "wounded" and _FATAL.search(passive.group("aux") or ""):
                    kind = "killed"
                quote_end = passive.end()
            else:
                verb = _verb_before(norm, start)
                if verb is not None and verb[0] in LIST_VERBS:
                    kind, quote_start = verb
            if kind is None:
                continue
            count = count_list(norm[start:end])
            if count <= 0:
                continue
            quote_start, quote_end = _trim(norm, quote_start, quote_end)
            unit = list_unit(norm[start:end])
            self.figures.append(
                Figure(
                    kind,
                    count,
                    None,
                    None,
                    False,
                    False,
                    unit,
                    self.text[quote_start:quote_end],
                    quote_start,
                    quote_end,
                )
            )
            if self.subset_words and _SUBSET_BEFORE.search(norm, max(0, start - 20), start):
                self.subsets.add(quote_start)
            self.taken.update(q.start for q in self.quantities if start <= q.start < end)

    # -- finishing -------------------------------------------------------------------------------

    def finish(self, money: list[Figure]) -> tuple[Figure, ...]:
        self.figures.extend(money)
        if not self.figures:
            return ()
        cumulative_words = not CUMULATIVE_WORDS.isdisjoint(self.t.words)
        if len(self.figures) == 1 and not cumulative_words:
            return (self.figures[0],)
        figures = sorted(self.figures, key=lambda f: (f.start, f.kind))
        # Sentences matter only to parts of a figure and to cumulative totals: found only then.
        may_matter = cumulative_words or self.subset_words or self.subsets
        bounds = sentence_bounds(self.t.norm) if may_matter else []
        sentences = [sentence_of(bounds, f.start) for f in figures]
        kept: list[Figure] = []
        kept_sentences: list[int] = []
        seen: set[tuple[str, int, int]] = set()
        dropped: Figure | None = None
        for figure, sentence in zip(figures, sentences, strict=True):
            key = (figure.kind, figure.start, figure.end)
            if key in seen:
                continue
            # A part of a figure already counted in this sentence ("…, including five children"), and the
            # parts listed with it ("including $984m from Japan and $516m from the UK").
            part = (
                figure.start in self.subsets
                or self.subset_words
                and _SUBSET_BEFORE.search(self.norm, max(0, figure.start - 20), figure.start) is not None
                or (
                    dropped is not None
                    and dropped.kind == figure.kind
                    and _AND_GAP.fullmatch(self.norm, dropped.end, figure.start) is not None
                )
            )
            if part and any(
                k.kind == figure.kind and s == sentence for k, s in zip(kept, kept_sentences, strict=True)
            ):
                dropped = figure
                continue
            seen.add(key)
            kept.append(figure)
            kept_sentences.append(sentence)
        cumulative = set()
        if cumulative_words:
            cumulative = {i for i in set(kept_sentences) if is_cumulative(self.norm, bounds, i)}
        return tuple(
            f._replace(cumulative=True) if s in cumulative else f
            for f, s in zip(kept, kept_sentences, strict=True)
        )


def _weapon_kind(weapon: re.Match | None) -> str | None:
    if weapon is None:
        return None
    return "drones" if weapon.group("drones") else "missiles"


def _people_unit(people: re.Match | None) -> str:
    """ "soldiers", "civilians" or "people", from the noun counted and its modifiers."""
    if people is None:
        return "people"
    noun, mods = people.group("noun"), people.group("mods")
    if _SOLDIERS.fullmatch(noun) or _MILITARY_MOD.search(mods):
        return "soldiers"
    if _CIVILIANS.fullmatch(noun) or _CIVILIAN_MOD.search(mods):
        return "civilians"
    return "people"


def _trim(norm: str, start: int, end: int) -> tuple[int, int]:
    """The quote without the spaces and commas at its ends."""
    while start < end and norm[start] in " ,;":
        start += 1
    while end > start and norm[end - 1] in " ,;":
        end -= 1
    return start, end
