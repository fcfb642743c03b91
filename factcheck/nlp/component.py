"""The spaCy components: a rule-based sentence splitter and the numeric-claims extractor.

``factcheck_sentences`` marks sentence starts with :func:`factcheck.nlp.segment.split_sentences`
(abbreviation-aware, so "Rep. Tony Gonzales" stays in one sentence). ``numeric_claims``
finds the statistical claims of every sentence and stores them as ``doc._.claims``.

A document may be a whole text or one sentence of a longer text. In the second case the
caller puts a :class:`ParagraphChain` in ``doc.user_data["factcheck"]`` so that a time window
stated once in a paragraph reaches its later sentences even though each sentence is its own
Doc (that is how :func:`factcheck.nlp.pipeline.extract` avoids tokenising sentences with no
number in them).
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from factcheck.models import Claim, NumberSpan
from factcheck.nlp import attributes as attrs
from factcheck.nlp.lexicon import CueMatch, build_phrase_matcher, find_cues
from factcheck.nlp.numbers import NumberExpr, find_numbers, time_masks
from factcheck.nlp.scan import Landmarks
from factcheck.nlp.segment import introduces_list, split_sentences
from factcheck.nlp.textnorm import normalize
from factcheck.nlp.timewindows import TimeExpr, find_time_expressions

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)

_ANAPHORA_START = re.compile(
    r"^\W*(?:[A-Z][A-Z .,'-]+:\s*)?(?:and\s+|but\s+|so\s+)?(?:of\s+(?:those|them|these|whom|that\s+total|the\s+total)|"
    r"among\s+(?:them|those|these)|(?:that|the|this)\s+(?:figure|number|total|count)|they|it|those|these|that|"
    r"another|the\s+(?:rest|remainder|remaining|other))\b",
    re.IGNORECASE,
)
_REFERENCE_BEFORE = re.compile(r"\b(?:the|ice's|its|that|this|their)\s+$", re.IGNORECASE)
_REFERENCE_AFTER = re.compile(r"^\s+(?:[a-z-]+\s+)?(?:figure|number|total|count|statistic|stat|tally)\b", re.IGNORECASE)
_OF_THEM = re.compile(r"\b(?:of|among)\s+(?:them|those|these)\b", re.IGNORECASE)
_MENU_LINE = re.compile(r"\s\|\s")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")


@dataclass(slots=True)
class ParagraphChain:
    """Context carried from sentence to sentence within one input text."""

    published: dt.date | None = None
    paragraph: int = -1
    facts: attrs.SentenceFacts = field(default_factory=attrs.SentenceFacts)
    last_facts: attrs.SentenceFacts = field(default_factory=attrs.SentenceFacts)
    seen: dict[float, attrs.Described] = field(default_factory=dict)

    def enter(self, paragraph: int) -> attrs.SentenceFacts:
        if paragraph != self.paragraph:
            self.paragraph, self.facts = paragraph, attrs.SentenceFacts()
        return self.facts


@Language.component("factcheck_sentences")
def factcheck_sentences(doc: Doc) -> Doc:
    """Set sentence starts from the shared string splitter.

    A doc made by :func:`factcheck.nlp.pipeline.extract` is already one sentence of a longer
    text (``user_data["factcheck"]["prepared"]``); it needs no splitting.
    """
    if "prepared" in doc.user_data.get("factcheck", {}):
        return doc
    starts = {s.start for s in split_sentences(doc.text)}
    for token in doc:
        token.is_sent_start = token.i == 0 or token.idx in starts
    return doc


_CARRIED_TYPES = frozenset({"date", "month", "year", "fy", "period", "relative"})


@dataclass(slots=True)
class Prepared:
    """A sentence's string-level scan: time expressions (all, incl. dates of speech) and numbers."""

    found: list[TimeExpr]
    numbers: list[NumberExpr]

    @classmethod
    def scan(
        cls, text: str, published: dt.date | None, marks: Landmarks | None = None, hits: list[int] | None = None
    ) -> Prepared:
        """``hits``: the sentence's :func:`number_hits`, when the caller has them."""
        marks = Landmarks.of(text) if marks is None else marks
        found = find_time_expressions(text, published, marks)
        if hits is not None and _all_masked(hits, time_masks(found)):
            return cls(found, [])  # "On July 21, 2024": every digit is a date's, and a date masks them
        return cls(found, find_numbers(text, found, marks))  # every date masks its digits, even a date of speech

    @property
    def windows(self) -> list[TimeExpr]:
        return [t for t in self.found if t.type != "speech"]

    @property
    def carried(self) -> list[TimeExpr]:
        """Windows that carry to the paragraph's later sentences (not "now", not an administration)."""
        return [t for t in self.found if t.type in _CARRIED_TYPES and not t.compared]


def _all_masked(hits: list[int], masks: list[tuple[int, int]]) -> bool:
    return all(any(start <= hit < end for start, end in masks) for hit in hits)


def remember_windows(prepared: Prepared, context: attrs.SentenceFacts, *, figureless: bool = False) -> None:
    carried = prepared.carried
    if carried:
        context.window = carried[-1]
    elif figureless and (framing := [t for t in prepared.found if t.credits_administration]):
        # "Under Kamala Harris, the numbers are staggering." frames the figures that follow it.
        context.window = framing[-1]


class NumericClaims:
    """Find statistical claims in each sentence and describe them (``doc._.claims``).

    nlp (Language): the pipeline, whose vocabulary the phrase matcher uses.
    name (str): the component name.
    """

    def __init__(self, nlp: Language, name: str = "numeric_claims") -> None:
        self.name = name
        self.matcher = build_phrase_matcher(nlp)

    def __call__(self, doc: Doc) -> Doc:
        settings: dict[str, Any] = doc.user_data.get("factcheck", {})
        chain: ParagraphChain = settings.get("chain") or ParagraphChain(settings.get("published"))
        offset: int = settings.get("offset", 0)
        claims: list[Claim] = []
        if "prepared" in settings:  # one sentence of a longer text, already scanned
            context = chain.enter(settings["paragraph"])
            original, normalized = settings["text"], settings["normalized"]
            claims = self._sentence(doc[:], normalized, settings["prepared"], context, chain, offset, original)
        else:
            original = doc.user_data.get("original_text") or doc.text
            normalized = normalize(original)
            for sent in doc.sents:
                context = chain.enter(doc.text.count("\n", 0, sent.start_char))
                sentence = normalized[sent.start_char : sent.end_char]
                prepared = Prepared.scan(sentence, chain.published)
                claims.extend(self._sentence(sent, normalized, prepared, context, chain, offset, original))
        doc._.claims = claims
        return doc

    def _sentence(
        self,
        sent: Span,
        normalized: str,
        prepared: Prepared,
        context: attrs.SentenceFacts,
        chain: ParagraphChain,
        offset: int,
        original: str,
    ) -> list[Claim]:
        text = normalized[sent.start_char : sent.end_char]
        numbers, times = prepared.numbers, prepared.windows
        if not numbers:
            remember_windows(prepared, context, figureless=True)
            if introduces_list(text):  # a list follows: its items count what this line names
                cues = find_cues(sent, self.matcher)
                events = [c.label.rstrip("~") for c in cues if c.category == "event"]
                custody = [c.label.rstrip("~") for c in cues if c.category == "custody"]
                context.last_event = events[0] if events else context.last_event
                context.list_custody = custody[0] if custody else None
            return []
        tokens, token_chars = _token_table(sent, text)
        cues = find_cues(sent, self.matcher, tokens, token_chars, text)
        numbers = [n for n in numbers if not _is_furniture(n.start, n.end, cues, token_chars)]
        if _MENU_LINE.search(text) and _title_case(text) and not _TABLE_ROW.match(text):
            numbers = []  # "Home | News | 2 Comments", but not a table's row ("| Detained | 10,288 |")
        anaphoric = bool(_ANAPHORA_START.match(text) or _OF_THEM.search(text[:60]))
        points_back = any(t.type == "anaphor" for t in times)
        if (anaphoric or points_back) and context.last_event is None and context.window is None:
            # Nothing earlier in this paragraph: "But 425,431 of them ..." points to the paragraph before.
            context = attrs.SentenceFacts(**{f: getattr(chain.last_facts, f) for f in attrs.FACT_FIELDS})
        items = attrs.describe_sentence(text, tokens, token_chars, numbers, times, cues, context, anaphoric=anaphoric)
        _recall_earlier_mentions(items, text, chain)
        base = offset + sent.start_char
        claims = [self._claim(item, sent, base, original, offset) for item in items]
        for item, claim in zip(items, claims, strict=True):
            first, last = item.left[0], max(item.right[1], item.tok_end)
            context_start = token_chars[first] if first < len(token_chars) else 0
            context_end = token_chars[last - 1] + len(tokens[last - 1]) if last > 0 else len(text)
            claim.context = original[sent.start_char + context_start : sent.start_char + context_end]
        main = [i for i in items if not i.aside]
        # The paragraph carries the window its figures used ("in fiscal 2017"), not a baseline the
        # sentence compares them with ("the fewest since 1971", "up 25 percent over the prior year").
        used = [i.time for i in main if i.time is not None and i.time.type in _CARRIED_TYPES and not i.time.compared]
        if used:
            context.window = used[-1]
        else:
            remember_windows(prepared, context)
        if main:
            context.last_event, context.last_criminality = main[-1].event, main[-1].criminality
            context.last_unit, context.last_custody = main[-1].unit, main[-1].custody
        for field_name in attrs.FACT_FIELDS:
            if getattr(context, field_name) is not None:
                setattr(chain.last_facts, field_name, getattr(context, field_name))
        return claims

    @staticmethod
    def _claim(item: attrs.Described, sent: Span, base: int, original: str, offset: int) -> Claim:
        expr = item.expr
        start, end = base + expr.start, base + expr.end
        number_text = original[start - offset : end - offset]
        return Claim(
            id="",
            text=original[sent.start_char : sent.end_char],
            start=base,
            end=offset + sent.end_char,
            number=NumberSpan(text=number_text, start=start, end=end),
            value=expr.value,
            low=expr.low,
            high=expr.high,
            approx=expr.approx,  # type: ignore[arg-type]
            unit=item.unit or "people",  # type: ignore[arg-type]
            event=item.event,  # type: ignore[arg-type]
            criminality=item.criminality,  # type: ignore[arg-type]
            custody=item.custody,  # type: ignore[arg-type]
            time=attrs.time_window(item.time, item.measure, base, inherited=item.time_inherited),
            measure=item.measure,  # type: ignore[arg-type]
            precision=expr.precision,
            offense=item.offense,
            agency=item.agency,
            geography=item.geography,
            cues=attrs.to_cues(item, base),
        )


def _token_table(sent: Span, text: str) -> tuple[list[str], list[int]]:
    """Token strings and their offsets within the sentence, read from arrays (cheaper than Token objects)."""
    starts, lengths = sent.doc.to_array([IDX, LENGTH])[sent.start : sent.end].T.tolist()
    base = sent.start_char
    offsets = [start - base for start in starts] if base else starts
    ends = map(operator.add, offsets, lengths)
    return list(map(text.__getitem__, map(slice, offsets, ends))), offsets


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _recall_earlier_mentions(items: list[attrs.Described], text: str, chain: ParagraphChain) -> None:
    """ "the 435,719 figure": a figure cited again means what it meant when the text first gave it."""
    for item in items:
        value = item.expr.value
        if value is None:
            continue
        earlier = chain.seen.get(value)
        if earlier is not None and _is_reference(text, item.expr.start, item.expr.end):
            for name in ("event", "criminality", "custody", "time", "measure", "unit"):
                setattr(item, name, getattr(earlier, name))
            item.time_inherited = earlier.time_inherited or earlier.time is not None
        elif (
            earlier is not None
            and (item.time is None or item.time_inherited)
            and earlier.time is not None
            and not earlier.time.credits_administration  # "Harris let in 13,099" credits that sentence only
        ):
            item.time, item.time_inherited = earlier.time, True
        if item.time is not None and not item.time_inherited and item.expr.kind == "count":
            chain.seen[value] = item


def _is_reference(text: str, start: int, end: int) -> bool:
    """ "the 435,719 figure", "ICE's 662,566 total": the number names a figure given before."""
    return bool(_REFERENCE_AFTER.match(text[end:]) and _REFERENCE_BEFORE.search(text[:start]))


def _is_furniture(start: int, end: int, cues: list[CueMatch], token_chars: list[int]) -> bool:
    """A number next to a site-furniture word ("$5 donation", "1,000 supporters", "2 Comments")."""
    for cue in cues:
        if cue.category != "furniture":
            continue
        if 0 <= cue.char_start - end <= 12 or 0 <= start - cue.char_end <= 3:
            return True
    return False


@Language.factory("numeric_claims", assigns=["doc._.claims"])
def make_numeric_claims(nlp: Language, name: str) -> NumericClaims:
    """Create the numeric-claims component (registered with spaCy as "numeric_claims")."""
    return NumericClaims(nlp, name)
