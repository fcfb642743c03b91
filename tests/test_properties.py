"""Property tests: arbitrary Unicode never breaks extraction, and offsets always hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck

NUMBERISH = st.sampled_from(
    [
        "435,719",
        "6.4%",
        " 3 in 4 ",
        "nearly double",
        "1.2 million",
        "80–85 percent",
        "July 21, 2024",
        "[1]",
        " FY2024 ",
        "half",
        "\u2011",
        "\u00a0",
        "\n",
        ". ",
        "İ",
        "ǅ",
        "ﬃ",
        "\u200b",
        "$",
        "between 8 and ",
        "12",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=30), NUMBERISH), max_size=25).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_extraction_never_raises_and_offsets_slice_the_number(text):
    claims = factcheck.extract(text)
    previous_end = -1
    for claim in claims:
        assert text[claim.number.start : claim.number.end] == claim.number.text
        assert claim.number.start >= previous_end, "claims are ordered and do not overlap"
        assert claim.number.start < claim.number.end
        assert claim.start <= claim.number.start
        assert claim.number.end <= claim.end
        previous_end = claim.number.end
