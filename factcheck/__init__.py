"""factcheck: find the statistical claims in a text and check them against curated evidence.

The public API is small::

    import factcheck
    claims = factcheck.extract("ICE said 662,566 noncitizens ... as of July 21, 2024.")
    report = factcheck.check(text, published="2024-10-02")

``import factcheck`` stays light: spaCy, rapidfuzz and the evidence database load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factcheck import _native  # noqa: F401  (first: a stale compiled module must never load)

__version__ = "0.1.0"
__all__ = ["Claim", "Flag", "Match", "NumberSpan", "Report", "TimeWindow", "check", "extract"]

if TYPE_CHECKING:
    from factcheck.api import check, extract
    from factcheck.models import Claim, Flag, Match, NumberSpan, Report, TimeWindow

_LAZY = {
    "extract": "factcheck.api",
    "check": "factcheck.api",
    "Claim": "factcheck.models",
    "Flag": "factcheck.models",
    "Match": "factcheck.models",
    "NumberSpan": "factcheck.models",
    "Report": "factcheck.models",
    "TimeWindow": "factcheck.models",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
