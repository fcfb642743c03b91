"""Link each claim to the evidence record it quotes, or abstain.

Candidates come from the claim's value (within its written precision and hedge, or, for a
misquote, within a wider window), in a compatible unit. Each candidate is scored on how well
the value fits and how well the claim's attributes agree with the record's: what happened,
who is counted, custody, offense, time window, agency, place, and the words of the sentence
against the record's population and aliases (rapidfuzz). A link is made only when the
evidence is strong enough: a forced link is worse than "unverified".
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, cast

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from factcheck.evidence.model import EvidenceRecord
from factcheck.evidence.notes import amount, day, when
from factcheck.evidence.store import EvidenceStore
from factcheck.models import Claim, ClosestRecord, Match
from factcheck.nlp.lexicon import places_in
from factcheck.nlp.timewindows import ADMINISTRATIONS

# Value fits, best first.
EXACT, ROUNDED, HEDGED, HEDGE_WRONG, OFF = "exact", "rounded", "hedged", "hedge_wrong", "off"
CONSISTENT_FITS = (EXACT, ROUNDED, HEDGED)
_FIT_WEIGHT = {EXACT: 3.5, ROUNDED: 2.5, HEDGED: 2.5, HEDGE_WRONG: 1.0, OFF: 0.5}

_COUNT_UNITS = frozenset({"people", "events", "cases"})
_SHARE_UNITS = frozenset({"percent", "ratio"})
_DIRECTIONAL = frozenset({"over", "under", "nearly", "at_least", "at_most", "up_to"})
# Events that can be misread for one another (a docket read as releases, arrests as book-ins).
_EVENT_FAMILY = {
    "docket": "population", "detention": "population", "release": "population",
    "arrest": "enforcement", "booking": "enforcement", "removal": "enforcement", "encounter": "enforcement",
    "prosecution": "courts", "conviction": "courts", "dismissal": "courts",
    "review": "review", "closure": "review",
}  # fmt: skip
_NEUTRAL_EVENTS = frozenset({None, "other"})
_CRIMINALITY_MISREAD = {
    ("convicted", "convicted_or_pending"), ("pending", "convicted_or_pending"), ("convicted_or_pending", "convicted"),
    ("violent", "convicted"), ("violent", "any"), ("violent", "convicted_or_pending"), ("convicted", "violent"),
    ("any", "violent"), ("convicted_or_pending", "any"), ("any", "convicted_or_pending"), ("convicted", "pending"),
}  # fmt: skip
MISQUOTE_WINDOW = 0.6  # a round number may misquote a figure by up to this much (relative)
ALONE_MISQUOTE_WINDOW = 3.0  # ... or this much, if it is the only figure of its event and window
TYPO_WINDOW = 0.01  # an exact-looking number (4+ significant digits) only a typo away
RECENT_MISQUOTE_WINDOW = 0.3  # a misquote placed in time only by the story's date
TRUNCATION = 0.06  # how far below a figure its cut-off writing may fall ("15,000" for 15,811 is 5% below)
MISQUOTE_WORDS = 0.4  # how much of a record's description a sentence must share to call its number wrong
NEARLY_THE_FIGURE = 0.02  # "more than 425,000" is within this of 425,431: a rounding of that figure


@dataclass(slots=True)
class Reading:
    """The claim that candidates are weighed against; its words are read once, and only when first needed."""

    claim: Claim
    store: EvidenceStore
    wider: bool  # also read the whole sentence: shares and misquotes may be described outside the number's words
    words_: ClaimWords | None = None
    sentence_: ClaimWords | None = None

    def words(self) -> ClaimWords:
        if self.words_ is None:
            self.words_ = ClaimWords(self.claim.context or self.claim.text, _vocabulary(self.store))
        return self.words_

    def sentence(self) -> ClaimWords:
        if not self.wider:
            return self.words()
        if self.sentence_ is None:
            self.sentence_ = ClaimWords(self.claim.text, _vocabulary(self.store))
        return self.sentence_


@dataclass(slots=True)
class Candidate:
    """A record a claim may quote. Where it stands in time is worked out at once; how well the sentence's words
    describe it (support, coverage) only when a decision needs it: most candidates fail on time alone."""

    record: EvidenceRecord
    fit: str
    distance: float
    time: str = "unknown"
    contained: bool = False
    recency: str | None = None
    placed: bool = True  # False for a bare number whose story is dated long after the record
    digit_slip: bool = False  # one dropped, doubled, changed or swapped digit away (13,909 for 13,099)
    one_of_a_kind: bool = False  # no other record counts the same thing (another date or year of a series)
    same_period: bool = False  # the claim's window is the record's (nearly the same days), not just overlapping
    long_before: bool = False  # the record's figure is over two years older than the text
    out_after: bool = False  # the record's figure is from over three months after the text
    reading: Reading | None = None
    weighed: bool = False
    support_: float = 0.0
    place_: float = 0.0
    event_support_: float = 0.0
    coverage_: float = 0.0  # how much of the record's population the sentence's words cover
    reasons_: list[str] = field(default_factory=list)

    def _weighed(self) -> Candidate:
        if not self.weighed and self.reading is not None:
            self.weighed = True
            _weigh(self, self.reading)
        return self

    @property
    def support(self) -> float:
        return self._weighed().support_

    @property
    def place(self) -> float:
        return self._weighed().place_

    @property
    def event_support(self) -> float:
        return self._weighed().event_support_

    @property
    def coverage(self) -> float:
        return self._weighed().coverage_

    @property
    def reasons(self) -> list[str]:
        return self._weighed().reasons_

    @property
    def preference(self) -> int:
        """Which kind of link to prefer: a consistent figure for the right window, then a misquote of the
        right window's figure, then a consistent figure given for the wrong window (convention 7)."""
        if self.fit in CONSISTENT_FITS:
            return 2 if self.time in (MATCH, UNKNOWN) else 0
        return 1

    @property
    def score(self) -> float:
        return _FIT_WEIGHT[self.fit] - min(self.distance, 1.0) + self.support


# --- values ------------------------------------------------------------------------------


def _to_percent(value: float, unit: str) -> float:
    return value * 100 if unit == "ratio" else value


def _comparable(claim: Claim, record: EvidenceRecord) -> tuple[float, float, float | None, float | None, float] | None:
    """(claim value, record value, claim low, claim high, precision) in one scale, or None if units differ."""
    if claim.value is None or claim.measure == "change":
        return None  # a change ("grew by 20,000", "up 30 percent") is no level, share or rate of a record
    if (claim.measure == "rate") != (record.measure == "rate") and not _average_population(claim, record):
        return None  # "310 a day" is not a count of 310, and a count is not a rate
    if claim.unit in _SHARE_UNITS and record.unit in _SHARE_UNITS:
        scale = 100.0 if claim.unit == "ratio" else 1.0
        low = claim.low * scale if claim.low is not None else None
        high = claim.high * scale if claim.high is not None else None
        precision = claim.precision * scale if claim.unit == "ratio" else claim.precision
        return claim.value * scale, _to_percent(record.value, record.unit), low, high, precision
    counts = claim.unit in _COUNT_UNITS and record.unit in _COUNT_UNITS
    if counts or claim.unit == record.unit:
        return claim.value, record.value, claim.low, claim.high, claim.precision
    return None


def _average_population(claim: Claim, record: EvidenceRecord) -> bool:
    """A daily-average population (ADP) is a rate of the data but read as a head count."""
    return record.measure == "rate" and record.event == "detention" and claim.measure in ("stock", "unknown")


def value_fit(claim: Claim, record: EvidenceRecord) -> tuple[str, float] | None:
    """How the claim's value fits the record's, and their relative distance; None if not comparable."""
    values = _comparable(claim, record)
    if values is None:
        return None
    v, r, low, high, p = values
    distance = abs(r - v) / abs(r) if r else (0.0 if v == r else math.inf)
    if record.low is not None and record.high is not None and low is not None and high is not None:
        rl, rh = _to_percent(record.low, record.unit), _to_percent(record.high, record.unit)
        return (EXACT if (rl, rh) == (low, high) else ROUNDED if low <= r <= high else OFF), distance
    if low is not None and high is not None:  # a range in the text: the figure must lie inside it
        return (ROUNDED if low <= r <= high else OFF), distance
    hedge = claim.approx
    if hedge in _DIRECTIONAL:
        return (HEDGED if _within_hedge(hedge, v, r, p) else HEDGE_WRONG), distance
    if math.isclose(r, v, rel_tol=1e-9, abs_tol=1e-9):
        return EXACT, distance
    # "About" widens a round number ("about 436,000"), not an exact-looking one: "about 662,556" is a slip.
    about = hedge == "about" and significant_digits(claim.number.text) <= 3 and abs(r - v) <= max(p, 0.03 * abs(v))
    if _rounds_to(v, r, p) or abs(r - v) <= p / 2 or about:
        return (HEDGED if hedge else ROUNDED), distance
    return OFF, distance


def _rounds_to(v: float, r: float, p: float) -> bool:
    """Whether writing ``r`` at precision ``p`` can give ``v``: to nearest, or truncated when ``p`` is fine."""
    if p <= 0:
        return False
    if math.isclose(round(r / p) * p, v, rel_tol=1e-9, abs_tol=1e-9):
        return True
    # Cut off rather than rounded ("15,000" for 15,811, "2.3 million" for 2,378,944), if not by much.
    truncated = math.isclose(math.floor(r / p) * p, v, rel_tol=1e-9, abs_tol=1e-9)
    return truncated and (p <= 0.02 * abs(v) or abs(r - v) <= TRUNCATION * abs(r))


def _within_hedge(hedge: str, v: float, r: float, p: float) -> bool:
    # "Nearly" allows half the written step below, but never more than a tenth: "nearly 300,000" is no 256,085.
    slack = max(0.05 * abs(v), min(p / 2, 0.1 * abs(v)))
    if hedge == "over":
        return v <= r <= max(v * 1.2, v + p)  # equal too: a source's own "more than 893,600"
    if hedge == "under":
        return min(v * 0.8, v - p) <= r <= v  # equal too: a source's own "below 6%"
    if hedge == "nearly":
        return v - slack <= r <= v
    if hedge == "at_least":
        return v <= r <= max(v * 1.5, v + p)
    return r <= v  # at_most, up_to


def significant_digits(number_text: str) -> int:
    """How specific a written number is: "435,719" has 6 significant digits, "500,000" 1, "7.4 million" 2."""
    first = re.split(r"[\s\-–—]+", number_text.strip())[0] if number_text.strip() else ""
    digits = re.sub(r"[^0-9.]", "", first)
    if not digits:
        return 1
    if "." in digits:
        return len(digits.replace(".", "").lstrip("0")) or 1
    return len(digits.lstrip("0").rstrip("0")) or 1


# --- attributes --------------------------------------------------------------------------


def _event_support(claim: Claim, record: EvidenceRecord) -> tuple[float, str | None]:
    if claim.event in _NEUTRAL_EVENTS or record.event in _NEUTRAL_EVENTS:
        return 0.0, None
    if claim.event == record.event:
        return 2.0, claim.event
    families = {_EVENT_FAMILY.get(claim.event or ""), _EVENT_FAMILY.get(record.event or "")}
    if claim.unit in _SHARE_UNITS and families <= {"population", "enforcement", "review"}:
        return -0.5, None  # a share of something else: the base-mismatch the rules flag
    if families == {"population", "enforcement"} or families == {"population"}:
        return 0.0, None  # a flow read as a population, or a docket read as releases: misreadings the rules flag
    return (-1.0, None) if len(families) == 1 else (-1.5, None)


def _criminality_support(claim: Claim, record: EvidenceRecord) -> float:
    if claim.criminality is None or record.criminality is None:
        return 0.0
    if claim.criminality == record.criminality:
        return 1.0 if claim.criminality != "any" else 0.5
    return 0.0 if (claim.criminality, record.criminality) in _CRIMINALITY_MISREAD else -1.0


def _custody_support(claim: Claim, record: EvidenceRecord) -> float:
    if claim.custody is None or record.custody is None:
        return 0.0
    if claim.custody == record.custody:
        return 0.5
    pair = {claim.custody, record.custody}
    if "released" in pair:
        return 0.0  # "released" for a docket is the misreading the rules flag
    return -1.0 if pair == {"detained", "non_detained"} else -0.5


def _another_row(claim: Claim, record: EvidenceRecord) -> bool:
    """The sentence names one offense and the record counts another ("sexual offenses" against homicide)."""
    named = claim.offense.replace("_", " ") if claim.offense else None
    return named is not None and record.offense is not None and named != record.offense


def _offense_support(claim: Claim, record: EvidenceRecord) -> float:
    claimed = claim.offense.replace("_", " ") if claim.offense else None
    if claimed is None and record.offense is None:
        return 0.0
    if claimed == record.offense:
        return 2.0
    if claimed is None:
        return -0.5
    return -1.0 if record.offense is None else -2.0


def record_window(record: EvidenceRecord) -> tuple[dt.date | None, dt.date | None]:
    return record.time_anchor()


MATCH, PARTIAL, CONFLICT, UNKNOWN = "match", "partial", "conflict", "unknown"
SNAPSHOT_DAYS = 3  # a snapshot dated this close to a record's date is the record's
_TIME_WEIGHT = {MATCH: 1.5, PARTIAL: 0.25, CONFLICT: -1.0, UNKNOWN: 0.0}


_NOW = re.compile(r"\b(?:now|currently|today|right now|these days)\b", re.IGNORECASE)
ClaimSpan = tuple[dt.date, dt.date] | None


def _speaks_of_now(claim: Claim) -> bool:
    """ "ICE is now holding 68,000": the window is the story's date."""
    return bool(claim.time.text and _NOW.search(claim.time.text))


def claim_span(claim: Claim) -> ClaimSpan:
    """The days the claim's window covers, or None when no window can be compared with a record's."""
    if claim.time.kind in ("none", "recurring") or (claim.time.start is None and claim.time.end is None):
        return None
    if _speaks_of_now(claim):
        return None  # "now" is judged by the stale-evidence rule
    if framed_by_a_term(claim):
        return None  # "under Biden" frames the claim; attribution-across-administrations judges it
    if claim.time.kind == "relative" and claim.time.end is None:
        return None  # "since October 1" in an undated text: it ends no one knows when
    c_start = claim.time.start or claim.time.end
    c_end = claim.time.end or claim.time.start
    return (c_start, c_end) if c_start is not None and c_end is not None else None


def time_agreement(claim: Claim, record: EvidenceRecord) -> str:
    """How the claim's window compares with the record's: match, partial, conflict, or unknown."""
    span = claim_span(claim)
    agreement = span_agreement(span, claim.measure, record)
    if agreement != MATCH and any(span_agreement(s, claim.measure, record) == MATCH for s in other_terms(claim, span)):
        return MATCH
    return agreement


def other_terms(claim: Claim, span: ClaimSpan) -> list[tuple[dt.date, dt.date]]:
    """The claim's window moved to the named president's other terms: with no date on a text, "Trump's first
    100 days" may be 2017's or 2025's, and whichever the record is, the text may mean it."""
    name = claim.time.administration
    if span is None or name is None or name not in ADMINISTRATIONS:
        return []
    terms = [start for start, _ in ADMINISTRATIONS[name]]
    own = min(terms, key=lambda start: abs((span[0] - start).days))
    if abs((span[0] - own).days) > 3:
        return []  # a window that does not start with the term ("since 2023") is not a term's own span
    return [(start, start + (span[1] - span[0])) for start in terms if start != own]


def span_agreement(span: ClaimSpan, measure: str, record: EvidenceRecord) -> str:
    """:func:`time_agreement` for a claim's :func:`claim_span` (worked out once per claim, not per record)."""
    start, end = record_window(record)
    if span is None or start is None or end is None:
        return UNKNOWN
    c_start, c_end = span
    if _calendar_for_fiscal_year(span, start, end):
        return MATCH  # "in 2014" for fiscal 2014: how most writers name the fiscal year
    if start == end and c_start == c_end and abs((c_start - start).days) <= SNAPSHOT_DAYS:
        return MATCH  # "as of Nov. 15" for the count ICE dated Nov. 16: the same snapshot, reported a day off
    if c_end < start or end < c_start:
        return CONFLICT
    overlap = (min(c_end, end) - max(c_start, start)).days + 1
    union = (max(c_end, end) - min(c_start, start)).days + 1
    if start == end:  # a snapshot: the claim's window must pin the date, or the claim be a stock within it
        return MATCH if (c_end - c_start).days <= 62 or measure == "stock" else PARTIAL
    if c_start == c_end and abs((c_end - end).days) <= 3:
        return MATCH  # "by July 20" for a count that runs up to July 20
    return MATCH if overlap / union >= 0.5 else PARTIAL


def _calendar_for_fiscal_year(span: ClaimSpan, start: dt.date, end: dt.date) -> bool:
    """Whether the claim gives calendar year Y for the record's fiscal year Y (October Y-1 to September Y)."""
    if span is None:
        return False
    c_start, c_end = span
    calendar = (c_start.month, c_start.day, c_end.month, c_end.day) == (1, 1, 12, 31) and c_start.year == c_end.year
    fiscal = (start.month, start.day, end.month, end.day) == (10, 1, 9, 30) and end.year == start.year + 1
    return calendar and fiscal and c_end.year == end.year


def _nearly_the_same_days(span: ClaimSpan, record: EvidenceRecord) -> bool:
    """Whether a period claim covers nearly the record's days ("January to June" is not "the first 100 days")."""
    start, end = record_window(record)
    if span is None or start is None or end is None or start == end:
        return True  # snapshots and unplaced claims are judged by span_agreement alone
    if _calendar_for_fiscal_year(span, start, end):
        return False  # a calendar year's count may differ from the fiscal year's: not sure enough to call it wrong
    c_start, c_end = span
    overlap = (min(c_end, end) - max(c_start, start)).days + 1
    union = (max(c_end, end) - min(c_start, start)).days + 1
    return c_start == c_end or overlap / union >= 0.8


def _contains(claim: Claim, record: EvidenceRecord) -> bool:
    """Whether the claim's window contains the record's ("this fiscal year" around a count to November 15)."""
    start, end = record_window(record)
    c_start, c_end = claim.time.start, claim.time.end
    return bool(start and end and c_start and c_end and c_start <= start and end <= c_end)


def _place_support(claim: Claim, record: EvidenceRecord) -> float:
    claimed = claim.geography
    if claimed in (None, "United States"):
        return -0.5 if record.geography not in ("United States", "U.S.-Mexico border") else 0.0
    return 1.0 if claimed == record.geography else -1.0


def _agency_support(claim: Claim, record: EvidenceRecord) -> float:
    if claim.agency is None:
        return 0.0
    return 0.5 if claim.agency == record.agency else -0.5


_STOPWORDS = frozenset(
    """a an the of on in at to for from by with and or not no who whose that which as its their his her than more
    less per was were is are be been had has have ice's""".split()
)
_WORD = re.compile(r"[a-z][a-z'-]+")


def _content_words(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOPWORDS]


_SUFFIXES = ("ations", "ation", "ions", "ion", "ings", "ing", "als", "al", "ed", "es", "s")


_STEMS: dict[str, str] = {}  # words met again and again (bounded like Vocabulary's memo)


def _stem(word: str) -> str:
    """A crude stem, so "removed", "removal" and "removals" are one word to the matcher."""
    stem = _STEMS.get(word)
    if stem is None:
        stem = word
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                stem = word[: -len(suffix)]
                break
        if len(_STEMS) >= 200_000:
            _STEMS.clear()
        _STEMS[word] = stem
    return stem


class Vocabulary:
    """The content words of every record's population and aliases, and which of them each word
    of a text comes close to (rapidfuzz ratio >= 84), memoised per word.

    Comparing a claim with a record asks, for each record word, whether the claim has it or a
    near spelling. Asked the other way round (which record words is this claim word near?) the
    answer depends on one word only, so a word met in thousands of articles is looked up once.
    """

    _LIMIT = 200_000  # memoised words before the memo starts again (bounds memory on huge archives)

    def __init__(self, words: set[str]) -> None:
        self.words = sorted(words)
        self._near: dict[str, frozenset[str]] = {}

    def near(self, word: str) -> frozenset[str]:
        found = self._near.get(word)
        if found is None:
            if len(self._near) >= self._LIMIT:
                self._near.clear()
            matches = process.extract(word, self.words, scorer=fuzz.ratio, score_cutoff=84, limit=None)
            found = self._near[word] = frozenset(match for match, _, _ in matches)
        return found


def _vocabulary(store: EvidenceStore) -> Vocabulary:
    vocabulary = store.derived.get("vocabulary")
    if not isinstance(vocabulary, Vocabulary):
        records = [*store.records.values(), *(r for group in _index(store).records.values() for r in group)]
        words = {w for record in records for w in _phrases(record, store).words}
        vocabulary = store.derived["vocabulary"] = Vocabulary(words)
    return vocabulary


class ClaimWords:
    """The record words a claim's context has, exactly or in a near spelling (fuzz.ratio is symmetric)."""

    __slots__ = ("found",)

    def __init__(self, text: str, vocabulary: Vocabulary) -> None:
        self.found: set[str] = set()
        for word in set(_content_words(text)):
            self.found |= vocabulary.near(word)

    def coverage(self, phrases: Phrases) -> float:
        """The largest share of one phrase's content words (all record words) that the claim has."""
        common = self.found & phrases.words
        if not common:
            return 0.0
        counts = [0] * len(phrases.lengths)
        for word in common:
            for i in phrases.where[word]:
                counts[i] += 1
        return max(count / length for count, length in zip(counts, phrases.lengths, strict=True) if length)


@dataclass(slots=True)
class Phrases:
    """A record's population and aliases as content words, indexed by word for :meth:`ClaimWords.coverage`
    (which runs for every candidate of every claim: it touches only the words a claim shares with the record)."""

    lengths: list[int]  # words per phrase (a repeated word counts each time)
    where: dict[str, list[int]]  # word -> the phrases it occurs in, once per occurrence
    words: frozenset[str]

    @classmethod
    def of(cls, phrases: list[list[str]]) -> Phrases:
        where: dict[str, list[int]] = {}
        for i, phrase in enumerate(phrases):
            for word in phrase:
                where.setdefault(word, []).append(i)
        return cls([len(p) for p in phrases], where, frozenset(where))


def _phrases(record: EvidenceRecord, store: EvidenceStore) -> Phrases:
    """Content words of the record's population and each alias, indexed, computed once per store.

    Keyed by population too: a share's head-count twin (``as_count``) keeps the id, not the population.
    """
    cache = cast("dict[tuple[str, str], Phrases]", store.derived.setdefault("phrase_words", {}))
    key = (record.id, record.population)
    if key not in cache:
        cache[key] = Phrases.of([_content_words(phrase) for phrase in [record.population, *record.aliases]])
    return cache[key]


def _text_support(words: ClaimWords, phrases: Phrases) -> tuple[float, float]:
    """(support, coverage): how much of what the record counts the sentence talks about, -0.5 (nothing) .. +1.5
    (all), and the share of the record's description covered.

    Misreadings reword the population ("7.4 million illegal immigrants released"), so absent
    words weigh less than present ones.
    """
    coverage = words.coverage(phrases)
    return max(-0.5, (coverage - 0.4) * 2.5), coverage


def _place_in_time(claim: Claim, candidate: Candidate, span: ClaimSpan, published: dt.date | None) -> None:
    """Where the record stands against the claim's window and the story's date."""
    record = candidate.record
    candidate.time = span_agreement(span, claim.measure, record)
    if candidate.time != MATCH and claim.time.administration is not None:
        moved = [s for s in other_terms(claim, span) if span_agreement(s, claim.measure, record) == MATCH]
        if moved:
            span, candidate.time = moved[0], MATCH
    candidate.same_period = candidate.time == MATCH and _nearly_the_same_days(span, record)
    candidate.contained = _contains(claim, record)
    candidate.recency = _recency(claim, record, published)
    anchor = record.as_of or record.period_end
    candidate.long_before = published is not None and anchor is not None and (published - anchor).days > 730
    candidate.out_after = published is not None and anchor is not None and (anchor - published).days > 92
    candidate.placed = claim.time.kind != "none" or published is None or candidate.recency == RECENT


def _weigh(candidate: Candidate, reading: Reading) -> None:
    """How well the claim's words describe the record: its support, coverage and the reasons given for a link."""
    claim, record, store = reading.claim, candidate.record, reading.store
    event, event_name = _event_support(claim, record)
    criminality = _criminality_support(claim, record)
    offense = _offense_support(claim, record)
    candidate.place_ = _place_support(claim, record)
    candidate.event_support_ = event
    text, candidate.coverage_ = _text_support(reading.words(), _phrases(record, store))
    candidate.support_ = (
        event
        + criminality
        + _custody_support(claim, record)
        + offense
        + _agency_support(claim, record)
        + candidate.place_
        + text
        + _TIME_WEIGHT[candidate.time]
        - (0.75 if candidate.recency == STALE else 0.0)
    )
    sentence = reading.sentence()
    if sentence is not reading.words() and (claim.unit in _SHARE_UNITS or candidate.fit not in CONSISTENT_FITS):
        candidate.coverage_ = max(candidate.coverage_, sentence.coverage(_phrases(record, store)))
    if event_name:
        candidate.reasons_.append(event_name)
    if criminality > 0 and record.criminality:
        candidate.reasons_.append(record.criminality.replace("_", " "))
    if offense > 0 and record.offense:
        candidate.reasons_.append(record.offense)
    if candidate.time == MATCH:
        candidate.reasons_.append(when(record))


# --- linking -----------------------------------------------------------------------------


@dataclass(slots=True)
class ValueIndex:
    """Records sorted by value, per unit family, for range lookups."""

    keys: dict[str, list[float]]
    records: dict[str, list[EvidenceRecord]]
    # The same per unit family and event: a misquote is looked for only among records of the claim's event.
    event_keys: dict[tuple[str, str | None], list[float]]
    event_records: dict[tuple[str, str | None], list[EvidenceRecord]]

    @classmethod
    def build(cls, store: EvidenceStore) -> ValueIndex:
        groups: dict[str, list[tuple[float, EvidenceRecord]]] = {}
        for record in store.records.values():
            groups.setdefault(_family(record.unit), []).append((_to_percent(record.value, record.unit), record))
            count = record.as_count()  # a share's published count links to the share's record
            if count is not None:
                groups.setdefault(_family(count.unit), []).append((count.value, count))
        by_event: dict[tuple[str, str | None], list[tuple[float, EvidenceRecord]]] = {}
        for family, items in groups.items():
            items.sort(key=lambda item: (item[0], item[1].id))
            for value, record in items:
                by_event.setdefault((family, record.event), []).append((value, record))
        return cls(
            {k: [v for v, _ in items] for k, items in groups.items()},
            {k: [r for _, r in items] for k, items in groups.items()},
            {k: [v for v, _ in items] for k, items in by_event.items()},
            {k: [r for _, r in items] for k, items in by_event.items()},
        )

    def near(self, unit: str, low: float, high: float) -> list[tuple[float, EvidenceRecord]]:
        """(value on the index's scale, record) for records of a compatible unit with low <= value <= high."""
        family = _family(unit)
        return _between(self.keys.get(family, []), self.records.get(family, []), low, high)

    def near_of_event(
        self, unit: str, event: str | None, low: float, high: float
    ) -> list[tuple[float, EvidenceRecord]]:
        """:meth:`near`, for records counting ``event`` only."""
        key = (_family(unit), event)
        return _between(self.event_keys.get(key, []), self.event_records.get(key, []), low, high)


def _between(
    keys: list[float], records: list[EvidenceRecord], low: float, high: float
) -> list[tuple[float, EvidenceRecord]]:
    lo, hi = bisect.bisect_left(keys, low), bisect.bisect_right(keys, high)
    return list(zip(keys[lo:hi], records[lo:hi], strict=True))


def _family(unit: str) -> str:
    if unit in _COUNT_UNITS:
        return "count"
    if unit in _SHARE_UNITS:
        return "share"
    return unit


def _index(store: EvidenceStore) -> ValueIndex:
    index = store.derived.get("value_index")
    if not isinstance(index, ValueIndex):
        index = store.derived["value_index"] = ValueIndex.build(store)
    return index


REJECTED = -10.0  # the margin of a candidate that fails outright (wrong window, other event ...)


def _margin(claim: Claim, candidate: Candidate, specificity: int, unique: bool, alone: bool) -> tuple[float, str]:
    """How far ``candidate`` clears the evidence a link needs (>= 0 links), and, below that, why it fell short.

    ``unique``: the only consistent fit; ``alone``: the only record of this event for this window (so a
    far misquote can only mean it).
    """
    wrong_window = candidate.time in (PARTIAL, CONFLICT)
    if candidate.time != MATCH and (candidate.recency == LATER or (candidate.out_after and candidate.fit != EXACT)):
        # "above 385,000 each fiscal year" in a 2019 story is no rounding of a 2025 total, whatever its window says.
        return REJECTED, "it was published after the text"
    if candidate.long_before and candidate.time != MATCH and candidate.fit != EXACT and not _speaks_of_now(claim):
        # "158,000 arrests in 100 days" in a 2025 story is not fiscal 2018's 158,581: years older than the
        # text, and nothing in the sentence names its period. ("Now" keeps old figures: stale-evidence.)
        return REJECTED, "it is years older than the text, whose words do not name its period"
    loosely_dated = claim.time.kind == "recurring" or framed_by_a_term(claim) or candidate.time in (PARTIAL, CONFLICT)
    if _vague(claim) and loosely_dated:
        # "hundreds of thousands deported annually under Obama" is no one year's figure.
        return REJECTED, "an order of magnitude over a span of years quotes no one figure"
    if claim.has_cue("framing", "target") != candidate.record.target:
        return REJECTED, "a target or projection is not a count of what happened" if candidate.record.target else (
            "the sentence gives a target or projection, the record what happened"
        )
    unsaid = _share_of_what(claim, candidate)
    if unsaid:
        return REJECTED, unsaid
    if _another_row(claim, candidate.record) and (candidate.fit != EXACT or specificity < 3):
        # "more than 11,000 convicted of other sexual offenses" is no rounding of the homicide row's 13,099; only
        # the exact figure of one row under another row's name is that row misnamed (severity-conflation).
        return REJECTED, "the sentence names another offense"
    # A round number says too little to outweigh the sentence's event ("300,000 arrests" is no 271,484 removals);
    # an exact-looking one speaks for itself, whatever word a writer put on it.
    other = _another_event(claim, candidate.record) if specificity <= 2 else None
    if other:
        return REJECTED, other
    # Of a series (removals by year), a round number is any year's unless its window or the story's date says
    # which: "50,000 in early June" in an undated story is no more fiscal 2019's figure than any other year's.
    in_a_series = candidate.fit != EXACT and not candidate.one_of_a_kind and candidate.recency != RECENT
    if specificity <= 2 and in_a_series and candidate.time != MATCH:
        return REJECTED, "a round number that no period ties to this date or year of the series"
    if candidate.fit in (EXACT, ROUNDED):
        if wrong_window and candidate.fit == ROUNDED and specificity < 3:
            return REJECTED, "a round number given for another period is not a quote of this figure"
        if wrong_window and claim.unit in _SHARE_UNITS and not candidate.one_of_a_kind and _pins_a_day(claim):
            # "73.6 percent on November 30" against November 16's 73.6%: a share often holds from one count to the
            # next, so the day the sentence names is likelier a count the evidence base does not hold.
            return REJECTED, "a share given for another day of the series"
        # The rarer the number, the less else has to agree: 435,719 is nearly unique, 70% is not.
        needed = 1.5 if specificity <= 2 else -0.75 if specificity == 3 else -1.5
        if candidate.fit == EXACT and unique:
            needed = min(needed, 0.0)  # the only record with exactly this figure: still something must agree
        return candidate.support - needed, "the sentence says too little of what the record counts"
    if candidate.fit == HEDGED:
        if wrong_window:
            return REJECTED, "the sentence gives another period"
        subset = candidate.record.criminality
        if subset not in (None, "any") and claim.criminality in (None, "any"):
            # "over 65,000 arrests" reaches a subset's 74,283 (those with no record): the words must name the subset.
            return REJECTED, f"the sentence does not say it counts {subset.replace('_', ' ')} people"
        if unique and candidate.placed and claim.event not in _NEUTRAL_EVENTS and candidate.event_support >= 0:
            return candidate.support, "the sentence says too little of what the record counts"  # fits one record only
        if unique and specificity >= 3 and candidate.event_support >= 0 and candidate.distance <= NEARLY_THE_FIGURE:
            # "More than 425,000 ... with criminal convictions": far closer to 425,431 than to any other figure.
            return candidate.support - 0.5, "the sentence says too little of what the record counts"
        return candidate.support - 1.5, "the sentence says too little of what the record counts"
    return _misquote_margin(claim, candidate, specificity, alone)


def _misquote_margin(claim: Claim, candidate: Candidate, specificity: int, alone: bool) -> tuple[float, str]:
    """A misquote ("500,000" for 435,719) is recognised only for the same event, place and window, and only
    when the sentence is sure of what is counted (convention 10): it will be called wrong."""
    record = candidate.record
    # An undated figure can only misquote a record that has no other date or year to be confused with.
    undated = claim.time.kind == "none" or framed_by_a_term(claim)  # "Harris let in ..." names no period
    undated_but_unmistakable = undated and candidate.one_of_a_kind and candidate.recency != STALE
    # A running total "this fiscal year" may misquote a count to date; an explicit period holds more than a part.
    open_ended = claim.time.kind == "relative" and claim.time.administration is None  # a term is no running total
    # The story's date places a bare misquote only of a one-of-a-kind figure: of a series (detention counts
    # by date), the writer may be quoting a date the evidence base does not hold.
    placed_by_the_story = candidate.recency == RECENT and candidate.one_of_a_kind
    same_window = (
        (candidate.time == MATCH and (candidate.same_period or open_ended))
        or (candidate.time == PARTIAL and candidate.contained and open_ended)
        or placed_by_the_story
        or undated_but_unmistakable
    )
    if not same_window:
        return REJECTED, "its period differs from the sentence's"
    if open_ended and _to_another_day(claim, record):
        # "So far, 1.4 million have self-deported" in late October against a total to September 23: a running
        # total grows, so a smaller figure on another day is no misquote of it.
        return REJECTED, "a running total to another day"
    if _counted_event(claim) != record.event:
        return REJECTED, "it counts another event"
    if candidate.place < 0:
        return REJECTED, "it counts another place"
    unsure = not_sure_of_what_is_counted(claim, record)
    if unsure:
        return REJECTED, unsure
    if candidate.coverage < MISQUOTE_WORDS and not candidate.digit_slip:
        # "more than 54,000 DUI convictions" among ICE's arrests: the sentence must name what the record
        # counts in its own words before the number can be called a misquote of it.
        return REJECTED, "the sentence does not say in its words what the record counts"
    dated = claim.time.kind != "none" and not framed_by_a_term(claim)
    if record.as_of is not None and dated and not _pins_a_day(claim):
        return REJECTED, "a snapshot changes daily: no one day's count is quoted"
    if record.measure == "rate" and claim.has_cue("framing", "extreme"):
        return REJECTED, "a peak is not an average"
    if specificity >= 3 and candidate.distance > TYPO_WINDOW and not candidate.digit_slip:
        return REJECTED, "the number is too different to be a rounding or a slip of it"  # "11,888" is another number
    reach, needed = (ALONE_MISQUOTE_WINDOW if alone else MISQUOTE_WINDOW), 3.0
    if candidate.time == UNKNOWN:
        # Only the story's date places it: stay close; the date stands in for the window's agreement.
        reach, needed = RECENT_MISQUOTE_WINDOW, 3.0 - _TIME_WEIGHT[MATCH]
    if candidate.distance > reach and not candidate.digit_slip:
        return REJECTED, "the number is too far from the figure to be a misquote of it"
    if candidate.distance > MISQUOTE_WINDOW and candidate.coverage < 0.5 and not candidate.digit_slip:
        # Far off ("more than 100,000 family apprehensions" against all 396,579): only the sentence's own
        # words can say it means this record, and they do not.
        return REJECTED, "the number is too far from the figure for so loose a description"
    if _sentence_elsewhere(claim, record):
        return REJECTED, "it counts another place"
    return candidate.support - needed, "the sentence does not describe the record exactly enough to call it wrong"


def _to_another_day(claim: Claim, record: EvidenceRecord) -> bool:
    """Whether an open-ended window ("so far", "since January 20") ends weeks away from the record's last day."""
    _, end = record_window(record)
    return claim.time.end is not None and end is not None and abs((claim.time.end - end).days) > RUNNING_TOTAL_DAYS


RUNNING_TOTAL_DAYS = 14  # a running total quoted within two weeks of its date is the same total


def _sentence_elsewhere(claim: Claim, record: EvidenceRecord) -> bool:
    """The sentence names a place other than the record's, though not beside the number ("Southwest border
    apprehensions ... on six occasions: FY 2023 (nearly 2.046 million)" against a nationwide count)."""
    if claim.geography is not None:
        return False
    named = places_in(claim.text) - {"United States"}
    return bool(named) and record.geography not in named


# Events a writer may put for one another, whose misreading the rules judge (a docket read as releases, book-ins
# as arrests, Border Patrol "arrests" for apprehensions). Any other two events are two different statistics.
_EVENTS_READ_FOR_ONE_ANOTHER = frozenset(
    frozenset(pair)
    for pair in [
        ("docket", "release"), ("docket", "detention"), ("detention", "release"), ("detention", "booking"),
        ("arrest", "booking"), ("arrest", "detention"), ("arrest", "encounter"), ("docket", "review"),
        ("review", "closure"), ("prosecution", "conviction"), ("prosecution", "dismissal"),
    ]
)  # fmt: skip


def _another_event(claim: Claim, record: EvidenceRecord) -> str | None:
    """Why the record counts another event than the sentence ("arrests" for removals), or None."""
    said = _counted_event(claim)
    if said in _NEUTRAL_EVENTS or record.event in _NEUTRAL_EVENTS or said == record.event:
        return None
    if claim.unit in _SHARE_UNITS:
        return None  # a share of arrests given for a share of removals: the base-mismatch the rules flag
    if claim.custody == "released" and record.event == "docket":
        return None  # "apprehended and released": the docket read as releases, which the rules flag
    if frozenset((said, record.event)) in _EVENTS_READ_FOR_ONE_ANOTHER:
        return None
    return f"it counts {record.event}s, the sentence {said}s"


def _share_of_what(claim: Claim, candidate: Candidate) -> str | None:
    """Why a share cannot be the record's share, or None. A percentage says little by itself ("90% were
    male", "60% were aged 25 to 45"): the sentence must say whose share it is, as the record does."""
    record = candidate.record
    if claim.unit not in _SHARE_UNITS or record.unit not in _SHARE_UNITS:
        return None
    if record.criminality not in (None, "any"):
        if claim.criminality is None:
            return "the sentence does not say what criminal record it counts"
        agree = (
            claim.criminality == record.criminality or (claim.criminality, record.criminality) in _CRIMINALITY_MISREAD
        )
        return None if agree else f"the sentence counts {claim.criminality.replace('_', ' ')} people"
    if candidate.coverage >= 0.5:
        return None
    # "The figure was 6.2%" after a sentence on cases found eligible: the event carried over can say it,
    # but only for a figure given right: a misquote must be described in its own words.
    same_event = claim.event is not None and claim.event == record.event
    return (
        None if same_event and candidate.fit in CONSISTENT_FITS else "the sentence does not say what the share counts"
    )


def not_sure_of_what_is_counted(claim: Claim, record: EvidenceRecord) -> str | None:
    """Why a link from ``claim`` to ``record`` could not support "the number is wrong" (convention 10), or None.

    The sentence's criminality, custody, offense and measure (level, share, change) must agree with the
    record's: a change is never checked against a level, a convicted share never against a no-record share.
    """
    if claim.measure == "change":
        return "the sentence gives a change, the record a level"
    if record.criminality not in (None, "any") and claim.criminality in (None, "any"):
        return f"the sentence does not say it counts {record.criminality.replace('_', ' ')} people"
    if not _same_criminality(claim, record):
        return f"the sentence counts {(claim.criminality or '').replace('_', ' ')} people"
    if claim.custody not in (None, "released", record.custody) and record.custody is not None:
        return f"the sentence counts {(claim.custody or '').replace('_', ' ')} people"
    if (claim.offense or None) != (record.offense.replace(" ", "_") if record.offense else None):
        return "the sentence names another offense"
    if claim.criminality == record.criminality == "no_conviction" and _no_charges_either(claim) != (
        "charge" in record.population.lower()
    ):
        # "no conviction nor even a pending charge" (no record at all) and "no conviction" are two statistics.
        return "the sentence and the record differ on pending charges"
    return None


def _no_charges_either(claim: Claim) -> bool:
    """Whether a no-conviction claim also rules out pending charges ("neither a conviction nor a charge")."""
    return any(
        cue.kind == "criminality" and (cue.label == "pending" or "charge" in cue.text.lower()) for cue in claim.cues
    )


def _same_criminality(claim: Claim, record: EvidenceRecord) -> bool:
    if claim.criminality in (None, "any", record.criminality):
        return True
    # "criminals" for a figure of convictions or pending charges: the label rules judge that wording.
    return (claim.criminality, record.criminality) == ("convicted", "convicted_or_pending") and claim.has_cue(
        "framing", "criminal_label"
    )


def _consistent_bounds(claim: Claim, value: float) -> tuple[float, float]:
    """A range on the index's scale outside which no record can fit ``claim`` consistently (generous:
    value_fit decides; this only spares it the records that cannot pass)."""
    scale = 100.0 if claim.unit == "ratio" else 1.0
    reach = {"at_least": 0.5, "over": 0.2, "under": 0.2}.get(claim.approx or "", 0.05)  # see _within_hedge
    span = max(claim.precision * scale, reach * abs(value))
    low = min(value, claim.low * scale if claim.low is not None else value) - span
    high = max(value, claim.high * scale if claim.high is not None else value) + span
    return (-math.inf if claim.approx in ("at_most", "up_to") else low), high


def _counted_event(claim: Claim) -> str | None:
    """The claim's event; "walking free" alone (no event word) speaks of the people on ICE's docket."""
    return claim.event or ("docket" if claim.custody == "released" else None)


def framed_by_a_term(claim: Claim) -> bool:
    """ "Under Biden", "Under Kamala Harris, ... 14,000 killers": a term of office (or an undated
    administration) frames the figure rather than dating it."""
    start, end = claim.time.start, claim.time.end
    if claim.time.administration is None:
        return False
    return start is None or end is None or (end - start).days > 400


def _pins_a_day(claim: Claim) -> bool:
    """Whether the claim's window names a date (or a span of days short enough to stand for one)."""
    start, end = claim.time.start, claim.time.end
    return start is not None and end is not None and (end - start).days <= 62


RECENT, STALE, LATER = "recent", "stale", "later"  # LATER: published after the text was


def _recency(claim: Claim, record: EvidenceRecord, published: dt.date | None) -> str | None:
    """For a claim with no time window: is the record the kind of figure a story published then would
    quote (out within the 18 months before), or long out of date (over two years before)?"""
    undated = claim.time.kind == "none" or framed_by_a_term(claim)
    if published is None or not (undated or _speaks_of_now(claim)):
        return None
    anchor = record.as_of or record.period_end
    if anchor is None:
        return None
    if anchor > published:
        # A snapshot dated weeks after the text may be the figure it cites ("roughly 300,000 cases now pending").
        return LATER if (anchor - published).days > 92 else RECENT
    age = (published - anchor).days
    return RECENT if age <= 548 else STALE if age > 730 else None


MIN_CONFIDENCE = 0.5  # links below this are not made: the claim is unverified, with its closest records


@dataclass(slots=True)
class Linking:
    """The record a claim quotes (with the Match explaining it), or none and the closest records."""

    record: EvidenceRecord | None = None
    match: Match | None = None
    closest: list[ClosestRecord] = field(default_factory=list)


def confidence(margin: float) -> float:
    """How sure a link is, from how far its candidate clears the evidence a link needs (0.5 at the bar)."""
    return 0.0 if margin <= REJECTED else round(1 / (1 + math.exp(-2.0 * margin)), 3)


def find_match(
    claim: Claim, store: EvidenceStore, published: dt.date | None = None
) -> tuple[EvidenceRecord | None, Match | None]:
    """The record ``claim`` quotes and the Match that explains the link, or (None, None)."""
    linking = link(claim, store, published)
    return linking.record, linking.match


def link(
    claim: Claim,
    store: EvidenceStore,
    published: dt.date | None = None,
    *,
    subjects: frozenset[str] | None = None,
    min_confidence: float = MIN_CONFIDENCE,
    restated: Quoted | None = None,
) -> Linking:
    """Link ``claim`` to the record it quotes, or abstain and name the closest records.

    ``published`` (the text's date) stands in for a missing time window: a bare number in a
    2025 story is unlikely to quote a 2018 figure, and likely to misquote last year's.
    ``subjects``: the subjects the claim's context speaks of (None: any). A record on another subject
    links only as the exact figure it is, written with four or more significant digits ("13,099
    murderers were released"): "100,000 police" in a story on policing is no ICE figure.
    ``restated``: records that other figures of the document quote; a rounding of one of them that its own
    sentence describes too loosely still links to it ("surged past 65,000" beside "The 65,135 in custody")."""
    if claim.value is None or claim.unit == "multiplier":
        return Linking()
    specificity = significant_digits(claim.number.text)
    candidates = _candidates(claim, store, published, specificity)
    if subjects is not None:
        candidates = [c for c in candidates if _on_subject(c, subjects, specificity)]
    consistent = [c for c in candidates if c.fit in CONSISTENT_FITS and c.time not in (PARTIAL, CONFLICT)]
    closest = _clearly_closest(consistent)
    counted = _counted_event(claim)
    same_event = [c for c in candidates if c.record.event == counted and c.time == MATCH]
    alone = len(same_event) == 1
    assessed = [(c, *_margin(claim, c, specificity, c is closest, alone)) for c in candidates]
    if restated:
        assessed = [
            (c, max(m, RESTATED_MARGIN), r) if restated.covers(c.record) and _restates(claim, c) else (c, m, r)
            for c, m, r in assessed
        ]
    if specificity >= 2 and any(_plausibly_right_elsewhere(c, counted) for c in candidates):
        # The number is right for some date or year of this event (convention 7): calling it a misquote of
        # another would be a guess, not a finding.
        assessed = [
            (c, m, r) if c.fit in CONSISTENT_FITS else (c, REJECTED, "the number fits another date or year")
            for c, m, r in assessed
        ]
    accepted = [(c, m) for c, m, _ in assessed if confidence(m) >= min_confidence and m >= 0]
    assessed = [
        (c, m, r if m < 0 else f"only {confidence(m):.2f} sure, below the {min_confidence:.2f} required")
        for c, m, r in assessed
    ]
    if accepted:
        best, margin = max(
            accepted, key=lambda cm: (cm[0].preference, cm[0] is closest, cm[0].score, -cm[0].distance, cm[0].record.id)
        )
        return Linking(best.record, _describe(claim, best, store, confidence(margin)))
    return Linking(closest=_closest(claim, store, assessed, subjects))


def _vague(claim: Claim) -> bool:
    """ "Hundreds of thousands", "tens of thousands": a range of a whole order of magnitude quotes no one figure."""
    return claim.low is not None and claim.high is not None and claim.low > 0 and claim.high >= VAGUE_RATIO * claim.low


VAGUE_RATIO = 4.0  # a range this wide ("200,000 to 999,999") is an order of magnitude, not a figure
RESTATED_MARGIN = 0.35  # a restatement of a figure the document quotes links, less surely than the quote
RESTATED_DISTANCE = 0.02  # "surged past 65,000" restates 65,135; "more than 300,000" is no restatement of 315,943


def _restates(claim: Claim, candidate: Candidate) -> bool:
    """Whether the claim can be a rounding of a figure its document quotes elsewhere: a consistent value for a
    window that does not disagree, and nothing in its words that counts something else."""
    record = candidate.record
    return (
        candidate.fit in CONSISTENT_FITS
        and candidate.distance <= RESTATED_DISTANCE
        and (candidate.time == MATCH or claim.time.kind == "none" or _speaks_of_now(claim) or framed_by_a_term(claim))
        and candidate.recency != LATER
        and claim.has_cue("framing", "target") == record.target
        and _another_event(claim, record) is None
        and _share_of_what(claim, candidate) is None
        and (claim.criminality in (None, "any") or _same_criminality(claim, record))
    )


@dataclass(frozen=True, slots=True)
class Quoted:
    """What a document's figures quote as it is (not misquotes): the records, and the snapshots they come from
    (event and day), so that a rounding in the same document may restate one of them or a figure of the same
    count ("65,135 in custody ... 74% of those in detention have no criminal convictions")."""

    ids: frozenset[str] = frozenset()
    snapshots: frozenset[tuple[str | None, dt.date]] = frozenset()

    def covers(self, record: EvidenceRecord) -> bool:
        """The record itself, or a share of a count quoted (a table's other rows are other statistics)."""
        if record.id in self.ids:
            return True
        return (
            record.unit in _SHARE_UNITS and record.as_of is not None and (record.event, record.as_of) in self.snapshots
        )

    def __bool__(self) -> bool:
        return bool(self.ids)


def quoted_in_document(linkings: list[Linking]) -> Quoted:
    """The records (and snapshots) a document's figures quote as they are."""
    records = [
        linking.record
        for linking in linkings
        if linking.record is not None and linking.match is not None and linking.match.value_fit in CONSISTENT_FITS
    ]
    return Quoted(
        frozenset(r.id for r in records), frozenset((r.event, r.as_of) for r in records if r.as_of is not None)
    )


def set_aside_misquotes_beside_the_figure(claims: list[Claim], linkings: list[Linking]) -> None:
    """Unlink a misquote of a record whose own figure its sentence also gives ("deported 142,580, including more
    than 44,000 from the interior"): the writer has the figure in hand, so this number counts something else
    (a part, a base, another row), which is no error in the figure."""
    quoted = {
        (claim.start, linking.record.id)
        for claim, linking in zip(claims, linkings, strict=True)
        if linking.record is not None and linking.match is not None and linking.match.value_fit in CONSISTENT_FITS
    }
    for claim, linking in zip(claims, linkings, strict=True):
        record, match = linking.record, linking.match
        if record is None or match is None or match.value_fit in CONSISTENT_FITS:
            continue
        if (claim.start, record.id) not in quoted:
            continue
        why = _why_not(record, "the sentence gives it too")
        linking.closest = [ClosestRecord(evidence_id=record.id, confidence=0.0, value_fit=match.value_fit, why_not=why)]
        linking.record, linking.match = None, None


def _plausibly_right_elsewhere(candidate: Candidate, counted: str | None) -> bool:
    """The number is (nearly) this record's figure and nothing in the sentence is against the record."""
    near = candidate.fit in (EXACT, ROUNDED) and candidate.distance <= 2 * NEARLY_THE_FIGURE
    return near and candidate.record.event == counted and candidate.support >= 0


def _clearly_closest(consistent: list[Candidate]) -> Candidate | None:
    """The only consistent fit, or among the plausible ones (nothing in the sentence against them) one that
    is nearly the figure and far closer than every other ("more than 425,000" fits 425,431 and 435,719,
    but a writer rounding down means the first)."""
    if len(consistent) == 1:
        return consistent[0]
    ranked: list[Candidate] = []  # the two nearest plausible ones (weighing no more candidates than that takes)
    for candidate in sorted(consistent, key=lambda c: c.distance):
        if candidate.support >= 0:
            ranked.append(candidate)
            if len(ranked) == 2 or candidate.distance > NEARLY_THE_FIGURE:
                break
    if len(ranked) == 1 and ranked[0].distance <= NEARLY_THE_FIGURE:
        return ranked[0]
    if len(ranked) > 1 and ranked[0].distance <= NEARLY_THE_FIGURE and ranked[0].distance * 5 < ranked[1].distance:
        return ranked[0]
    return None


def _on_subject(candidate: Candidate, subjects: frozenset[str], specificity: int) -> bool:
    """Whether the record's subject is named near the claim, or the claim needs no such word: an exact-looking
    figure that the sentence also describes ("13,099 murderers were released"), not "113,431 points"."""
    if not subjects.isdisjoint(candidate.record.subjects):
        return True
    return specificity >= 4 and candidate.fit in (EXACT, ROUNDED) and candidate.support >= 1.0


def _candidates(claim: Claim, store: EvidenceStore, published: dt.date | None, specificity: int) -> list[Candidate]:
    """Records near the claim's value (a consistent fit or a possible misquote), each assessed."""
    value = _scaled(claim)
    # How far a misquote can be: a round number up to 3x (if nothing else fits), an exact-looking one a typo.
    window = abs(value) * (3.0 if specificity < 3 else TYPO_WINDOW) + 1
    fits_low, fits_high = _consistent_bounds(claim, value)
    counted = _counted_event(claim)
    index = _index(store)
    # Consistent fits of any event, then possible misquotes, which are only ever of the claim's own event.
    nearby = index.near(claim.unit, fits_low, fits_high) + [
        (key, record)
        for key, record in index.near_of_event(claim.unit, counted, value - window, value + window)
        if not fits_low <= key <= fits_high
    ]
    found: dict[tuple[str, float], Candidate] = {}  # by id and value: a share and its head-count twin share an id
    for _, record in nearby:
        fit = value_fit(claim, record)
        if fit is None:
            continue
        kind, distance = fit
        if kind not in CONSISTENT_FITS and (distance > 3.0 or record.event != counted):
            continue  # a misquote is only ever recognised for the claim's own event (see _misquote_margin)
        found[record.id, record.value] = Candidate(record, kind, distance)
    if specificity >= 3 and not any(c.fit in CONSISTENT_FITS for c in found.values()):
        slips = _digit_slips(claim, store) if specificity >= 4 else _swapped_roundings(claim, store)
        for record in slips:
            slip = (record.id, record.value)
            if slip in found:
                found[slip].digit_slip = True
            elif record.event == counted and (fit := value_fit(claim, record)):
                found[slip] = Candidate(record, fit[0], fit[1], digit_slip=True)
    # A share's sentence may say what it counts outside the words tied to the number ("found 23,000 eligible,
    # or 6.4% of all cases"): shares are also read against the whole sentence.
    # So are misquotes: a number about to be called wrong must be described by its sentence as the record is.
    share = claim.unit in _SHARE_UNITS
    misquotes = any(c.fit not in CONSISTENT_FITS for c in found.values())
    wider = bool(claim.context) and claim.context != claim.text and (share or misquotes)
    reading = Reading(claim, store, wider)
    span = claim_span(claim)
    series = _series_sizes(store)
    for candidate in found.values():
        candidate.one_of_a_kind = series[_series_key(candidate.record)] == 1
        candidate.reading = reading
        _place_in_time(claim, candidate, span, published)
    return list(found.values())


SeriesKey = tuple[str | None, str | None, str | None, str | None, str, str, str]


def _series_key(record: EvidenceRecord) -> SeriesKey:
    """What a record counts, leaving out when: records sharing it are one series (removals by year)."""
    return (
        record.event,
        record.criminality,
        record.custody,
        record.offense,
        record.geography,
        _family(record.unit),
        record.measure,
    )


def _series_sizes(store: EvidenceStore) -> dict[SeriesKey, int]:
    sizes = cast("dict[SeriesKey, int] | None", store.derived.get("series_sizes"))
    if sizes is None:
        sizes = {}
        for record in (r for group in _index(store).records.values() for r in group):  # shares' head counts too
            key = _series_key(record)
            sizes[key] = sizes.get(key, 0) + 1
        store.derived["series_sizes"] = sizes
    return sizes


def _scaled(claim: Claim) -> float:
    """The claim's value on the value index's scale (a ratio as a percent)."""
    return (claim.value or 0.0) * (100 if claim.unit == "ratio" else 1)


def _digit_slips(claim: Claim, store: EvidenceStore) -> list[EvidenceRecord]:
    """Count records whose figure is one digit-slip from the claim's: a digit dropped, added, changed or two
    neighbours swapped (42,431 or 452,431 for 425,431; 13,909 for 13,099). Optimal string alignment
    distance counts a swap of neighbours as one edit."""
    digits = _digit_string(_scaled(claim))
    if digits is None or claim.unit not in _COUNT_UNITS:
        return []
    table = _count_table(store, "digit_strings", _long_digit_string)
    near = process.extract(digits, list(table), scorer=OSA.distance, score_cutoff=1, limit=None)
    return [record for key, _, _ in near if key != digits for record in table[key]]


def _swapped_roundings(claim: Claim, store: EvidenceStore) -> list[EvidenceRecord]:
    """Count records whose figure, rounded to the claim's three significant digits, has two neighbouring digits
    of it swapped ("265,000" for 256,085): a slip in a rounded figure, which a typo window cannot see."""
    digits = _digit_string(_scaled(claim))
    if digits is None or claim.unit not in _COUNT_UNITS or len(digits) < 4:
        return []
    table = _count_table(store, "rounded_prefixes", _rounded_prefix)
    prefix = digits[:3]
    swaps = {prefix[:i] + prefix[i + 1] + prefix[i] + prefix[i + 2 :] for i in range(2)} - {prefix}
    return [record for swap in sorted(swaps) for record in table.get((len(digits), swap), [])]


def _count_table(
    store: EvidenceStore, name: str, key_of: Callable[[float], Hashable | None]
) -> dict[Any, list[EvidenceRecord]]:
    """Count records grouped by ``key_of`` their value (records it gives None are left out), built once per store."""
    table = cast("dict[Any, list[EvidenceRecord]] | None", store.derived.get(name))
    if table is None:
        table = {}
        index = _index(store)
        for value, record in zip(index.keys.get("count", []), index.records.get("count", []), strict=True):
            key = key_of(value)
            if key is not None:
                table.setdefault(key, []).append(record)
        store.derived[name] = table
    return table


def _long_digit_string(value: float) -> str | None:
    """A count's digits, when it has four or more (a slip in fewer is just another number)."""
    digits = _digit_string(value)
    return digits if digits is not None and len(digits) >= 4 else None


def _rounded_prefix(value: float) -> tuple[int, str] | None:
    """(digits, first three) of a count rounded to three significant digits: 256,085 -> (6, "256")."""
    rounded = _digit_string(float(f"{value:.3g}")) if value >= 1000 else None
    return (len(rounded), rounded[:3]) if rounded is not None else None


def _digit_string(value: float) -> str | None:
    return str(int(value)) if value >= 1000 and float(value).is_integer() else None


def _closest(
    claim: Claim,
    store: EvidenceStore,
    assessed: list[tuple[Candidate, float, str]],
    subjects: frozenset[str] | None,
    limit: int = 3,
) -> list[ClosestRecord]:
    """The records a person should look at when no link is made, each with why it fell short: those that
    nearly passed, then those of the same event and period whatever their figure, then the rest near in value
    that count the same event."""
    counted = _counted_event(claim)
    ranked = sorted(assessed, key=lambda cmr: (-cmr[1], cmr[0].distance, cmr[0].record.id))
    near = [cmr for cmr in ranked if cmr[1] > REJECTED]
    same = [cmr for cmr in ranked if cmr[1] <= REJECTED and cmr[0].record.event == counted]
    found = [_closest_record(claim, c, m, reason) for c, m, reason in near]
    found += _same_event_and_window(claim, store, subjects)
    found += [_closest_record(claim, c, m, reason) for c, m, reason in same]
    unique = {r.evidence_id: r for r in reversed(found)}  # the first mention of each record wins
    return sorted(unique.values(), key=found.index)[:limit]


def _closest_record(claim: Claim, candidate: Candidate, margin: float, reason: str) -> ClosestRecord:
    return ClosestRecord(
        evidence_id=candidate.record.id,
        confidence=confidence(margin),
        value_fit=candidate.fit,
        why_not=_why_not(candidate.record, reason),
    )


def _same_event_and_window(
    claim: Claim, store: EvidenceStore, subjects: frozenset[str] | None, limit: int = 3
) -> list[ClosestRecord]:
    """For a number near no record's figure: the records of the same event and window, whatever their figure."""
    counted, span = _counted_event(claim), claim_span(claim)
    if counted in _NEUTRAL_EVENTS or span is None:
        return []
    same = [
        r
        for r in _records_by_event(store).get(counted or "", [])
        if (subjects is None or not subjects.isdisjoint(r.subjects)) and span_agreement(span, claim.measure, r) == MATCH
    ]
    same = [r for r in same if _comparable(claim, r) is not None]
    same.sort(key=lambda r: (abs(math.log((_to_percent(r.value, r.unit) or 1) / (_scaled(claim) or 1))), r.id))
    return [
        ClosestRecord(
            evidence_id=r.id,
            confidence=0.0,
            value_fit=OFF,
            why_not=_why_not(r, "the same event and period, another figure"),
        )
        for r in same[:limit]
    ]


def _records_by_event(store: EvidenceStore) -> dict[str, list[EvidenceRecord]]:
    by_event = cast("dict[str, list[EvidenceRecord]] | None", store.derived.get("records_by_event"))
    if by_event is None:
        by_event = {}
        for record in store.records.values():
            by_event.setdefault(record.event or "", []).append(record)
        store.derived["records_by_event"] = by_event
    return by_event


def _why_not(record: EvidenceRecord, reason: str) -> str:
    """ "425,431 (noncitizens with ..., as of July 21, 2024): <reason>": a closest record and why it fell short."""
    return f"{amount(record, record.value)} ({record.population}, {when(record)}): {reason}"


def _describe(claim: Claim, best: Candidate, store: EvidenceStore, sureness: float) -> Match:
    record = best.record
    written = claim.number.text
    figure = amount(record, record.value)
    value_words = {
        EXACT: f"{written} is the published figure ({figure})",
        ROUNDED: f"{written} is {figure} rounded",
        HEDGED: f"{written}, with its hedge, fits {figure}",
        HEDGE_WRONG: f"{written} is hedged the wrong way or too far for {figure}",
        OFF: f"{written} differs from the published {figure}",
    }[best.fit]
    if best.digit_slip:
        value_words = f"{written} is one digit-slip from the published {figure}"
    reasons = [value_words, *best.reasons]
    also = store.same_population(record)
    for other in also:
        reasons.append(
            f"the same population on {day(other.as_of) if other.as_of else when(other)} was also "
            f"reported as {amount(other, other.value)} ({other.population}; {other.id})"
        )
    score = round(1 / (1 + math.exp(-(best.score - 2.0))), 3)
    return Match(
        evidence_id=record.id,
        score=score,
        why="; ".join(reasons),
        value_fit=best.fit,
        also_consider=[o.id for o in also],
        confidence=sureness,
        digit_slip=best.digit_slip,
    )
