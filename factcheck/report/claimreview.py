"""``--format claimreview``: schema.org ClaimReview JSON-LD, one object per claim, for publishing.

Ratings run from 1 (false) to 3 (accurate). Only claims linked to a record (with at least the
link confidence the check requires) are rated: an unverified claim gets no review at all, since
without evidence there is nothing to rate it against, and a published rating must never guess.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from factcheck.models import Claim, Report

if TYPE_CHECKING:
    from factcheck.report.formats import RenderContext

RATINGS: dict[str, tuple[int | None, str]] = {
    "contradicted": (1, "False"),
    "misleading": (2, "Misleading"),
    "consistent": (3, "Accurate"),
    "unverified": (None, "Unverified"),
}


def _body(claim: Claim) -> str:
    if claim.match is None:
        return "No published figure in our evidence base matches this number."
    parts = [flag.message for flag in claim.flags] or [f"Matches the published figure: {claim.match.why}."]
    if claim.note:
        parts.append(claim.note)
    return " ".join(parts)


def claim_review(claim: Claim, report: Report, context: RenderContext) -> dict[str, Any]:
    value, name = RATINGS[claim.verdict or "unverified"]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": name, "bestRating": 3, "worstRating": 1}
    if value is not None:
        rating["ratingValue"] = value
    item: dict[str, Any] = {"@type": "Claim"}
    if report.published:
        item["datePublished"] = report.published.isoformat()
    if appearance := context.options.get("appearance"):
        item["appearance"] = {"@type": "CreativeWork", "url": appearance}
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": " ".join(claim.text.split()),
        "datePublished": context.options.get("reviewed_on") or dt.date.today().isoformat(),
        "author": {"@type": "Organization", "name": context.author},
        "itemReviewed": item,
        "reviewRating": rating,
        "reviewBody": _body(claim),
    }
    if context.review_url:
        review["url"] = f"{context.review_url}#{claim.id}"
    record = context.store.get(claim.match.evidence_id) if context.store and claim.match else None
    if record is not None:
        review["citation"] = {"@type": "CreativeWork", "name": record.source.title, "url": str(record.source.url)}
    return review


def render(report: Report, context: RenderContext) -> str:
    reviews = [claim_review(claim, report, context) for claim in report.claims if claim.match is not None]
    return json.dumps(reviews, indent=2, ensure_ascii=False)
