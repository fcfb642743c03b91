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
