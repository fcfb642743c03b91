"""Render extracted claims (``factcheck extract``)."""

from __future__ import annotations

import json

from factcheck.models import Claim


def claims_json(claims: list[Claim]) -> str:
    return json.dumps(
        [c.model_dump(mode="json", exclude={"match", "flags", "verdict", "note", "reviewed"}) for c in claims],
        indent=2,
        ensure_ascii=False,
    )


def _value(claim: Claim) -> str:
    if claim.low is not None and claim.high is not None:
        return f"{claim.low:g}–{claim.high:g}"
    return format_number(claim.value)


def format_number(value: float | None) -> str:
    """435719 -> "435,719"; 71.7 -> "71.7"; 0.6667 -> "0.6667"."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def claims_table(claims: list[Claim], name: str) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not claims:
        console.print(f"{name}: no statistical claims found")
        return
    table = Table(title=f"{name}: {len(claims)} statistical claim{'s' if len(claims) != 1 else ''}")
    table.add_column("at", no_wrap=True)
    table.add_column("number", no_wrap=True)
    table.add_column("value", no_wrap=True, justify="right")
    table.add_column("unit")
    table.add_column("counts")
    table.add_column("time")
    for c in claims:
        hedge = f"{c.approx} " if c.approx else ""
        counts = " · ".join(x for x in (c.event, c.criminality, c.custody, c.measure) if x)
        when = f"{c.time.kind}: {c.time.text}" if c.time.text else c.time.kind
        table.add_row(f"{c.line}:{c.column}", c.number.text, hedge + _value(c), c.unit, counts, when)
    console.print(table)
