from __future__ import annotations

from factcheck.rules.context import Finding, RuleContext
from factcheck.rules.registry import rule


@rule("FC301", "missing-time-window", severity="warning")
def missing_time_window(ctx: RuleContext) -> Finding | None:
    """A count or share is given with nothing anywhere in the document to date it.

    Convention 9: a window can come from the sentence, an earlier paragraph ("data as of ..."), the
    headline or dateline, a clause, or the publication date of a story quoting a recent figure.
    Only when none of these dates the figure is it flagged.

    ## Why is this misleading?
    A docket snapshot, a year's removals and a running total since January are different
    numbers. Without its window a reader cannot tell which one they are reading, or how old it is.

    ## Example
    ```claim evidence=ice-ndd-convicted-2024-07-21
    ICE's non-detained docket includes 425,431 noncitizens with criminal convictions.
    ```

    ## Use instead
    ```claim evidence=ice-ndd-convicted-2024-07-21
    As of July 21, 2024, ICE's non-detained docket included 425,431 noncitizens with criminal convictions.
    ```
    """
    if ctx.claim.time.kind != "none" or ctx.claim.measure == "change" or ctx.record.target:
        return None  # a target ("3,000 arrests a day") has no window to leave out
    if ctx.document_dates_the_record():
        return None
    return ctx.finding(f"{ctx.number} has no time window; the published figure {ctx.figure} is {ctx.when}.")
