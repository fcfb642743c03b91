"""Render the rule catalog: ``factcheck rules``, ``factcheck rules explain`` and docs/rules.md."""

from __future__ import annotations

import json
import re

from factcheck.rules import Rule
from factcheck.rules.measured import Measured, load_measured


def on_real_articles(rule: Rule, *, short: bool = False) -> str:
    """How the rule did on the real-article corpus, in words ("" if it was never measured)."""
    articles, measured = load_measured()
    if not articles:
        return ""
    counts = measured.get(rule.slug, Measured())
    return counts.short() if short else counts.words(articles)


def rule_dict(rule: Rule) -> dict[str, object]:
    articles, measured = load_measured()
    counts = measured.get(rule.slug, Measured())
    return {
        "code": rule.code,
        "slug": rule.slug,
        "severity": rule.severity,
        "family": rule.family,
        "summary": rule.summary,
        "explanation": rule.doc,
        "source": f"factcheck/rules/{rule.source[0]}:{rule.source[1]}",
        "real_articles": {"articles": articles, "right": counts.tp, "wrong": counts.fp, "missed": counts.fn},
    }


def rule_json(rules: list[Rule]) -> str:
    return json.dumps([rule_dict(r) for r in rules], indent=2, ensure_ascii=False)


def rules_table(rules: list[Rule]) -> None:
    from rich.console import Console
    from rich.table import Table

    articles, _ = load_measured()
    title = f"{len(rules)} rules (factcheck rules explain SLUG for one; flags on {articles} real articles)"
    table = Table(title=title)
    for column in ("code", "slug", "severity", "flags when", "on real articles"):
        table.add_column(column, no_wrap=column != "flags when")
    family = None
    for rule in rules:
        if rule.family != family:
            family = rule.family
            table.add_section()
            table.add_row("", f"[bold]{family}[/bold]", "", "", "")
        table.add_row(rule.code, rule.slug, rule.severity, rule.summary, on_real_articles(rule, short=True))
    Console().print(table)


def rule_markdown(rule: Rule) -> str:
    """One rule as a Markdown page: title, metadata line, then the docstring's sections."""
    body = rule.doc.split("\n", 1)[1].strip() if "\n" in rule.doc else ""
    body = re.sub(r"```claim evidence=(\S+) published=(\S+)", r"Quoting `\1`, in a text published \2:\n\n```text", body)
    measured = on_real_articles(rule)
    return (
        f"# {rule.slug} ({rule.code})\n\n{rule.summary}\n\n"
        f"Severity: **{rule.severity}**. Family: {rule.family}. "
        f"Source: `factcheck/rules/{rule.source[0]}`."
        + (f" Measured: {measured}." if measured else "")
        + f"\n\n{body}\n"
    )


def explain(rule: Rule) -> None:
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(rule_markdown(rule)))


def catalog_markdown(rules: list[Rule]) -> str:
    """docs/rules.md: the whole catalog, generated from the registry (a test keeps it current)."""
    out = [
        "# Rule catalog",
        "",
        'Generated from the rule registry by `make docs`; do not edit by hand. "On real articles" counts each',
        "rule's flags on the blind-annotated real-article corpus (`claims/real`), as `make rule-stats` last",
        "measured them: how often a flag was right, and how many of the misreadings there it found.",
        "",
    ]
    family = None
    for rule in rules:
        if rule.family != family:
            family = rule.family
            out += [
                f"## {family}",
                "",
                "| code | slug | severity | flags when | on real articles |",
                "|---|---|---|---|---|",
            ]
        out.append(
            f"| {rule.code} | [`{rule.slug}`](#{rule.slug}-{rule.code.lower()}) | {rule.severity} | {rule.summary} "
            f"| {on_real_articles(rule)} |"
        )
        if rule is rules[-1] or rules[rules.index(rule) + 1].family != family:
            out.append("")
    for rule in rules:
        page = [f"#{line}" if line.startswith("#") else line for line in rule_markdown(rule).splitlines()]
        out += ["---", "", *page, ""]
    return "\n".join(out).rstrip() + "\n"
