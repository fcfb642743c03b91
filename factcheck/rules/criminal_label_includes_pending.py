from __future__ import annotations

import re

from factcheck.rules.context import Finding, RuleContext
from factcheck.rules.registry import rule

_DISCLOSED = re.compile(
    r"\bpending\s+(?:criminal\s+)?charges?\b|\bcharged\s+but\s+not\s+convicted\b"
    r"|\bnot\s+(?:yet\s+)?(?:been\s+)?convicted\b|\bcharges?\s+or\s+convictions?\b",
    re.IGNORECASE,
)


@rule("FC202", "criminal-label-includes-pending", severity="info")
def criminal_label_includes_pending(ctx: RuleContext) -> Finding | None:
    """A figure that includes pending charges is called "criminals" without saying so.

    ## Why is this misleading?
    Readers take "criminal aliens" to mean people convicted of crimes. ICE's label also covers
    people only charged. The number is right; the label needs its definition.

    ## Example
    ```claim evidence=ice-arrests-criminal-share-first-100-days-2025 published=2025-04-29
    DHS: 3 in 4 ICE arrests in the first 100 days were criminal illegal aliens.
    ```

    ## Use instead
    ```claim evidence=ice-arrests-criminal-share-first-100-days-2025 published=2025-04-30
    ICE said 3 in 4 of its arrests in Trump's first 100 days involved people with convictions or pending charges.
    ```
    """
    if ctx.record.criminality != "convicted_or_pending" or ctx.claim.criminality == "convicted":
        return None
    label = ctx.quoted("framing", "criminal_label")
    if not label or ctx.has("framing", "includes_pending") or ctx.has("criminality", "pending"):
        return None
    if _DISCLOSED.search(ctx.paragraph_after()):
        return None  # the text goes on to say the label counts pending charges
    return ctx.finding(
        f"{label} here also counts people with pending charges and no conviction, not only people convicted; say so."
    )
