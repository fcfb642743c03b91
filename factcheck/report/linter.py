"""``--format text``: one line per finding, ``file:line:col: verdict slug “number”: message``, like a linter.

Flagged claims give one line per flag with its suggestion indented below; consistent and
unverified claims get one line each, so the output accounts for every number in the text.
A summary line closes the output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.models import Claim, Report

if TYPE_CHECKING:
    from factcheck.report.formats import RenderContext

_COLORS = {"consistent": "green", "misleading": "yellow", "contradicted": "red", "unverified": "blue"}


def _verdict(claim: Claim, context: RenderContext) -> str:
    verdict = claim.verdict or "unverified"
    if not context.color:
        return verdict
    import typer

    return typer.style(verdict, fg=_COLORS[verdict], bold=verdict in ("misleading", "contradicted"))


def suggestions(claim: Claim) -> list[str]:
    """The claim's distinct suggestions, in flag order (rules often agree on the accurate sentence)."""
    return list(dict.fromkeys(flag.suggestion for flag in claim.flags))


def claim_lines(claim: Claim, context: RenderContext) -> list[str]:
    where = f"{context.name}:{claim.line}:{claim.column}:"
    verdict = _verdict(claim, context)
    quoted = f"\u201c{claim.number.text}\u201d"
    if claim.flags:
        lines = [f"{where} {verdict} {flag.code} {quoted}: {flag.message}" for flag in claim.flags]
        return lines + [f"    {suggestion}" for suggestion in suggestions(claim)]
    if claim.match is None:
        line = f"{where} {verdict} {quoted}: no published figure in the evidence base matches this claim"
        closest = claim.candidates[0] if claim.candidates else None
        return [line + (f"; closest record: {closest.evidence_id}, {closest.why_not}" if closest else "")]
    reviewed = " (marked as reviewed)" if claim.reviewed else ""
    return [f"{where} {verdict} {quoted} matches {claim.match.evidence_id}: {claim.match.why}{reviewed}"]


def render(report: Report, context: RenderContext) -> str:
    lines = [line for claim in report.claims for line in claim_lines(claim, context)]
    lines.append(f"{context.name}: {report.summary.message}")
    return "\n".join(lines)
