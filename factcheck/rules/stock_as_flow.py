from __future__ import annotations

from factcheck.rules.context import Finding, RuleContext
from factcheck.rules.registry import rule


@rule("FC101", "stock-as-flow", severity="warning")
def stock_as_flow(ctx: RuleContext) -> Finding | None:
    """A count on one date (a docket "as of" a day) is presented as a flow over time.

    ## Why is this misleading?
    A docket snapshot counts everyone on the books that day, whenever they arrived: cases built
    up over decades. Calling it "released", "let in" or a yearly number turns a stock into a
    pace of events and overstates that pace many times over.

    ## Example
    ```claim evidence=ice-docket-convicted-2024-07-21 published=2024-10-04
    Every year, ICE releases 435,000 convicted criminals onto our streets.
    ```

    ## Use instead
    ```claim evidence=ice-docket-convicted-2024-07-21 published=2024-10-04
    As of July 21, 2024, 435,719 noncitizens with convictions were on ICE's national docket.
    ```
    """
    if not ctx.is_stock or ctx.claim.unit not in ("people", "events", "cases"):
        return None
    framing = ctx.said("framing", "release") or ctx.said("framing", "entry")
    if not framing and (ctx.claim.custody == "released" or ctx.in_a_list() or ctx.fragment()):
        # "let in 662,000 convicted criminals, 13,099 killers and 15,811 rapists": a predicate the list shares.
        framing = ctx.sentence_says("framing", "release") or ctx.sentence_says("framing", "entry")
    recurring = ctx.claim.time.kind == "recurring" and not ctx.claim.time.inherited
    if not (framing or recurring):
        return None  # the sentence's own words must present the snapshot as a flow (conventions 4 and 12)
    how = framing or f"\u201c{ctx.claim.time.text}\u201d"
    return ctx.finding(
        f"{ctx.number} is presented as {how}, but {ctx.figure} is a snapshot: everyone on the books "
        f"{ctx.when}, however long ago they arrived, not people who came or went in any period."
    )
