"""``factcheck extract``: list the statistical claims of a text."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from factcheck.cli import app
from factcheck.cli.options import Model, Published, published_date


class ExtractFormat(StrEnum):
    table = "table"
    json = "json"


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="A text file, or - for standard input.")],
    published: Published = None,
    output_format: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="table or json.")
    ] = ExtractFormat.table,
    model: Model = None,
) -> None:
    """List every statistical claim in FILE with its value, what it counts and its time window."""
    from factcheck import api
    from factcheck.report.claims import claims_json, claims_table
    from factcheck.textio import read_text

    name, text = read_text(file)
    claims = api.extract(text, published=published_date(published), model=model)
    if output_format is ExtractFormat.json:
        typer.echo(claims_json(claims))
    else:
        claims_table(claims, name)
