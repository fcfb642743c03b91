"""Options shared by several commands, so every command spells them the same way."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


Published = Annotated[
    str | None,
    typer.Option("--published", help="Publication date of the text (YYYY-MM-DD); resolves 'now', 'this year'."),
]
Model = Annotated[
    str | None,
    typer.Option("--model", help="An installed spaCy pipeline to use instead of the blank English one."),
]


def published_date(value: str | None) -> dt.date | None:
    return _parse_date(value)
