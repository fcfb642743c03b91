"""The evidence record: one published statistic, saying exactly what it counts.

Records live as YAML in ``evidence/`` (see ``evidence/README.md``). This model is the
single definition of a valid record: validation, the JSON Schema
(``factcheck evidence schema``), the SQLite build and the notes all derive from it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationInfo, field_validator, model_validator

from factcheck.vocab import Criminality, Custody, Event, Unit

RecordMeasure = Literal["stock", "flow", "share", "rate"]
Confidence = Literal["high", "medium", "low", "derived"]

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Source(BaseModel):
    """Where the figure was published."""

    model_config = ConfigDict(extra="forbid")

    publisher: str = Field(description="Who published the figure, e.g. 'U.S. Immigration and Customs Enforcement'.")
    title: str = Field(description="Title of the document, page or article.")
    url: HttpUrl = Field(description="Where the figure can be read (the primary document when possible).")
    date: dt.date = Field(description="Publication date of the document (ISO, YYYY-MM-DD).")
    primary: bool = Field(
        description="True when `url` is the publisher's own document; false for a report or copy of it."
    )


def _half_step(value: float) -> float:
    """Half the unit of the last digit a figure is written with: 65 -> 0.5, 71.7 -> 0.05."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return 0.5 * 10 ** min(int(exponent), 0)


class Fraction(BaseModel):
    """The counts a share was computed from, as the source prints them ("81,312 of 113,431")."""

    model_config = ConfigDict(extra="forbid")

    numerator: float = Field(ge=0, description="How many were counted, e.g. 81,312 arrests with criminal histories.")
    denominator: float = Field(gt=0, description="Out of how many, e.g. 113,431 arrests.")


class EvidenceRecord(BaseModel):
    """One curated, published statistic."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=ID_PATTERN, description="Stable kebab-case id; reports and gold sets cite it.")
    value: float = Field(description="The figure as published (a share in percent, e.g. 71.7; a ratio as 0.75).")
    low: float | None = Field(default=None, description="Lower bound when the source gives a range.")
    high: float | None = Field(default=None, description="Upper bound when the source gives a range.")
    unit: Unit = Field(description="people, cases, events, percent, ratio, multiplier, dollars or other.")
    measure: RecordMeasure = Field(
        description="stock (a count on a date), flow (a count over a period), share or rate."
    )
    as_of: dt.date | None = Field(default=None, description="Snapshot date, for stocks (and shares of a stock).")
    period_start: dt.date | None = Field(default=None, description="First day counted, for flows.")
    period_end: dt.date | None = Field(default=None, description="Last day counted, for flows.")
    population: str = Field(description="Who or what is counted, in a short noun phrase.")
    aliases: list[str] = Field(
        default_factory=list, description="Other phrasings of the same population, used by the matcher."
    )
    event: Event | None = Field(description="What happened to the people counted (arrest, removal, docket ...).")
    criminality: Criminality | None = Field(description="Criminal history counted: convicted, pending, ...")
    custody: Custody | None = Field(default=None, description="Custody status of the people counted, if stated.")
    agency: str = Field(description="The agency the figure is about (ICE, CBP, DHS, EOIR, federal courts ...).")
    geography: str = Field(default="United States", description="Where: the United States, a state or a city.")
    subjects: list[str] = Field(
        default_factory=lambda: ["immigration"],
        description="What the figure is about, as named under `subject:` in lexicon.yaml: a number is linked to "
        "the record only where one of the subject's words stands near it.",
    )
    offense: str | None = Field(default=None, description="Offense category, for offense rows (e.g. homicide).")
    target: bool = Field(
        default=False,
        description="A goal, quota or projection (3,000 arrests a day), not a count of what happened: it links "
        "only to text that speaks of a target, and such text links only to targets.",
    )
    fraction: Fraction | None = Field(
        default=None, description="For a share: the count and base it was computed from, when the source gives them."
    )
    source: Source
    also_seen_at: list[HttpUrl] = Field(default_factory=list, description="Further pages that print the figure.")
    counts: str = Field(min_length=20, description="One plain sentence: what the number counts.")
    not_this: list[str] = Field(default_factory=list, description="Common misreadings, each one sentence.")
    components: list[str] = Field(default_factory=list, description="Ids of records that add up to this one.")
    derived_from: list[str] = Field(
        default_factory=list, description="Ids this figure was computed from (for derived figures)."
    )
    see_also: list[str] = Field(
        default_factory=list, description="Ids of records about the same population that are often confused with it."
    )
    confidence: Confidence = Field(description="high, medium, low or derived (computed, not published).")
    confidence_note: str | None = Field(default=None, description="Why this confidence: who printed the figure.")
    supersedes: str | None = Field(default=None, description="Id of an older record this one replaces.")
    superseded_by: str | None = Field(default=None, description="Id of a newer record that replaces this one.")

    @field_validator("subjects")
    @classmethod
    def _known_subjects(cls, subjects: list[str]) -> list[str]:
        from factcheck.nlp.lexicon import subject_names

        unknown = [s for s in subjects if s not in subject_names()]
        if unknown or not subjects:
            raise ValueError(f"subjects must be among {sorted(subject_names())} (lexicon.yaml, subject:)")
        return subjects

    @field_validator("not_this", "aliases")
    @classmethod
    def _no_blank_items(cls, items: list[str]) -> list[str]:
        if any(not item.strip() for item in items):
            raise ValueError("items must not be blank")
        return items

    @field_validator("fraction")
    @classmethod
    def _fraction_gives_the_share(cls, fraction: Fraction | None, info: ValidationInfo) -> Fraction | None:
        value, unit = info.data.get("value"), info.data.get("unit")
        if fraction is None or value is None:
            return fraction
        if unit not in ("percent", "ratio"):
            raise ValueError("a fraction belongs to a share (unit percent or ratio)")
        computed = fraction.numerator / fraction.denominator * 100
        published = value * 100 if unit == "ratio" else value
        if abs(computed - published) > _half_step(published) + 1e-9:  # 65% may round 65.44%, 71.7% not 71.6%
            counted = f"{fraction.numerator:,g} of {fraction.denominator:,g}"
            raise ValueError(f"{counted} is {computed:.2f}%, not the published {published:g}%")
        return fraction

    @model_validator(mode="after")
    def _consistent(self) -> EvidenceRecord:
        if self.measure == "flow" and self.as_of is not None:
            raise ValueError("a flow has period_start/period_end, not as_of")
        if self.measure == "stock" and (self.period_start or self.period_end):
            raise ValueError("a stock has as_of, not period_start/period_end")
        if self.measure == "stock" and self.as_of is None:
            raise ValueError("a stock needs as_of (the date of the snapshot)")
        if self.measure in ("flow", "rate") and self.period_end is None and self.period_start is None:
            raise ValueError(f"a {self.measure} needs period_start and/or period_end")
        if self.measure == "share" and self.as_of is None and self.period_end is None:
            raise ValueError("a share needs as_of (share of a stock) or a period (share of a flow)")
        if self.as_of is not None and (self.period_start or self.period_end):
            raise ValueError("give either as_of or a period, not both")
        if self.period_start and self.period_end and self.period_start > self.period_end:
            raise ValueError("period_start is after period_end")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError("low is greater than high")
        if (self.low is not None and self.value < self.low) or (self.high is not None and self.value > self.high):
            raise ValueError("value lies outside low..high")
        if self.unit == "percent" and not all(0 <= v <= 100 for v in self._figures()):
            raise ValueError("value (and low/high) of a percent must lie within 0..100")
        if self.unit == "ratio" and not all(0 <= v <= 1 for v in self._figures()):
            raise ValueError("value (and low/high) of a ratio must lie within 0..1")
        if self.id in (self.supersedes, self.superseded_by):
            raise ValueError("a record cannot supersede itself")
        return self

    def as_count(self) -> EvidenceRecord | None:
        """The same statistic as the head count behind the share (81,312 rather than 71.7%), if published."""
        if self.fraction is None:
            return None
        population = self.population.removeprefix("share of ").removeprefix("the share of ")
        measure = "stock" if self.as_of is not None else "flow"
        return self.model_copy(
            update={
                "value": self.fraction.numerator,
                "unit": "people",
                "measure": measure,
                "low": None,
                "high": None,
                "population": population,
            }
        )

    def _figures(self) -> list[float]:
        return [v for v in (self.value, self.low, self.high) if v is not None]

    @property
    def is_stock(self) -> bool:
        return self.measure == "stock" or self.as_of is not None

    def time_anchor(self) -> tuple[dt.date | None, dt.date | None]:
        """(start, end) of what the figure covers; a snapshot has start == end."""
        if self.as_of is not None:
            return self.as_of, self.as_of
        return self.period_start, self.period_end
