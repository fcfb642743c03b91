"""The landmark-dispatched scans find exactly what the combined patterns would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.nlp import numbers, timewindows
from factcheck.nlp.scan import LANDMARK, Landmarks

PIECES = st.sampled_from(
    """the a an in on over for at to so this that these same first last past next prior year years month day
    days week fiscal FY FY2024 fy24 calendar CY early mid late end beginning of since began started under during
    by while when was in office President Biden Trump Obama Harris Kamala Bush administration right now currently
    today presently nowadays yesterday far date each every per annually yearly roughly period span July JULY Jul.
    Sept. May march 2024 1999 21 5 2024-07-21 7/21/2024 1990s between and half third thirds quarter one two three
    twenty forty-eight thousand million hundreds tens doubled double twice tripled 3x x4.6 times as many fold
    percent % $ US$ 435,719 6.4 .5 80-85 15–20 in out every of age aged [1] § # ( ) + - , . ; :""".split()
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=30).map(" ".join)


def spans(matches):
    return [(m.start(), m.end(), m.lastgroup) for m in matches]


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_time_atoms_match_the_combined_pattern(text):
    dispatched = timewindows._ATOMS
    found = spans(dispatched.finditer(text, Landmarks.of(text)))
    assert found == spans(dispatched.combined.finditer(text)), repr(text)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_number_starts_cover_every_combined_match(text):
    dispatched = numbers._NUMBERS
    found = spans(dispatched.finditer(text, Landmarks.of(text)))
    assert found == spans(dispatched.combined.finditer(text)), repr(text)


@given(TEXT)
def test_landmarks_are_the_pattern_matches(text):
    marks = Landmarks.of(text)
    expected = [(m.start(), m.group()) for m in LANDMARK.finditer(text)]
    assert list(zip(marks.positions, marks.tokens, strict=True)) == expected
    assert marks.lowered == [t.lower() for t in marks.tokens]


LINE_PIECES = st.sampled_from(["\n", "\n1.", "\n 2)", "[3, 4]", "İ", "Two", "A HALF"])
LINES = st.lists(st.one_of(PIECES, LINE_PIECES), max_size=30)


@settings(max_examples=400, deadline=None)
@given(LINES.map(" ".join))
def test_every_number_holds_a_hit(text):
    """The sentence pre-filter may skip a sentence only if no number could be found in it."""
    hits = numbers.number_hits(text)
    times = timewindows.find_time_expressions(text)
    for expr in numbers.find_numbers(text, times):
        assert any(expr.start <= hit < expr.end for hit in hits), (repr(text), expr.text)


@settings(max_examples=400, deadline=None)
@given(LINES.map(" ".join))
def test_skipping_the_number_scan_when_every_hit_is_a_date_changes_nothing(text):
    from factcheck.nlp.component import Prepared

    with_hits = Prepared.scan(text, None, hits=numbers.number_hits(text))
    assert with_hits.numbers == Prepared.scan(text, None).numbers


def test_footnote_markers_and_list_numbers_are_not_hits():
    text = "1. Arrests rose [2].\n2) In 2024 ICE held 39,000 people [3, 4]."
    assert [text[h : h + 2] for h in numbers.number_hits(text)] == ["20", "39", "00"]


# Phrases of the document-wide lists, with tricky neighbours: a phrase inside a longer one ("now", "right now"),
# a first word shared ("data", "data dump"), capitals ("ICE" is not "ice"), one not starting with a letter.
PHRASES = ["now", "right now", "data", "data dump", "ice's", "ICE", "CBP", "no-record", "$5 bill", "immigrant"]
PHRASE_PIECES = st.sampled_from(
    "now right know snow data database dump ice ICE ice's CBP CBPs no record no-record $5 bill immigrant "
    "immigrants İ - _ , .".split()
)
PHRASE_TEXT = st.lists(st.one_of(PHRASE_PIECES, st.text(max_size=3)), max_size=25).map(
    lambda parts: "".join(p + s for p, s in zip(parts, [" ", "", "-", "\n"] * len(parts), strict=False))
)


def _plain_starts(phrases: list[str], text: str, lowered: str) -> list[int]:
    """What one regular expression over the whole text finds (the reference the finder must equal)."""
    import re

    def pattern(group: list[str]) -> re.Pattern[str] | None:
        if not group:
            return None
        alternatives = "|".join(re.escape(p).replace(r"\ ", r"[\s-]+") for p in sorted(group, key=len, reverse=True))
        return re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)")

    folded = pattern(sorted({p.lower() for p in phrases if not p.isupper()}))
    capitals = pattern(sorted({p for p in phrases if p.isupper()}))
    found = [m.start() for m in folded.finditer(lowered)] if folded else []
    return sorted(found + ([m.start() for m in capitals.finditer(text)] if capitals else []))


@settings(max_examples=400, deadline=None)
@given(PHRASE_TEXT)
def test_phrase_finder_finds_what_one_regular_expression_finds(text):
    from factcheck.nlp.lexicon import PhraseFinder

    lowered = "".join(c.lower()[:1] for c in text)
    finder = PhraseFinder(PHRASES)
    expected = _plain_starts(PHRASES, text, lowered)
    assert finder.starts(text, lowered) == expected, repr(text)
    assert finder.first(text, lowered) == (expected[0] if expected else None), repr(text)
