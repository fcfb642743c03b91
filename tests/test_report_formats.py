"""Every report format on the bundled example draft, compared with golden files a person has read.

Run ``pytest --update-golden`` after a deliberate change, then read the diff before committing.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from factcheck import check
from factcheck.report.formats import RENDERERS, RenderContext, render

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden" / "reports"
DRAFT = ROOT / "examples" / "draft.txt"


@pytest.fixture(scope="module")
def report(store):
    return check(DRAFT.read_text(encoding="utf-8"), published=dt.date(2025, 5, 2), store=store)


@pytest.mark.parametrize("format_name", ["text", "markdown", "claimreview"])
def test_format_matches_golden(format_name: str, report, store, update_golden: bool) -> None:
    context = RenderContext(name="examples/draft.txt", store=store, options={"reviewed_on": "2025-05-03"})
    rendered = render(report, format_name, context).replace(report.evidence_version[:12], "<evidence-version>")
    path = GOLDEN / f"draft.{RENDERERS[format_name].extension}"
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")


def test_json_round_trips_to_the_same_report(report) -> None:
    from factcheck.models import Report

    rendered = render(report, "json")
    assert Report.model_validate(json.loads(rendered)) == report


def test_every_claim_appears_in_every_format(report, store) -> None:
    context = RenderContext(name="draft", store=store)
    for name in RENDERERS:
        rendered = render(report, name, context)
        for claim in report.claims:
            assert claim.number.text in rendered or json.dumps(claim.number.text)[1:-1] in rendered, (name, claim)
