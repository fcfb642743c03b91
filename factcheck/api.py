"""The one core API that the CLI, the web app and batch mode all call."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from factcheck.errors import InputError
from factcheck.models import Claim, Report

if TYPE_CHECKING:
    from factcheck.evidence.store import EvidenceStore
    from factcheck.settings import Settings

DateLike = dt.date | str | None


def as_date(value: DateLike) -> dt.date | None:
    """A publication date from a date or an ISO string ("2024-10-02"); None stays None."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"published date {value!r} is not an ISO date (YYYY-MM-DD)") from None


def extract(text: str, *, published: DateLike = None, model: str | None = None) -> list[Claim]:
    """Every statistical claim in ``text``, in reading order, with its attributes.

    published: the text's publication date; relative windows ("this year", "now") resolve against it.
    model: an installed spaCy pipeline to use instead of ``spacy.blank("en")``.
    """
    from factcheck.nlp.pipeline import extract as _extract

    return _extract(text, published=as_date(published), model=model)


def check(
    text: str,
    *,
    published: DateLike = None,
    settings: Settings | None = None,
    store: EvidenceStore | None = None,
    model: str | None = None,
) -> Report:
    """Check every statistical claim in ``text`` against the bundled evidence base.

    Each claim gets its evidence match (or none), the flags of the rules that fire, a verdict
    (consistent / misleading / contradicted / unverified) and a note on what the number counts.
    """
    from factcheck.engine import check as _check

    return _check(text, published=as_date(published), settings=settings, store=store, model=model)
