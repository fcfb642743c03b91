"""The issue's accuracy bars on the gold set, as a regression guard (not a timing test).

The bars are measured on every gold file of the in-repo gold (claims/own, seeds, cases) whose text
is here; the seeds' texts live in ../shared (third-party articles), so a clone on its own scores its
own texts and the dev cases only. The real-article corpus (claims/real) is measured by
``factcheck eval claims/real`` from its git-ignored cache, never here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck
from factcheck.evaluate import evaluate, load_gold


def in_repo_gold(root: Path) -> list[Path]:
    return [root / "claims" / name for name in ("own", "seeds", "cases")]


@pytest.fixture(scope="module")
def scores(root: Path):
    docs = load_gold(in_repo_gold(root)).docs
    return evaluate(docs, lambda text, published: factcheck.extract(text, published=published))


def test_own_texts_and_cases_are_always_scored(root: Path):
    gold = load_gold(in_repo_gold(root))
    folders = {d.source.split("/claims/")[1].split("/")[0] for d in gold.docs}
    assert folders >= {"own", "cases"}
    assert all("/claims/seeds/" in item.gold_file.as_posix() for item in gold.left_out)


@pytest.mark.needs_shared("seeds")
def test_gold_covers_seeds_cases_and_own_texts(root: Path):
    gold = load_gold(in_repo_gold(root))
    assert gold.left_out == []
    assert sum(len(d.claims) for d in gold.docs) >= 150
    assert {d.source.split("/claims/")[1].split("/")[0] for d in gold.docs} >= {"own", "seeds", "cases"}


def test_detection(scores):
    assert scores.f1 >= 0.97


@pytest.mark.parametrize(
    ("name", "bar"), [("value", 0.98), ("time_kind", 0.90), ("event", 0.90), ("criminality", 0.90)]
)
def test_attributes(scores, name, bar):
    assert scores.accuracy(name) >= bar
