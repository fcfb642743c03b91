"""The JSON API and the server-rendered pages, through Starlette's test client."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from factcheck.web import create_app

RELEASED = "ICE released 435,000 convicted criminals into the country."


@pytest.fixture(scope="module")
def client(store) -> TestClient:
    return TestClient(create_app(store=store))


def test_check_returns_the_report_contract(client: TestClient) -> None:
    response = client.post("/api/check", json={"text": RELEASED, "published": "2024-10-01"})
    assert response.status_code == 200
    report = response.json()
    assert report["schema_version"] == "1"
    (claim,) = report["claims"]
    assert claim["number"] == {"text": "435,000", "start": 13, "end": 20}
    assert claim["verdict"] == "misleading"
    assert {f["code"] for f in claim["flags"]} >= {"stock-as-flow", "custody-mismatch"}
    assert report["summary"]["by_verdict"] == {"misleading": 1}


def test_check_offsets_count_code_points(client: TestClient) -> None:
    text = "\U0001f4ca Chart: " + RELEASED  # an emoji is one code point, two UTF-16 units
    claim = client.post("/api/check", json={"text": text}).json()["claims"][0]
    assert text[claim["number"]["start"] : claim["number"]["end"]] == "435,000"


def test_empty_text_is_a_valid_empty_report(client: TestClient) -> None:
    report = client.post("/api/check", json={"text": ""}).json()
    assert report["claims"] == []
    assert report["summary"]["message"] == "no statistical claims found"


def test_body_over_one_megabyte_is_413(client: TestClient) -> None:
    body = '{"text": "' + "a" * 1_000_001 + '"}'
    response = client.post("/api/check", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert "1 MB" in response.json()["detail"]


def test_chunked_body_over_one_megabyte_is_413(client: TestClient) -> None:
    def chunks():
        yield b'{"text": "'
        for _ in range(11):
            yield b"a" * 100_000
        yield b'"}'

    response = client.post("/api/check", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_wrong_content_type_is_415(client: TestClient, content_type: str | None) -> None:
    headers = {"content-type": content_type} if content_type else {}
    response = client.post("/api/check", content=b'{"text": "x"}', headers=headers)
    assert response.status_code == 415
    assert "application/json" in response.json()["detail"]


@pytest.mark.parametrize(
    "body", ['{"text": 5}', '{"published": "2024-01-01"}', '{"text": "x", "published": "yesterday"}', "not json"]
)
def test_malformed_body_is_422_with_a_reason(client: TestClient, body: str) -> None:
    response = client.post("/api/check", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["detail"]


def test_evidence_record_with_note(client: TestClient) -> None:
    view = client.get("/api/evidence/ice-ndd-convicted-2024-07-21").json()
    assert view["record"]["value"] == 425431
    assert view["summary"]["when"] == "as of July 21, 2024"
    assert view["short_note"].startswith("What this number actually counts")
    assert "ice-docket-convicted-2024-07-21" in {r["id"] for r in view["related"]}
    assert client.get("/api/evidence/no-such-record").status_code == 404


def test_evidence_search(client: TestClient) -> None:
    found = client.get("/api/evidence", params={"q": "convicted non-detained"}).json()
    assert "ice-ndd-convicted-2024-07-21" in [row["id"] for row in found]
    assert len(client.get("/api/evidence", params={"limit": 500}).json()) >= 200


def test_rules_catalog(client: TestClient) -> None:
    rules = client.get("/api/rules").json()
    assert {"stock-as-flow", "value-mismatch"} <= {r["slug"] for r in rules}
    assert all(r["summary"] and r["explanation"] for r in rules)


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/check", "/api/evidence", "/api/evidence/{record_id}", "/api/rules"} <= set(paths)
    assert {"413", "415"} <= set(paths["/api/check"]["post"]["responses"])
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/check" in docs.text


def test_pages_render_and_load_nothing_from_elsewhere(client: TestClient) -> None:
    for path in ["/", "/evidence", "/evidence?q=removals", "/evidence/ice-removals-fy2024", "/rules", "/docs"]:
        page = client.get(path)
        assert page.status_code == 200, path
        assert "script-src 'self'" in page.headers["content-security-policy"]
        assert "http://" not in page.text.split("<body", 1)[0]  # no external stylesheet or script in <head>
        assert "https://cdn" not in page.text
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/app.css").status_code == 200


def test_search_query_is_escaped_in_the_page(client: TestClient) -> None:
    page = client.get("/evidence", params={"q": "<script>alert(1)</script>"})
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;" in page.text


def test_unknown_record_page_is_a_friendly_404(client: TestClient) -> None:
    page = client.get("/evidence/<img src=x onerror=alert(1)>")
    assert page.status_code == 404
    assert "<img src=x" not in page.text


def test_no_endpoint_writes(client: TestClient, store) -> None:
    before = (store.version, len(store.records))
    for method in ("put", "patch", "delete"):
        assert getattr(client, method)("/api/evidence/ice-removals-fy2024").status_code == 405
    client.post("/api/check", json={"text": RELEASED})
    assert (store.version, len(store.records)) == before
