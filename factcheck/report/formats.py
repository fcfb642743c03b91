"""The registry of report formats: ``--format text|json|markdown|claimreview``.

Each renderer is a plain function of a checked :class:`~factcheck.models.Report`; the CLI, the
web app and batch mode pick one by name, so every front end writes the same output.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from factcheck.evidence.store import EvidenceStore
from factcheck.models import Report


@dataclass(frozen=True, slots=True)
class RenderContext:
    """What a renderer may need besides the report: where the text came from, the evidence, options."""

    name: str = "<text>"
    store: EvidenceStore | None = None
    color: bool = False
    review_url: str | None = None
    author: str = "factcheck"
    options: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Renderer:
    name: str
    media_type: str
    extension: str
    render: Callable[[Report, RenderContext], str]
    help: str


def _renderers() -> dict[str, Renderer]:
    from factcheck.report import claimreview, linter, memo

    return {
        "text": Renderer("text", "text/plain", "txt", linter.render, "one line per finding, like a linter"),
        "json": Renderer("json", "application/json", "json", _json, "the report contract (schema_version 1)"),
        "markdown": Renderer("markdown", "text/markdown", "md", memo.render, "an editor's memo"),
        "claimreview": Renderer(
            "claimreview", "application/ld+json", "jsonld", claimreview.render, "schema.org ClaimReview JSON-LD"
        ),
    }


def _json(report: Report, context: RenderContext) -> str:
    return report.model_dump_json(indent=2)


RENDERERS: dict[str, Renderer] = _renderers()


def render(report: Report, format_name: str, context: RenderContext | None = None) -> str:
    return RENDERERS[format_name].render(report, context or RenderContext())
