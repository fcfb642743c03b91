from __future__ import annotations

from factcheck.rules.context import Finding, RuleContext
from factcheck.rules.registry import rule


@rule("FC401", "value-mismatch", severity="error")
def value_mismatch(ctx: RuleContext) -> Finding | None:
    """The number differs from the published figure by more than its written precision allows.

    ## Why is this misleading?
    Rounding is fine: "435,000" and "more than 435,000" describe 435,719. "500,000" does not:
    no rounding of the published figure gives it.

    ## Example
    ```claim evidence=ice-docket-convicted-2024-07-21 published=2024-10-12
    ICE's letter put the number of convicted noncitizens on its national docket on July 21, 2024 at 500,000.
    ```

    ## Use instead
    ```claim evidence=ice-docket-convicted-2024-07-21 published=2024-10-12
    ICE's letter put the number of convicted noncitizens on its national docket on July 21, 2024 at 435,719.
    ```
    """
    if ctx.match.value_fit != "off":
        return None
    return ctx.finding(f"{ctx.number} does not match the published figure, {ctx.figure} ({ctx.when}).")
