"""Find the evidence base, keep its database fresh, and read it.

``open_store()`` is what every command uses: it locates the evidence folder (``$FACTCHECK_EVIDENCE``,
the repository's ``evidence/``, or the copy bundled in the package), rebuilds the database when
the YAML changed since the last build, and returns an :class:`EvidenceStore` with every record
in memory. Nothing here writes to the YAML.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.evidence.build import build_database, read_version
from factcheck.evidence.load import evidence_files, evidence_version
from factcheck.evidence.model import EvidenceRecord

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def default_evidence_dir() -> Path:
    """``$FACTCHECK_EVIDENCE``, else the repository's ``evidence/``, else the copy inside the package."""
    configured = os.environ.get("FACTCHECK_EVIDENCE")
    if configured:
        return Path(configured)
    repository = PACKAGE_DIR.parent / "evidence"
    if repository.is_dir():
        return repository
    return PACKAGE_DIR / "_bundled" / "evidence"


def default_db_path(evidence_dir: Path) -> Path:
    """``$FACTCHECK_DB``, else ``build/evidence.db`` in a writable checkout, else a per-user cache file."""
    configured = os.environ.get("FACTCHECK_DB")
    if configured:
        return Path(configured)
    checkout = evidence_dir.resolve().parent
    if (checkout / "pyproject.toml").is_file() and os.access(checkout, os.W_OK):
        return checkout / "build" / "evidence.db"
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factcheck"
    key = hashlib.sha1(str(evidence_dir.resolve()).encode()).hexdigest()[:10]
    return cache / f"evidence-{key}.db"


@dataclass(slots=True)
class EvidenceStore:
    """The built evidence base, read into memory (a few hundred records)."""

    path: Path
    version: str
    records: dict[str, EvidenceRecord] = field(default_factory=dict)
    locations: dict[str, tuple[str, int]] = field(default_factory=dict)
    derived: dict[str, object] = field(default_factory=dict)  # caches built from the records (indexes)

    @classmethod
    def read(cls, path: Path) -> EvidenceStore:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            version = connection.execute("select value from _build where key = 'evidence_version'").fetchone()[0]
            rows = connection.execute("select id, data, file, line from records order by id").fetchall()
        store = cls(path, version)
        for record_id, data, file, line in rows:
            store.records[record_id] = EvidenceRecord.model_validate_json(data)
            store.locations[record_id] = (file, line)
        return store

    def get(self, record_id: str) -> EvidenceRecord | None:
        return self.records.get(record_id)

    def search(self, query: str, limit: int = 20) -> list[EvidenceRecord]:
        """Records whose population, aliases or counts match ``query`` (full-text, best first)."""
        terms = re.findall(r"\w+(?:[-']\w+)*", query)  # only words reach FTS5: quotes, NULs and operators never do
        if not terms:
            return []
        match = " ".join(f'"{t}"' for t in terms)
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as connection:
            rows = connection.execute(
                "select records.id from records_fts join records on records.rowid = records_fts.rowid "
                "where records_fts match ? order by bm25(records_fts) limit ?",
                (match, limit),
            ).fetchall()
        return [self.records[r[0]] for r in rows]

    def same_population(self, record: EvidenceRecord) -> list[EvidenceRecord]:
        """Other counts of the same people on the same day (national docket vs non-detained docket)."""
        cache = self.derived.setdefault("same_population", {})
        if record.id not in cache:
            cache[record.id] = [o for o in self.records.values() if o.id != record.id and _same_snapshot(record, o)]
        return cache[record.id]

    def related(self, record: EvidenceRecord) -> list[tuple[EvidenceRecord, str]]:
        """Records to read beside this one, each with how it relates, in a stable order."""
        found: dict[str, str] = {}
        for component in record.components:
            found.setdefault(component, "part of this total")
        for other in self.records.values():
            if record.id in other.components:
                found.setdefault(other.id, "a total this figure is part of")
        for other in self.same_population(record):
            found.setdefault(other.id, "the same day's count, with or without those held in ICE detention")
        for target in record.see_also:
            found.setdefault(target, "often confused with this figure")
        for target in record.derived_from:
            found.setdefault(target, "used to compute this figure")
        if record.supersedes:
            found.setdefault(record.supersedes, "an older version of this figure")
        if record.superseded_by:
            found.setdefault(record.superseded_by, "a newer version of this figure")
        return [(self.records[i], why) for i, why in found.items() if i in self.records and i != record.id]


def _same_snapshot(a: EvidenceRecord, b: EvidenceRecord) -> bool:
    """Two counts of one population on one date, the national docket and its non-detained part: the press
    quotes both as "the" figure, and they differ only by the few held in ICE detention that day."""
    return (
        a.as_of is not None
        and a.as_of == b.as_of
        and a.event == b.event
        and a.criminality == b.criminality
        and a.offense == b.offense
        and a.unit == b.unit
        and {a.custody, b.custody} == {"national_docket", "non_detained"}
    )


def ensure_built(evidence_dir: Path | None = None, db_path: Path | None = None) -> tuple[Path, bool]:
    """Rebuild the database when the YAML changed; (database path, whether it was rebuilt)."""
    path, _, rebuilt = _ensure(evidence_dir, db_path)
    return path, rebuilt


# (database, evidence folder) -> (the YAML files' paths, sizes and mtimes when last hashed, their version).
# Hashing every file costs ~4 ms; a repeated factcheck.check() only stats them.
_CHECKED: dict[tuple[Path, Path], tuple[tuple[tuple[str, int, int], ...], str]] = {}


def _ensure(evidence_dir: Path | None, db_path: Path | None) -> tuple[Path, str, bool]:
    evidence_dir = evidence_dir or default_evidence_dir()
    db_path = db_path or default_db_path(evidence_dir)
    signature = tuple((str(p), (st := p.stat()).st_size, st.st_mtime_ns) for p in evidence_files(evidence_dir))
    known = _CHECKED.get((db_path, evidence_dir))
    if known is not None and known[0] == signature and db_path.is_file():
        return db_path, known[1], False
    version = evidence_version(evidence_dir)
    rebuilt = read_version(db_path) != version
    if rebuilt:
        build_database(evidence_dir, db_path)
    _CHECKED[(db_path, evidence_dir)] = (signature, version)
    return db_path, version, rebuilt


@functools.lru_cache(maxsize=4)
def _cached_store(db_path: Path, version: str) -> EvidenceStore:
    return EvidenceStore.read(db_path)


def open_store(evidence_dir: Path | None = None, db_path: Path | None = None) -> EvidenceStore:
    """The evidence store, rebuilt first if the YAML changed since the last build."""
    path, version, _ = _ensure(evidence_dir, db_path)
    return _cached_store(path, version)
