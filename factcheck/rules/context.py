"""What a rule sees: the claim, the record it quotes, and helpers to describe both in plain words."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from factcheck.document import Document
from factcheck.evidence.model import EvidenceRecord
from factcheck.evidence.notes import amount, day, suggested_sentence, when
from factcheck.models import Claim, Match

_LIST_ITEM_BEFORE = re.compile(r"\d[\d,.]*(?:\s+[A-Za-z'-]+){1,4}\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")
_DENIAL = re.compile(r"\b(?:not|never|n't|no\s+longer)\b(?:\s+\w+){0,2}\s*$")


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's verdict on one claim: what is wrong, and what to write instead."""

    message: str
    suggestion: str


@dataclass(frozen=True, slots=True)
class RuleContext:
    """The inputs of every rule. Rules read nothing else: no files, no database, no models."""

    claim: Claim
    record: EvidenceRecord
    match: Match
    published: dt.date | None = None
    text: str = ""  # the whole document, for rules that read the claim's paragraph
    document: Document | None = None  # the same document, with what it says as a whole (its dates)

    # --- the claim's wording ----------------------------------------------------------

    def cues(self, kind: str, label: str | None = None) -> list[str]:
        """Words of the claim's context of one kind ("framing", "criminality" ...), optionally one label."""
        return [c.text for c in self.claim.cues if c.kind == kind and (label is None or c.label == label)]

    def said(self, kind: str, label: str | None = None) -> str:
        """The first cue of this kind the sentence says without denying it, quoted ("" if none): "did not
        enter the U.S." and "were never released" do not present anything as entering or released."""
        for cue in self.claim.cues:
            if cue.kind == kind and (label is None or cue.label == label) and not self._denied(cue.start):
                return f"\u201c{cue.text}\u201d"
        return ""

    def sentence_says(self, category: str, label: str) -> str:
        """A phrase of the lexicon's ``category``/``label`` anywhere in the claim's sentence, undenied and not
        part of a phrase the lexicon sets aside ("released data"); quoted, or "". The sentence's own words,
        not a paragraph's: flags follow the words of the sentence (convention 8)."""
        from factcheck.nlp.lexicon import phrase_pattern

        text, start = self.claim.text, self.claim.start
        if self.fragment() and self.text:
            # A fragment ("13,099 murderers.") answers the sentence before it, whose words it shares.
            start = max(0, start - 240)
            text = self.text[start : self.claim.end]
        aside: list[tuple[int, int]] | None = None  # read only once a phrase is found: most sentences have none
        for found in phrase_pattern(category, label).finditer(text):
            if aside is None:
                aside = [m.span() for m in phrase_pattern(category, "_none").finditer(text)]
            inside = any(a <= found.start() and found.end() <= b for a, b in aside)
            if not inside and not self._denied(start + found.start(), text, start):
                return f"\u201c{found.group(0)}\u201d"
        return ""

    def fragment(self) -> bool:
        """A verbless few words ("13,099 murderers.") that finish the sentence before them."""
        return len(self.claim.text.split()) <= 5

    def in_a_list(self) -> bool:
        """Whether the number is an item after the first of a list of figures ("662,000 convicted criminals,
        13,099 killers and 15,811 rapists"), which shares the list's predicate."""
        at = self.claim.number.start - self.claim.start
        before = self.claim.text[max(0, at - 40) : max(at, 0)]
        return bool(_LIST_ITEM_BEFORE.search(before))

    def _denied(self, offset: int, text: str | None = None, start: int | None = None) -> bool:
        """Whether the words just before ``offset`` deny what follows ("did not enter", "never released")."""
        text, start = (self.claim.text, self.claim.start) if text is None or start is None else (text, start)
        at = offset - start
        return bool(_DENIAL.search(text[max(0, at - 24) : max(at, 0)].lower()))

    def has(self, kind: str, label: str | None = None) -> bool:
        return bool(self.cues(kind, label))

    def quoted(self, kind: str, label: str | None = None) -> str:
        words = self.cues(kind, label)
        return f"\u201c{words[0]}\u201d" if words else ""

    def paragraph(self) -> str:
        """The paragraph the claim stands in (blank lines delimit paragraphs); its sentence if no text."""
        if not self.text:
            return self.claim.text
        start = self.text.rfind("\n\n", 0, self.claim.start)
        end = self.text.find("\n\n", self.claim.end)
        return self.text[start + 2 if start >= 0 else 0 : end if end >= 0 else len(self.text)]

    def paragraph_after(self) -> str:
        """The rest of the claim's paragraph after its sentence."""
        if not self.text:
            return ""
        end = self.text.find("\n\n", self.claim.end)
        return self.text[self.claim.end : end if end >= 0 else len(self.text)]

    @property
    def number(self) -> str:
        return self.claim.number.text

    # --- the record ---------------------------------------------------------------------

    @property
    def figure(self) -> str:
        return amount(self.record, self.record.value)

    @property
    def when(self) -> str:
        return when(self.record)

    @property
    def is_stock(self) -> bool:
        return self.record.as_of is not None and self.record.measure == "stock"

    @property
    def is_flow(self) -> bool:
        return self.record.as_of is None and self.record.measure == "flow"

    def say(self) -> str:
        """The rule's standard suggestion: quote the figure with what it counts and when."""
        return f"Say: {suggested_sentence(self.record)}"

    def finding(self, message: str, suggestion: str | None = None) -> Finding:
        return Finding(message[:1].upper() + message[1:], suggestion or self.say())

    def anchor_date(self) -> dt.date | None:
        """The last day the record covers (its snapshot date or the end of its period)."""
        return self.record.as_of or self.record.period_end

    def document_dates_the_record(self) -> bool:
        """Whether something in the document dates the record's figure (convention 9): up to the claim (the
        headline, the dateline, an earlier paragraph, the sentence itself), a time expression naming the
        record's day or period, words placing the figures at publication ("currently", "recently released
        data"), or a dated story about a report just out."""
        if self.document is None:
            return False
        anchor = self.anchor_date()
        story = len(self.document.text) >= 600
        # A headline's figure is dated by the story under it; any other, by what comes before it.
        horizon = len(self.document.text) if story and self._in_headline() else self.claim.number.start
        # "Currently" dates a figure at publication: a figure more than a year and a half older is not dated
        # by it (stale-evidence judges that).
        fresh = self.published is None or (anchor is not None and (self.published - anchor).days <= 548)
        if fresh and self.document.speaks_of_now_before(horizon):
            return True
        # The figure's paragraph calling it new, after it: "The 65,135 in custody ... The new figure is up from".
        paragraph_end = self.document.paragraph_bounds(self.document.paragraph_index(self.claim.number.start))[1]
        if fresh and self.document.calls_the_data_new_between(self.claim.number.start, paragraph_end):
            return True
        given = story and self.published is not None and not self.document.estimated
        just_out = given and anchor is not None and 0 <= (self.published - anchor).days <= 92  # type: ignore[operator]
        if just_out and self.document.names_a_report_before(self.claim.end):
            return True  # a bare number in a dated story about one named report is dated (convention 9)
        from factcheck.match import span_agreement

        end = max(horizon, self.claim.end)
        spans = self.document.dated_spans_before(end)
        if any(span_agreement(span, self.claim.measure, self.record) == "match" for span in spans):
            return True
        return anchor is not None and (anchor.month, anchor.day) in self.document.days_without_year_before(end)

    def _in_headline(self) -> bool:
        """Whether the claim stands in the document's headline."""
        return self.document is not None and self.claim.start < self.document.headline_end

    def anchor_words(self) -> str:
        anchor = self.anchor_date()
        return day(anchor) if anchor else "an unstated date"
