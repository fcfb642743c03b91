"""The report contract: claims, matches, flags and the report itself (pydantic).

Field names follow ``design/report.md``; outside evaluations read them, so add fields freely
but never rename or drop one. Offsets are Python string indices into the input as given.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from factcheck.vocab import Approx, Criminality, Custody, Event, Measure, Severity, TimeKind, Unit, Verdict

SCHEMA_VERSION = "1"


class NumberSpan(BaseModel):
    """Where the number itself sits in the input."""

    text: str
    start: int
    end: int


class TimeWindow(BaseModel):
    """The time window the text gives a claim; ``start``/``end`` are the dates it covers."""

    text: str | None = None
    kind: TimeKind = "none"
    start: dt.date | None = Field(default=None, description="First day the window covers (resolved).")
    end: dt.date | None = Field(default=None, description="Last day the window covers (resolved).")
    text_start: int | None = Field(default=None, description="Offset of the time expression in the input.")
    text_end: int | None = None
    administration: str | None = Field(default=None, description="An administration named as the window.")
    credited: bool = Field(
        default=False, description='The text credits the figure to the administration ("under Biden", "Harris let in").'
    )
    inherited: bool = Field(default=False, description="Stated earlier in the paragraph, not in this sentence.")


class Cue(BaseModel):
    """A word or phrase in the claim's context that the rules read ("released", "murderers")."""

    kind: str
    label: str
    text: str
    start: int
    end: int


class Match(BaseModel):
    """The evidence record a claim quotes, and why the matcher thinks so."""

    evidence_id: str
    score: float
    why: str
    value_fit: str = Field(
        default="exact",
        description="exact, rounded, hedged (within the hedge), hedge_wrong, or off (a misquote).",
    )
    also_consider: list[str] = Field(
        default_factory=list, description="Records of the same population that give a different figure."
    )
    confidence: float = Field(
        default=1.0,
        description="How sure the link is, 0..1; links below the threshold (default 0.5) are not made.",
    )
    digit_slip: bool = Field(
        default=False, description="The number is one digit-slip (dropped, added, changed or swapped digit) away."
    )


class ClosestRecord(BaseModel):
    """A record an unverified claim came close to, and why it was not linked."""

    evidence_id: str
    confidence: float = Field(description="How sure a link to it would have been, 0..1 (below the threshold).")
    value_fit: str = Field(description="How the claim's number fits the record's figure (as in Match).")
    why_not: str = Field(description="What the record counts, and why it fell short.")


class Flag(BaseModel):
    """One misreading found by a rule."""

    code: str = Field(description="The rule's slug, e.g. stock-as-flow.")
    rule: str = Field(default="", description="The rule's stable code, e.g. FC101.")
    severity: Severity
    message: str
    suggestion: str


class Claim(BaseModel):
    """A statistical claim found in the text, with its normalised value and attributes."""

    model_config = ConfigDict(validate_assignment=False)

    id: str
    text: str = Field(description="The claim's sentence.")
    context: str = Field(default="", description="The words of the sentence that describe this number.")
    start: int
    end: int
    line: int = 1
    column: int = 1
    number: NumberSpan
    value: float | None
    low: float | None = None
    high: float | None = None
    approx: Approx | None = None
    unit: Unit = "people"
    event: Event | None = None
    criminality: Criminality | None = None
    custody: Custody | None = None
    time: TimeWindow = Field(default_factory=TimeWindow)
    measure: Measure = "unknown"
    precision: float = Field(default=1.0, description="The rounding step the writing implies.")
    offense: str | None = None
    agency: str | None = None
    geography: str | None = None
    cues: list[Cue] = Field(default_factory=list)
    match: Match | None = None
    candidates: list[ClosestRecord] = Field(
        default_factory=list, description="For an unverified claim: the closest records, and why none was linked."
    )
    flags: list[Flag] = Field(default_factory=list)
    verdict: Verdict | None = None
    note: str | None = None
    reviewed: bool = Field(default=False, description="Marked as reviewed by the writer; flags suppressed.")
    fingerprint: str = Field(default="", description="Stable id of the claim (number + sentence) for settings.")

    def has_cue(self, kind: str, label: str | None = None) -> bool:
        return any(c.kind == kind and (label is None or c.label == label) for c in self.cues)

    def cue_labels(self, kind: str) -> list[str]:
        return [c.label for c in self.cues if c.kind == kind]


class Summary(BaseModel):
    claims: int = 0
    by_verdict: dict[str, int] = Field(default_factory=dict)
    by_flag: dict[str, int] = Field(default_factory=dict)
    message: str = ""


class Report(BaseModel):
    """Everything factcheck found in one text."""

    schema_version: str = SCHEMA_VERSION
    evidence_version: str | None = None
    published: dt.date | None = None
    claims: list[Claim] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)
