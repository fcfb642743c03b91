"""Shared helpers for the benchmarks: the seed corpus repeated to a target size, and timing."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("FACTCHECK_SEEDS", ROOT.parent / "shared" / "seeds"))


def seed_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no seed texts in {SEEDS} (set FACTCHECK_SEEDS)")
    return texts


def corpus(words: int) -> tuple[list[str], int]:
    """The seed documents repeated until they hold at least ``words`` words; (documents, word count)."""
    texts = seed_texts()
    per_round = sum(len(t.split()) for t in texts)
    rounds = -(-words // per_round)
    return texts * rounds, per_round * rounds


def timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def tokenisation_baseline(docs: list[str]) -> Callable[[], object]:
    """A run of bare ``spacy.blank("en")`` tokenisation of ``docs``: the baseline both speed targets use."""
    import spacy

    blank = spacy.blank("en")
    sum(len(d) for d in blank.pipe(docs[:5]))  # warm the tokenizer's cache, as factcheck's is warmed
    return lambda: sum(len(d) for d in blank.pipe(docs))


Run = Callable[[], object]


def paired_rounds(baseline: Run, subject: Run, rounds: int) -> list[tuple[float, float]]:
    """(baseline seconds, subject seconds) for each round, the two run back to back.

    This VM's speed drifts by up to a third between minutes; a ratio taken within one round
    compares the two under the same conditions, and the median over rounds ignores an odd one.
    """
    return [(timed(baseline), timed(subject)) for _ in range(rounds)]


def report_rounds(pairs: list[tuple[float, float]], words: int, subject: str, target: float) -> None:
    ratios = sorted(base / took for base, took in pairs)
    for i, (base, took) in enumerate(pairs, 1):
        print(
            f"  round {i}: bare tokenisation {words / base:>10,.0f} words/s ({base:.2f} s), "
            f"{subject} {words / took:>10,.0f} words/s ({took:.2f} s), ratio {base / took:.2f}x"
        )
    median = ratios[len(ratios) // 2]
    print(f"{subject} / bare tokenisation, median of {len(pairs)} rounds: {median:.2f}x  (target >= {target:.2f}x)")
