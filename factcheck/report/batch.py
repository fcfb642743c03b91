"""Batch output: the live progress display, and the summary report as HTML (inline SVG charts) or Markdown."""

from __future__ import annotations

import contextlib
import html
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.batch.runner import BatchStats, Progress
    from factcheck.batch.summary import Summary

VERDICT_COLORS = {"consistent": "#1a7f37", "misleading": "#d4a017", "contradicted": "#b42318", "unverified": "#6b7280"}


# --- progress ------------------------------------------------------------------------------


@contextlib.contextmanager
def progress_display(enabled: bool = True) -> Iterator[Progress | None]:
    """A rich progress bar on stderr: documents, claims and flags per second, and an ETA when the total is known."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    columns = (
        SpinnerColumn(),
        TextColumn("[bold]checking"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rates]}"),
        TextColumn("[dim]{task.fields[eta]}"),
    )
    with Progress(*columns, console=Console(stderr=True), transient=False, refresh_per_second=4) as bar:
        task = bar.add_task("documents", total=None, rates="", eta="")

        def update(stats: BatchStats, total: int | None) -> None:
            seconds = max(stats.seconds, 1e-6)
            done = stats.checked + stats.skipped
            rate = done / seconds
            rates = (f"{rate:,.1f} docs/s · {stats.claims / seconds:,.0f} claims/s · "
                     f"{stats.flags / seconds:,.0f} flags/s")  # fmt: skip
            eta = ""
            if total is not None and rate > 0:
                left = max(total - stats.considered, 0) / rate
                eta = f"ETA {int(left // 3600)}:{int(left % 3600 // 60):02d}:{int(left % 60):02d}"
            bar.update(task, completed=stats.considered, total=total, rates=rates, eta=eta)

        yield update


# --- charts --------------------------------------------------------------------------------


def bar_chart(items: list[tuple[str, int]], colors: dict[str, str] | None = None, width: int = 560) -> str:
    """Horizontal bars as an inline SVG string (labels escaped); no scripts, no external assets."""
    if not items:
        return ""
    row, label_width = 26, 230
    peak = max(value for _, value in items) or 1
    height = row * len(items) + 8
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">']
    for i, (label, value) in enumerate(items):
        y = 4 + i * row
        length = max(1.0, (width - label_width - 70) * value / peak)
        color = (colors or {}).get(label, "#1f4e8c")
        parts.append(f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end">{html.escape(label)}</text>')
        parts.append(f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row - 8}" fill="{color}"/>')
        parts.append(f'<text x="{label_width + length + 6:.1f}" y="{y + 16}">{value:,}</text>')
    parts.append("</svg>")
    return "".join(parts)


def month_chart(months: list[tuple[str, int, int]], width: int = 900, height: int = 200) -> str:
    """Claims per month (grey) with the flagged ones (red) as stacked columns, as an inline SVG string."""
    if not months:
        return ""
    peak = max(n for _, n, _ in months) or 1
    gap, bottom = 2, 24
    column = max(2.0, (width - 40) / len(months) - gap)
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">']
    for i, (month, claims, flagged) in enumerate(months):
        x = 30 + i * (column + gap)
        full = (height - bottom - 10) * claims / peak
        bad = (height - bottom - 10) * flagged / peak
        parts.append(f'<rect x="{x:.1f}" y="{height - bottom - full:.1f}" width="{column:.1f}" height="{full:.1f}" '
                     f'fill="#cbd5e1"><title>{html.escape(month)}: {claims:,} claims</title></rect>')  # fmt: skip
        parts.append(f'<rect x="{x:.1f}" y="{height - bottom - bad:.1f}" width="{column:.1f}" height="{bad:.1f}" '
                     f'fill="#b42318"><title>{html.escape(month)}: {flagged:,} flagged</title></rect>')  # fmt: skip
        if len(months) <= 24 or i % max(1, len(months) // 12) == 0:
            parts.append(f'<text x="{x:.1f}" y="{height - 6}" class="tick">{html.escape(month)}</text>')
    parts.append("</svg>")
    return "".join(parts)


# --- reports -------------------------------------------------------------------------------


def render_html(summary: Summary) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    env = Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")), autoescape=select_autoescape())
    charts = {
        "verdicts": Markup(bar_chart(list(summary.verdicts.items()), VERDICT_COLORS)),
        "flags": Markup(bar_chart([(code, n) for code, n, _ in summary.flags])),
        "months": Markup(month_chart(summary.months)),
    }
    return env.get_template("batch_report.html").render(s=summary, charts=charts)


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "0%"


def render_markdown(summary: Summary) -> str:
    s = summary
    out = [f"# Batch report: {s.path}", ""]
    flagged = f"{s.flagged_claims:,} of them misleading or contradicted ({_share(s.flagged_claims, s.claims)})"
    out += [
        f"{s.documents:,} documents checked ({s.skipped:,} skipped), {s.claims:,} statistical claims, {flagged}.",
        "",
    ]
    out += ["## Verdicts", "", "| verdict | claims | share |", "|---|---:|---:|"]
    out += [f"| {v} | {n:,} | {_share(n, s.claims)} |" for v, n in s.verdicts.items()]
    out += ["", "## Flags per rule", "", "| rule | flags | documents |", "|---|---:|---:|"]
    out += [f"| `{code}` | {n:,} | {docs:,} |" for code, n, docs in s.flags] or ["| (none) | 0 | 0 |"]
    out += ["", "## Most misused evidence", ""]
    for record in s.misused:
        flags = ", ".join(f"`{code}` {n:,}" for code, n in record.flags)
        out += [f"### {record.figure} {record.population} (`{record.evidence_id}`)", "",
                f"{record.flagged:,} of {record.linked:,} claims quoting it were flagged: {flags}.", ""]  # fmt: skip
        for ex in record.examples:
            where = f"[{ex.document}]({ex.url})" if ex.url else ex.document
            out.append(f"- “{' '.join(ex.sentence.split())}” ({ex.verdict}; {where}, {ex.published or 'undated'})")
        out.append("")
    out += ["## Claims per month", "", "| month | claims | flagged |", "|---|---:|---:|"]
    out += [f"| {m} | {n:,} | {bad:,} |" for m, n, bad in s.months]
    if s.undated_claims:
        out += ["", f"{s.undated_claims:,} claims come from documents with no publication date."]
    if s.skipped_reasons:
        out += ["", "## Skipped documents", "", "| reason | documents |", "|---|---:|"]
        out += [f"| {reason} | {n:,} |" for reason, n in s.skipped_reasons]
    return "\n".join(out) + "\n"
