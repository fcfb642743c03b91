from __future__ import annotations

from factcheck.rules.context import Finding, RuleContext
from factcheck.rules.registry import rule

_OFFENSE_WORDS = {
    "homicide": "homicide convictions (which include manslaughter and negligent homicide)",
    "sexual assault": "sexual assault convictions",
    "kidnapping": "kidnapping convictions",
    "dangerous drugs": "convictions for dangerous-drug offenses (possession included)",
}


@rule("FC203", "severity-conflation", severity="warning")
def severity_conflation(ctx: RuleContext) -> Finding | None:
    """A figure is presented as more (or less) serious crime than it counts.

    ## Why is this misleading?
    An all-convictions figure includes traffic and immigration offenses; ICE's homicide row
    includes manslaughter; its kidnapping row is not "traffickers". Relabelling the category
    changes what readers think the number measures.

    ## Example
    ```claim evidence=ice-ndd-sexual-assault-convicted-2024-07-21 published=2024-10-26
    A new campaign ad says 15,811 rapists were on ICE's non-detained docket as of July 21, 2024.
    ```

    ## Use instead
    ```claim evidence=ice-ndd-sexual-assault-convicted-2024-07-21 published=2024-10-26
    ICE listed 15,811 people with sexual assault convictions on its non-detained docket as of July 21, 2024.
    ```
    """
    record, claim = ctx.record, ctx.claim
    if "no_conviction" in (claim.criminality, record.criminality):
        return None  # people with no conviction are not called murderers: such a word describes someone else
    labels = [c for c in claim.cues if c.kind == "offense"]
    conflated = [c for c in labels if c.label.endswith("!") and c.label != "violent!"]
    if conflated and (record.offense is None or record.offense == conflated[0].label.rstrip("!").replace("_", " ")):
        counted = _OFFENSE_WORDS.get(record.offense or "", "convictions for any offense")
        return ctx.finding(f"\u201c{conflated[0].text}\u201d overstates what {ctx.figure} counts: {counted}.")
    overall = record.criminality in ("convicted", "any", "convicted_or_pending") and record.offense is None
    if claim.criminality == "violent" and overall:
        return ctx.finding(
            f"The text calls them violent, but {ctx.figure} counts convictions for any offense, "
            "traffic and immigration offenses included."
        )
    if record.criminality == "violent" and claim.criminality in ("convicted", "any", "no_conviction"):
        return ctx.finding(f"{ctx.figure} is about violent convictions only, not convictions of any kind.")
    stated = claim.offense.replace("_", " ") if claim.offense else None
    if stated and record.offense and stated != record.offense:
        return ctx.finding(f"The text names {stated}, but {ctx.figure} is ICE's {record.offense} row.")
    return None
