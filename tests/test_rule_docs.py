"""Every rule's docstring examples run as tests: the ``## Example`` fires, ``## Use instead`` does not.

Both examples must link to the record they name, so a "Use instead" cannot pass by matching nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.engine import check
from factcheck.rules import RULES
from factcheck.rules.registry import ClaimExample, Rule

CASES = [
    pytest.param(rule, example, id=f"{rule.code}-{rule.slug}-{example.section.lower().replace(' ', '-')}-{i}")
    for rule in RULES.values()
    for i, example in enumerate(rule.examples())
]


def _claims_on(example: ClaimExample, store):
    published = dt.date.fromisoformat(example.published) if example.published else None
    report = check(example.text, published=published, store=store)
    linked = [c for c in report.claims if c.match and c.match.evidence_id == example.evidence]
    assert linked, f"no claim linked to {example.evidence}: {[(c.number.text, c.match) for c in report.claims]}"
    return linked


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_docstring_example(rule: Rule, example: ClaimExample, store) -> None:
    flagged = [c for c in _claims_on(example, store) if any(f.code == rule.slug for f in c.flags)]
    if example.fires:
        assert flagged, f"{rule.slug} did not fire on: {example.text}"
    else:
        assert not flagged, f"{rule.slug} fired on its 'Use instead' example: {flagged[0].flags}"


@pytest.mark.parametrize("rule", list(RULES.values()), ids=lambda r: r.slug)
def test_every_rule_has_both_examples(rule: Rule) -> None:
    sections = {e.section for e in rule.examples()}
    assert sections == {"Example", "Use instead"}
    assert all(e.evidence for e in rule.examples()), "each example names the record it quotes"
