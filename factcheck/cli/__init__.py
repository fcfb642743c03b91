"""The ``factcheck`` command line: a thin shell over :mod:`factcheck.api`.

Commands parse options, call the library and render its results. Every
:class:`~factcheck.errors.FactcheckError` becomes one line on stderr and exit status 2;
nobody sees a traceback for bad input.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from factcheck.errors import FactcheckError


class FactcheckGroup(TyperGroup):
    """The top-level group: a library error raised by any command becomes ``error: message`` on stderr."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FactcheckError as err:
            typer.echo(f"error: {err}", err=True)
            raise typer.Exit(err.exit_code) from None


app = typer.Typer(
    name="factcheck",
    cls=FactcheckGroup,
    help="Find statistical claims in a text and check them against curated evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _print_version(value: bool) -> None:
    if value:
        from factcheck import __version__, _native

        typer.echo(f"factcheck {__version__}, {_native.status()}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and build; exit."),
    ] = False,
) -> None:
    """Find statistical claims in a text and check them against curated evidence."""


from factcheck.cli import batch as _batch  # noqa: E402,F401  (registers commands)
from factcheck.cli import check as _check  # noqa: E402,F401
from factcheck.cli import claims as _claims  # noqa: E402,F401
from factcheck.cli import evaluate as _evaluate  # noqa: E402,F401
from factcheck.cli import evidence as _evidence  # noqa: E402,F401
from factcheck.cli import serve as _serve  # noqa: E402,F401


def main(argv: list[str] | None = None) -> None:
    """Entry point for the ``factcheck`` script."""
    try:
        app(args=argv, prog_name="factcheck")
    except KeyboardInterrupt:
        sys.exit(130)
