"""``--format markdown``: an editor's memo, problems first, every number accounted for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.evidence.notes import day
from factcheck.models import Claim, Report
from factcheck.report.linter import suggestions

if TYPE_CHECKING:
    from factcheck.report.formats import RenderContext


def _quote(text: str) -> str:
    return "> " + " ".join(text.split())


def _source(claim: Claim, context: RenderContext) -> str:
    record = context.store.get(claim.match.evidence_id) if context.store and claim.match else None
    if record is None:
        return f"Evidence: `{claim.match.evidence_id}`." if claim.match else ""
    source = record.source
    cited = f"Source: {source.publisher}, \u201c{source.title}\u201d, {day(source.date)}"
    if source.primary:
        return f"{cited}: <{source.url}> (`{record.id}`)."
    return f"{cited}; the document is quoted at <{source.url}> (`{record.id}`)."


def _flagged(number: int, claim: Claim, context: RenderContext) -> list[str]:
    out = [
        f"### {number}. \u201c{claim.number.text}\u201d, line {claim.line}: {claim.verdict}",
        "",
        _quote(claim.text),
        "",
    ]
    out += [f"- {flag.message} (`{flag.code}`, {flag.severity})" for flag in claim.flags]
    out += ["", *(f"**Suggested fix.** {s}" for s in suggestions(claim)), ""]
    if claim.note:
        out += [claim.note, ""]
    source = _source(claim, context)
    if source:
        out += [source, ""]
    return out


def render(report: Report, context: RenderContext) -> str:
    out = [
        f"# Fact-check memo: {context.name}",
        "",
        report.summary.message[:1].upper() + report.summary.message[1:] + ".",
    ]
    published = f"published {day(report.published)}" if report.published else "no publication date given"
    out += ["", f"Text {published}; evidence base version `{(report.evidence_version or '?')[:12]}`.", ""]
    flagged = [c for c in report.claims if c.flags]
    if flagged:
        out += ["## Needs attention", ""]
        for number, claim in enumerate(flagged, 1):
            out += _flagged(number, claim, context)
    unverified = [c for c in report.claims if c.verdict == "unverified"]
    if unverified:
        out += [
            "## Could not be verified",
            "",
            "No published figure in the evidence base matches these numbers. "
            "Find and cite the source, or cut the number.",
            "",
        ]
        out += [f"- \u201c{c.number.text}\u201d, line {c.line}: {' '.join(c.text.split())}" for c in unverified]
        out.append("")
    consistent = [c for c in report.claims if c.verdict == "consistent"]
    if consistent:
        out += ["## Consistent with the evidence", ""]
        for c in consistent:
            reviewed = " Marked as reviewed." if c.reviewed else ""
            out.append(f"- \u201c{c.number.text}\u201d, line {c.line}: {c.match.why if c.match else ''}.{reviewed}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
