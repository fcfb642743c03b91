from __future__ import annotations

from factcheck.rules.context import Finding, RuleContext
from factcheck.rules.registry import rule


@rule("FC204", "custody-mismatch", severity="warning")
def custody_mismatch(ctx: RuleContext) -> Finding | None:
    """People not in ICE detention are presented as released, "roaming free" or "on our streets".

    ## Why is this misleading?
    ICE's non-detained docket includes people serving sentences in federal, state and local
    prisons and jails, and people ICE never held. Not in ICE custody is not free.

    ## Example
    ```claim evidence=ice-ndd-convicted-2024-07-21 published=2026-05-11
    Today, 425,431 convicted criminals are roaming our streets.
    ```

    ## Use instead
    ```claim evidence=ice-ndd-convicted-2024-07-21 published=2024-10-10
    There were 425,431 convicted noncitizens on ICE's non-detained docket on July 21, 2024.
    ```
    """
    if ctx.record.event != "docket" or (ctx.claim.custody != "released" and not ctx.fragment()):
        return None
    said = ctx.said("custody", "released") or ctx.said("framing", "release") or ctx.sentence_says("custody", "released")
    if not said:
        return None  # the sentence's own words must say it ("roaming free"), not a sentence before it
    return ctx.finding(
        f"The text says {said}, but {ctx.figure} counts people on ICE's docket, "
        "which includes people held in prisons and jails and people ICE never held."
    )
