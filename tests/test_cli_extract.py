"""``factcheck extract`` and ``factcheck eval`` from the command line, including bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        input=stdin.decode() if stdin else None,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_extract_json(tmp_path: Path):
    path = tmp_path / "draft.txt"
    path.write_text("In FY2024, ERO made 113,431 administrative arrests.", encoding="utf-8")
    result = run("extract", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    (claim,) = json.loads(result.stdout)
    assert claim["number"] == {"text": "113,431", "start": 20, "end": 27}
    assert claim["time"]["kind"] == "period"


def test_extract_table_from_stdin():
    result = run("extract", "-", stdin=b"Nearly half a million convicted noncitizens were on the docket.")
    assert result.returncode == 0, result.stderr
    assert "half a million" in result.stdout


def test_extract_reports_no_claims():
    result = run("extract", "-", stdin=b"Nothing to count here.")
    assert "no statistical claims found" in result.stdout


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        ("dir", "is a directory"),
        (b"\x00\x01\x02binary", "looks like a binary file"),
        (b"fine line\nbad \xff byte", ":2:5: not valid UTF-8"),
    ],
)
def test_bad_input_is_one_clear_line(tmp_path: Path, content, expected):
    path = tmp_path / "input.txt"
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    result = run("extract", str(path))
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_published_date_is_a_usage_error(tmp_path: Path):
    path = tmp_path / "x.txt"
    path.write_text("425,431 people", encoding="utf-8")
    result = run("extract", str(path), "--published", "yesterday")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_eval_prints_scores(root: Path):
    result = run("eval", str(root / "claims" / "cases"), "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["gold_claims"] >= 150
    assert set(scores["attributes"]) >= {"value", "event", "criminality", "custody", "time_kind", "measure"}


def test_eval_scores_what_it_can_and_names_the_gold_whose_text_is_elsewhere(tmp_path: Path):
    # As in a clone without ../shared: a seed's gold names a text that is not there.
    gold = {"number_text": "425,431", "value": 425431, "unit": "people"}
    (tmp_path / "own.txt").write_text("ICE reported 425,431 people on its docket.", encoding="utf-8")
    (tmp_path / "own.json").write_text(json.dumps({"claims": [gold]}), encoding="utf-8")
    for name in ("seed-a", "seed-b"):
        seed = {"text_file": f"../elsewhere/seeds/{name}.txt", "claims": [gold]}
        (tmp_path / f"{name}.json").write_text(json.dumps(seed), encoding="utf-8")
    result = run("eval", str(tmp_path), "--json", "--extract-only")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["documents"] == 1
    assert scores["gold_claims"] == 1
    assert [Path(name).name for name in scores["left_out"]] == ["seed-a.json", "seed-b.json"]
    (line,) = result.stderr.splitlines()
    assert line.startswith("note: left out 2 gold file(s) whose text is not here:")
    assert "../elsewhere/seeds/" in line
    assert "Traceback" not in result.stderr


def test_unknown_model_is_a_clear_error(tmp_path: Path):
    path = tmp_path / "x.txt"
    path.write_text("425,431 people", encoding="utf-8")
    result = run("extract", str(path), "--model", "no_such_pipeline_xyz")
    assert result.returncode == 2
    assert "is not installed" in result.stderr
    assert "Traceback" not in result.stderr


def test_huge_input_is_refused_clearly(tmp_path: Path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (21 * 1024 * 1024))
    result = run("extract", str(path))
    assert result.returncode == 2
    assert "larger than 20 MB" in result.stderr
