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

The patterns and word lists are in `name_rules`. Speed (docs/FACTS.md, "Speed"): the capitalised words that
can start a name are found at C speed (`set.intersection` with every spelling), and what a word or a run of
name words means by itself is worked out once per process and remembered (`_word`, `_run`): the same few
thousand names come back in every bulletin. What depends on the words around a name is read each time.
"""

from __future__ import annotations

from typing import NamedTuple

from warreader.facts.gazetteer import Gazetteer, NameEntry
from warreader.facts.model import PersonMention, Place, PlaceMention
from warreader.facts.name_rules import (
    CAPITALISED,
    CAPITALS,
    GOVERNMENT_AFTER,
    JOINERS_AFTER_SPACE,
    LOCALITY,
    LOCALITY_GATE,
    LOCALITY_WORDS,
    MEMO_LIMIT,
    NEIGHBOUR_AFTER,
    NEIGHBOUR_BEFORE,
    NEXT_CAPITAL,
    NEXT_WORD,
    REGION_AFTER,
    REGION_AFTER_GATE,
    REGION_BEFORE,
    REGION_BEFORE_GATE,
    RUN,
    SENTENCE_BEFORE,
    UNKNOWN,
    WATER_BEFORE,
    WATER_GATE,
    WATER_WORDS,
    chunks,
    fold_word,
    joined,
)
from warreader.facts.numbers import EventText
from warreader.facts.people import PeopleTable

# Named tuples made without their Python-level `__new__` (a third of the cost of making one).
_new = tuple.__new__


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
    entry: NameEntry | None


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
            " ".join(words[:i])
            for k in keys
            if " " in k
            for words in (chunks(k),)
            for i in range(1, len(words))
        )
        self.known = self.prefixes | frozenset(keys)
        # The same, as the words look in lower-cased text: "kyiv", "ivano-frankivsk", "rostov-on-don". The
        # capitalised words of a text are matched against these at C speed (`set.intersection`), so only
        # the few that can start a name are looked at one by one.
        surfaces = {k.replace(" ", "-") for k in self.known}
        surfaces.update([f"{k}'s" for k in surfaces])  # "ukraine's": one set operation finds both
        self.surfaces = frozenset(surfaces)
        #: The places that stand for a government after "said", "accused"… ("Kyiv said").
        self.capitals = frozenset(i for i, p in enumerate(self.places) if p.name in CAPITALS)
        # Remembered per process (see the module docstring); each is emptied should it ever grow past
        # MEMO_LIMIT, a bound on memory that news never reaches.
        self._words: dict[str, _Word] = {}
        self._runs: dict[str, tuple[str, int] | None] = {}
        self._after: dict[str, bool] = {}
        self._before: dict[str, bool] = {}

    # -- where names may start -------------------------------------------------------------------

    def _starts(self, t: EventText) -> list[tuple[int, int]]:
        """(start, end) of the capitalised words that can start a known name, in order; `end` is where
        the shortest spelling found there stops (an "'s" or "'" may follow)."""
        norm, low = t.norm, t.low
        words = CAPITALISED.findall(norm)
        if not words:
            return []
        hits = self.surfaces.intersection(map(str.lower, words))
        if not norm.isascii():
            known = self.known
            hits = hits.union(w.lower() for w in words if not w.isascii() and fold_word(w) in known)
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
        """What a capitalised word of the text names by itself, worked out once (see `_Word`)."""
        info = self._words.get(word)
        if info is None:
            if len(self._words) > MEMO_LIMIT:
                self._words.clear()
            folded = fold_word(word)
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
                self.gazetteer.entry(key) if key is not None and person is None else None,
            )
        return info

    # -- reading names ---------------------------------------------------------------------------

    def find(self, t: EventText) -> tuple[tuple[PlaceMention, ...], tuple[PersonMention, ...]]:
        """Places and people named in the text."""
        starts = self._starts(t)
        if not starts:
            return (), ()
        text, norm, low = t.text, t.norm, t.low
        localities = (
            self._localities(t)
            if not LOCALITY_GATE.isdisjoint(t.words) and any(w in low for w in LOCALITY_WORDS)
            else []
        )
        spans = [(a, b) for a, b, _ in localities]
        water = not WATER_GATE.isdisjoint(t.words) and " of " in low and any(w in low for w in WATER_WORDS)
        size = len(norm)
        memo = self._words
        found: list[tuple[int, int, NameEntry]] = []
        people: list[PersonMention] = []
        taken_until = -1
        for start, stop in starts:
            if start < taken_until or (spans and any(a <= start < b for a, b in spans)):
                continue  # inside a name already found
            if stop < size and norm[stop] == "'":  # "Kyiv's", "Kyiv'": the word goes on
                match = CAPITALISED.match(norm, start)
                if match is None:
                    continue
                word, end = match.group(), match.end()
            elif "A" <= norm[start] <= "Z":
                word, end = norm[start:stop], stop
            else:
                continue  # an upper-case letter outside A-Z: never the start of a capitalised word
            info = memo.get(word) or self._word(word)
            after = norm[end : end + 2]
            if info[1] and not (
                after[:1] == " " and after[1:].islower() and not norm.startswith(JOINERS_AFTER_SPACE, end)
            ):
                # Maybe a name of several words ("Kryvyi Rih"): read on while they begin a spelling.
                read = self._run(norm, start, end, word, info[0])
                if read is None:
                    continue
                key, end = read
                person = self.people.get(key)
                taken_until = end
                if person is not None and key in self.acronyms and not norm[start:end].isupper():
                    continue  # "Un" is not the UN
                entry = None if person is not None else self.gazetteer.entry(key)
            else:
                _folded, _prefix, key, trim, person, not_acronym, entry = info
                if key is None:
                    continue
                end -= trim
                taken_until = end
                if not_acronym:
                    continue
            if person is not None:
                people.append(_new(PersonMention, (person[0], person[1], text[start:end], start, end)))
                continue
            # Part of a longer capitalised name? Only when a capitalised word is right next to it.
            if norm[end + 1 : end + 2].isupper() or (
                start >= 2 and norm[start - 1] == " " and norm[norm.rfind(" ", 0, start - 1) + 1].isupper()
            ):
                if not self._stands_alone(norm, start, end):
                    continue
            if water and WATER_BEFORE.search(low, max(0, start - 12), start):
                continue
            if entry is not None:
                found.append((start, end, entry))
        settled = self._settle(t, found) if found else ()
        if localities:
            placed = [_new(PlaceMention, (place, text[a:b], a, b)) for a, b, place in localities]
            settled = tuple(sorted((*settled, *placed), key=lambda m: m.start))
        return settled, tuple(people)

    def _run(self, norm: str, start: int, end: int, word: str, folded: str) -> tuple[str, int] | None:
        """(folded spelling, end offset) of the longest known name starting with `word` at `start`.

        What can be read after the word is the run of name words `RUN` matches there ("Kyiv Mayor
        Vitali Klitschko"); the same runs come back in every bulletin, so each is read once."""
        run_end = RUN.match(norm, end).end()  # type: ignore[union-attr]
        run = norm[start:run_end]
        found = self._runs.get(run, UNKNOWN)
        if found is UNKNOWN:
            # Read on the run alone, followed by a character no name word begins with: every rule
            # `_name_words` applies looks no further than the run's end and that character.
            found = self._longest(self._name_words(f"{run}.", 0, end - start, word, folded))
            if len(self._runs) > MEMO_LIMIT:
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
            if after[:1] == " " and after[1:].islower() and not norm.startswith(JOINERS_AFTER_SPACE, at):
                break
            following = NEXT_WORD.match(norm, at)
            if following is None:
                break
            chunk = following.group(1)
            folded_chunk = fold_word(chunk)
            words.append((following.start(1), following.end(1), chunk, folded_chunk))
            read, at = f"{read} {folded_chunk}", following.end(1)
        return words

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

    def _localities(self, t: EventText) -> list[tuple[int, int, Place]]:
        """Settlements the text places in a region ("the village of X in … Y region"): the gazetteer's X in
        Y when it has one; else X itself, at the centre of Y (level "locality": the gazetteer lacks it)."""
        found = []
        for match in LOCALITY.finditer(t.norm):
            region_entry = self.gazetteer.entry(fold_word(match.group("region")))
            if region_entry is None or region_entry.region is None:
                continue
            region = self.places[region_entry.region]
            name = match.group("name")
            entry = self.gazetteer.entry(fold_word(name))
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

    # -- a name inside a longer one ----------------------------------------------------------------

    def _stands_alone(self, norm: str, start: int, end: int) -> bool:
        """False when the place name is part of a longer capitalised name nobody knows (see above)."""
        if norm[end + 1 : end + 2].isupper():
            after = NEXT_CAPITAL.match(norm, end)
            if after is not None and not self._neighbour_after(after.group(1)):
                return False
        # The capitalised word just before, spaces between.
        if start < 2 or norm[start - 1] != " ":
            return True
        begin = norm.rfind(" ", 0, start - 1) + 1
        word = norm[begin : start - 1]
        # A word ending in punctuation ("Kharkiv," "said:") ends a clause: it is no neighbour.
        if not word or not word[0].isupper() or not (word[-1].isalnum() or word[-1] == "'"):
            return True
        return (
            self._neighbour_before(word) or SENTENCE_BEFORE.search(norm, max(0, begin - 3), begin) is not None
        )

    def _neighbour_after(self, word: str) -> bool:
        """A capitalised word that may follow a place name ("Kharkiv Governor", "Kyiv Oblast")."""
        ok = self._after.get(word)
        if ok is None:
            folded = fold_word(word)
            ok = folded in NEIGHBOUR_AFTER or self._is_name(folded) or word.endswith("'s")
            if len(self._after) > MEMO_LIMIT:
                self._after.clear()
            self._after[word] = ok
        return ok

    def _neighbour_before(self, word: str) -> bool:
        """A capitalised word that may come before a place name ("President", "Eastern", another name)."""
        ok = self._before.get(word)
        if ok is None:
            folded = fold_word(word)
            ok = folded in NEIGHBOUR_BEFORE or self._is_name(folded)
            if len(self._before) > MEMO_LIMIT:
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

    # -- settling places -------------------------------------------------------------------------

    def _settle(self, t: EventText, found: list[tuple[int, int, NameEntry]]) -> tuple[PlaceMention, ...]:
        """Each found name as a settlement, a region or a country (see the module docstring)."""
        text, norm = t.text, t.low
        count = len(found)
        as_region = [False] * count
        # The region rules need a region word in the text: most events have none, and skip them.
        after_words = not REGION_AFTER_GATE.isdisjoint(t.words)
        before_words = not REGION_BEFORE_GATE.isdisjoint(t.words) and b"of" in t.words
        if after_words or before_words:
            plural_list = [False] * count
            for k, (start, end, entry) in enumerate(found):
                if entry.region is None:
                    continue
                after = (
                    REGION_AFTER.match(norm, end)
                    if after_words and norm[end : end + 1] in (" ", "'")
                    else None
                )
                if after is not None:
                    as_region[k] = True
                    plural_list[k] = after.group("plural") is not None
                elif before_words and REGION_BEFORE.search(norm, max(0, start - 30), start):
                    as_region[k] = plural_list[k] = True
            # Lists: "the Kharkiv and Dnipro regions", "the regions of Mikolaiv, Lviv and Zhytomyr".
            if True in plural_list:
                for k in range(count - 2, -1, -1):
                    if (
                        plural_list[k + 1]
                        and found[k][2].region is not None
                        and joined(norm, found[k], found[k + 1])
                    ):
                        as_region[k] = plural_list[k] = True
                for k in range(1, count):
                    if (
                        plural_list[k - 1]
                        and found[k][2].region is not None
                        and joined(norm, found[k - 1], found[k])
                    ):
                        as_region[k] = plural_list[k] = True
        places = self.places
        regions_named: set | None = None  # made when a name of several settlements needs it
        mentions = []
        for k, (start, end, entry) in enumerate(found):
            index = entry.fixed
            if index is None:
                if as_region[k]:
                    index = entry.region
                elif not entry.settlements:
                    continue  # a spelling that names nothing ("Berlin": only villages called so)
                elif len(entry.settlements) == 1:
                    index = entry.settlements[0]
                else:
                    if regions_named is None:
                        regions_named = _regions_named(places, found, as_region)
                    index = _choose(places, entry.settlements, regions_named)
            if index in self.capitals and GOVERNMENT_AFTER.match(norm, end):
                continue  # "Kyiv said": the government, not the city
            mentions.append(_new(PlaceMention, (places[index], text[start:end], start, end)))
        return tuple(mentions)


def _regions_named(
    places: list[Place], found: list[tuple[int, int, NameEntry]], as_region: list[bool]
) -> set:
    """The regions an event names, to settle a name several settlements share ("Zolochiv, Lviv region")."""
    return {
        places[e.region].admin1
        for k, (_s, _e, e) in enumerate(found)
        if e.region is not None and (as_region[k] or e.region_alone or not e.settlements)
    }


def _choose(places: list[Place], settlements: tuple[int, ...], regions_named: set) -> int:
    """Of settlements sharing a name, the first in a region the event names, else the first."""
    for index in settlements:
        if places[index].admin1 in regions_named:
            return index
    return settlements[0]
