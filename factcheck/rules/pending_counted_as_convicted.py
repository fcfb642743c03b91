from __future__ import annotations

from factcheck.rules.context import Finding, RuleContext
from factcheck.rules.registry import rule


@rule("FC201", "pending-counted-as-convicted", severity="warning")
def pending_counted_as_convicted(ctx: RuleContext) -> Finding | None:
    """A figure that counts convictions or pending charges is presented as convictions.

    ## Why is this misleading?
    ICE's "criminal" totals add people with pending charges to people with convictions; a
    pending charge can end in dismissal or acquittal. 662,566 includes 226,847 people who had
    only been charged.

    ## Example
    ```claim evidence=ice-docket-criminal-history-2024-07-21 published=2024-09-30
    ICE's own figures show 662,000 convicted criminal aliens were on the agency's docket as of July 2024.
    ```

    ## Use instead
    ```claim evidence=ice-docket-criminal-history-2024-07-21 published=2024-09-30
    As of July 21, 2024, 662,566 noncitizens with convictions or pending charges were on ICE's docket.
    ```
    """
    if ctx.record.criminality not in ("convicted_or_pending", "pending") or ctx.claim.criminality != "convicted":
        return None
    if ctx.said("criminality", "pending") or ctx.said("framing", "includes_pending"):
        return None  # "222,141 with pending criminal charges": the number's own words say pending
    said = ctx.quoted("criminality", "convicted") or "convicted"
    return ctx.finding(
        f"The text says {said}, but {ctx.figure} counts people with a conviction or a pending charge "
        f"({ctx.record.population})."
    )
