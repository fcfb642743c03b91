"""The issue's accuracy bars on the gold set, as a regression guard (not a timing test)."""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck
from factcheck.evaluate import evaluate, load_gold


@pytest.fixture(scope="module")
def scores(root: Path):
    docs = load_gold([root / "claims"])
    return evaluate(docs, lambda text, published: factcheck.extract(text, published=published))


def test_gold_covers_seeds_cases_and_own_texts(root: Path):
    docs = load_gold([root / "claims"])
    assert sum(len(d.claims) for d in docs) >= 150
    assert {d.source.split("/claims/")[1].split("/")[0] for d in docs} >= {"own", "seeds", "cases"}


def test_detection(scores):
    assert scores.f1 >= 0.97


@pytest.mark.parametrize(
    ("name", "bar"), [("value", 0.98), ("time_kind", 0.90), ("event", 0.90), ("criminality", 0.90)]
)
def test_attributes(scores, name, bar):
    assert scores.accuracy(name) >= bar
