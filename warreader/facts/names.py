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

    def _starts(self, t: EventText) -> list[int]:
        """Offsets of the capitalised words that can start a known name, in order."""
        norm, low = t.norm, t.low
        words = _CAPITALISED.findall(norm)
        if not words:
            return []
        lowered = set(map(str.lower, words))
        hits = set(self.surfaces.intersection(lowered))
        if not norm.isascii():
            known = self.known
            hits.update(w.lower() for w in words if not w.isascii() and _fold_word(w) in known)
        starts: list[int] = []
        for hit in hits:
            at = low.find(hit)
            while at != -1:
                end = at + len(hit)
                if (
                    (at == 0 or not low[at - 1].isalnum())
                    and norm[at].isupper()
                    and (end == len(low) or not (low[end].isalnum() or low[end] in "-_"))
                ):
                    starts.append(at)
                at = low.find(hit, end)
        return sorted(set(starts))

    def find(self, t: EventText) -> tuple[tuple[PlaceMention, ...], tuple[PersonMention, ...]]:
        """Places and people named in the text."""
        text, norm = t.text, t.norm
        prefixes = self.prefixes
        places: list[tuple[int, int, NameEntry]] = []
        people: list[PersonMention] = []
        starts = self._starts(t)
        if not starts:
            return (), ()
        low = t.low
        localities = self._localities(t) if any(w in low for w in _LOCALITY_WORDS) else []
        spans = [(a, b) for a, b, _ in localities]
        names, known_people = self.gazetteer.names, self.people
        water = " of " in low and any(w in low for w in _WATER_WORDS)
        taken_until = -1
        for start in starts:
            if start < taken_until or (spans and any(a <= start < b for a, b in spans)):
                continue  # inside a name already found
            match = _CAPITALISED.match(norm, start)
            word, end = match.group(), match.end()  # type: ignore[union-attr]
            folded = _fold_word(word)
            if folded in prefixes:
                found = self._longest(self._name_words(norm, start, end, word, folded))
                if found is None:
                    continue
                key, end = found
            elif folded in known_people or folded in names:
                key = folded
                if word.endswith("'"):
                    end -= 1
            elif word.endswith("'s") and (folded[:-1] in known_people or folded[:-1] in names):
                key, end = folded[:-1], end - 2
            else:
                continue
            taken_until = end
            person = known_people.get(key)
            if person is not None and key in self.acronyms and not norm[start:end].isupper():
                continue  # "Un" is not the UN
            if person is not None:
                people.append(PersonMention(person[0], person[1], text[start:end], start, end))
            elif self._stands_alone(norm, start, end) and not (
                water and _WATER_BEFORE.search(low, max(0, start - 12), start)
            ):
                entry = self.gazetteer.entry(key)
                if entry is not None:
                    places.append((start, end, entry))
        settled = self._settle(text, t.low, places)
        if localities:
            found = [PlaceMention(place, text[a:b], a, b) for a, b, place in localities]
            settled = tuple(sorted((*settled, *found), key=lambda m: m.start))
        return settled, tuple(people)

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
        following = norm[end : end + 2]
        after = _NEXT_CAPITAL.match(norm, end) if following[1:].isupper() else None
        if after is not None:
            word = after.group(1)
            folded = _fold_word(word)
            if folded not in _NEIGHBOUR_AFTER and not self._is_name(folded) and not word.endswith("'s"):
                return False
        before = _previous_word(norm, start)
        if before is not None:
            word, word_start = before
            folded = _fold_word(word)
            if (
                folded not in _NEIGHBOUR_BEFORE
                and not self._is_name(folded)
                and not _SENTENCE_BEFORE.search(norm, max(0, word_start - 3), word_start)
            ):
                return False
        return True

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

    def _settle(
        self, text: str, norm: str, found: list[tuple[int, int, NameEntry]]
    ) -> tuple[PlaceMention, ...]:
        """Each found name as a settlement, a region or a country (see the module docstring)."""
        if not found:
            return ()
        count = len(found)
        as_region = [False] * count
        plural_list = [False] * count
        for k, (start, end, entry) in enumerate(found):
            if entry.region is None:
                continue
            after = _REGION_AFTER.match(norm, end) if norm[end : end + 1] in (" ", "'") else None
            if after is not None:
                as_region[k] = True
                plural_list[k] = after.group("plural") is not None
            elif _REGION_BEFORE.search(norm, max(0, start - 30), start):
                as_region[k] = True
                plural_list[k] = True
        # Lists: "the Kharkiv and Dnipro regions", "the regions of Mikolaiv, Lviv and Zhytomyr".
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
        # Only needed to settle a name several settlements share ("Zolochiv, Lviv region").
        regions_named = (
            {
                self.places[e.region].admin1
                for k, (_s, _e, e) in enumerate(found)
                if e.region is not None and (as_region[k] or e.region_alone or not e.settlements)
            }
            if any(len(e.settlements) > 1 for _s, _e, e in found)
            else set()
        )
        mentions = []
        for k, (start, end, entry) in enumerate(found):
            index = self._choose(entry, as_region[k], regions_named)
            if (
                index is not None
                and self.places[index].name in CAPITALS
                and _GOVERNMENT_AFTER.match(norm, end)
            ):
                continue  # "Kyiv said": the government, not the city
            if index is not None:
                mentions.append(PlaceMention(self.places[index], text[start:end], start, end))
        return tuple(mentions)

    def _choose(self, entry: NameEntry, region: bool, regions_named: set) -> int | None:
        if entry.region is not None and (region or entry.region_alone or not entry.settlements):
            return entry.region
        if len(entry.settlements) == 1:
            return entry.settlements[0]
        if entry.settlements:
            for index in entry.settlements:
                if self.places[index].admin1 in regions_named:
                    return index
            return entry.settlements[0]
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
