"""The real-article corpus's tooling: the text cache's status and restore, off-topic scoring, and the rule
counts `factcheck rules` prints. The corpus's texts are never needed here (CI has no cache)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from factcheck.rules.measured import Measured, load_measured, save_measured

ROOT = Path(__file__).resolve().parents[1]


def _cache_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("real_cache", ROOT / "claims" / "real" / "cache.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _annotation(folder: Path, doc_id: str, text: str, **extra: object) -> None:
    data = {
        "doc_id": doc_id,
        "text_file": f".cache/{doc_id}.txt",
        "url": f"https://news.example/{doc_id}",
        "retrieve": {"corpus": "pages", "query": "q", "sha256": hashlib.sha256(text.encode()).hexdigest()},
        "claims": [],
        **extra,
    }
    (folder / f"{doc_id}.json").write_text(json.dumps(data), encoding="utf-8")


def test_the_cache_says_what_is_cached_missing_or_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tool = _cache_tool()
    (tmp_path / ".cache").mkdir()
    for doc_id in ("cached", "missing", "changed"):
        _annotation(tmp_path, doc_id, f"text of {doc_id}")
    (tmp_path / ".cache" / "cached.txt").write_text("text of cached", encoding="utf-8")
    (tmp_path / ".cache" / "changed.txt").write_text("edited since", encoding="utf-8")
    assert tool.status(tmp_path) == 1  # a changed text fails the status
    out = capsys.readouterr().out
    assert "3 annotated articles (0 off-topic): 1 cached, 1 missing, 1 changed" in out
    assert "missing: missing  https://news.example/missing" in out


def test_the_shipped_annotations_name_their_texts_and_hashes() -> None:
    for path in sorted((ROOT / "claims" / "real").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["text_file"] == f".cache/{data['doc_id']}.txt", path.name
        assert len(data["retrieve"]["sha256"]) == 64, path.name
        assert data["url"].startswith("http"), path.name
        assert (data.get("subject") == "off-topic") == (data["claims"] is None), path.name


def test_eval_counts_links_in_off_topic_articles(tmp_path: Path) -> None:
    (tmp_path / ".cache").mkdir()
    text = "The team scored 113,431 points this season, a record. Attendance rose 5 percent."
    (tmp_path / ".cache" / "x.txt").write_text(text, encoding="utf-8")
    _annotation(tmp_path, "x", text, subject="off-topic", claims=None)
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "eval", str(tmp_path), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["off_topic"] == {"documents": 1, "claims": 2, "links": 0}
    assert scores["gold_claims"] == 0


def test_rule_counts_round_trip_and_read_as_words(tmp_path: Path) -> None:
    path = tmp_path / "measured.json"
    save_measured(100, {"stock-as-flow": Measured(22, 3, 10), "flow-as-stock": Measured(0, 0, 0)}, path)
    articles, measured = load_measured(path)
    assert articles == 100
    assert measured["stock-as-flow"].words(articles) == "right in 22 of 25 flags, found 22 of 32, on 100 real articles"
    assert measured["stock-as-flow"].short() == "22/25 right, 22/32 found"
    assert measured["flow-as-stock"].words(articles).startswith("never fired")
    assert load_measured(tmp_path / "absent.json") == (0, {})


def test_the_catalog_prints_the_shipped_counts() -> None:
    articles, measured = load_measured()
    assert articles >= 80
    assert "stock-as-flow" in measured
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "rules", "--format", "json"], capture_output=True, text=True, timeout=60
    )
    rules = {r["slug"]: r for r in json.loads(result.stdout)}
    counts = measured["stock-as-flow"]
    assert rules["stock-as-flow"]["real_articles"] == {
        "articles": articles,
        "right": counts.tp,
        "wrong": counts.fp,
        "missed": counts.fn,
    }
