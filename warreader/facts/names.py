"""Places, people and organisations named in an event's text.

Names are looked for in runs of capitalised words ("Kharkiv Governor Oleh Syniehubov", "Kryvyi Rih"),
longest spelling first, each word folded once (`gazetteer.fold`). A spelling in the people table wins over
a place ("Smirnov", not a village called so). Then each place is settled by the rules of docs/FACTS.md:

- a region when the words say so: "Donetsk region", "the Kharkiv and Dnipro regions", "the region of
  Odesa", "Kherson Governor", "the Luhansk governor", "Kherson regional …"; or when the name means only the
  region (Crimea, Dnipropetrovsk);
- else a settlement; of several settlements sharing the name, the one in a region the same event names,
  else the one the gazetteer ranks first (the war's oblasts, then population);
- else a region or a country ("Ukraine", "Poland").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from warreader.facts.gazetteer import Gazetteer, NameEntry
from warreader.facts.model import PersonMention, Place, PlaceMention
from warreader.facts.numbers import EventText
from warreader.facts.people import PeopleTable

# A capitalised word ("Kharkiv", "Rostov-on-Don", "Ukraine's"), and the next word of a name after one:
# joined by a space or a hyphen, with "of"/"the"/"on"… allowed before it ("Ministry of Defence").
_CAPITALISED = re.compile(r"[A-Z][\w'-]*")
_NEXT_WORD = re.compile(
    r"(?:[ \t]+|[ \t]*-[ \t]*)((?:(?:of|the|on|for|and|de|von|der|na|upon)[ \t]+)*[A-Z0-9][\w'-]*)"
)
# As many next words as follow one another (`_NEXT_WORD` repeated): where reading a name may go.
_RUN = re.compile(rf"(?:{_NEXT_WORD.pattern.replace('((?:', '(?:(?:', 1)})*")
_UNKNOWN = object()
_REGION_AFTER = re.compile(
    r"(?:'s)?\s+(?:(?P<plural>regions|oblasts|provinces)|region|oblast|province|krai|kray|governorate"
    r"|regional|governor|governor's|military\s+administration)\b"
)
_REGION_BEFORE = re.compile(
    r"\b(?:region|regions|oblast|oblasts|province|provinces|areas)\s+of\s+(?:the\s+)?$"
)
# A place name inside a longer capitalised name is not that place ("Kreminna Balka" is not Kreminna,
# "Kyiv Independent" is a newspaper, "Maia Sandu" a person): unless the word next to it is one of these.
_NEIGHBOUR_AFTER = frozenset(
    "governor governor's mayor mayor's oblast oblast's region region's regional province krai city military"
    " administration police prosecutor prosecutors council district raion".split()
)
_NEIGHBOUR_BEFORE = frozenset(
    "president prime minister governor mayor eastern western northern southern central russian ukrainian"
    " occupied greater upper lower the in on at near from to and of for by with across outside inside"
    " around despite after before since while when as if but".split()
)
# "the Sea of Azov", "the Gulf of Finland": a body of water, not the town named after it.
_WATER_BEFORE = re.compile(r"\b(?:sea|gulf|bay|lake|strait|straits)\s+of\s+$")
_WATER_WORDS = ("sea of", "gulf of", "bay of", "lake of", "strait")
_NEXT_CAPITAL = re.compile(r"[ \t]+([A-Z][\w'-]*)")
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:;\"(\[]\s*|\n\s*)$")
# "the village of Kreminna Balka in Ukraine's eastern Donetsk region": a settlement placed by the text
# itself, found whether the gazetteer knows it or not (see `_localities`).
_LOCALITY = re.compile(
    r"\b(?:village|town|city|settlement|hamlet|township)\s+of\s+"
    r"(?P<name>[A-Z][\w'-]*(?:[ -][A-Z][\w'-]*){0,2})"
    r",?\s+(?:in|near)\s+(?:the\s+)?(?:(?:[a-z-]+|[A-Z][\w'-]*'s)\s+){0,4}?(?P<region>[A-Z][\w'-]*)"
    r"\s+(?:region|oblast|province)\b"
)
_LOCALITY_WORDS = ("village of", "town of", "city of", "settlement of", "hamlet of", "township of")
# "Kyiv said", "Moscow accused", "Kyiv's allies": the capital standing for its government, not a place
# where anything happened (see `_government`).
CAPITALS = frozenset(("Kyiv", "Moscow"))
_GOVERNMENT_AFTER = re.compile(
    r"(?:\s+(?:has\s+|had\s+|have\s+)?(?:said|says|say|accused|accuses|denied|denies|warned|warns|claimed|claims"
    r"|insisted|insists|urged|urges|demanded|demands|rejected|rejects|announced|announces|agreed|agrees|signed"
    r"|responded|responds|wants|hopes|believes|vowed|vows|asked|asks|called\s+on|calls\s+on|blamed|blames"
    r"|condemned|condemns|refused|refuses|confirmed|confirms|pressed|presses|sought|seeks|expects|expected)\b"
    r"|'s\s+(?:\w+\s+)?(?:forces|troops|allies|partners|government|officials|position|offensive"
    r"|counteroffensive|decision|plans?|request|demands|claims|refusal|response|move|war|invasion|backers"
    r"|delegation|envoy|ambassador|negotiators|soldiers|strikes|attacks|drones|missiles|accusations|stance)\b)"
)
# Words without which a rule cannot apply, tested against the event's set of words before any regex.
_LOCALITY_GATE = frozenset(w.encode() for w in "village town city settlement hamlet township".split())
_WATER_GATE = frozenset(w.encode() for w in "sea gulf bay lake strait straits".split())
_REGION_AFTER_GATE = frozenset(
    w.encode()
    for w in "regions oblasts provinces region oblast province krai kray governorate regional governor military"
    .split()
)
_REGION_BEFORE_GATE = frozenset(
    w.encode() for w in "region regions oblast oblasts province provinces areas".split()
)
#: Words remembered per finder before the memo starts afresh (a bound on memory, never reached by news).
_MEMO_LIMIT = 200_000
_LIST_GAP = re.compile(r"(?:'s)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)$")


def _fold_word(word: str) -> str:
    """`gazetteer.fold` for words of normalised text (the hot path: mostly ASCII)."""
    if word.isascii():
        word = word.lower()
        if "'" in word or "-" in word or "." in word:
            word = " ".join(word.replace("'", "").replace("-", " ").replace(".", "").split())
        return word
    from warreader.facts.gazetteer import fold

    return fold(word)


class NameFinder:
    """Finds places and people in texts with one gazetteer and one people table."""

    def __init__(self, gazetteer: Gazetteer, people: PeopleTable) -> None:
        self.gazetteer = gazetteer
        self.people = people.names
        self.acronyms = frozenset(people.acronyms)
        self.places = gazetteer.places
        keys = (*gazetteer.names, *people.names)
        # The beginnings of spellings of several words ("kryvyi" of "kryvyi rih"): a name is read on only
        # while what was read so far begins a spelling, so most capitalised words ("The", "Russian
        # forces") cost one set lookup. Words are counted as the scanner groups them ("of defence" is one).
        self.prefixes: frozenset[str] = frozenset(
            " ".join(chunks[:i])
            for k in keys
            if " " in k
            for chunks in (_chunks(k),)
            for i in range(1, len(chunks))
        )
        self.known = self.prefixes | frozenset(keys)
        # The same, as the words look in lower-cased text: "kyiv", "ivano-frankivsk", "rostov-on-don". The
        # capitalised words of a text are matched against these at C speed (`set.intersection`), so only
        # the few that can start a name are looked at one by one.
        surfaces = {k.replace(" ", "-") for k in self.known}
        surfaces.update([f"{k}'s" for k in surfaces])  # "ukraine's": one set operation finds both
        self.surfaces = frozenset(surfaces)
        # What a capitalised word means on its own, and whether it may be a neighbour of a place name:
        # the same few hundred words ("Russian", "Ukraine's", "Kyiv") come back in every event, so each is
        # worked out once (see `_word`, `_neighbour_after`, `_neighbour_before`).
        self._words: dict[str, _Word] = {}
        self._after: dict[str, bool] = {}
        self._before: dict[str, bool] = {}
        self._runs: dict[str, tuple[str, int] | None] = {}

    def _starts(self, t: EventText) -> list[tuple[int, int]]:
        """(start, end) of the capitalised words that can start a known name, in order; `end` is where
        the shortest spelling found there stops (an "'s" or "'" may follow)."""
        norm, low = t.norm, t.low
        words = _CAPITALISED.findall(norm)
        if not words:
            return []
        hits = self.surfaces.intersection(map(str.lower, words))
        if not norm.isascii():
            known = self.known
            hits = hits.union(w.lower() for w in words if not w.isascii() and _fold_word(w) in known)
        if not hits:
            return []
        size = len(low)
        find = low.find
        starts: dict[int, int] = {}
        for hit in hits:
            length = len(hit)
            at = find(hit)
            while at != -1:
                end = at + length
                # A word of its own (nothing alphanumeric before it, nor after it but "'s"), capitalised.
                if (
                    (at == 0 or low[at - 1] == " " or not low[at - 1].isalnum())
                    and norm[at].isupper()
                    and (end == size or low[end] == " " or not (low[end].isalnum() or low[end] in "-_"))
                    and (at not in starts or end < starts[at])
                ):
                    starts[at] = end
                at = find(hit, end)
        return sorted(starts.items())

    def _word(self, word: str) -> _Word:
        """What a capitalised word of the text names by itself (see `_Word`)."""
        info = self._words.get(word)
        if info is None:
            if len(self._words) > _MEMO_LIMIT:
                self._words.clear()
            folded = _fold_word(word)
            found = self._longest([(0, len(word), word, folded)])
            key, end = found if found is not None else (None, len(word))
            person = self.people.get(key) if key is not None else None
            info = self._words[word] = _Word(
                folded,
                folded in self.prefixes,
                key,
                len(word) - end,
                person,
                person is not None and key in self.acronyms and not word[:end].isupper(),
            )
        return info

    def find(self, t: EventText) -> tuple[tuple[PlaceMention, ...], tuple[PersonMention, ...]]:
        """Places and people named in the text."""
        starts = self._starts(t)
        if not starts:
            return (), ()
        text, norm, low = t.text, t.norm, t.low
        places: list[tuple[int, int, NameEntry]] = []
        people: list[PersonMention] = []
        localities = (
            self._localities(t)
            if t.has_any(_LOCALITY_GATE) and any(w in low for w in _LOCALITY_WORDS)
            else []
        )
        spans = [(a, b) for a, b, _ in localities]
        water = t.has_any(_WATER_GATE) and " of " in low and any(w in low for w in _WATER_WORDS)
        size = len(norm)
        prefixes, entry_of = self.prefixes, self.gazetteer.entry
        taken_until = -1
        for start, stop in starts:
            if start < taken_until or (spans and any(a <= start < b for a, b in spans)):
                continue  # inside a name already found
            if stop < size and norm[stop] == "'":  # "Kyiv's", "Kyiv'": the word goes on
                match = _CAPITALISED.match(norm, start)
                if match is None:
                    continue
                word, end = match.group(), match.end()
            elif "A" <= norm[start] <= "Z":
                word, end = norm[start:stop], stop
            else:
                continue  # an upper-case letter outside A-Z: never the start of a capitalised word
            info = self._word(word)
            after = norm[end : end + 2]
            if info.prefix and not (
                after[:1] == " " and after[1:].islower() and not norm.startswith(_JOINERS_AFTER_SPACE, end)
            ):
                # Maybe a name of several words ("Kryvyi Rih"): read on while they begin a spelling.
                found = self._run(norm, start, end, word, info.folded)
                if found is None:
                    continue
                key, end = found
                person = self.people.get(key)
                if person is not None and key in self.acronyms and not norm[start:end].isupper():
                    taken_until = end
                    continue  # "Un" is not the UN
            else:
                key = info.key
                if key is None:
                    continue
                end -= info.trim
                person = info.person
                if info.not_acronym:
                    taken_until = end
                    continue
            taken_until = end
            if person is not None:
                people.append(PersonMention(person[0], person[1], text[start:end], start, end))
            elif self._stands_alone(norm, start, end) and not (
                water and _WATER_BEFORE.search(low, max(0, start - 12), start)
            ):
                entry = entry_of(key)
                if entry is not None:
                    places.append((start, end, entry))
        settled = self._settle(t, places) if places else ()
        if localities:
            found_here = [PlaceMention(place, text[a:b], a, b) for a, b, place in localities]
            settled = tuple(sorted((*settled, *found_here), key=lambda m: m.start))
        return settled, tuple(people)

    def _run(self, norm: str, start: int, end: int, word: str, folded: str) -> tuple[str, int] | None:
        """(folded spelling, end offset) of the longest known name starting with `word` at `start`.

        What can be read after the word is the run of name words `_RUN` matches there ("Kyiv Mayor
        Vitali Klitschko"); the same runs come back in every bulletin, so each is read once."""
        run_end = _RUN.match(norm, end).end()  # type: ignore[union-attr]
        run = norm[start:run_end]
        found = self._runs.get(run, _UNKNOWN)
        if found is _UNKNOWN:
            # Read on the run alone, followed by a character no name word begins with: every rule
            # `_name_words` applies looks no further than the run's end and that character.
            read = f"{run}."
            found = self._longest(self._name_words(read, 0, end - start, word, folded))
            if len(self._runs) > _MEMO_LIMIT:
                self._runs.clear()
            self._runs[run] = found
        if found is None:
            return None
        return found[0], start + found[1]

    def _name_words(self, norm: str, start: int, end: int, word: str, folded: str) -> list[tuple]:
        """The words of a name that may go on ("Kryvyi" → "Kryvyi Rih"), read while they begin a spelling."""
        words = [(start, end, word, folded)]
        read, at = folded, end
        while read in self.prefixes:
            # Most names are followed by a space and a lower-case word: no regex needed to see that.
            after = norm[at : at + 2]
            if after[:1] == " " and after[1:].islower() and not norm.startswith(_JOINERS_AFTER_SPACE, at):
                break
            following = _NEXT_WORD.match(norm, at)
            if following is None:
                break
            chunk = following.group(1)
            folded_chunk = _fold_word(chunk)
            words.append((following.start(1), following.end(1), chunk, folded_chunk))
            read, at = f"{read} {folded_chunk}", following.end(1)
        return words

    def _localities(self, t: EventText) -> list[tuple[int, int, Place]]:
        """Settlements the text places in a region ("the village of X in … Y region"): the gazetteer's X in
        Y when it has one; else X itself, at the centre of Y (level "locality": the gazetteer lacks it)."""
        found = []
        for match in _LOCALITY.finditer(t.norm):
            region_entry = self.gazetteer.entry(_fold_word(match.group("region")))
            if region_entry is None or region_entry.region is None:
                continue
            region = self.places[region_entry.region]
            name = match.group("name")
            entry = self.gazetteer.entry(_fold_word(name))
            place = None
            if entry is not None:
                place = next(
                    (self.places[i] for i in entry.settlements if self.places[i].admin1 == region.admin1),
                    None,
                )
            if place is None:
                place = Place(name, region.admin1, region.country, region.lat, region.lon, "locality")
            found.append((match.start("name"), match.end("name"), place))
        return found

    def _stands_alone(self, norm: str, start: int, end: int) -> bool:
        """False when the place name is part of a longer capitalised name nobody knows (see above)."""
        if norm[end + 1 : end + 2].isupper():
            after = _NEXT_CAPITAL.match(norm, end)
            if after is not None and not self._neighbour_after(after.group(1)):
                return False
        # The capitalised word just before, spaces between (`_previous_word`, inlined: a hot path).
        if start < 2 or norm[start - 1] != " ":
            return True
        begin = norm.rfind(" ", 0, start - 1) + 1
        word = norm[begin : start - 1]
        # A word ending in punctuation ("Kharkiv," "said:") ends a clause: it is no neighbour.
        if not word or not word[0].isupper() or not (word[-1].isalnum() or word[-1] == "'"):
            return True
        return self._neighbour_before(word) or _SENTENCE_BEFORE.search(norm, max(0, begin - 3), begin) is not None

    def _neighbour_after(self, word: str) -> bool:
        """A capitalised word that may follow a place name ("Kharkiv Governor", "Kyiv Oblast")."""
        ok = self._after.get(word)
        if ok is None:
            folded = _fold_word(word)
            ok = folded in _NEIGHBOUR_AFTER or self._is_name(folded) or word.endswith("'s")
            if len(self._after) > _MEMO_LIMIT:
                self._after.clear()
            self._after[word] = ok
        return ok

    def _neighbour_before(self, word: str) -> bool:
        """A capitalised word that may come before a place name ("President", "Eastern", another name)."""
        ok = self._before.get(word)
        if ok is None:
            folded = _fold_word(word)
            ok = folded in _NEIGHBOUR_BEFORE or self._is_name(folded)
            if len(self._before) > _MEMO_LIMIT:
                self._before.clear()
            self._before[word] = ok
        return ok

    def _is_name(self, key: str) -> bool:
        return (
            key in self.people
            or key in self.gazetteer.names
            or key.endswith("s")
            and (key[:-1] in self.people or key[:-1] in self.gazetteer.names)
        )

    def _longest(self, words: list[tuple[int, int, str, str]]) -> tuple[str, int] | None:
        """(folded spelling, end offset) of the longest known spelling made of the first of `words`."""
        names, people = self.gazetteer.names, self.people
        for n in range(len(words), 0, -1):
            last = words[n - 1]
            key = " ".join(w[3] for w in words[:n]) if n > 1 else last[3]
            if key in people or key in names:
                return key, last[1] - 1 if last[2].endswith("'") else last[1]
            if last[2].endswith("'s"):  # "Kyiv's" folds to "kyivs": try "kyiv"
                stripped = key[:-1]
                if stripped in people or stripped in names:
                    return stripped, last[1] - 2
        return None

    def _settle(self, t: EventText, found: list[tuple[int, int, NameEntry]]) -> tuple[PlaceMention, ...]:
        """Each found name as a settlement, a region or a country (see the module docstring)."""
        text, norm = t.text, t.low
        count = len(found)
        as_region = [False] * count
        plural_list = [False] * count
        # The region rules need a region word in the text: most events have none, and skip them.
        after_words = t.has_any(_REGION_AFTER_GATE)
        before_words = t.has_any(_REGION_BEFORE_GATE) and b"of" in t.words
        if after_words or before_words:
            for k, (start, end, entry) in enumerate(found):
                if entry.region is None:
                    continue
                after = (
                    _REGION_AFTER.match(norm, end) if after_words and norm[end : end + 1] in (" ", "'") else None
                )
                if after is not None:
                    as_region[k] = True
                    plural_list[k] = after.group("plural") is not None
                elif before_words and _REGION_BEFORE.search(norm, max(0, start - 30), start):
                    as_region[k] = True
                    plural_list[k] = True
        # Lists: "the Kharkiv and Dnipro regions", "the regions of Mikolaiv, Lviv and Zhytomyr".
        if True in plural_list:
            for k in range(count - 2, -1, -1):
                if (
                    plural_list[k + 1]
                    and found[k][2].region is not None
                    and _joined(norm, found[k], found[k + 1])
                ):
                    as_region[k] = plural_list[k] = True
            for k in range(1, count):
                if (
                    plural_list[k - 1]
                    and found[k][2].region is not None
                    and _joined(norm, found[k - 1], found[k])
                ):
                    as_region[k] = plural_list[k] = True
        places = self.places
        # Only needed to settle a name several settlements share ("Zolochiv, Lviv region").
        regions_named = (
            {
                places[e.region].admin1
                for k, (_s, _e, e) in enumerate(found)
                if e.region is not None and (as_region[k] or e.region_alone or not e.settlements)
            }
            if any(len(e.settlements) > 1 for _s, _e, e in found)
            else set()
        )
        mentions = []
        for k, (start, end, entry) in enumerate(found):
            index = _choose(places, entry, as_region[k], regions_named)
            if index is None:
                continue
            place = places[index]
            if place.name in CAPITALS and _GOVERNMENT_AFTER.match(norm, end):
                continue  # "Kyiv said": the government, not the city
            mentions.append(PlaceMention(place, text[start:end], start, end))
        return tuple(mentions)


class _Word(NamedTuple):
    """What one capitalised word of a text means by itself (`NameFinder._word`)."""

    folded: str
    #: It may begin a spelling of several words: what follows it must be read.
    prefix: bool
    #: The spelling it names alone (None: none), and the characters to cut off its end ("'s", "'").
    key: str | None
    trim: int
    person: tuple[str, str] | None
    #: An acronym of the people table not written in capitals ("Un"): names nothing.
    not_acronym: bool


def _choose(places: list[Place], entry: NameEntry, region: bool, regions_named: set) -> int | None:
    if entry.region is not None and (region or entry.region_alone or not entry.settlements):
        return entry.region
    settlements = entry.settlements
    if len(settlements) == 1:
        return settlements[0]
    if settlements:
        for index in settlements:
            if places[index].admin1 in regions_named:
                return index
        return settlements[0]
    return entry.country


_JOINERS = frozenset(("of", "the", "on", "for", "and", "de", "von", "der", "na", "upon"))
_JOINERS_AFTER_SPACE = tuple(f" {j} " for j in _JOINERS)


def _previous_word(norm: str, start: int) -> tuple[str, int] | None:
    """The capitalised word just before `start` (spaces between), with its offset; None if there is none."""
    if start < 2 or norm[start - 1] != " ":
        return None
    begin = norm.rfind(" ", 0, start - 1) + 1
    word = norm[begin : start - 1]
    # A word ending in punctuation ("Kharkiv," "said:") ends a clause: it is no neighbour.
    if not word or not word[0].isupper() or not (word[-1].isalnum() or word[-1] == "'"):
        return None
    return word, begin


def _chunks(key: str) -> list[str]:
    """A folded spelling in the scanner's words: joiners go with the word after them."""
    chunks: list[str] = []
    pending = ""
    for word in key.split():
        if word in _JOINERS and chunks:
            pending += word + " "
        else:
            chunks.append(pending + word)
            pending = ""
    if pending:
        chunks[-1] += " " + pending.strip()
    return chunks


def _joined(norm: str, left: tuple[int, int, NameEntry], right: tuple[int, int, NameEntry]) -> bool:
    """True when two names are neighbours in a list ("Kharkiv and Dnipro", "Lviv, Zhytomyr")."""
    gap = norm[left[1] : right[0]]
    return len(gap) <= 10 and _LIST_GAP.fullmatch(gap) is not None
