"""Property tests of the JSON API against its own OpenAPI schema (schemathesis): no 500s, and every
response conforms to what the schema documents."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from factcheck.evidence.store import open_store
from factcheck.web import create_app

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(store=open_store()))


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    case.call_and_validate()


def test_docs_report_schema_is_generated_from_the_models() -> None:
    import json
    from pathlib import Path

    from factcheck.models import Report

    page = Path(__file__).resolve().parents[1] / "docs" / "report.schema.json"
    assert json.loads(page.read_text(encoding="utf-8")) == Report.model_json_schema(), (
        "docs/report.schema.json is stale: run `make docs`"
    )
    claim = Report.model_json_schema()["$defs"]["Claim"]["properties"]
    assert "candidates" in claim
    assert "confidence" in Report.model_json_schema()["$defs"]["Match"]["properties"]
