"""Routes of the editor's page, the evidence pages and the JSON API.

Every check goes through :func:`factcheck.api.check`; the handlers only read input and
render. The evidence base is opened once, read-only, when the app is created.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from factcheck import __version__, api
from factcheck.evidence.store import EvidenceStore, open_store
from factcheck.models import Report
from factcheck.rules import RULES
from factcheck.settings import Settings
from factcheck.web.limits import MAX_BODY_BYTES, BodyLimit, RequireJSON, SecurityHeaders
from factcheck.web.schemas import CheckRequest, ErrorDetail, EvidenceSummary, EvidenceView, RuleInfo

HERE = Path(__file__).resolve().parent
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorDetail, "description": "The body is not valid UTF-8 JSON."},
    413: {"model": ErrorDetail, "description": "The body is over 1 MB."},
    415: {"model": ErrorDetail, "description": "The body is not JSON."},
}


def create_app(store: EvidenceStore | None = None, settings: Settings | None = None) -> FastAPI:
    """The web app on ``store`` (default: the bundled evidence base, rebuilt first if stale)."""
    store = store or open_store()
    settings = settings or Settings()
    api.check("ICE reported 1 warm-up figure.", store=store, settings=settings)  # load the pipeline before serving
    app = FastAPI(
        title="factcheck",
        version=__version__,
        summary="Check the numbers in a draft against curated, published statistics.",
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(RequireJSON)
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals["version"] = __version__
    templates.env.globals["evidence_version"] = store.version[:12]
    templates.env.filters["markdown"] = _markdown

    def record_or_404(record_id: str) -> Any:
        record = store.get(record_id)
        if record is None:
            raise HTTPException(404, f"no evidence record {record_id!r}")
        return record

    # --- JSON API ------------------------------------------------------------------------

    @app.post("/api/check", response_model=Report, responses=_ERRORS, tags=["check"])
    def check_draft(body: CheckRequest) -> Report:
        """Check every statistical claim in a draft: the report contract (schema_version 1)."""
        return api.check(body.text, published=body.published, settings=settings, store=store)

    @app.get("/api/evidence", response_model=list[EvidenceSummary], tags=["evidence"])
    def search_evidence(
        q: Annotated[str, Query(max_length=200, description="Words to search for; empty lists every record.")] = "",
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
    ) -> list[EvidenceSummary]:
        """Search the evidence records by what they count."""
        records = store.search(q, limit=limit) if q.strip() else sorted(store.records.values(), key=lambda r: r.id)
        return [EvidenceSummary.of(r) for r in records[:limit]]

    @app.get(
        "/api/evidence/{record_id}",
        response_model=EvidenceView,
        responses={404: {"model": ErrorDetail}},
        tags=["evidence"],
    )
    def get_evidence(record_id: str) -> EvidenceView:
        """One evidence record, with its note and the records related to it."""
        return EvidenceView.of(record_or_404(record_id), store)

    @app.get("/api/rules", response_model=list[RuleInfo], tags=["rules"])
    def list_rules() -> list[RuleInfo]:
        """The rule catalog."""
        return [RuleInfo.of(rule) for rule in sorted(RULES.values(), key=lambda r: r.code)]

    # --- pages ---------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def editor(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "editor.html", {"max_bytes": MAX_BODY_BYTES})

    @app.get("/evidence", response_class=HTMLResponse, include_in_schema=False)
    def evidence_list(request: Request, q: str = "") -> HTMLResponse:
        query = q.strip()[:200]
        records = store.search(query, limit=500) if query else sorted(store.records.values(), key=lambda r: r.id)
        rows = [EvidenceSummary.of(r) for r in records]
        return templates.TemplateResponse(
            request, "evidence_list.html", {"rows": rows, "q": query, "total": len(store.records)}
        )

    @app.get("/evidence/{record_id}", response_class=HTMLResponse, include_in_schema=False)
    def evidence_page(request: Request, record_id: str) -> HTMLResponse:
        record = store.get(record_id)
        if record is None:
            context = {"title": "No such record", "message": f"There is no evidence record {record_id!r}."}
            return templates.TemplateResponse(request, "error.html", context, status_code=404)
        return templates.TemplateResponse(request, "evidence_record.html", {"view": EvidenceView.of(record, store)})

    @app.get("/rules", response_class=HTMLResponse, include_in_schema=False)
    def rules_page(request: Request) -> HTMLResponse:
        rules = [RuleInfo.of(rule) for rule in sorted(RULES.values(), key=lambda r: r.code)]
        return templates.TemplateResponse(request, "rules.html", {"rules": rules})

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "api_docs.html", {"operations": _operations(app.openapi())})

    return app


def _markdown(text: str) -> str:
    """Markdown to HTML with raw HTML disabled, so record text can never inject markup."""
    from markdown_it import MarkdownIt
    from markupsafe import Markup

    return Markup(MarkdownIt("commonmark", {"html": False}).render(text))


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The OpenAPI operations as rows for the docs page."""
    rows = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            rows.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        (p["name"], p["in"], p.get("description", "")) for p in operation.get("parameters", [])
                    ],
                    "body": body.get("$ref", "").rsplit("/", 1)[-1],
                    "responses": [
                        (code, r.get("description", "")) for code, r in operation.get("responses", {}).items()
                    ],
                }
            )
    return rows
