from __future__ import annotations

from factcheck.rules.context import Finding, RuleContext
from factcheck.rules.registry import rule

_HEDGE_WORDS = {
    "over": "more than", "under": "fewer than", "nearly": "nearly", "at_least": "at least", "at_most": "at most",
    "up_to": "up to",
}  # fmt: skip


@rule("FC402", "hedge-mismatch", severity="error")
def hedge_mismatch(ctx: RuleContext) -> Finding | None:
    """The hedge points the wrong way or too far ("more than 440,000" for 435,719).

    ## Why is this misleading?
    "More than" promises the true figure is above the number; "nearly" promises it is just
    below. A hedge in the wrong direction, or one that overshoots, misstates the figure.

    ## Example
    ```claim evidence=ice-docket-convicted-2024-07-21 published=2024-10-06
    More than 440,000 noncitizens with criminal convictions were on ICE's docket as of July 21, 2024.
    ```

    ## Use instead
    ```claim evidence=ice-docket-convicted-2024-07-21 published=2024-10-06
    More than 435,000 noncitizens with criminal convictions were on ICE's docket as of July 21, 2024.
    ```
    """
    if ctx.match.value_fit != "hedge_wrong":
        return None
    hedge = _HEDGE_WORDS.get(ctx.claim.approx or "", ctx.claim.approx or "")
    return ctx.finding(
        f"\u201c{hedge} {ctx.number}\u201d does not fit the published figure, {ctx.figure} ({ctx.when})."
    )
