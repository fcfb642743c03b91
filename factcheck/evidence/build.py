"""Build the evidence YAML into a SQLite database (sqlite-utils): a disposable, reproducible artefact.

Tables: ``records`` (one row per record, the full record as JSON in ``data``), ``sources``,
``aliases``, ``not_this``, ``links`` (components, derived_from, see_also) and ``_build``
(the evidence version). ``records_fts`` indexes population, aliases and counts. Rows go in in
id order and nothing time-dependent is stored, so the same YAML always builds the same rows.
The file is written beside the target and renamed into place, so a reader never sees half a
database.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from factcheck.evidence.load import Located, evidence_version, load_records

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class BuildResult:
    path: Path
    evidence_version: str
    records: int


def _source_id(url: str) -> str:
    return hashlib.sha1(url.encode()).hexdigest()[:12]


def build_database(evidence_dir: Path, target: Path) -> BuildResult:
    """Validate ``evidence_dir`` and write its database to ``target`` atomically."""
    import sqlite_utils

    version = evidence_version(evidence_dir)
    located = sorted(load_records(evidence_dir), key=lambda item: item.record.id)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".evidence-", suffix=".db", dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        db = sqlite_utils.Database(temp, recreate=True)
        _write(db, located, version)
        db.close()
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    return BuildResult(target, version, len(located))


def _write(db: object, located: list[Located], version: str) -> None:
    import sqlite_utils

    assert isinstance(db, sqlite_utils.Database)
    db["sources"].create(
        {"id": str, "publisher": str, "title": str, "url": str, "date": str, "is_primary": int}, pk="id"
    )
    db["records"].create(
        {
            "id": str,
            "value": float,
            "low": float,
            "high": float,
            "unit": str,
            "measure": str,
            "as_of": str,
            "period_start": str,
            "period_end": str,
            "population": str,
            "aliases": str,
            "event": str,
            "criminality": str,
            "custody": str,
            "agency": str,
            "geography": str,
            "offense": str,
            "counts": str,
            "confidence": str,
            "source_id": str,
            "file": str,
            "line": int,
            "data": str,
        },
        pk="id",
        foreign_keys=[("source_id", "sources", "id")],
    )
    db["aliases"].create({"record_id": str, "alias": str}, foreign_keys=[("record_id", "records", "id")])
    db["not_this"].create(
        {"record_id": str, "position": int, "text": str}, foreign_keys=[("record_id", "records", "id")]
    )
    db["links"].create(
        {"record_id": str, "kind": str, "target_id": str},
        foreign_keys=[("record_id", "records", "id"), ("target_id", "records", "id")],
    )
    db["_build"].create({"key": str, "value": str}, pk="key")

    sources: dict[str, dict[str, object]] = {}
    records, aliases, not_this, links = [], [], [], []
    for item in located:
        record = item.record
        source = record.source
        source_id = _source_id(str(source.url))
        sources.setdefault(
            source_id,
            {
                "id": source_id,
                "publisher": source.publisher,
                "title": source.title,
                "url": str(source.url),
                "date": source.date.isoformat(),
                "is_primary": int(source.primary),
            },
        )
        records.append(
            {
                **record.model_dump(
                    mode="json",
                    include={
                        "id",
                        "value",
                        "low",
                        "high",
                        "unit",
                        "measure",
                        "as_of",
                        "period_start",
                        "period_end",
                        "population",
                        "event",
                        "criminality",
                        "custody",
                        "agency",
                        "geography",
                        "offense",
                        "counts",
                        "confidence",
                    },
                ),
                "aliases": " | ".join(record.aliases),
                "source_id": source_id,
                "file": item.path,
                "line": item.line,
                "data": record.model_dump_json(),
            }
        )
        aliases += [{"record_id": record.id, "alias": alias} for alias in record.aliases]
        not_this += [{"record_id": record.id, "position": i, "text": text} for i, text in enumerate(record.not_this)]
        for kind in ("components", "derived_from", "see_also"):
            links += [{"record_id": record.id, "kind": kind, "target_id": target} for target in getattr(record, kind)]
    db["sources"].insert_all(sorted(sources.values(), key=lambda s: str(s["id"])))
    db["records"].insert_all(records)
    db["aliases"].insert_all(aliases)
    db["not_this"].insert_all(not_this)
    db["links"].insert_all(links)
    db["records"].create_index(["value"])
    db["records"].create_index(["event", "criminality"])
    db["records"].enable_fts(["population", "aliases", "counts"], fts_version="FTS5", tokenize="porter")
    db["_build"].insert_all(
        [
            {"key": "evidence_version", "value": version},
            {"key": "schema_version", "value": str(SCHEMA_VERSION)},
            {"key": "records", "value": str(len(records))},
        ]
    )
    db.vacuum()


def read_version(path: Path) -> str | None:
    """The evidence version a built database was made from (None if missing or unreadable)."""
    import sqlite3

    if not path.is_file():
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            row = connection.execute("select value from _build where key = 'evidence_version'").fetchone()
            schema = connection.execute("select value from _build where key = 'schema_version'").fetchone()
    except sqlite3.Error:
        return None
    if row is None or schema is None or schema[0] != str(SCHEMA_VERSION):
        return None
    return str(row[0])


def dump_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, for comparing two builds."""
    import sqlite3

    with sqlite3.connect(path) as connection:
        tables = [r[0] for r in connection.execute("select name from sqlite_master where type = 'table' order by name")]
        return {t: connection.execute(f"select * from [{t}] order by 1, 2").fetchall() for t in tables}
