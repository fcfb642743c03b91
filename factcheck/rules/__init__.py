"""The rule catalog. Each rule is one small module; importing this package registers them all.

Rules are listed (and documented) by the registry: ``factcheck rules`` prints the catalog,
``factcheck rules explain SLUG`` one rule. Slugs are stable: reports and gold sets use them.
"""

from __future__ import annotations

from factcheck.rules import (  # noqa: F401  (importing registers each rule, in catalog order)
    attribution_across_administrations,
    base_mismatch,
    criminal_label_includes_pending,
    custody_mismatch,
    flow_as_stock,
    hedge_mismatch,
    missing_time_window,
    pending_counted_as_convicted,
    scope_mismatch,
    severity_conflation,
    stale_evidence,
    stock_as_flow,
    time_window_mismatch,
    value_mismatch,
)
from factcheck.rules.context import Finding, RuleContext
from factcheck.rules.registry import RULES, Rule, by_slug_or_code, matching, select

__all__ = ["RULES", "Finding", "Rule", "RuleContext", "by_slug_or_code", "matching", "select"]
