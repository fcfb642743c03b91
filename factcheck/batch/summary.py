"""Read a results database back as a summary: what ``factcheck batch report`` shows."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import InputError


@dataclass(slots=True)
class Example:
    sentence: str
    number: str
    verdict: str
    document: str
    url: str | None
    published: str | None


@dataclass(slots=True)
class MisusedRecord:
    evidence_id: str
    figure: str
    population: str
    flagged: int
    linked: int
    flags: list[tuple[str, int]]
    examples: list[Example] = field(default_factory=list)


@dataclass(slots=True)
class Summary:
    path: str
    runs: int
    evidence_versions: list[str]
    documents: int
    skipped: int
    claims: int
    flagged_claims: int
    verdicts: dict[str, int]
    flags: list[tuple[str, int, int]]  # slug, flags, documents
    misused: list[MisusedRecord]
    months: list[tuple[str, int, int]]  # YYYY-MM, claims, flagged claims
    skipped_reasons: list[tuple[str, int]]
    undated_claims: int


def summarize(path: Path, top: int = 10) -> Summary:
    """Everything the report shows, read with plain SQL (the file may be large: nothing is loaded whole)."""
    if not path.is_file():
        raise InputError(f"{path}: no such results database")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        return _summarize(conn, str(path), top)
    except sqlite3.DatabaseError as err:
        raise InputError(f"{path}: not a factcheck results database ({err})") from None


def _one(conn: sqlite3.Connection, sql: str, *args: object) -> int:
    return int(conn.execute(sql, args).fetchone()[0] or 0)


def _summarize(conn: sqlite3.Connection, path: str, top: int) -> Summary:
    verdicts = dict(conn.execute("select verdict, count(*) from claims group by verdict").fetchall())
    flagged = "verdict in ('misleading', 'contradicted')"
    return Summary(
        path=path,
        runs=_one(conn, "select count(*) from runs"),
        evidence_versions=[r[0][:12] for r in conn.execute("select distinct evidence_version from documents")],
        documents=_one(conn, "select count(*) from documents where status = 'checked'"),
        skipped=_one(conn, "select count(*) from documents where status = 'skipped'"),
        claims=_one(conn, "select count(*) from claims"),
        flagged_claims=_one(conn, f"select count(*) from claims where {flagged}"),
        verdicts={v: int(verdicts.get(v, 0)) for v in ("consistent", "misleading", "contradicted", "unverified")},
        flags=[
            (code, int(n), int(docs))
            for code, n, docs in conn.execute(
                "select flags.code, count(*), count(distinct claims.document_id) from flags"
                " join claims on claims.id = flags.claim_id group by flags.code order by count(*) desc, flags.code"
            )
        ],
        misused=_misused(conn, top),
        months=[
            (month, int(n), int(bad))
            for month, n, bad in conn.execute(
                f"select substr(documents.published, 1, 7) as month, count(*), sum(claims.{flagged})"
                " from claims join documents on documents.id = claims.document_id"
                " where documents.published is not null group by month order by month"
            )
        ],
        skipped_reasons=[
            (reason or "unknown", int(n))
            for reason, n in conn.execute(
                "select reason, count(*) from documents where status = 'skipped' group by reason"
                " order by count(*) desc limit 10"
            )
        ],
        undated_claims=_one(
            conn,
            "select count(*) from claims join documents on documents.id = claims.document_id"
            " where documents.published is null",
        ),
    )


def _misused(conn: sqlite3.Connection, top: int) -> list[MisusedRecord]:
    from factcheck.evidence.notes import figure
    from factcheck.evidence.store import open_store

    store = open_store()
    rows = conn.execute(
        "select evidence_id, sum(verdict in ('misleading', 'contradicted')) as bad, count(*) from claims"
        " where evidence_id is not null group by evidence_id having bad > 0 order by bad desc, evidence_id limit ?",
        (top,),
    ).fetchall()
    misused = []
    for evidence_id, bad, linked in rows:
        record = store.get(evidence_id)
        flags = conn.execute(
            "select flags.code, count(*) from flags join claims on claims.id = flags.claim_id"
            " where claims.evidence_id = ? group by flags.code order by count(*) desc limit 4",
            (evidence_id,),
        ).fetchall()
        examples = [
            Example(sentence, number, verdict, title or key, url, published)
            for sentence, number, verdict, title, key, url, published in conn.execute(
                "select claims.text, claims.number_text, claims.verdict, documents.title, documents.key,"
                " documents.url, documents.published from claims join documents on documents.id = claims.document_id"
                " where claims.evidence_id = ? and claims.verdict in ('misleading', 'contradicted')"
                " order by documents.published desc, claims.id limit 3",
                (evidence_id,),
            )
        ]
        misused.append(
            MisusedRecord(
                evidence_id,
                figure(record) if record else "",
                record.population if record else "(not in the current evidence base)",
                int(bad),
                int(linked),
                [(code, int(n)) for code, n in flags],
                examples,
            )
        )
    return misused
