"""The evidence base: validation with file:line, the SQLite build, browsing and notes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHARED

from factcheck.evidence.build import build_database, dump_rows, read_version
from factcheck.evidence.load import evidence_version, load_evidence
from factcheck.evidence.notes import render_note, suggested_sentence, when
from factcheck.evidence.store import ensure_built, open_store

DATA = Path(__file__).parent / "data"
GOLDEN_NOTES = Path(__file__).parent / "golden" / "notes"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_shipped_evidence_validates(root: Path):
    evidence = load_evidence(root / "evidence")
    assert evidence.issues == []
    assert len(evidence.records) >= 120


@pytest.mark.needs_shared("sources/records-draft.yaml")
def test_shipped_evidence_keeps_every_record_id_of_the_sources_draft(root: Path):
    ids = {located.record.id for located in load_evidence(root / "evidence").records}
    draft = (SHARED / "sources/records-draft.yaml").read_text(encoding="utf-8")
    draft_ids = {line.split(":", 1)[1].strip() for line in draft.splitlines() if line.startswith("- id:")}
    assert draft_ids <= ids, f"draft ids missing: {sorted(draft_ids - ids)}"


def test_validate_reports_every_problem_with_file_and_line(root: Path):
    result = run("evidence", "validate", "tests/data/bad_evidence", cwd=root)
    assert result.returncode == 1
    expected = (DATA / "bad_evidence" / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert result.stdout.splitlines() == expected
    assert f"{len(expected)} problem(s) in 4 file(s)" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_passes_on_good_folder(root: Path):
    result = run("evidence", "validate", "tests/data/good_evidence", cwd=root)
    assert result.returncode == 0, result.stdout
    assert "ok: 3 records" in result.stdout


def test_build_is_idempotent(tmp_path: Path, root: Path):
    first = build_database(root / "evidence", tmp_path / "a.db")
    second = build_database(root / "evidence", tmp_path / "b.db")
    assert first.evidence_version == second.evidence_version == evidence_version(root / "evidence")
    assert dump_rows(tmp_path / "a.db") == dump_rows(tmp_path / "b.db")
    assert read_version(tmp_path / "a.db") == first.evidence_version


def test_database_is_rebuilt_when_yaml_changes(tmp_path: Path):
    evidence = tmp_path / "evidence"
    shutil.copytree(DATA / "good_evidence", evidence)
    db = tmp_path / "evidence.db"
    _, rebuilt = ensure_built(evidence, db)
    assert rebuilt
    _, rebuilt = ensure_built(evidence, db)
    assert not rebuilt
    path = evidence / "letter.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 435719", "value: 335719"), encoding="utf-8")
    with pytest.raises(Exception, match="components add up"):
        ensure_built(evidence, db)
    path.write_text(path.read_text(encoding="utf-8").replace("value: 335719", "value: 435719"), encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("(test fixture)", "(fixture, edited)"), encoding="utf-8")
    _, rebuilt = ensure_built(evidence, db)
    assert rebuilt
    assert open_store(evidence, db).get("docket-total").source.title.endswith("(fixture, edited)")


def test_store_search_and_related(store):
    found = [r.id for r in store.search("convicted non-detained")]
    assert found[0] == "ice-ndd-convicted-2024-07-21"
    related = {r.id: why for r, why in store.related(store.get("ice-docket-convicted-2024-07-21"))}
    assert related["ice-docket-criminal-history-2024-07-21"] == "a total this figure is part of"
    assert "ice-ndd-convicted-2024-07-21" in related


def test_search_and_show_commands(root: Path, tmp_path: Path):
    env_db = ["--db", str(tmp_path / "e.db")]
    result = run("evidence", "search", "convicted non-detained", "--format", "json", *env_db, cwd=root)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == "ice-ndd-convicted-2024-07-21"
    result = run("evidence", "show", "ice-ndd-convicted-2024-07-21", "--format", "json", *env_db, cwd=root)
    assert json.loads(result.stdout)["value"] == 425431
    result = run("evidence", "show", "ice-ndd-convicted", *env_db, cwd=root)
    assert result.returncode == 2
    assert "did you mean" in result.stderr


def test_schema_command_prints_a_json_schema(root: Path):
    result = run("evidence", "schema", cwd=root)
    schema = json.loads(result.stdout)
    assert schema["properties"]["records"]["items"] == {"$ref": "#/$defs/EvidenceRecord"}
    assert "counts" in schema["$defs"]["EvidenceRecord"]["required"]
    assert schema["$defs"]["EvidenceRecord"]["additionalProperties"] is False


def test_time_anchor_in_words(store):
    assert when(store.get("ice-removals-fy2024")) == "in fiscal year 2024 (October 1, 2023, to September 30, 2024)"
    assert when(store.get("ice-docket-convicted-2024-07-21")) == "as of July 21, 2024"
    sentence = suggested_sentence(store.get("ice-docket-convicted-2024-07-21"))
    assert sentence.startswith("435,719 noncitizens")
    assert "as of July 21, 2024" in sentence


NOTE_IDS = [
    "ice-docket-convicted-2024-07-21",
    "ice-ndd-convicted-2024-07-21",
    "ice-ndd-homicide-convicted-2024-07-21",
    "ice-removals-fy2024",
    "ice-arrests-criminal-share-first-100-days-2025",
    "ice-bookins-no-conviction-share-fy2025-to-2025-06-14",
]


@pytest.mark.parametrize("record_id", NOTE_IDS)
def test_notes_match_reviewed_golden_files(store, record_id, update_golden):
    note = render_note(store.get(record_id), store)
    path = GOLDEN_NOTES / f"{record_id}.md"
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(note, encoding="utf-8")
    assert note == path.read_text(encoding="utf-8")
    for field_name in ("as_of", "period_start", "not_this", "convicted_or_pending", "national_docket", "non_detained"):
        assert field_name not in note  # written for editors: no field names or codes


def test_notes_all_writes_one_file_per_record_and_an_index(root: Path, tmp_path: Path):
    out = tmp_path / "notes"
    result = run("notes", "--all", "--out", str(out), "--db", str(tmp_path / "n.db"), cwd=root)
    assert result.returncode == 0, result.stderr
    files = list(out.glob("*.md"))
    assert len(files) == len(load_evidence(root / "evidence").records) + 1
    assert "ice-removals-fy2024.md" in (out / "index.md").read_text(encoding="utf-8")
