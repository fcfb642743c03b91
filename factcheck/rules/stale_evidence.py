from __future__ import annotations

import re

from factcheck.rules.context import Finding, RuleContext
from factcheck.rules.registry import rule

STALE_AFTER_DAYS = 540  # about a year and a half
_NOW = re.compile(r"\b(?:now|currently|today|right now|these days|at present|presently|nowadays)\b", re.IGNORECASE)


@rule("FC304", "stale-evidence", severity="info")
def stale_evidence(ctx: RuleContext) -> Finding | None:
    """A figure is presented as current ("now", "today") but the latest evidence is much older.

    ## Why is this misleading?
    Dockets and detention counts change month to month. A snapshot from years ago described as
    "currently" may be far from today's number.

    ## Example
    ```claim evidence=ice-ndd-convicted-2024-07-21 published=2026-09-14
    ICE currently has 425,431 convicted noncitizens on its non-detained docket.
    ```

    ## Use instead
    ```claim evidence=ice-ndd-convicted-2024-07-21 published=2026-09-14
    As of July 21, 2024, ICE had 425,431 convicted noncitizens on its non-detained docket.
    ```
    """
    said_now = any(c.kind == "time" and c.label == "now" for c in ctx.claim.cues) or bool(
        ctx.claim.time.text and _NOW.search(ctx.claim.time.text)
    )
    anchor = ctx.anchor_date()
    if not said_now or ctx.published is None or anchor is None:
        return None
    if ctx.is_flow and ctx.claim.measure == "stock":
        return None  # a flow sold as a current population is flow-as-stock, not merely old
    age = (ctx.published - anchor).days
    if age < STALE_AFTER_DAYS:
        return None
    return ctx.finding(
        f"The text presents {ctx.number} as current, but the figure dates from {ctx.anchor_words()}, "
        f"{age / 365.25:.1f} years before this text."
    )
