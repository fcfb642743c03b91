"""Request and response models of the JSON API (the report itself is :class:`factcheck.models.Report`)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, field_validator

from factcheck.evidence.model import EvidenceRecord
from factcheck.evidence.notes import day, figure, render_note, short_note, when
from factcheck.evidence.store import EvidenceStore
from factcheck.rules import Rule


class CheckRequest(BaseModel):
    """A draft to check. An empty text gives a valid report with no claims."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The draft, as plain text. Offsets in the report index this string.")
    published: dt.date | None = Field(
        default=None, description="Publication date (YYYY-MM-DD); resolves 'this year' and 'now'."
    )

    @field_validator("published", mode="before")
    @classmethod
    def _iso_text_only(cls, value: object) -> object:
        if value is not None and not isinstance(value, str):
            raise ValueError("give the date as text, YYYY-MM-DD")  # pydantic would read 0 as 1970-01-01
        return value


class EvidenceSummary(BaseModel):
    id: str
    figure: str = Field(description="The figure as an editor would write it, e.g. 435,719 or 71.7%.")
    population: str
    when: str = Field(description="The time anchor in words, e.g. 'as of July 21, 2024'.")
    publisher: str
    source_title: str
    source_url: str
    source_date: dt.date

    @classmethod
    def of(cls, record: EvidenceRecord) -> EvidenceSummary:
        source = record.source
        return cls(
            id=record.id,
            figure=figure(record),
            population=record.population,
            when=when(record),
            publisher=source.publisher,
            source_title=source.title,
            source_url=str(source.url),
            source_date=source.date,
        )


class RelatedRecord(BaseModel):
    id: str
    figure: str
    population: str
    when: str
    relation: str = Field(description="How it relates, e.g. 'a total this figure is part of'.")


class EvidenceView(BaseModel):
    """One record with everything an editor needs beside it."""

    summary: EvidenceSummary
    record: EvidenceRecord
    source_date_words: str
    short_note: str = Field(description="One paragraph: what this number actually counts.")
    note_markdown: str = Field(description="The full 'what this number actually counts' note, as Markdown.")
    related: list[RelatedRecord]
    location: str = Field(description="The YAML file and line the record is defined at.")

    @classmethod
    def of(cls, record: EvidenceRecord, store: EvidenceStore) -> EvidenceView:
        file, line = store.locations.get(record.id, ("?", 0))
        related = [
            RelatedRecord(
                id=other.id, figure=figure(other), population=other.population, when=when(other), relation=relation
            )
            for other, relation in store.related(record)
        ]
        return cls(
            summary=EvidenceSummary.of(record),
            record=record,
            source_date_words=day(record.source.date),
            short_note=short_note(record),
            note_markdown=render_note(record, store),
            related=related,
            location=f"{file}:{line}",
        )


class RuleInfo(BaseModel):
    code: str
    slug: str
    severity: str
    family: str
    summary: str
    explanation: str = Field(description="The rule's documentation: why it matters, an example, what to write.")

    @classmethod
    def of(cls, rule: Rule) -> RuleInfo:
        return cls(
            code=rule.code,
            slug=rule.slug,
            severity=rule.severity,
            family=rule.family,
            summary=rule.summary,
            explanation=rule.doc,
        )


class ErrorDetail(BaseModel):
    detail: str
