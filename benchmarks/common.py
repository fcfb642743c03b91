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


def build_status() -> str:
    """Compiled (mypyc) or pure Python: the figures differ by about a fifth."""
    from factcheck import _native

    return _native.status()


def timed(function: Callable[..., object], *args: object) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def tokenisation_baseline() -> Callable[[list[str]], object]:
    """Bare ``spacy.blank("en")`` tokenisation of some documents: the baseline both speed targets use."""
    import spacy

    blank = spacy.blank("en")
    sum(len(d) for d in blank.pipe(seed_texts()))  # warm the tokenizer's cache, as factcheck's is warmed
    return lambda docs: sum(len(d) for d in blank.pipe(docs))


Run = Callable[[list[str]], object]


def paired_rounds(
    baseline: Run, subject: Run, docs: list[str], rounds: int, slices: int = 40
) -> list[tuple[float, float]]:
    """(baseline seconds, subject seconds) over all of ``docs``, for each round.

    This VM's speed drifts by up to a third from one minute to the next, so a round does not
    time one whole run and then the other: it cuts the documents into ``slices`` and times the
    baseline and the subject on each slice back to back, alternating which goes first, and adds
    up. Both then see the same machine at every moment; the median over rounds drops an odd one.
    """
    size = -(-len(docs) // slices)
    pairs = []
    for _ in range(rounds):
        base = took = 0.0
        for i, start in enumerate(range(0, len(docs), size)):
            part = docs[start : start + size]
            if i % 2:
                took += timed(subject, part)
                base += timed(baseline, part)
            else:
                base += timed(baseline, part)
                took += timed(subject, part)
        pairs.append((base, took))
    return pairs


def report_rounds(pairs: list[tuple[float, float]], words: int, subject: str, target: float) -> None:
    ratios = sorted(base / took for base, took in pairs)
    for i, (base, took) in enumerate(pairs, 1):
        print(
            f"  round {i}: bare tokenisation {words / base:>10,.0f} words/s ({base:.2f} s), "
            f"{subject} {words / took:>10,.0f} words/s ({took:.2f} s), ratio {base / took:.2f}x"
        )
    median = ratios[len(ratios) // 2]
    print(f"{subject} / bare tokenisation, median of {len(pairs)} rounds: {median:.2f}x  (target >= {target:.2f}x)")
