"""Batch throughput with --jobs 1 and --jobs 2 on a generated archive of news-length documents.

The archive (JSONL) is made from the seed texts and this repository's own example texts:
each document takes paragraphs from one or two of them in a shuffled order, with some
figures nudged, so no two documents are the same. Prints documents/s and words/s for each
job count, the peak resident memory of a worker, and the scaling ratio (jobs 2 / jobs 1).
Targets: scaling >= 1.7x; peak RSS per worker <= 400 MB.

Usage: python benchmarks/batch_speed.py [--docs 20000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, seed_texts

_FIGURE = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")


def sources() -> list[list[str]]:
    texts = seed_texts() + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "claims" / "own").glob("*.txt"))]
    return [[p for p in re.split(r"\n\s*\n", t) if len(p.split()) > 8] for t in texts]


def generate(path: Path, docs: int, seed: int = 7) -> int:
    """Write ``docs`` documents of 400-900 words; returns the total word count."""
    rng = random.Random(seed)
    pools = sources()
    words = 0
    with path.open("w", encoding="utf-8") as handle:
        for i in range(docs):
            paragraphs = list(rng.choice(pools)) + list(rng.choice(pools))
            rng.shuffle(paragraphs)
            body, size = [], 0
            target = rng.randint(400, 900)
            for paragraph in paragraphs:
                if size >= target:
                    break
                if rng.random() < 0.3:  # nudge a figure so repeated paragraphs differ
                    paragraph = _FIGURE.sub(lambda m: f"{int(m.group().replace(',', '')) + rng.randint(1, 999):,}",
                                            paragraph, count=1)  # fmt: skip
                body.append(paragraph)
                size += len(paragraph.split())
            text = "\n\n".join(body)
            words += len(text.split())
            published = f"{rng.randint(2016, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            handle.write(json.dumps({"id": f"gen-{i:06d}", "text": text, "published": published}) + "\n")
    return words


def measure(archive: Path, out: Path, jobs: int) -> tuple[float, float]:
    """(seconds, peak RSS per worker in MB) of one batch run into a fresh database."""
    from factcheck.batch.runner import run_batch

    started = time.perf_counter()
    stats = run_batch([archive], out, jobs=jobs)
    seconds = time.perf_counter() - started
    peak = sqlite3.connect(out).execute("select peak_rss_mb from runs order by id desc").fetchone()[0]
    return seconds, stats.peak_rss_mb or peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--keep", type=Path, help="Keep the archive and databases in this folder.")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder / "archive.jsonl"
    words = generate(archive, args.docs)
    print(f"archive: {args.docs:,} documents, {words:,} words ({words / args.docs:,.0f} per document)")
    results = {}
    for jobs in (1, 2):
        out = folder / f"results-jobs{jobs}.db"
        for leftover in folder.glob(f"results-jobs{jobs}.db*"):
            leftover.unlink()
        seconds, peak = measure(archive, out, jobs)
        results[jobs] = seconds
        print(f"--jobs {jobs}: {args.docs / seconds:8,.1f} documents/s  {words / seconds:10,.0f} words/s  "
              f"({seconds:,.1f} s; peak RSS per worker {peak:,.0f} MB)")  # fmt: skip
    print(f"scaling, jobs 2 / jobs 1: {results[1] / results[2]:.2f}x  (target >= 1.7x)")


if __name__ == "__main__":
    main()
