"""Render evidence records for the terminal."""

from __future__ import annotations

from factcheck.evidence.model import EvidenceRecord
from factcheck.evidence.notes import figure, when
from factcheck.evidence.store import EvidenceStore


def record_table(records: list[EvidenceRecord], title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    table.add_column("id", no_wrap=True)
    table.add_column("figure", justify="right", no_wrap=True)
    table.add_column("what it counts")
    table.add_column("when")
    for record in records:
        table.add_row(record.id, figure(record), record.population, when(record))
    Console().print(table)


def record_panel(record: EvidenceRecord, store: EvidenceStore) -> None:
    from rich.console import Console
    from rich.markdown import Markdown

    from factcheck.evidence.notes import render_note

    console = Console()
    file, line = store.locations.get(record.id, ("?", 0))
    console.print(f"[bold]{record.id}[/bold]  ({file}:{line})")
    console.print(Markdown(render_note(record, store)))
