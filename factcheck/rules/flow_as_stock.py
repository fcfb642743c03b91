from __future__ import annotations

import re

from factcheck.rules.context import Finding, RuleContext
from factcheck.rules.registry import rule


@rule("FC102", "flow-as-stock", severity="warning")
def flow_as_stock(ctx: RuleContext) -> Finding | None:
    """A count of events over a period (book-ins, arrests, removals) is presented as a current population.

    ## Why is this misleading?
    Everyone booked into detention over eight months is not in detention now: most were released
    or removed long ago. A flow presented as "there are now ..." inflates a population several
    times over.

    ## Example
    ```claim evidence=ice-bookins-fy2025-to-2025-06-14 published=2025-06-25
    ICE now has 204,297 people locked up in its detention centers.
    ```

    ## Use instead
    ```claim evidence=ice-bookins-fy2025-to-2025-06-14 published=2025-06-25
    ICE booked 204,297 people into detention between October 1, 2024 and June 14, 2025.
    ```
    """
    if not ctx.is_flow or ctx.claim.unit not in ("people", "events", "cases"):
        return None
    if ctx.claim.measure != "stock" or ctx.claim.event not in ("detention", "docket", None):
        return None
    if ctx.claim.event is None and not (ctx.claim.custody or _says_a_population(ctx)):
        return None  # "that number had fallen to 85,720": nothing says it is a population
    if ctx.claim.time.kind == "period" or (ctx.claim.time.kind == "relative" and ctx.claim.time.start is not None):
        # "between January 20 and October 15, 75,000 were detained", "two million have left since January 20":
        # counted over the period, as it is.
        return None
    return ctx.finding(
        f"{ctx.number} is presented as a current population, but {ctx.figure} counts events over a period "
        f"({ctx.record.population}, {ctx.when}); the people counted are not all there at once."
    )


_PARTICIPLE = re.compile(r"\s+(?:\w+ed|\w+en|been|left|gone|come|fled|made|had|run)\b", re.IGNORECASE)


def _says_a_population(ctx: RuleContext) -> bool:
    """A population word ("there are", "holds", "on its docket"), not "have" helping a verb ("have left")."""
    for cue in ctx.claim.cues:
        if cue.kind != "framing" or cue.label != "stock":
            continue
        after = ctx.claim.text[cue.end - ctx.claim.start :]
        if cue.text.lower() in ("has", "have") and _PARTICIPLE.match(after):
            continue
        return True
    return False
