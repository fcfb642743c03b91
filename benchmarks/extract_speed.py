"""Extraction speed on the seed texts repeated to 1M words, beside bare spaCy tokenisation.

Prints words per second for:
  - bare ``spacy.blank("en")`` tokenisation of the same documents (``nlp.pipe``), the baseline;
  - the same tokenisation after collapsing runs of blank lines (the seeds have many, and
    spaCy's tokenizer is slow on them; shown so the comparison hides nothing);
  - factcheck extraction (``extract_many``), which tokenises only sentences with a number.

Each round times the baseline and the extraction back to back on each of 40 slices of the
documents (this VM's speed drifts between minutes); the ratio reported is the median over rounds.

Usage: python benchmarks/extract_speed.py [--words N] [--rounds R]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import build_status, corpus, paired_rounds, report_rounds, timed, tokenisation_baseline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3, help="paired baseline/extraction runs")
    args = parser.parse_args()

    from factcheck.nlp.pipeline import extract_many, load_pipeline

    docs, words = corpus(args.words)
    load_pipeline()  # build once, outside the timing
    list(extract_many(docs[:5]))  # warm up caches

    baseline = tokenisation_baseline()
    collapsed = [re.sub(r"\n\s*\n+", "\n", d) for d in docs]
    claims = 0

    def run(part: list[str]) -> None:
        nonlocal claims
        claims += sum(len(c) for c in extract_many(part))

    print(f"corpus: {len(docs)} documents, {words:,} words (seed texts repeated), one process")
    print(f"build: {build_status()}")
    took = timed(baseline, collapsed)
    print(f"bare tokenisation with blank-line runs collapsed: {words / took:,.0f} words/s ({took:.2f} s)")
    pairs = paired_rounds(baseline, run, docs, args.rounds)
    print(f"factcheck extraction: {claims // args.rounds:,} claims")
    report_rounds(pairs, words, "extraction", 1.0)


if __name__ == "__main__":
    main()
