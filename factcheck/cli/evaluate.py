"""``factcheck eval``: score the engine against a gold set."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli import app
from factcheck.cli.options import Model


@app.command("eval")
def evaluate_command(
    gold: Annotated[list[Path], typer.Argument(help="Gold folders or files (.json with .txt, .jsonl cases).")],
    errors: Annotated[int, typer.Option("--errors", help="Also list up to N disagreements per field.")] = 0,
    output_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    extract_only: Annotated[
        bool, typer.Option("--extract-only", help="Score extraction only (no evidence links, flags or verdicts).")
    ] = False,
    rule_stats: Annotated[
        bool,
        typer.Option(
            "--rule-stats", help="Save each rule's right, wrong and missed flags for `factcheck rules` (real articles)."
        ),
    ] = False,
    model: Model = None,
) -> None:
    """Score claim detection, every attribute, evidence links, flags and verdicts against annotated texts."""
    from factcheck import api
    from factcheck.evaluate import evaluate, load_gold
    from factcheck.evidence.store import open_store
    from factcheck.report.evaluation import left_out_line, render_scores, scores_json
    from factcheck.settings import Settings

    gold_set = load_gold(gold)
    docs = gold_set.docs
    if gold_set.left_out:
        typer.echo(left_out_line(gold_set.left_out), err=True)
    if extract_only:
        scores = evaluate(docs, lambda text, published: api.extract(text, published=published, model=model))
    else:
        store, settings = open_store(), Settings()
        scores = evaluate(
            docs,
            lambda text, published: api.check(text, published=published, store=store, settings=settings, model=model),
            with_checks=True,
        )
    if rule_stats:
        from factcheck.rules.measured import Measured, save_measured

        slugs = set(scores.flag_tp) | set(scores.flag_fp) | set(scores.flag_fn)
        counts = {s: Measured(scores.flag_tp[s], scores.flag_fp[s], scores.flag_fn[s]) for s in slugs}
        save_measured(scores.docs, counts)
    if output_json:
        typer.echo(scores_json(scores, left_out=gold_set.left_out))
    else:
        render_scores(scores, errors=errors)
