"""The per-document function: the one piece of work batch mode runs, on local processes or on Dask.

It decodes the raw document (HTML through trafilatura), calls :func:`factcheck.check`, and
returns everything the results file needs. A document it cannot use comes back as skipped
with a reason; it never raises for bad input. Each process loads the pipeline and the
evidence base once (both are cached), however many documents it checks.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import resource
from dataclasses import dataclass, field

from factcheck.batch.documents import MAX_DOCUMENT_BYTES, RawDocument, parse_published
from factcheck.errors import FactcheckError
from factcheck.evidence.store import EvidenceStore
from factcheck.models import Claim

CHECKED, SKIPPED = "checked", "skipped"


@dataclass(slots=True)
class DocumentOutcome:
    key: str
    source: str
    content_hash: str
    status: str
    reason: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    words: int = 0
    claims: list[ClaimRows] = field(default_factory=list)
    worker: int = 0
    peak_rss_kb: int = 0

    @property
    def n_flags(self) -> int:
        return sum(len(rows.flags) for rows in self.claims)


@dataclass(slots=True)
class ClaimRows:
    """One claim as the rows the results file stores, flattened in the worker: the process writing
    the file then does no more than insert them (rebuilding pydantic models there would cost more
    than the writing, and cap the speed-up of adding workers)."""

    claim: tuple[object, ...]
    match: tuple[object, ...] | None
    flags: list[tuple[object, ...]]


def claim_rows(claim: Claim) -> ClaimRows:
    time = claim.time
    row = (
        claim.id, claim.text, claim.number.text, claim.number.start, claim.number.end, claim.line, claim.column,
        claim.value, claim.low, claim.high, claim.approx, claim.unit, claim.event, claim.criminality, claim.custody,
        time.kind, time.text, time.start.isoformat() if time.start else None,
        time.end.isoformat() if time.end else None, claim.measure, claim.verdict,
        claim.match.evidence_id if claim.match else None, claim.note, claim.fingerprint,
    )  # fmt: skip
    match = None
    if claim.match is not None:
        m = claim.match
        match = (m.evidence_id, m.score, m.why, m.value_fit, json.dumps(m.also_consider))
    flags = [(f.code, f.rule, f.severity, f.message, f.suggestion) for f in claim.flags]
    return ClaimRows(row, match, flags)


def check_document(raw: RawDocument) -> DocumentOutcome:
    """Check one document; bad input becomes a skipped outcome with a reason, never an exception."""
    from factcheck import api

    outcome = DocumentOutcome(raw.key, raw.source, raw.content_hash, SKIPPED, url=raw.url, title=raw.title)
    try:
        text, page_date, page_title = _text_of(raw)
    except _Skip as skip:
        outcome.reason = str(skip)
        return _stamped(outcome)
    outcome.title = outcome.title or page_title
    outcome.published = _published(raw.published, page_date)
    outcome.words = len(text.split())
    report = api.check(text, published=outcome.published, store=_store())
    outcome.claims = [claim_rows(claim) for claim in report.claims]
    outcome.status = CHECKED
    return _stamped(outcome)


class _Skip(Exception):
    """A document that cannot be checked; the message is the reason recorded."""


def _text_of(raw: RawDocument) -> tuple[str, str | None, str | None]:
    """(text, date found in the page, title found in the page)."""
    from factcheck.textio import decode

    if raw.kind == "invalid":
        raise _Skip(raw.problem or "unreadable record")
    size = len(raw.data) if isinstance(raw.data, bytes) else len(raw.data.encode("utf-8", "surrogatepass"))
    if size > MAX_DOCUMENT_BYTES:
        raise _Skip(f"larger than {MAX_DOCUMENT_BYTES // 1_000_000} MB")
    if isinstance(raw.data, bytes):
        try:
            text = decode(raw.data, raw.key)
        except FactcheckError as err:
            message = str(err).removeprefix(raw.key).lstrip(":")
            where = re.match(r"(\d+):(\d+): ", message)  # "3:14: not valid UTF-8 ..." -> "line 3, column 14: ..."
            raise _Skip(
                f"line {where[1]}, column {where[2]}: {message[where.end() :]}" if where else message.strip()
            ) from None

    else:
        text = raw.data
    if "\x00" in text:
        raise _Skip("looks like a binary file, not text")
    page_date = page_title = None
    if raw.kind == "html":
        text, page_date, page_title = _main_text(text)
    if not text.strip():
        raise _Skip("empty: no text to check")
    return text, page_date, page_title


def _main_text(html: str) -> tuple[str, str | None, str | None]:
    import trafilatura

    extracted = trafilatura.extract(html, include_comments=False, include_tables=True, with_metadata=False)
    if not extracted:
        raise _Skip("no main text found in the HTML page")
    # Only the page's own date markup counts: a date guessed from the article text is the date of
    # whatever the article reports on, not of the article.
    metadata = trafilatura.extract_metadata(html, date_config={"extensive_search": False}, extensive=False)
    return extracted, getattr(metadata, "date", None), getattr(metadata, "title", None)


def _published(given: str | None, page_date: str | None) -> dt.date | None:
    """The archive's date; for a web capture, the page's own date first, then the capture date."""
    if given and given.startswith("capture:"):
        return parse_published(page_date) or parse_published(given.removeprefix("capture:"))
    return parse_published(given) or parse_published(page_date)


def _stamped(outcome: DocumentOutcome) -> DocumentOutcome:
    outcome.worker = os.getpid()
    outcome.peak_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return outcome


@functools.cache
def _store() -> EvidenceStore:
    """The evidence base, opened once per process (checking the YAML's hash per document would cost more
    than the check)."""
    from factcheck.evidence.store import open_store

    return open_store()


def warm_up() -> str:
    """Load the pipeline and the evidence base in this process; returns the evidence version."""
    from factcheck import api

    store = _store()
    api.check("ICE reported 1 warm-up figure.", store=store)
    return store.version
