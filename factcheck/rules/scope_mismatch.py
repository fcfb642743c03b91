from __future__ import annotations

import re

from factcheck.rules.context import Finding, RuleContext
from factcheck.rules.registry import rule

# Claimed agency -> wider bodies whose totals it is often given (DHS includes CBP; courts count all agencies).
_WIDER = {"ICE": {"DHS", "CBP", "DOJ", "federal courts", "EOIR"}, "HSI": {"ICE", "DHS"}, "CBP": {"DHS"}}
_NATIONAL = {None, "United States", "U.S.-Mexico border"}


@rule("FC206", "scope-mismatch", severity="warning")
def scope_mismatch(ctx: RuleContext) -> Finding | None:
    """A figure for one agency or place is applied to another (DHS-wide as ICE, national as one state).

    ## Why is this misleading?
    DHS removals and returns include CBP's; federal dismissal rates cover every agency's cases;
    a national share says nothing about one state. Moving a figure to a narrower scope makes it
    a different claim that the source does not support.

    ## Example
    ```claim evidence=dhs-removals-returns-2023-05-to-2024-07 published=2024-10-15
    ICE deported more than 893,600 people between May 2023 and July 2024.
    ```

    ## Use instead
    ```claim evidence=dhs-removals-returns-2023-05-to-2024-07 published=2024-10-15
    DHS removed or returned more than 893,600 people between May 2023 and July 2024.
    ```
    """
    claim, record = ctx.claim, ctx.record
    if claim.geography not in _NATIONAL and claim.geography != record.geography and not _where_said(ctx):
        where = record.geography if record.geography not in _NATIONAL else "the whole country"
        return ctx.finding(f"The text applies {ctx.figure} to {claim.geography}, but it is a figure for {where}.")
    wider = _WIDER.get(claim.agency or "", set())
    if record.agency in wider and claim.agency not in record.population and _names_the_agency(ctx):
        return ctx.finding(
            f"The text attributes {ctx.number} to {claim.agency}, but {ctx.figure} is a {record.agency} figure "
            f"({record.population})."
        )
    return None


def _names_the_agency(ctx: RuleContext) -> bool:
    """Whether the sentence names the agency it credits, not just "the agency" (whichever the story is about)."""
    from factcheck.nlp.lexicon import load_lexicon

    names = [n for n in load_lexicon().get("agency", {}).get(ctx.claim.agency or "", []) if n not in _ANY_AGENCY]
    lowered = _near_the_number(ctx).lower()
    return any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w])", lowered) for name in names)


_ANY_AGENCY = frozenset({"the agency", "agency"})


def _near_the_number(ctx: RuleContext, before: int = 60) -> str:
    """The words tied to the number and those just before them ("Border Patrol encounters, which hit 2.3
    million"), not the whole sentence, whose other clauses may name other agencies."""
    text, context = ctx.claim.text, ctx.claim.context
    at = text.find(context) if context else -1
    return text if at < 0 else text[max(0, at - before) : at + len(context)]


_WHERE_SAID = re.compile(
    r"\b(?:rally|rallies|event|speech|stop|visit|appearance|town\s+hall|interview|conference|debate|hearing)"
    r"\s+(?:in|at)\s+(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,?\s+)?$"
)


def _where_said(ctx: RuleContext) -> bool:
    """ "at a campaign event in Newtown, Pennsylvania": where something was said, not the place counted."""
    text = ctx.claim.text
    for cue in ctx.claim.cues:
        if cue.kind == "geography":
            offset = cue.start - ctx.claim.start
            if 0 <= offset <= len(text) and _WHERE_SAID.search(text[max(0, offset - 80) : offset]):
                return True
    return False
