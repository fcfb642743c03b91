"""Markdown pipe tables: a cell's number is read with its column's header and the line that introduces
the table.

Sentences carry their own words; a table's cell does not. In

    ICE letter figures, as of July 21, 2024:

    | Group | Convicted | Pending |
    |---|---|---|
    | Non-detained docket | 425,431 | 222,141 |

222,141 counts people with pending charges ("Pending" heads its column) as of July 21, 2024 (the
line above the table), though neither word stands in its row.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass

from factcheck.models import Claim, TimeWindow
from factcheck.nlp.lexicon import phrase_pattern

_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)
_RULE_ROW = re.compile(r"^[ \t]*\|(?:[ \t]*:?-{2,}:?[ \t]*\|)+[ \t]*$")
# Column headers that say which criminal record a cell counts, most specific first.
_HEADER_CRIMINALITY = ("convicted_or_pending", "pending", "no_conviction", "convicted")


@dataclass(frozen=True, slots=True)
class Table:
    """A pipe table: where its data rows stand, its header cells' words and spans, and what introduces it."""

    start: int
    end: int
    headers: list[tuple[int, int, str]]  # (start, end) of each column's cell in the header row, and its words
    intro: str  # the text just above the table ("ICE letter figures, as of July 21, 2024:")
    intro_start: int


def find_tables(text: str) -> list[Table]:
    """The pipe tables in ``text`` that have a header row and a rule row (|---|---|)."""
    if "|" not in text:
        return []
    rows = [(m.start(), m.end()) for m in _ROW.finditer(text)]
    tables: list[Table] = []
    i = 0
    while i + 1 < len(rows):
        header, rule = rows[i], rows[i + 1]
        if not _RULE_ROW.fullmatch(text[rule[0] : rule[1]]) or text[header[1] : rule[0]].strip():
            i += 1
            continue
        j = i + 2
        while j < len(rows) and not text[rows[j - 1][1] : rows[j][0]].strip():
            j += 1
        intro_start = text.rfind("\n\n", 0, max(header[0] - 1, 0))
        intro_start = 0 if intro_start < 0 else intro_start + 2
        tables.append(Table(rule[1], rows[j - 1][1], _cells(text, *header), text[intro_start : header[0]], intro_start))
        i = j
    return tables


def _cells(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The cells of a row between its outer pipes, with their spans."""
    bars = [m.start() for m in re.finditer(r"\|", text[start:end])]
    return [(start + a + 1, start + b, text[start + a + 1 : start + b].strip()) for a, b in itertools.pairwise(bars)]


def apply_tables(text: str, claims: list[Claim], published: dt.date | None) -> None:
    """Give each number in a table cell its column's criminal record and the introducing line's window."""
    tables = find_tables(text)
    if not tables:
        return
    starts = [t.start for t in tables]
    for claim in claims:
        at = bisect.bisect_right(starts, claim.number.start) - 1
        if at < 0 or claim.number.start >= tables[at].end:
            continue
        table = tables[at]
        line_start = text.rfind("\n", 0, claim.number.start) + 1
        column = _column_of(text, line_start, claim.number.start)
        header = table.headers[column][2] if column < len(table.headers) else ""
        criminality = _criminality(header)
        if criminality is not None:
            claim.criminality = criminality  # type: ignore[assignment]
        if claim.time.kind == "none":
            claim.time = _intro_window(table, published) or claim.time


def _column_of(text: str, line_start: int, offset: int) -> int:
    """Which column (0 = the first cell) ``offset`` stands in on its row."""
    return text.count("|", line_start, offset) - 1


def _criminality(header: str) -> str | None:
    """The criminal record a column header names ("Pending", "With convictions", "Criminal history")."""
    if _PENDING.search(header):
        return "pending"  # a header says "Pending" alone, a sentence "pending charges"
    for label in _HEADER_CRIMINALITY:
        if phrase_pattern("criminality", label).search(header):
            return label
    return None


_PENDING = re.compile(r"^\s*pending\b", re.IGNORECASE)


def _intro_window(table: Table, published: dt.date | None) -> TimeWindow | None:
    """The window the line introducing the table names, as an inherited window of each cell."""
    from factcheck.nlp.attributes import window_kind
    from factcheck.nlp.timewindows import find_time_expressions

    found = [e for e in find_time_expressions(table.intro, published) if e.date_from or e.date_to]
    if not found:
        return None
    best = max(found, key=lambda e: e.informative)
    return TimeWindow(
        text=best.text,
        kind=window_kind(best, "stock"),  # type: ignore[arg-type]
        start=best.date_from,
        end=best.date_to,
        inherited=True,
    )
