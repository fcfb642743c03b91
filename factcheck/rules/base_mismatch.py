from __future__ import annotations

from factcheck.rules.context import Finding, RuleContext
from factcheck.rules.registry import rule

_BASES = {
    "arrest": "arrests", "booking": "book-ins into detention", "removal": "removals",
    "detention": "people in detention",
    "docket": "cases on the docket", "review": "cases reviewed", "release": "releases", "encounter": "encounters",
    "prosecution": "prosecutions", "conviction": "convictions", "dismissal": "dismissals", "closure": "closures",
}  # fmt: skip


@rule("FC205", "base-mismatch", severity="warning")
def base_mismatch(ctx: RuleContext) -> Finding | None:
    """A share is presented against a different denominator than the one it was computed on.

    ## Why is this misleading?
    65% of book-ins and 65% of arrests describe different groups: book-ins include people
    Border Patrol arrested. A share only means something with its base.

    ## Example
    ```claim evidence=ice-bookins-no-conviction-share-fy2025-to-2025-06-14 published=2025-06-22
    Cato found that 65% of the people ICE arrested this fiscal year had no criminal conviction.
    ```

    ## Use instead
    ```claim evidence=ice-bookins-no-conviction-share-fy2025-to-2025-06-14 published=2025-06-22
    Cato found that 65% of the people booked into ICE detention this fiscal year had no criminal conviction.
    ```
    """
    claim, record = ctx.claim, ctx.record
    if claim.unit not in ("percent", "ratio") or record.unit not in ("percent", "ratio"):
        return None
    if claim.event in (None, "other") or record.event in (None, "other") or claim.event == record.event:
        return None
    if {claim.event, record.event} <= _HELD and _detained_as_an_act(ctx):
        return None  # "people ICE detained" may mean those arrested or booked in: too loose to call a base
    return ctx.finding(
        f"The text gives {ctx.number} as a share of {_BASES.get(claim.event or '', claim.event)}, but {ctx.figure} "
        f"is a share of {_BASES.get(record.event or '', record.event)} ({record.population})."
    )


_HELD = frozenset({"arrest", "booking", "detention"})
_ACTS_OF_DETAINING = frozenset({"detained", "detain", "detains", "detaining", "detained by ice"})


def _detained_as_an_act(ctx: RuleContext) -> bool:
    """ "people detained by ICE" names who was detained (arrested or booked in, loosely); "locked up in its
    detention centers" or "in detention" names who is held now (the detention population)."""
    words = [w.lower() for w in ctx.cues("event")]
    if not words:  # the event came from a figure beside it ("93% of people detained by ICE ..., and 65% ...")
        words = [ctx.sentence_says("event", ctx.claim.event or "").strip("\u201c\u201d").lower()]
    return bool(words) and all(w in _ACTS_OF_DETAINING for w in words)
