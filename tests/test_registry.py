"""The rule registry: well-formed codes and slugs, documented rules, the catalog implemented, docs current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SHARED

from factcheck.report.rules import catalog_markdown
from factcheck.rules import RULES, Rule, matching, select

ROOT = Path(__file__).resolve().parents[1]


def test_codes_and_slugs_are_unique_and_well_formed() -> None:
    slugs = [r.slug for r in RULES.values()]
    assert len(set(slugs)) == len(slugs)
    assert all(re.fullmatch(r"FC[1-4]\d\d", code) for code in RULES)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", slug) for slug in slugs)


@pytest.mark.parametrize("rule", list(RULES.values()), ids=lambda r: r.slug)
def test_rule_is_a_documented_unit_in_its_own_file(rule: Rule) -> None:
    assert rule.source[0] == rule.slug.replace("-", "_") + ".py"  # stock-as-flow lives in stock_as_flow.py
    assert rule.check.__name__ == rule.slug.replace("-", "_")
    assert rule.summary.endswith(".")
    assert len(rule.summary) <= 120
    for section in ("## Why is this misleading?", "## Example", "## Use instead"):
        assert section in rule.doc, f"{rule.slug} lacks {section}"


@pytest.mark.needs_shared("design/rules.md")
def test_every_catalog_slug_is_implemented_with_its_severity() -> None:
    catalog = (SHARED / "design/rules.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z-]+)` \| (error|warning|info) \|", catalog, re.MULTILINE)
    assert len(rows) >= 14
    implemented = {r.slug: r.severity for r in RULES.values()}
    for slug, severity in rows:
        assert implemented.get(slug) == severity, slug


def test_selection_by_prefix_slug_and_ignore() -> None:
    assert [r.code for r in matching("FC1")] == ["FC101", "FC102"]
    assert [r.slug for r in matching("stock-as-flow")] == ["stock-as-flow"]
    chosen = select(["FC3"], ["stale-evidence"])
    assert [r.code for r in chosen] == ["FC301", "FC302", "FC303"]
    assert len(select()) == len(RULES)


def test_docs_rules_page_is_generated_from_the_registry() -> None:
    page = ROOT / "docs" / "rules.md"
    assert page.read_text(encoding="utf-8") == catalog_markdown(sorted(RULES.values(), key=lambda r: r.code)), (
        "docs/rules.md is stale: run `make docs`"
    )
