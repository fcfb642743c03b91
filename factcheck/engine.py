"""The end-to-end check: extract claims, link each to evidence, run the rules, give verdicts.

``check()`` is the one function the CLI, the web app and batch mode call.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from factcheck.document import Document, estimate_date
from factcheck.evidence.notes import short_note
from factcheck.evidence.store import EvidenceStore, open_store
from factcheck.match import CONSISTENT_FITS, Linking, link, quoted_in_document, set_aside_misquotes_beside_the_figure
from factcheck.models import Claim, Flag, Report, Summary
from factcheck.rules import Rule, RuleContext, matching, select
from factcheck.settings import Settings

_VERDICT_ORDER = {"consistent": 0, "unverified": 1, "misleading": 2, "contradicted": 3}
# Inline marks a writer leaves to say a claim was checked: <!-- factcheck: reviewed -->,
# [factcheck: reviewed], or "factcheck: ignore stock-as-flow, custody-mismatch".
_MARK = re.compile(
    r"(?:<!--|\[)\s*factcheck:\s*(?P<what>reviewed|ignore\s+(?P<slugs>[a-z0-9,\s-]+?))\s*(?:-->|\])", re.IGNORECASE
)


def fingerprint(claim: Claim) -> str:
    """A short stable id for a claim: its number and its sentence, whitespace-normalised."""
    sentence = " ".join(claim.text.split())
    return hashlib.sha1(f"{claim.number.text}|{sentence}".encode()).hexdigest()[:10]


def verdict_for(flags: list[Flag], matched: bool) -> str:
    if not matched:
        return "unverified"
    if any(f.severity == "error" for f in flags):
        return "contradicted"
    if any(f.severity == "warning" for f in flags):
        return "misleading"
    return "consistent"


def fails(report: Report, fail_on: str) -> bool:
    """Whether a report should fail a run under the ``fail_on`` policy."""
    if fail_on == "never":
        return False
    threshold = _VERDICT_ORDER[fail_on]
    return any(_VERDICT_ORDER[claim.verdict or "unverified"] >= threshold for claim in report.claims)


def _marks(text: str) -> list[tuple[int, str, set[str]]]:
    found = []
    for m in _MARK.finditer(text):
        slugs = {s.strip() for s in (m.group("slugs") or "").split(",") if s.strip()}
        found.append((m.start(), "ignore" if slugs else "reviewed", slugs))
    return found


def _marked(claim: Claim, marks: list[tuple[int, str, set[str]]], text: str) -> tuple[bool, set[str]]:
    """A mark inside the claim's sentence, or right after it on the same line, applies to the claim."""
    reviewed, ignored = False, set()
    for position, kind, slugs in marks:
        if claim.start <= position <= claim.end or _just_after(text, claim.end, position):
            reviewed = reviewed or kind == "reviewed"
            ignored |= slugs
    return reviewed, ignored


def _just_after(text: str, end: int, position: int) -> bool:
    between = text[end:position]
    return 0 <= position - end <= 80 and "\n" not in between and not re.search(r"[.!?]\s+[A-Z]", between)


def _flags(context: RuleContext, rules: list[Rule], severities: dict[str, str], ignored: set[str]) -> list[Flag]:
    flags = []
    for rule in rules:
        if rule.slug in ignored or (finding := rule.check(context)) is None:
            continue
        severity = severities.get(rule.slug, rule.severity)
        flags.append(
            Flag(
                code=rule.slug,
                rule=rule.code,
                severity=severity,
                message=finding.message,
                suggestion=finding.suggestion,
            )
        )
    return flags


def _link_restatements(
    claims: list[Claim],
    linkings: list[Linking],
    store: EvidenceStore,
    published: dt.date | None,
    document: Document,
    floor: float,
) -> None:
    """Link again, in place, a figure left unlinked whose closest record the document quotes elsewhere (or a
    figure of the same count): "surged past 65,000" in a story that gives "The 65,135 in custody"."""
    quoted = quoted_in_document(linkings)
    if not quoted:
        return
    for n, (claim, linking) in enumerate(zip(claims, linkings, strict=True)):
        near = [store.get(c.evidence_id) for c in linking.closest] if linking.record is None else []
        if any(record is not None and quoted.covers(record) for record in near):
            subjects = document.subjects_near(claim.start, claim.end)
            again = link(claim, store, published, subjects=subjects, min_confidence=floor, restated=quoted)
            restates = again.match is not None and again.match.value_fit in CONSISTENT_FITS
            if restates and again.record is not None and quoted.covers(again.record):  # a misquote set aside stays
                linkings[n] = again


def check_claims(
    claims: list[Claim],
    *,
    text: str,
    store: EvidenceStore,
    settings: Settings,
    published: dt.date | None,
    estimated: bool = False,
) -> list[Claim]:
    """Link, judge and annotate ``claims`` in place (the engine behind :func:`check`)."""
    rules = select(settings.select, settings.ignore)
    severities = {r.slug: level for name, level in settings.severity.items() for r in matching(name)}
    marks = _marks(text) if "factcheck" in text else []
    document = Document(text, published, estimated=estimated)
    floor = settings.min_confidence
    linkings = [
        link(claim, store, published, subjects=document.subjects_near(claim.start, claim.end), min_confidence=floor)
        for claim in claims
    ]
    set_aside_misquotes_beside_the_figure(claims, linkings)
    _link_restatements(claims, linkings, store, published, document, floor)
    for claim, linking in zip(claims, linkings, strict=True):
        claim.fingerprint = fingerprint(claim)
        record, claim.match, claim.candidates = linking.record, linking.match, linking.closest
        claim.flags = []
        if record is not None and claim.match is not None:
            reviewed, ignored = _marked(claim, marks, text)
            claim.reviewed = reviewed or claim.fingerprint in settings.reviewed
            if not claim.reviewed:
                context = RuleContext(claim, record, claim.match, published, text, document)
                claim.flags = _flags(context, rules, severities, ignored)
            claim.note = short_note(record)
        claim.verdict = verdict_for(claim.flags, record is not None)  # type: ignore[assignment]
    return claims


def summarize(claims: list[Claim]) -> Summary:
    by_verdict = Counter(c.verdict for c in claims if c.verdict)
    by_flag = Counter(f.code for c in claims for f in c.flags)
    parts = [f"{n} {v}" for v in ("consistent", "misleading", "contradicted", "unverified") if (n := by_verdict[v])]
    message = (
        f"{len(claims)} statistical claim{'s' if len(claims) != 1 else ''} found: " + ", ".join(parts)
        if claims
        else "no statistical claims found"
    )
    return Summary(
        claims=len(claims), by_verdict=dict(by_verdict), by_flag=dict(sorted(by_flag.items())), message=message
    )


def check(
    text: str,
    *,
    published: dt.date | None = None,
    settings: Settings | None = None,
    store: EvidenceStore | None = None,
    model: str | None = None,
) -> Report:
    """Check every statistical claim in ``text`` against the evidence base.

    With no ``published`` date, the latest year the text names stands in for it while checking (the
    report still says the date is unknown): an undated story's "as of June" is in that year."""
    from factcheck.nlp.pipeline import extract

    dated = published or estimate_date(text)
    return _report(text, extract(text, published=dated, model=model), published, settings, store, dated)


def check_many(
    texts: Iterable[str],
    *,
    published: Iterable[dt.date | None] | None = None,
    settings: Settings | None = None,
    store: EvidenceStore | None = None,
    model: str | None = None,
) -> Iterator[Report]:
    """:func:`check` for a stream of texts, sharing one pipeline and one evidence store."""
    from factcheck.nlp.pipeline import extract_many

    texts = list(texts) if not isinstance(texts, list) else texts
    given = list(published) if published is not None else [None] * len(texts)
    dates = [date or estimate_date(text) for text, date in zip(texts, given, strict=True)]
    store = store or open_store()
    extracted = extract_many(texts, published=dates, model=model)
    for text, date, dated, claims in zip(texts, given, dates, extracted, strict=True):
        yield _report(text, claims, date, settings, store, dated)


def _report(
    text: str,
    claims: list[Claim],
    published: dt.date | None,
    settings: Settings | None,
    store: EvidenceStore | None,
    dated: dt.date | None,
) -> Report:
    """``published`` as given goes in the report; ``dated`` (it, or the text's estimated date) is checked with."""
    store = store or open_store()
    settings = settings or Settings()
    check_claims(claims, text=text, store=store, settings=settings, published=dated, estimated=published is None)
    return Report(evidence_version=store.version, published=published, claims=claims, summary=summarize(claims))
