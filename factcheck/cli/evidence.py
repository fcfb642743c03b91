"""``factcheck evidence ...`` and ``factcheck notes``: validate, build, browse and explain the evidence base."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli import app

evidence_app = typer.Typer(help="Validate, build and browse the curated evidence base.", no_args_is_help=True)
app.add_typer(evidence_app, name="evidence")

EvidenceDir = Annotated[
    Path | None,
    typer.Option("--evidence", help="Evidence folder (default: the bundled evidence/, or $FACTCHECK_EVIDENCE)."),
]
Database = Annotated[
    Path | None, typer.Option("--db", help="Database file (default: build/evidence.db, or $FACTCHECK_DB).")
]


class Format(StrEnum):
    text = "text"
    json = "json"


@evidence_app.command("validate")
def validate(
    path: Annotated[
        Path | None, typer.Argument(help="A folder or file of evidence YAML (default: the bundled one).")
    ] = None,
) -> None:
    """Check every record; print each problem as file:line:col: message. Exit 1 on any problem."""
    from factcheck.evidence.load import load_evidence
    from factcheck.evidence.store import default_evidence_dir

    root = path or default_evidence_dir()
    evidence = load_evidence(root)
    for issue in evidence.issues:
        typer.echo(str(issue))
    files = len(evidence.files)
    if evidence.issues:
        typer.echo(f"{len(evidence.issues)} problem(s) in {files} file(s)", err=True)
        raise typer.Exit(1)
    typer.echo(f"ok: {len(evidence.records)} records in {files} files")


@evidence_app.command("build")
def build(evidence: EvidenceDir = None, db: Database = None) -> None:
    """Validate the evidence and build its SQLite database (rebuilt automatically when the YAML changes)."""
    from factcheck.evidence.build import build_database
    from factcheck.evidence.store import default_db_path, default_evidence_dir

    root = evidence or default_evidence_dir()
    result = build_database(root, db or default_db_path(root))
    typer.echo(f"built {result.path}: {result.records} records, evidence_version {result.evidence_version}")


@evidence_app.command("schema")
def schema() -> None:
    """Print the JSON Schema of an evidence file (for editor completion and checks)."""
    from factcheck.evidence.schema import evidence_file_schema

    typer.echo(json.dumps(evidence_file_schema(), indent=2))


@evidence_app.command("search")
def search(
    query: Annotated[str, typer.Argument(help="Words to look for in what records count and their aliases.")],
    limit: Annotated[int, typer.Option("--limit", "-n")] = 20,
    output_format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
    evidence: EvidenceDir = None,
    db: Database = None,
) -> None:
    """Find records by the population they count."""
    from factcheck.evidence.store import open_store
    from factcheck.report.evidence import record_table

    store = open_store(evidence, db)
    records = store.search(query, limit)
    if output_format is Format.json:
        typer.echo(json.dumps([r.model_dump(mode="json") for r in records], indent=2, ensure_ascii=False))
    elif not records:
        typer.echo(f"no records match {query!r}")
    else:
        record_table(records, title=f"{len(records)} record(s) matching {query!r}")


@evidence_app.command("show")
def show(
    record_id: Annotated[str, typer.Argument(help="The record id, e.g. ice-docket-convicted-2024-07-21.")],
    output_format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
    evidence: EvidenceDir = None,
    db: Database = None,
) -> None:
    """Show one record in full."""
    from factcheck.evidence.store import open_store
    from factcheck.report.evidence import record_panel

    store = open_store(evidence, db)
    record = _find(store, record_id)
    if output_format is Format.json:
        typer.echo(record.model_dump_json(indent=2))
    else:
        record_panel(record, store)


@app.command("notes")
def notes(
    record_id: Annotated[str | None, typer.Argument(help="The record to explain.")] = None,
    all_records: Annotated[bool, typer.Option("--all", help="Write a note for every record.")] = False,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file (or folder with --all).")] = None,
    evidence: EvidenceDir = None,
    db: Database = None,
) -> None:
    """Write the "what this number actually counts" note for a record, as Markdown."""
    from factcheck.evidence.notes import render_note, write_all_notes
    from factcheck.evidence.store import open_store

    store = open_store(evidence, db)
    if all_records:
        if out is None:
            raise typer.BadParameter("--all needs --out DIR")
        written = write_all_notes(store, out)
        typer.echo(f"wrote {len(written)} files to {out}")
        return
    if record_id is None:
        raise typer.BadParameter("give a record id, or --all --out DIR")
    note = render_note(_find(store, record_id), store)
    if out is None:
        typer.echo(note)
    else:
        out.write_text(note, encoding="utf-8")
        typer.echo(f"wrote {out}")


def _find(store: object, record_id: str) -> object:
    import difflib

    from factcheck.errors import InputError

    record = store.get(record_id)  # type: ignore[attr-defined]
    if record is None:
        close = difflib.get_close_matches(record_id, list(store.records), n=3)  # type: ignore[attr-defined]
        hint = f"; did you mean {', '.join(close)}?" if close else "; try 'factcheck evidence search'"
        raise InputError(f"no evidence record {record_id!r}{hint}")
    return record
