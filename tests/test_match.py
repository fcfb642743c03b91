"""The matcher: value tolerance from written precision and hedges, links, and honest abstention."""

from __future__ import annotations

import pytest

from factcheck import extract
from factcheck.match import CONSISTENT_FITS, find_match, value_fit


def _only_claim(text: str):
    claims = extract(text)
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize(
    ("sentence", "fit"),
    [
        ("ICE counted 435,719 convicted noncitizens on its docket.", "exact"),
        ("ICE counted 435,000 convicted noncitizens on its docket.", "rounded"),
        ("ICE counted more than 435,000 convicted noncitizens on its docket.", "hedged"),
        ("ICE counted about 436,000 convicted noncitizens on its docket.", "hedged"),
        ("ICE counted more than 440,000 convicted noncitizens on its docket.", "hedge_wrong"),
        ("ICE counted nearly 500,000 convicted noncitizens on its docket.", "hedge_wrong"),
        ("ICE counted 500,000 convicted noncitizens on its docket.", "off"),
        ("ICE counted 12,000 convicted noncitizens on its docket.", "off"),
        ("ICE counted 71.7% of them.", None),  # a share is not comparable with a head count
    ],
)
def test_value_fit_against_435719(sentence: str, fit: str | None, store) -> None:
    record = store.get("ice-docket-convicted-2024-07-21")
    result = value_fit(_only_claim(sentence), record)
    assert (result[0] if result else None) == fit


def test_rounded_figure_fits_13099(store) -> None:
    result = value_fit(
        _only_claim("There were 13,000 homicide convictions on the docket."),
        store.get("ice-ndd-homicide-convicted-2024-07-21"),
    )
    assert result is not None
    assert result[0] in CONSISTENT_FITS


def test_links_quoted_figure_and_explains_why(store) -> None:
    claim = _only_claim("As of July 21, 2024, 435,719 noncitizens with convictions were on ICE's national docket.")
    record, match = find_match(claim, store)
    assert record is not None
    assert record.id == "ice-docket-convicted-2024-07-21"
    assert match is not None
    assert "July 21, 2024" in match.why
    assert match.value_fit == "exact"


def test_misquote_still_links_to_the_number_it_misquotes(store) -> None:
    claim = _only_claim("As of July 2024, nearly 500,000 convicted criminals were on ICE's docket.")
    record, match = find_match(claim, store)
    assert record is not None
    assert record.id == "ice-docket-convicted-2024-07-21"
    assert match is not None
    assert match.value_fit not in CONSISTENT_FITS


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials estimate that 80-85 percent of those arrested had a conviction.",
        "The city hired 4,312 new teachers in 2023.",
        "Roughly 27,000 people attended the parade downtown.",
    ],
)
def test_abstains_when_nothing_fits(sentence: str, store) -> None:
    record, match = find_match(_only_claim(sentence), store)
    assert record is None
    assert match is None


def test_two_records_of_one_population_are_named(store) -> None:
    claim = _only_claim("As of July 21, 2024, 425,431 convicted noncitizens were not in ICE detention.")
    record, match = find_match(claim, store)
    assert record is not None
    assert record.id == "ice-ndd-convicted-2024-07-21"
    assert match is not None
    assert "ice-docket-convicted-2024-07-21" in match.also_consider
    assert "435,719" in match.why


def test_the_count_behind_a_share_links_to_the_share_record(store) -> None:
    claim = _only_claim(
        "In fiscal year 2024, 81,312 of ICE's arrests involved people with convictions or pending charges."
    )
    record, match = find_match(claim, store)
    assert record is not None
    assert record.id == "ice-ero-arrests-criminal-share-fy2024"
    assert match is not None
    assert match.value_fit == "exact"


def test_a_share_and_its_head_count_twin_keep_their_own_words(store) -> None:
    """A share's head-count twin (as_count) keeps the share's id; each must be compared on its own population."""
    from factcheck.match import Phrases, _content_words, _phrases

    share = store.get("ice-ero-arrests-criminal-share-fy2024")
    twin = share.as_count()
    assert twin is not None
    assert twin.population != share.population

    def own(record) -> Phrases:
        return Phrases.of([_content_words(phrase) for phrase in [record.population, *record.aliases]])

    _phrases(share, store)
    assert _phrases(twin, store) == own(twin)
    assert _phrases(share, store) == own(share)
    assert own(twin) != own(share)


def test_claim_words_find_near_spellings_of_record_words() -> None:
    from factcheck.match import ClaimWords, Phrases, Vocabulary, _content_words

    def phrase(text: str) -> list[str]:
        return _content_words(text)  # stemmed, as the matcher reads records ("convictions" and "conviction" agree)

    vocabulary = Vocabulary(set(phrase("noncitizens convictions docket detention")))
    words = ClaimWords("Non-citizens with criminal conviction on the docket", vocabulary)
    assert words.coverage(Phrases.of([phrase("convictions docket")])) == 1.0
    assert words.coverage(Phrases.of([phrase("noncitizens detention")])) == 0.5
    assert words.coverage(Phrases.of([phrase("noncitizens detention"), phrase("docket")])) == 1.0  # the best counts
    assert words.coverage(Phrases.of([phrase("docket docket detention")])) == 2 / 3  # a repeated word counts twice
    assert words.coverage(Phrases.of([phrase("detention"), []])) == 0.0
