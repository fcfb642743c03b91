"""The results file: one SQLite database per archive, browsable with ``datasette results.db``.

Tables: ``runs``, ``documents`` (one row per document checked or skipped, unique on key +
content hash + evidence version, which is what makes re-runs skip finished work), ``claims``,
``matches`` and ``flags``, with foreign keys, and a full-text index on the claims' sentences.
Each batch of documents is written in one transaction in WAL mode, so a run killed at any
moment leaves only whole documents behind.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import sqlite_utils

from factcheck.batch.work import DocumentOutcome
from factcheck.errors import InputError

SCHEMA_VERSION = 1


_INSERT_CLAIM = (
    "insert into claims (document_id, claim_id, text, number_text, start, end, line, col, value, low, high, approx,"
    " unit, event, criminality, custody, time_kind, time_text, time_start, time_end, measure, verdict, evidence_id,"
    " note, fingerprint) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_INSERT_MATCH = "insert into matches (claim_id, evidence_id, score, why, value_fit, also_consider) values (?,?,?,?,?,?)"
_INSERT_FLAG = "insert into flags (claim_id, code, rule, severity, message, suggestion) values (?,?,?,?,?,?)"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class ResultsDB:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite_utils.Database(path)
            self.db.execute("pragma foreign_keys = on")
            self.db.enable_wal()
            self._create()
        except sqlite3.DatabaseError as err:
            raise InputError(f"{path}: not a factcheck results database ({err})") from None
        self.conn = self.db.conn

    def _create(self) -> None:
        db = self.db
        if "runs" not in db.table_names():
            db["runs"].create(
                {"id": int, "started_at": str, "finished_at": str, "status": str, "inputs": str, "jobs": int,
                 "dask": str, "evidence_version": str, "factcheck_version": str, "documents": int, "skipped": int,
                 "claims": int, "flags": int, "peak_rss_mb": float},
                pk="id",
            )  # fmt: skip
        if "documents" not in db.table_names():
            db["documents"].create(
                {"id": int, "key": str, "source": str, "content_hash": str, "evidence_version": str, "run_id": int,
                 "status": str, "reason": str, "url": str, "title": str, "published": str, "words": int,
                 "claims": int, "flags": int, "checked_at": str},
                pk="id", foreign_keys=[("run_id", "runs", "id")],
            )  # fmt: skip
            db["documents"].create_index(["key", "content_hash", "evidence_version"], unique=True)
            db["documents"].create_index(["published"])
        if "claims" not in db.table_names():
            db["claims"].create(
                {"id": int, "document_id": int, "claim_id": str, "text": str, "number_text": str, "start": int,
                 "end": int, "line": int, "col": int, "value": float, "low": float, "high": float, "approx": str,
                 "unit": str, "event": str, "criminality": str, "custody": str, "time_kind": str, "time_text": str,
                 "time_start": str, "time_end": str, "measure": str, "verdict": str, "evidence_id": str,
                 "note": str, "fingerprint": str},
                pk="id", foreign_keys=[("document_id", "documents", "id")],
            )  # fmt: skip
            db["claims"].create_index(["document_id"])
            db["claims"].create_index(["evidence_id"])
            db["claims"].create_index(["verdict"])
            db["claims"].enable_fts(["text", "number_text"], create_triggers=True)
        if "matches" not in db.table_names():
            db["matches"].create(
                {"claim_id": int, "evidence_id": str, "score": float, "why": str, "value_fit": str,
                 "also_consider": str},
                pk="claim_id", foreign_keys=[("claim_id", "claims", "id")],
            )  # fmt: skip
        if "flags" not in db.table_names():
            db["flags"].create(
                {"id": int, "claim_id": int, "code": str, "rule": str, "severity": str, "message": str,
                 "suggestion": str},
                pk="id", foreign_keys=[("claim_id", "claims", "id")],
            )  # fmt: skip
            db["flags"].create_index(["claim_id"])
            db["flags"].create_index(["code"])

    # --- runs -----------------------------------------------------------------------------

    def start_run(self, inputs: list[str], jobs: int, dask: str | None, evidence_version: str, version: str) -> int:
        with self.conn:
            cursor = self.conn.execute(
                "insert into runs (started_at, status, inputs, jobs, dask, evidence_version, factcheck_version,"
                " documents, skipped, claims, flags) values (?, 'running', ?, ?, ?, ?, ?, 0, 0, 0, 0)",
                (_now(), json.dumps(inputs), jobs, dask, evidence_version, version),
            )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, status: str, peak_rss_mb: float | None) -> None:
        with self.conn:
            self.conn.execute(
                "update runs set finished_at = ?, status = ?, peak_rss_mb = ?,"
                " documents = (select count(*) from documents where run_id = ? and status = 'checked'),"
                " skipped = (select count(*) from documents where run_id = ? and status = 'skipped'),"
                " claims = (select coalesce(sum(claims), 0) from documents where run_id = ?),"
                " flags = (select coalesce(sum(flags), 0) from documents where run_id = ?) where id = ?",
                (_now(), status, peak_rss_mb, run_id, run_id, run_id, run_id, run_id),
            )

    # --- documents ------------------------------------------------------------------------

    def has(self, key: str, content_hash: str, evidence_version: str) -> bool:
        row = self.conn.execute(
            "select 1 from documents where key = ? and content_hash = ? and evidence_version = ?",
            (key, content_hash, evidence_version),
        ).fetchone()
        return row is not None

    def write(self, outcomes: Iterable[DocumentOutcome], run_id: int, evidence_version: str) -> int:
        """Store outcomes in one transaction; returns how many were new (a repeat is ignored)."""
        written = 0
        with self.conn:
            for outcome in outcomes:
                written += self._write_one(outcome, run_id, evidence_version)
        return written

    def _write_one(self, outcome: DocumentOutcome, run_id: int, evidence_version: str) -> int:
        cursor = self.conn.execute(
            "insert or ignore into documents (key, source, content_hash, evidence_version, run_id, status, reason,"
            " url, title, published, words, claims, flags, checked_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (outcome.key, outcome.source, outcome.content_hash, evidence_version, run_id, outcome.status,
             outcome.reason, outcome.url, outcome.title, outcome.published.isoformat() if outcome.published else None,
             outcome.words, len(outcome.claims), outcome.n_flags, _now()),
        )  # fmt: skip
        if cursor.rowcount == 0:
            return 0  # this document, with this content and evidence, is already stored
        document_id = cursor.lastrowid
        for rows in outcome.claims:
            claim_id = self.conn.execute(_INSERT_CLAIM, (document_id, *rows.claim)).lastrowid
            if rows.match is not None:
                self.conn.execute(_INSERT_MATCH, (claim_id, *rows.match))
            if rows.flags:
                self.conn.executemany(_INSERT_FLAG, [(claim_id, *flag) for flag in rows.flags])
        return 1

    def close(self) -> None:
        self.db.close()
