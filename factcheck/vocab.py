"""The controlled vocabularies shared by claims, evidence records and reports.

They follow the report contract (``design/report.md``): outside evaluations read these
words, so extend them with care and never rename one.
"""

from __future__ import annotations

from typing import Literal, get_args

Unit = Literal["people", "cases", "events", "percent", "ratio", "multiplier", "dollars", "other"]
Approx = Literal["about", "over", "under", "nearly", "at_least", "at_most", "up_to"]
Event = Literal[
    "arrest",
    "booking",
    "detention",
    "removal",
    "release",
    "docket",
    "prosecution",
    "conviction",
    "dismissal",
    "encounter",
    "review",
    "closure",
    "other",
]
Criminality = Literal["convicted", "pending", "convicted_or_pending", "no_conviction", "violent", "any"]
Custody = Literal["detained", "non_detained", "national_docket", "released"]
TimeKind = Literal["none", "as_of", "period", "recurring", "relative"]
Measure = Literal["stock", "flow", "share", "rate", "change", "unknown"]
Verdict = Literal["consistent", "misleading", "contradicted", "unverified"]
Severity = Literal["error", "warning", "info"]

UNITS: tuple[str, ...] = get_args(Unit)
APPROXES: tuple[str, ...] = get_args(Approx)
EVENTS: tuple[str, ...] = get_args(Event)
CRIMINALITIES: tuple[str, ...] = get_args(Criminality)
CUSTODIES: tuple[str, ...] = get_args(Custody)
TIME_KINDS: tuple[str, ...] = get_args(TimeKind)
MEASURES: tuple[str, ...] = get_args(Measure)
VERDICTS: tuple[str, ...] = get_args(Verdict)
SEVERITIES: tuple[str, ...] = get_args(Severity)
