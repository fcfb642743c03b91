"""Full check speed (extract, match, rules, verdicts) on the seed texts repeated to 1M words.

Prints words per second on one core (one process) for bare ``spacy.blank("en")`` tokenisation
of the same documents, the baseline, and for ``check_many``, which runs the whole check.
Target: the full check at least 0.8x bare tokenisation.

Each round times the baseline and the check back to back on each of 40 slices of the documents
(this VM's speed drifts between minutes); the ratio reported is the median over rounds.

Usage: python benchmarks/check_speed.py [--words N] [--rounds R]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import build_status, corpus, paired_rounds, report_rounds, tokenisation_baseline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3, help="paired baseline/check runs")
    args = parser.parse_args()

    from factcheck.engine import check_many
    from factcheck.evidence.store import open_store

    docs, words = corpus(args.words)
    store = open_store()
    list(check_many(docs[:5], store=store))  # load the pipeline and warm caches outside the timing

    baseline = tokenisation_baseline()
    totals = {"claims": 0, "linked": 0, "flags": 0}

    def run(part: list[str]) -> None:
        for report in check_many(part, store=store):
            totals["claims"] += len(report.claims)
            totals["linked"] += sum(1 for c in report.claims if c.match)
            totals["flags"] += sum(len(c.flags) for c in report.claims)

    print(f"corpus: {len(docs)} documents, {words:,} words (seed texts repeated), one process")
    print(f"build: {build_status()}")
    pairs = paired_rounds(baseline, run, docs, args.rounds)
    claims, linked, flags = (totals[k] // args.rounds for k in ("claims", "linked", "flags"))
    print(f"  {claims:,} claims, {linked:,} linked to evidence, {flags:,} flags")
    report_rounds(pairs, words, "full check", 0.8)


if __name__ == "__main__":
    main()
