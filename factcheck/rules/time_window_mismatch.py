from __future__ import annotations

from factcheck.match import CONFLICT, PARTIAL, claim_span, framed_by_a_term, time_agreement
from factcheck.rules.context import Finding, RuleContext
from factcheck.rules.registry import rule


@rule("FC302", "time-window-mismatch", severity="warning")
def time_window_mismatch(ctx: RuleContext) -> Finding | None:
    """The window the text gives differs from the evidence's ("each year" for a snapshot, FY2024 for FY2023).

    ## Why is this misleading?
    A figure belongs to its date or period. Moving it to another year, stretching it over
    "each year", or squeezing it into "the first month" makes a claim the source does not make.

    ## Example
    ```claim evidence=ice-ero-arrests-fy2023 published=2025-02-01
    ICE made 170,590 arrests in FY2024.
    ```

    ## Use instead
    ```claim evidence=ice-ero-arrests-fy2023 published=2025-02-01
    ICE made 170,590 arrests in FY2023.
    ```
    """
    claim, record = ctx.claim, ctx.record
    said = f"\u201c{claim.time.text}\u201d" if claim.time.text else "its window"
    if claim.time.kind == "recurring":
        if record.as_of is not None or not _is_year(record):
            return ctx.finding(f"The text says {said}, but {ctx.figure} is one figure, {ctx.when}.")
        return None
    if framed_by_a_term(claim) or claim.time.credited:
        return None  # naming an administration ("under Biden") is judged by attribution-across-administrations
    record_start, _ = record.time_anchor()
    if claim.time.administration and claim.time.start and record_start and (claim.time.start - record_start).days > 31:
        # "since taking office" for a count that runs from Oct. 1: it includes the months before.
        return ctx.finding(f"The text gives {said}, but {ctx.figure} is {ctx.when}, so it counts from before that.")
    if _stated_window_differs(ctx):
        return ctx.finding(f"The text gives {said}, but {ctx.figure} is {ctx.when}.")
    if claim.time.start is None and claim.time.kind == "relative" and _duration_days(claim.time.text) is not None:
        span = _span_days(record)
        stated = _duration_days(claim.time.text)
        if span is not None and stated is not None and (span == 0 or stated < span / 2 or stated > span * 2):
            return ctx.finding(f"The text gives {said}, but {ctx.figure} is {ctx.when}.")
    return None


def _stated_window_differs(ctx: RuleContext) -> bool:
    """The sentence itself dates the figure, plainly differently: another period ("FY2023's removals called
    FY2024's", convention 7), or a span put on a snapshot ("between March 2022 and June 2024", convention 12).
    A window carried from an earlier sentence, a short relative one ("last month", often when something was said), one
    counted from a guessed date, or one that merely overlaps the record's is too loose to call a mismatch."""
    claim, record = ctx.claim, ctx.record
    span = claim_span(claim)
    if claim.time.inherited or span is None or claim.time.kind not in ("period", "as_of", "relative"):
        return False
    days = (span[1] - span[0]).days + 1
    if claim.time.kind == "relative" and days < 90:
        return False  # "last month", "this week": more often when something was said than a figure's window
    agreement = time_agreement(claim, record)
    relative = claim.time.kind == "relative"
    if agreement == CONFLICT:
        # "last year", "this year" are counted from the story's date: only a date given, not one guessed from the text.
        return not relative or (ctx.document is not None and not ctx.document.estimated)
    if agreement != PARTIAL:
        return False
    if record.as_of is not None:
        return days > 62  # a span put on a snapshot (convention 12)
    if relative and ctx.sentence_says("comparison", "superlative"):
        return False  # "the highest share in the last five years": the range compared over, not the figure's window
    recorded = _span_days(record)
    return relative and recorded is not None and days > 2 * recorded  # "since Trump took office"


def _is_year(record: object) -> bool:
    span = _span_days(record)
    return span is not None and 360 <= span <= 370


def _span_days(record: object) -> int | None:
    start, end = record.time_anchor()  # type: ignore[attr-defined]
    return (end - start).days + 1 if start and end else None


def _duration_days(text: str | None) -> int | None:
    import re

    if not text or re.fullmatch(r"\s*(?:(?:in|during)\s+)?(?:last|this|next)\s+\w+\s*", text, re.IGNORECASE):
        return None  # "last year" is a calendar year (unknown without the story's date), not a length of time
    found = re.search(
        r"(?:(\d+)|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|a|an)\b)?[\s-]*"
        r"\b(day|week|month|year|decade)s?\b",
        text,
        re.IGNORECASE,
    )
    if found is None:
        return None
    words = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "twelve": 12}  # fmt: skip
    count = int(found.group(1)) if found.group(1) else words.get((found.group(2) or "one").lower(), 1)
    return count * {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}[found.group(3).lower()]
