"""Render the scores of ``factcheck eval``."""

from __future__ import annotations

import json
from collections import defaultdict

from factcheck.evaluate import ATTRIBUTES, LeftOut, Scores


def left_out_line(left_out: list[LeftOut], shown: int = 8) -> str:
    """One line naming the gold files that were not scored, and why."""
    names = ", ".join(item.gold_file.as_posix() for item in left_out[:shown])
    if len(left_out) > shown:
        names += f" and {len(left_out) - shown} more"
    folders = sorted({item.text_file.rsplit("/", 1)[0] + "/" for item in left_out})
    restore = sorted({item.restore for item in left_out if item.restore})
    how = f"restore them as {', '.join(restore)} says" if restore else "put ../shared beside the repository"
    return (
        f"note: left out {len(left_out)} gold file(s) whose text is not here: {names} "
        f"(their texts, under {', '.join(folders)}, are third-party articles that the repository does not copy; "
        f"{how} to score them)"
    )


def scores_dict(scores: Scores, left_out: list[LeftOut] | None = None) -> dict[str, object]:
    result: dict[str, object] = {
        "left_out": [item.gold_file.as_posix() for item in left_out or []],
        "documents": scores.docs,
        "gold_claims": scores.gold_claims,
        "predicted_claims": scores.predicted_claims,
        "detection": {"precision": scores.precision, "recall": scores.recall, "f1": scores.f1},
        "attributes": {name: scores.accuracy(name) for name in ATTRIBUTES},
    }
    if scores.verdict_total:
        p, r, f, _ = scores.flag_scores()
        result["evidence_link_accuracy"] = scores.link_hits / scores.link_total if scores.link_total else None
        result["abstention_accuracy"] = scores.abstain_hits / scores.abstain_total if scores.abstain_total else None
        result["flags"] = {"precision": p, "recall": r, "f1": f}
        slugs = sorted(set(scores.flag_tp) | set(scores.flag_fp) | set(scores.flag_fn))
        result["flags_by_slug"] = {
            slug: dict(zip(("precision", "recall", "f1", "support"), scores.flag_scores(slug), strict=False))
            for slug in slugs
        }
        result["verdict_accuracy"] = scores.verdict_hits / scores.verdict_total
        result["verdict_confusion"] = {f"{g}->{p}": n for (g, p), n in sorted(scores.confusion.items())}
        cp, cr, predicted, gold = scores.contradicted
        result["contradicted"] = {"precision": cp, "recall": cr, "predicted": predicted, "gold": gold}
    if scores.off_topic_docs:
        result["off_topic"] = {
            "documents": scores.off_topic_docs,
            "claims": scores.off_topic_claims,
            "links": len(scores.off_topic_links),
        }
    return result


def scores_json(scores: Scores, left_out: list[LeftOut] | None = None) -> str:
    return json.dumps(scores_dict(scores, left_out), indent=2)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def render_scores(scores: Scores, *, errors: int = 0) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(
        f"{scores.docs} documents, {scores.gold_claims} gold claims, {scores.predicted_claims} predicted, "
        f"{scores.matched} matched"
    )
    table = Table(title="Claim detection and attributes")
    table.add_column("measure")
    table.add_column("score", justify="right")
    table.add_column("n", justify="right")
    table.add_row("detection precision", _pct(scores.precision), str(scores.predicted_claims))
    table.add_row("detection recall", _pct(scores.recall), str(scores.gold_claims))
    table.add_row("detection F1", _pct(scores.f1), "")
    for name in ATTRIBUTES:
        table.add_row(f"{name} accuracy", _pct(scores.accuracy(name)), str(scores.attribute_total[name]))
    if scores.verdict_total:
        p, r, f, _ = scores.flag_scores()
        table.add_row(
            "evidence link accuracy",
            _pct(scores.link_hits / scores.link_total if scores.link_total else None),
            str(scores.link_total),
        )
        table.add_row(
            "abstention accuracy",
            _pct(scores.abstain_hits / scores.abstain_total if scores.abstain_total else None),
            str(scores.abstain_total),
        )
        table.add_row("flag precision", _pct(p), "")
        table.add_row("flag recall", _pct(r), "")
        table.add_row("flag F1", _pct(f), "")
        table.add_row("verdict accuracy", _pct(scores.verdict_hits / scores.verdict_total), str(scores.verdict_total))
        cp, cr, predicted, gold = scores.contradicted
        table.add_row("contradicted precision", _pct(cp), str(predicted))
        table.add_row("contradicted recall", _pct(cr), str(gold))
    if scores.off_topic_docs:
        table.add_row(
            f"off-topic links ({scores.off_topic_docs} documents)",
            str(len(scores.off_topic_links)),
            str(scores.off_topic_claims),
        )
    console.print(table)
    if scores.verdict_total:
        _render_flags(console, scores)
        _render_confusion(console, scores)
    if errors:
        _render_errors(console, scores, errors)


def _render_flags(console: object, scores: Scores) -> None:
    from rich.table import Table

    table = Table(title="Flags per rule")
    for column in ("rule", "precision", "recall", "F1", "support"):
        table.add_column(column, justify="right" if column != "rule" else "left")
    for slug in sorted(set(scores.flag_tp) | set(scores.flag_fp) | set(scores.flag_fn)):
        p, r, f, support = scores.flag_scores(slug)
        table.add_row(slug, _pct(p), _pct(r), _pct(f), str(support))
    console.print(table)  # type: ignore[attr-defined]


def _render_confusion(console: object, scores: Scores) -> None:
    from rich.table import Table

    verdicts = ["consistent", "misleading", "contradicted", "unverified"]
    table = Table(title="Verdicts (rows: gold, columns: predicted)")
    table.add_column("gold")
    for v in verdicts:
        table.add_column(v, justify="right")
    for g in verdicts:
        table.add_row(g, *(str(scores.confusion.get((g, p), 0)) for p in verdicts))
    console.print(table)  # type: ignore[attr-defined]


def _render_errors(console: object, scores: Scores, limit: int) -> None:
    by_field: dict[str, list[str]] = defaultdict(list)
    for m in scores.mismatches:
        by_field[m.field].append(
            f"  {m.doc_id} {m.number_text!r}: gold {m.gold!r}, got {m.predicted!r} | {m.sentence[:120]}"
        )
    for doc_id, number, sentence in scores.missed:
        by_field["missed"].append(f"  {doc_id} {number!r} | {sentence[:120]}")
    for doc_id, number, sentence in scores.spurious:
        by_field["spurious"].append(f"  {doc_id} {number!r} | {sentence[:120]}")
    for doc_id, number, record, sentence in scores.off_topic_links:
        by_field["off-topic links"].append(f"  {doc_id} {number!r} -> {record} | {sentence[:120]}")
    for name, lines in by_field.items():
        console.print(f"[bold]{name}[/bold] ({len(lines)})")  # type: ignore[attr-defined]
        for line in lines[:limit]:
            console.print(line, markup=False, highlight=False)  # type: ignore[attr-defined]
