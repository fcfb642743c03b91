"""``factcheck check``: the end-to-end fact-check of one text, with linter-style exit codes."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli import app
from factcheck.cli.options import Model, Published, published_date


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    claimreview = "claimreview"


class FailOn(StrEnum):
    contradicted = "contradicted"
    misleading = "misleading"
    unverified = "unverified"
    never = "never"


def split_names(values: list[str] | None) -> list[str]:
    """``--select FC1,stock-as-flow --select FC3`` -> ["FC1", "stock-as-flow", "FC3"]."""
    return [name.strip() for value in values or [] for name in value.split(",") if name.strip()]


def parse_severities(values: list[str] | None) -> dict[str, str]:
    overrides = {}
    for item in split_names(values):
        name, sep, level = item.partition("=")
        if not sep or level not in ("error", "warning", "info"):
            raise typer.BadParameter(f"{item!r}: use RULE=error|warning|info, e.g. missing-time-window=info")
        overrides[name] = level
    return overrides


@app.command()
def check(
    file: Annotated[str, typer.Argument(help="A text file, or - for standard input.")],
    published: Published = None,
    output_format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.text,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Only these rules (slugs or code prefixes, comma-separated).")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Skip these rules (slugs or code prefixes).")
    ] = None,
    severity: Annotated[
        list[str] | None, typer.Option("--severity", help="Override a rule's severity: RULE=error|warning|info.")
    ] = None,
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="Lowest verdict that makes the exit status 1 [misleading].")
    ] = None,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            "--min-confidence",
            min=0.0,
            max=1.0,
            help="Link only when at least this sure (0..1) [0.5]; else unverified.",
        ),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="A factcheck.toml or pyproject.toml to read settings from.")
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    author: Annotated[str, typer.Option("--author", help="ClaimReview: the reviewing organisation.")] = "factcheck",
    review_url: Annotated[
        str | None, typer.Option("--review-url", help="ClaimReview: URL of the published review.")
    ] = None,
    model: Model = None,
) -> None:
    """Check every statistical claim in FILE against the evidence base.

    Exit status: 0 when no claim is misleading or contradicted (see --fail-on), 1 otherwise,
    2 for usage errors and unreadable input.
    """
    from factcheck import api
    from factcheck.engine import fails
    from factcheck.evidence.store import open_store
    from factcheck.report.formats import RenderContext, render
    from factcheck.settings import load_settings, read_settings_file
    from factcheck.textio import read_text

    name, text = read_text(file)
    base = read_settings_file(config) if config else load_settings(Path(file) if file != "-" else None)
    settings = base.merged(
        select=split_names(select),
        ignore=split_names(ignore),
        severity=parse_severities(severity),
        fail_on=fail_on.value if fail_on else None,
        min_confidence=min_confidence,
    )
    store = open_store()
    report = api.check(text, published=published_date(published), settings=settings, store=store, model=model)
    to_terminal = output is None and sys.stdout.isatty()
    context = RenderContext(name=name, store=store, color=to_terminal, review_url=review_url, author=author)
    rendered = render(report, output_format.value, context)
    if output is not None:
        output.write_text(rendered + "\n", encoding="utf-8")
    else:
        typer.echo(rendered)
    raise typer.Exit(1 if fails(report, settings.fail_on) else 0)


@app.command("schema")
def report_schema() -> None:
    """Print the JSON Schema of the report `check --format json` writes (docs/report.schema.json)."""
    import json

    from factcheck.models import Report

    typer.echo(json.dumps(Report.model_json_schema(), indent=2, ensure_ascii=False))


rules_app = typer.Typer(help="The rule catalog: list the rules, or explain one.")
app.add_typer(rules_app, name="rules")


class RulesFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


@rules_app.callback(invoke_without_command=True)
def rules_list(
    ctx: typer.Context,
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="table, json, or markdown (the docs page).")
    ] = RulesFormat.table,
) -> None:
    """List every rule: code, slug, severity and what it flags."""
    if ctx.invoked_subcommand is not None:
        return
    from factcheck.report.rules import catalog_markdown, rule_json, rules_table
    from factcheck.rules import RULES

    chosen = sorted(RULES.values(), key=lambda r: r.code)
    if output_format is RulesFormat.json:
        typer.echo(rule_json(chosen))
    elif output_format is RulesFormat.markdown:
        typer.echo(catalog_markdown(chosen), nl=False)
    else:
        rules_table(chosen)


@rules_app.command("explain")
def rules_explain(
    name: Annotated[str, typer.Argument(help="A rule slug (stock-as-flow) or code (FC101).")],
    output_format: Annotated[RulesFormat, typer.Option("--format", "-f", help="table (text), json or markdown.")] = (
        RulesFormat.table
    ),
) -> None:
    """Explain one rule: why it matters, an example that fires and what to write instead."""
    from factcheck.report.rules import explain, rule_json, rule_markdown
    from factcheck.rules import by_slug_or_code

    chosen = by_slug_or_code(name)
    if output_format is RulesFormat.json:
        typer.echo(rule_json([chosen]))
    elif output_format is RulesFormat.markdown:
        typer.echo(rule_markdown(chosen), nl=False)
    else:
        explain(chosen)
