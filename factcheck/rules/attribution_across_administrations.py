from __future__ import annotations

import datetime as dt

from factcheck.rules.context import Finding, RuleContext
from factcheck.rules.registry import rule


@rule("FC303", "attribution-across-administrations", severity="warning")
def attribution_across_administrations(ctx: RuleContext) -> Finding | None:
    """A docket built up over decades, or a figure from another term, is credited to one administration.

    ## Why is this misleading?
    ICE's dockets carry cases opened under every administration for some forty years: 405,786
    convicted noncitizens were already on the non-detained docket in June 2021. "Harris let in"
    or "released under Biden" credits one administration with all of them. Likewise "under
    Biden, removals dropped to 185,884" credits Biden with fiscal 2020, a year of Trump's first term.

    ## Example
    ```claim evidence=ice-ndd-homicide-convicted-2024-07-21 published=2024-10-01
    Kamala let in 13,099 convicted murderers, and they are roaming free in our country.
    ```

    ## Use instead
    ```claim evidence=ice-ndd-homicide-convicted-2024-07-21 published=2024-10-01
    ICE listed 13,099 people with homicide convictions on its non-detained docket as of July 21, 2024.
    ```
    """
    if ctx.record.event != "docket" or ctx.record.as_of is None:
        return _credited_outside_the_term(ctx)
    agent = next((c.text for c in ctx.claim.cues if c.kind == "time" and c.label == "admin_agent"), None)
    if ctx.claim.time.administration is None and agent is None:
        return None  # "less than five months into Biden's presidency" dates a figure; it does not credit one
    who = ctx.claim.time.text if ctx.claim.time.administration else agent
    return ctx.finding(
        f"The text ties {ctx.number} to \u201c{who}\u201d, but {ctx.figure} counts everyone on the docket "
        f"{ctx.when}, cases opened under several administrations over decades."
    )


def _credited_outside_the_term(ctx: RuleContext) -> Finding | None:
    """ "Under President Biden, removals dropped to 185,884": a fiscal 2020 count, from Trump's first term."""
    from factcheck.nlp.timewindows import ADMINISTRATIONS

    window = ctx.claim.time
    terms = ADMINISTRATIONS.get(window.administration or "")
    start, end = ctx.record.time_anchor()
    if not window.credited or not terms or start is None or end is None:
        return None
    if any(_mostly_within(start, end, first, last) for first, last in terms):
        return None  # fiscal 2017 (eight of its twelve months under Trump) is commonly called Trump's first year
    return ctx.finding(
        f"The text credits {ctx.number} to \u201c{window.text}\u201d, but {ctx.figure} is {ctx.when}, "
        "outside that administration's time in office or only partly in it."
    )


def _mostly_within(start: dt.date, end: dt.date, first: dt.date, last: dt.date | None) -> bool:
    """Whether at least two thirds of the days from ``start`` to ``end`` fall in a term from ``first`` to ``last``."""
    inside = (min(end, last or end) - max(start, first)).days + 1
    return inside * 3 >= 2 * ((end - start).days + 1)
