"""``factcheck batch``: check an archive into a results database, and summarise one."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from factcheck.cli import app


class _DefaultRun(TyperGroup):
    """``factcheck batch INPUT...`` means ``factcheck batch run INPUT...``; ``batch report`` stays a command."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


batch_app = typer.Typer(
    cls=_DefaultRun,
    help="Check whole archives (folders, JSONL, CSV, WARC) into a SQLite results file, and summarise it.",
    no_args_is_help=True,
)
app.add_typer(batch_app, name="batch")


@batch_app.command("run")
def run(
    inputs: Annotated[list[Path], typer.Argument(help="Folders (.txt .md .html), .jsonl, .csv, .warc(.gz) files.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The results database (created or resumed).")],
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes [default: all cores].")
    ] = None,
    dask: Annotated[
        str | None, typer.Option("--dask", help="Run on a Dask cluster instead: tcp://SCHEDULER:8786.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Check every document not already in OUT (same content, same evidence), in parallel."""
    from factcheck.batch.runner import run_batch
    from factcheck.report.batch import progress_display

    with progress_display(enabled=not quiet) as progress:
        stats = run_batch(inputs, out, jobs=jobs, dask=dask, progress=progress)
    rate = stats.checked / stats.seconds if stats.seconds else 0.0
    typer.echo(
        f"{out}: {stats.checked:,} document{'' if stats.checked == 1 else 's'} checked ({rate:,.1f}/s), "
        f"{stats.skipped:,} skipped, "
        f"{stats.already_done:,} already done; {stats.claims:,} claims, {stats.flags:,} flags",
        err=True,
    )


class ReportFormat(StrEnum):
    html = "html"
    markdown = "markdown"


@batch_app.command("report")
def report(
    results: Annotated[Path, typer.Argument(help="A results database written by 'factcheck batch'.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here instead of standard output.")] = None,
    output_format: Annotated[ReportFormat | None, typer.Option("--format", "-f", help="html or markdown.")] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="How many evidence records to list.")] = 10,
) -> None:
    """Summarise a results database: verdicts, flags per rule, most misused evidence, claims per month."""
    from factcheck.batch.summary import summarize
    from factcheck.report.batch import render_html, render_markdown

    chosen = output_format or (ReportFormat.markdown if out and out.suffix.lower() == ".md" else ReportFormat.html)
    summary = summarize(results, top=top)
    rendered: Any = render_html(summary) if chosen is ReportFormat.html else render_markdown(summary)
    if out is None:
        typer.echo(rendered)
    else:
        out.write_text(rendered, encoding="utf-8")
        typer.echo(f"wrote {out}", err=True)
