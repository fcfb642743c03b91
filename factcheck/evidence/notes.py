"""Write "what this number actually counts" notes, in plain words for an editor.

A note says what the number counts, when (in words), where it was published, what it is
often mistaken for, how it relates to neighbouring figures, how sure we are, and gives a
sentence that quotes it accurately. It never shows field names.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from factcheck.evidence.model import EvidenceRecord
from factcheck.evidence.store import EvidenceStore

_CONFIDENCE_WORDS = {
    "high": "High: read in the publisher's own document or confirmed by several independent reports.",
    "medium": "Medium: reported by more than one secondary source, or seen in one excerpt of the document.",
    "low": "Low: one secondary source, or sources that disagree.",
    "derived": "Derived: computed from published figures; the result itself was not seen in print.",
}


_MONTHS = "January February March April May June July August September October November December".split()


def day(value: dt.date) -> str:
    """2024-07-21 -> "July 21, 2024" (in English whatever the locale, which strftime's %B is not)."""
    return f"{_MONTHS[value.month - 1]} {value.day}, {value.year}"


def fiscal_year(start: dt.date | None, end: dt.date | None) -> int | None:
    """The US federal fiscal year a period is exactly, if it is one (FY2024 = Oct 1, 2023 - Sep 30, 2024)."""
    if start and end and (start.month, start.day, end.month, end.day) == (10, 1, 9, 30) and end.year == start.year + 1:
        return end.year
    return None


def when(record: EvidenceRecord) -> str:
    """The record's time anchor as a phrase: "as of July 21, 2024", "in fiscal year 2024 (...)"."""
    if record.as_of is not None:
        return f"as of {day(record.as_of)}"
    start, end = record.period_start, record.period_end
    year = fiscal_year(start, end)
    if year is not None:
        return f"in fiscal year {year} (October 1, {year - 1}, to September 30, {year})"
    if start and end:
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
            return f"in calendar year {start.year}"
        return f"from {day(start)} to {day(end)}"
    if end:
        return f"up to {day(end)}"
    return f"from {day(start)}" if start else ""


def when_explained(record: EvidenceRecord) -> str:
    if record.as_of is not None:
        return (
            f"A snapshot: the count on one day, {day(record.as_of)}. It says how many were there that day, "
            "not how many came or went over any period."
        )
    return f"A count over a period: everything counted {when(record)}."


def figure(record: EvidenceRecord) -> str:
    """The record's figure as an editor would write it: "435,719", "71.7%", "1,200 to 1,500"."""
    if record.low is not None and record.high is not None and record.low != record.high:
        return f"{amount(record, record.low)} to {amount(record, record.high)}"
    return amount(record, record.value)


def amount(record: EvidenceRecord, value: float) -> str:
    """A value in the record's unit: "435,719", "71.7%", "$9.7 billion", "7.4 million"."""
    if record.unit == "percent":
        return f"{value:g}%"
    if record.unit == "ratio":
        return f"{value * 100:.3g}%"
    if record.unit == "multiplier":
        return f"{value:g} times"
    if record.unit == "dollars":
        return f"${value / 1e9:g} billion" if value >= 1e9 else f"${value:,.0f}"
    if value >= 1_000_000 and value % 10_000 == 0:
        return f"{value / 1_000_000:g} million"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def headline(record: EvidenceRecord) -> str:
    return f"{figure(record)}: {record.population}"


def suggested_sentence(record: EvidenceRecord) -> str:
    """A sentence that quotes the figure with what it counts, its time anchor and its source."""
    population = record.population
    for prefix in ("share of ", "the share of "):
        if population.lower().startswith(prefix):
            population = population[len(prefix) :]
    if record.unit in ("percent", "ratio"):
        return f"{figure(record)} of {population}, {when(record)}, according to {record.source.publisher}."
    return f"{figure(record)} {population}, {when(record)}, according to {record.source.publisher}."


def _source_lines(record: EvidenceRecord) -> list[str]:
    source = record.source
    lines = [f"{source.publisher}, \u201c{source.title}\u201d, {day(source.date)}. <{source.url}>"]
    if not source.primary:
        lines.append("(Read in a report or copy of the document, not in the document itself.)")
    if record.also_seen_at:
        lines.append("Also printed at: " + ", ".join(f"<{url}>" for url in record.also_seen_at) + ".")
    return lines


def _relation_lines(record: EvidenceRecord, store: EvidenceStore) -> list[str]:
    lines = []
    for other, why in store.related(record):
        lines.append(f"- {figure(other)} {other.population}, {when(other)}: {why}.")
    if record.components and all(c in store.records for c in record.components):
        parts = [store.records[c] for c in record.components]
        total = " + ".join(amount(p, p.value) for p in parts)
        lines.append(f"- The parts add up: {total} = {amount(record, record.value)}.")
    return lines


def render_note(record: EvidenceRecord, store: EvidenceStore) -> str:
    """The Markdown note for one record."""
    out = [f"# {headline(record)}", "", "## What it counts", "", record.counts, "", "## When", ""]
    out += [when_explained(record), "", "## Source", ""]
    out += [line + "  " if i < len(_source_lines(record)) - 1 else line for i, line in enumerate(_source_lines(record))]
    if record.not_this:
        out += ["", "## What it is not", ""]
        out += [f"- {item}" for item in record.not_this]
    relations = _relation_lines(record, store)
    if relations:
        out += ["", "## Related figures", "", *relations]
    out += ["", "## How sure we are", "", _CONFIDENCE_WORDS[record.confidence]]
    if record.confidence_note:
        out.append(record.confidence_note)
    out += ["", "## Say it accurately", "", f"> {suggested_sentence(record)}", ""]
    return "\n".join(out)


def short_note(record: EvidenceRecord) -> str:
    """One paragraph for a claim in a draft: what the matched figure counts, when, and from whom."""
    return (
        f"What this number actually counts: {record.counts} ({figure(record)}, {when(record)}; "
        f"{record.source.publisher}, {day(record.source.date)}.)"
    )


def write_all_notes(store: EvidenceStore, out_dir: Path) -> list[Path]:
    """One Markdown note per record plus an index.md; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    index = ["# What these numbers actually count", "", f"{len(store.records)} published statistics.", ""]
    for record_id, record in sorted(store.records.items()):
        path = out_dir / f"{record_id}.md"
        path.write_text(render_note(record, store), encoding="utf-8")
        written.append(path)
        index.append(f"- [{headline(record)}]({record_id}.md), {when(record)}")
    index_path = out_dir / "index.md"
    index_path.write_text("\n".join(index) + "\n", encoding="utf-8")
    return [*written, index_path]
