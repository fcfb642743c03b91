"""Extraction speed on the seed texts repeated to 1M words, beside bare spaCy tokenisation.

Prints words per second for:
  - bare ``spacy.blank("en")`` tokenisation of the same documents (``nlp.pipe``), the baseline;
  - the same tokenisation after collapsing runs of blank lines (the seeds have many, and
    spaCy's tokenizer is slow on them; shown so the comparison hides nothing);
  - factcheck extraction (``extract_many``), which tokenises only sentences with a number.

Usage: python benchmarks/extract_speed.py [--words N]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import corpus, timed, tokenisation_baseline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    args = parser.parse_args()

    from factcheck.nlp.pipeline import extract_many, load_pipeline

    docs, words = corpus(args.words)
    load_pipeline()  # build once, outside the timing
    list(extract_many(docs[:5]))  # warm up caches

    baseline = tokenisation_baseline(docs)
    collapsed = [re.sub(r"\n\s*\n+", "\n", d) for d in docs]
    baseline_collapsed = tokenisation_baseline(collapsed)
    claims = 0

    def run() -> None:
        nonlocal claims
        claims = sum(len(c) for c in extract_many(docs))

    extraction = timed(run)
    print(f"corpus: {len(docs)} documents, {words:,} words (seed texts repeated)")
    print(f"bare spacy.blank('en') tokenisation:       {words / baseline:>12,.0f} words/s  ({baseline:.2f} s)")
    print(
        f"  same, blank-line runs collapsed:          {words / baseline_collapsed:>12,.0f} words/s  "
        f"({baseline_collapsed:.2f} s)"
    )
    print(f"factcheck extraction ({claims:,} claims):   {words / extraction:>12,.0f} words/s  ({extraction:.2f} s)")
    print(f"extraction / bare tokenisation:             {baseline / extraction:>12.2f}x")


if __name__ == "__main__":
    main()
