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


def tokenisation_baseline(docs: list[str]) -> float:
    """Seconds for bare ``spacy.blank("en")`` tokenisation of ``docs``: the baseline both speed targets use."""
    import spacy

    blank = spacy.blank("en")
    sum(len(d) for d in blank.pipe(docs[:5]))  # warm the tokenizer's cache, as factcheck's is warmed
    return timed(lambda: sum(len(d) for d in blank.pipe(docs)))
