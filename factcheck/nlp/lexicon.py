"""The word lists of ``lexicon.yaml`` and the spaCy PhraseMatcher that finds them."""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import yaml

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Span

# Found through the package, not this module's __file__, which a compiled (mypyc) module misreports.
LEXICON_PATH = Path(str(resources.files("factcheck.nlp").joinpath("lexicon.yaml")))


class CueMatch(NamedTuple):  # a NamedTuple: immutable, and built far faster than a frozen dataclass
    """A lexicon phrase found in a sentence; token offsets are relative to the sentence span."""

    category: str
    label: str
    start: int
    end: int
    char_start: int
    char_end: int
    text: str


@functools.lru_cache(maxsize=1)
def load_lexicon(path: Path = LEXICON_PATH) -> dict[str, dict[str, list[str]]]:
    """category -> label -> phrases, as written in ``lexicon.yaml``."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return {
        category: {str(label): [str(p) for p in phrases] for label, phrases in labels.items()}
        for category, labels in data.items()
    }


# Categories read over whole documents or sentences by a regular expression, not matched in sentences as cues.
DOCUMENT_CATEGORIES = frozenset({"subject", "recent_report", "comparison", "agency_event"})


def build_phrase_matcher(nlp: Language) -> PhraseMatcher:
    """One PhraseMatcher over token norms (lower-cased, typographic variants folded); ids are ``category|label``."""
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp.vocab, attr="NORM")
    for category, labels in load_lexicon().items():
        if category in DOCUMENT_CATEGORIES:
            continue
        for label, phrases in labels.items():
            matcher.add(f"{category}|{label}", [nlp.make_doc(phrase) for phrase in phrases])
    return matcher


def subject_names() -> frozenset[str]:
    """The subjects an evidence record can be about (the labels under ``subject:``)."""
    return frozenset(load_lexicon().get("subject", {}))


class PhraseFinder:
    """Where a list's phrases start in a whole document: whole words, any case unless written in capitals
    ("ICE" is not "ice").

    A document is read once per list, so the read must be cheap. A regular expression of dozens of
    alternatives is tried at every character; instead each distinct first word is looked for with
    ``str.find`` (which skips through text in C), and only the phrases that begin with that word are tried
    where it stands. The result is what ``(?<!\\w)(?:phrase|...)(?!\\w)`` (longest phrase first) finds with
    ``finditer``, which the tests check on arbitrary text.
    """

    def __init__(self, phrases: list[str]) -> None:
        self.folded = _PhraseGroups.of(sorted({p.lower() for p in phrases if not p.isupper()}, key=len, reverse=True))
        self.capitals = _PhraseGroups.of(sorted({p for p in phrases if p.isupper()}, key=len, reverse=True))

    def starts(self, text: str, lowered: str) -> list[int]:
        """Offsets where a phrase starts; ``lowered`` is ``text.lower()`` (offsets stay the same)."""
        found = self.folded.starts(lowered)
        if self.capitals.groups:
            found = sorted(found + self.capitals.starts(text))
        return found

    def first(self, text: str, lowered: str) -> int | None:
        """Where the first phrase starts, or None (reads no further than that)."""
        first = self.folded.first(lowered, len(lowered))
        return self.capitals.first(text, len(text) if first is None else first, first)


_FIRST_WORD = re.compile(r"\w+")


class _PhraseGroups:
    """Phrases grouped by their first word, each group one pattern to try where that word starts."""

    def __init__(self, groups: dict[str, re.Pattern[str]]) -> None:
        self.groups = groups

    @classmethod
    def of(cls, phrases: list[str]) -> _PhraseGroups:
        """``phrases`` longest first (an alternation takes the first alternative that fits). A phrase that
        does not begin with a word character gets the empty first word: it is tried at every position."""
        grouped: dict[str, list[str]] = {}
        for phrase in phrases:
            word = _FIRST_WORD.match(phrase)
            grouped.setdefault(word.group() if word else "", []).append(phrase)
        return cls({word: _pattern(members, anchored=bool(word)) for word, members in grouped.items()})

    def matches(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every phrase match, overlapping ones included."""
        found: list[tuple[int, int]] = []
        for word, pattern in self.groups.items():
            if not word:
                found.extend((m.start(), m.end()) for m in pattern.finditer(text))
                continue
            at = text.find(word)
            while at != -1:
                if at == 0 or not _word_char(text[at - 1]):
                    match = pattern.match(text, at)
                    if match is not None:
                        found.append((at, match.end()))
                at = text.find(word, at + 1)
        return found

    def starts(self, text: str) -> list[int]:
        """Non-overlapping match starts, leftmost first, as ``finditer`` gives them."""
        starts: list[int] = []
        reached = 0
        for start, end in sorted(self.matches(text)):
            if start >= reached:
                starts.append(start)
                reached = max(end, start + 1)
        return starts

    def first(self, text: str, stop: int, found: int | None = None) -> int | None:
        """The leftmost match start before ``stop`` (else ``found``)."""
        for word, pattern in self.groups.items():
            if not word:
                match = pattern.search(text)
                if match is not None and match.start() < stop:
                    found = stop = match.start()
                continue
            # find's end bounds where the word ends: a word starting just before ``stop`` still counts
            at = text.find(word, 0, stop + len(word) - 1)
            while at != -1:
                if (at == 0 or not _word_char(text[at - 1])) and pattern.match(text, at) is not None:
                    found = stop = at
                    break
                at = text.find(word, at + 1, stop + len(word) - 1)
        return found


def _word_char(char: str) -> bool:
    """What ``re`` counts as ``\\w``."""
    return char.isalnum() or char == "_"


def _pattern(phrases: list[str], *, anchored: bool) -> re.Pattern[str]:
    """The phrases as one alternation, whole words; ``anchored``: matched only where a word begins (the
    caller checks that), else searched for with its own word-boundary test."""
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"[\s-]+") for p in phrases)
    return re.compile(("" if anchored else r"(?<!\w)") + "(?:" + alternatives + r")(?!\w)")


@functools.lru_cache(maxsize=1)
def change_words() -> frozenset[str]:
    """Single words of change ("rose", "increase", "up"): before "from", they give the period compared against."""
    framing = load_lexicon().get("framing", {})
    return frozenset(w.lower() for w in framing.get("change", []) + framing.get("change_after", []) if " " not in w)


@functools.lru_cache(maxsize=1)
def outdoing_words() -> frozenset[str]:
    """Verbs that set a figure against a period ("will surpass last year's"): the period is compared, not a window."""
    return frozenset(w.lower() for w in load_lexicon().get("comparison", {}).get("outdo", []))


@functools.lru_cache(maxsize=1)
def agency_events() -> dict[tuple[str, str], str]:
    """(agency, event word's event) -> the event that agency's word counts (CBP "arrests" are encounters)."""
    found: dict[tuple[str, str], str] = {}
    for key, events in load_lexicon().get("agency_event", {}).items():
        agency, _, event = key.rpartition(" ")
        if agency and events:
            found[agency, event] = events[0]
    return found


@functools.lru_cache(maxsize=1)
def _place_finders() -> dict[str, PhraseFinder]:
    return {
        name: PhraseFinder(phrases) for name, phrases in load_lexicon().get("geography", {}).items() if name != "_none"
    }


@functools.lru_cache(maxsize=256)
def places_in(text: str) -> frozenset[str]:
    """The places a text names anywhere ("the Southwest border", "Texas"), as geography labels."""
    lowered = text.lower()
    return frozenset(name for name, finder in _place_finders().items() if finder.first(text, lowered) is not None)


@functools.lru_cache(maxsize=1)
def subject_finders() -> dict[str, PhraseFinder]:
    """Per subject, a finder of its phrases."""
    return {name: PhraseFinder(phrases) for name, phrases in load_lexicon().get("subject", {}).items()}


@functools.lru_cache(maxsize=8)
def phrase_finder(category: str, label: str) -> PhraseFinder:
    """A finder of one label's phrases (document-wide reads: "currently", "the letter", "data")."""
    return PhraseFinder(load_lexicon().get(category, {}).get(label, []))


@functools.lru_cache(maxsize=64)
def phrase_pattern(category: str, label: str) -> re.Pattern[str]:
    """One label's phrases as a regular expression over plain text, for rules that read a whole sentence."""
    return _whole_words(load_lexicon().get(category, {}).get(label, []))


def _whole_words(phrases: list[str]) -> re.Pattern[str]:
    folded = sorted({p for p in phrases if not p.isupper()}, key=len, reverse=True)
    capitals = sorted({p for p in phrases if p.isupper()}, key=len, reverse=True)
    parts = []
    if folded:
        parts.append("(?i:" + "|".join(re.escape(p).replace(r"\ ", r"[\s-]+") for p in folded) + ")")
    if capitals:
        parts.append("|".join(re.escape(p) for p in capitals))
    return re.compile(r"(?<!\w)(?:" + "|".join(parts or ["(?!)"]) + r")(?!\w)")


_MATCH_NAMES: dict[int, list[str]] = {}  # a match id's (category, label); ids are string hashes, stable


def find_cues(
    span: Span,
    matcher: PhraseMatcher,
    tokens: list[str] | None = None,
    token_chars: list[int] | None = None,
    text: str | None = None,
) -> list[CueMatch]:
    """Lexicon matches in ``span``; within a category the longest, then leftmost, match wins.

    ``tokens``, ``token_chars`` (the span's token strings and their offsets in the span) and
    ``text`` (the span's text) may be passed in when the caller has them.
    """
    if tokens is None or token_chars is None or text is None:
        tokens = [t.text for t in span]
        token_chars = [t.idx - span.start_char for t in span]
        text = span.text
    vocab_strings = span.doc.vocab.strings
    offset = span.start
    ranks: dict[str, int] = {}  # categories in order of first appearance, as the report lists cues
    found: list[tuple[int, int, int, int, int, str, str]] = []
    for n, (match_id, start, end) in enumerate(matcher(span)):  # doc-level token indices, even for a span
        names = _MATCH_NAMES.get(match_id)
        if names is None:
            names = _MATCH_NAMES[match_id] = vocab_strings[match_id].split("|", 1)
        rank = ranks.setdefault(names[0], len(ranks))
        found.append((rank, start - end, start - offset, n, end - offset, names[0], names[1]))
    found.sort()  # per category: longest first, then leftmost, then in the matcher's order
    cues: list[CueMatch] = []
    taken = 0  # a bit per token of the current category already covered
    rank_now = -1
    for rank, _, start, _, end, category, label in found:
        if rank != rank_now:
            rank_now, taken = rank, 0
        bits = ((1 << (end - start)) - 1) << start
        if taken & bits:
            continue
        taken |= bits
        if label.startswith("_"):
            continue
        if label in _RELEASE_LABELS and _publishes(tokens, start):
            continue
        if category == "geography" and _party_label(tokens, start):
            continue  # "Rep. Tony Gonzales, R-Texas" is about a person, not the place counted
        char_start, char_end = token_chars[start], token_chars[end - 1] + len(tokens[end - 1])
        cues.append(CueMatch(category, label, start, end, char_start, char_end, text[char_start:char_end]))
    cues.sort(key=lambda c: (c.start, c.end))
    return cues


_RELEASE_LABELS = frozenset({"release", "released"})
_DOCUMENT_NOUNS = frozenset(
    "figures data numbers statistics stats report reports analysis study studies memo letter records documents "
    "document tally survey poll estimates estimate chart table dataset database release update findings review "
    "audit transcript video footage list".split()
)


def _publishes(tokens: list[str], start: int) -> bool:
    """ "figures released Tuesday", "data the agency released": publishing a document, not freeing people.

    A document noun up to three words before "released", with only its publisher between, decides it.
    """
    if not tokens[start].lower().startswith("releas"):
        return False
    before = [t.lower() for t in tokens[max(0, start - 3) : start]]
    for i in range(len(before) - 1, -1, -1):
        if before[i] in _DOCUMENT_NOUNS:
            return all(word in _PUBLISHER_WORDS for word in before[i + 1 :])
    # "newly released federal data", "released new figures": a document noun just after, as its object.
    after = [t.lower() for t in tokens[start + 1 : start + 4]]
    return any(word in _DOCUMENT_NOUNS for word in after)


def _party_label(tokens: list[str], start: int) -> bool:
    return start >= 2 and tokens[start - 1] in ("-", "\u2013") and tokens[start - 2] in ("R", "D", "I")


_PUBLISHER_WORDS = frozenset("the its their it agency ice dhs cbp department government officials".split())
