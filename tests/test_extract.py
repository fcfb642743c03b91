"""Extraction end to end: each cue attaches to the right number; paragraphs share windows."""

from __future__ import annotations

import datetime as dt

import pytest

import factcheck


def by_number(text: str, published: str | None = None) -> dict[str, factcheck.Claim]:
    return {c.number.text: c for c in factcheck.extract(text, published=published)}


def test_each_cue_attaches_to_its_number():
    claims = by_number(
        "ICE said 662,566 noncitizens with criminal histories were on its national docket as of July 21, 2024, "
        "of whom 435,719 were convicted and 226,847 had pending charges."
    )
    assert claims["662,566"].criminality == "convicted_or_pending"
    assert claims["435,719"].criminality == "convicted"
    assert claims["226,847"].criminality == "pending"
    for claim in claims.values():
        assert (claim.event, claim.custody, claim.measure) == ("docket", "national_docket", "stock")
        assert claim.time.kind == "as_of"
        assert claim.time.start == dt.date(2024, 7, 21)


def test_stock_framed_as_yearly_release():
    (claim, murderers) = factcheck.extract(
        "Every year, ICE releases 435,000 convicted criminals onto our streets, including 13,099 murderers."
    )
    assert (claim.event, claim.custody, claim.measure, claim.time.kind) == ("release", "released", "flow", "recurring")
    assert murderers.offense == "homicide"
    assert any(c.kind == "offense" and c.label == "homicide!" for c in murderers.cues)


def test_paragraph_window_covers_later_sentences():
    text = "ICE's chart is dated July 21, 2024. On the non-detained side, 62,231 people had assault convictions."
    (claim,) = factcheck.extract(text)
    assert claim.time.kind == "as_of"
    assert claim.time.inherited
    assert (claim.custody, claim.event, claim.offense) == ("non_detained", "docket", "assault")


def test_window_does_not_cross_paragraphs():
    text = "As of July 21, 2024, 662,566 noncitizens were on ICE's docket.\n\nICE arrested 113,431 people."
    claims = factcheck.extract(text)
    assert claims[1].time.kind == "none"


def test_share_takes_the_predicate_of_its_base():
    claims = by_number(
        "Cato found that 85% of the 204,297 people booked into ICE detention between October 2024 "
        "and mid-June 2025 had no criminal conviction."
    )
    assert claims["85%"].criminality == "no_conviction"
    assert claims["85%"].measure == "share"
    assert claims["204,297"].criminality == "any"
    assert claims["204,297"].event == "booking"


def test_relative_window_resolves_against_published():
    (claim,) = factcheck.extract(
        "DHS said about 70% of the people ICE arrested since January 20 had charges or convictions.",
        published="2025-12-06",
    )
    assert claim.time.kind == "relative"
    assert (claim.time.start, claim.time.end) == (dt.date(2025, 1, 20), dt.date(2025, 12, 6))
    assert claim.approx == "about"


def test_fiscal_year_is_october_to_september():
    (claim,) = factcheck.extract("In FY2024, ERO made 113,431 administrative arrests.")
    assert (claim.time.start, claim.time.end) == (dt.date(2023, 10, 1), dt.date(2024, 9, 30))
    assert (claim.unit, claim.event, claim.measure) == ("events", "arrest", "flow")


def test_offsets_point_into_the_original_text():
    text = "Its \u201cnon\u2011detained docket\u201d had 425,431 non\u2011citizens with criminal convictions."
    (claim,) = factcheck.extract(text)
    assert text[claim.number.start : claim.number.end] == "425,431"
    assert claim.custody == "non_detained"
    assert claim.unit == "people"
    assert claim.text == text


def test_no_claims_in_text_without_numbers():
    assert factcheck.extract("ICE said nothing about the docket.") == []


def test_line_and_column():
    text = "First line.\nSecond line has 425,431 people."
    (claim,) = factcheck.extract(text)
    assert (claim.line, claim.column) == (2, 17)


@pytest.mark.parametrize(
    "text",
    [
        "Whether you agree or not, even a $5 donation helps. Goal: 1,000 supporters.",
        "The maximum upload file size: 100 MB.",
        "Posted March 10, 2026 | 47 comments",
    ],
)
def test_site_furniture_is_not_a_claim(text):
    assert factcheck.extract(text) == []


def test_spacy_component_works_on_a_whole_document(nlp):
    doc = nlp("ICE's chart is dated July 21, 2024. It listed 13,099 people with homicide convictions.")
    (claim,) = doc._.claims
    assert claim.number.text == "13,099"
    assert claim.time.kind == "as_of"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(NEWS 8) - Arrests climbed, said Maria Alvarez, 41, of New Britain. Watch tonight at 6.", []),
        ("1/ ICE admitted 425K convicted criminals are free.\n6/6 Sources in replies.", ["425K"]),
        ("I spent 19 years on the immigration bench.", []),
        ("Detainees spent 47 days in detention on average.", ["47 days"]),
        ("The 9/11 attacks changed it; 1/3 of arrests now happen in jails.", ["1/3"]),
        ('El titular: "Más de 65.000 personas en detención al 16 de noviembre."', ["65.000"]),
    ],
)
def test_not_claims_in_news_furniture(text: str, expected: list[str]) -> None:
    assert [c.number.text for c in factcheck.extract(text)] == expected


def test_dot_thousands_and_slash_fractions_have_values() -> None:
    values = {c.number.text: c.value for c in factcheck.extract("Más de 65.000 personas; 1/3 of arrests; 2.5% rose.")}
    assert values == {"65.000": 65000, "1/3": pytest.approx(0.3333, abs=1e-3), "2.5%": 2.5}


def test_a_bare_figure_line_is_described_by_the_next_sentence() -> None:
    text = "Three numbers.\n\n1. 220,802. That is how many arrests ICE recorded in fiscal 2025."
    (claim,) = factcheck.extract(text)
    assert (claim.value, claim.event, claim.time.kind) == (220802, "arrest", "period")


def test_head_noun_decides_the_event_over_a_participle() -> None:
    (claim,) = factcheck.extract("Deportations of people arrested in the state reached 164 by July.")
    assert claim.event == "removal"


def test_border_patrol_apprehensions_are_encounters() -> None:
    (claim,) = factcheck.extract(
        "Border Patrol agents apprehended 303,916 people on the southwest border in fiscal 2017."
    )
    assert claim.event == "encounter"


def test_a_by_the_numbers_bullet_is_described_after_its_dash() -> None:
    text = "By the numbers\n\n• 68,442 — people held in ICE detention on Dec. 13.\n• 4,550 — prosecutions each month."
    held, filed = factcheck.extract(text, published=dt.date(2025, 12, 20))
    assert (held.event, held.custody, held.time.kind, held.measure) == ("detention", "detained", "as_of", "stock")
    assert (filed.event, filed.time.kind, filed.measure) == ("prosecution", "recurring", "flow")


@pytest.mark.parametrize(
    "text",
    [
        "ICE held an average of 28,289 people in detention in fiscal 2023.",
        "Arrests averaged 1,200 in June.",
        "• 558 — average daily ICE arrests of Latinos in Trump's first 100 days.",
    ],
)
def test_an_average_count_is_a_rate(text: str) -> None:
    (claim,) = factcheck.extract(text)
    assert claim.measure == "rate"


def test_a_when_clause_after_since_is_about_the_year_itself() -> None:
    text = "The detained population has doubled since fiscal 2023, when ICE held an average of 28,289 people a day."
    doubled, held = factcheck.extract(text, published=dt.date(2025, 7, 1))
    assert (doubled.time.kind, doubled.time.end) == ("relative", dt.date(2025, 7, 1))
    assert (held.time.kind, held.time.start, held.time.end) == ("period", dt.date(2022, 10, 1), dt.date(2023, 9, 30))


def test_at_the_time_is_a_window_even_without_an_antecedent() -> None:
    (claim,) = factcheck.extract("At the time, roughly 300,000 cases were pending before the immigration courts.")
    assert (claim.time.kind, claim.time.start) == ("as_of", None)


def test_agents_as_subject_do_not_make_arrests_a_count_of_things() -> None:
    (claim,) = factcheck.extract("Federal immigration agents arrested 405 people in Connecticut.")
    assert (claim.event, claim.criminality) == ("arrest", "any")


def test_a_figureless_sentence_crediting_an_administration_frames_the_next() -> None:
    text = "Under Kamala Harris, the numbers are staggering. 425,000 convicted criminals, released."
    (claim,) = factcheck.extract(text, published=dt.date(2024, 10, 18))
    assert (claim.time.administration, claim.time.inherited) == ("harris", True)


def test_markdown_bold_bullets_are_described_after_the_colon() -> None:
    text = "## By the numbers\n- **More than 400,000**: deportations since Jan. 20.\n- **665**: arrests per day."
    removals, pace = factcheck.extract(text, published=dt.date(2025, 12, 5))
    assert (removals.event, removals.approx, removals.measure) == ("removal", "over", "flow")
    assert (pace.event, pace.measure) == ("arrest", "rate")


def test_but_not_continues_the_predicate() -> None:
    (claim,) = factcheck.extract("65,000 people convicted of assault were on ICE's books but not in ICE detention.")
    assert (claim.event, claim.custody) == ("docket", "non_detained")


@pytest.mark.parametrize(
    ("text", "number", "kind", "window"),
    [
        ("On Nov. 16, a record 65,135 people were held in detention, and 73.6 percent had no conviction.",
         "65,135", "as_of", "On Nov. 16"),
        ("The hotline fielded 2,340 calls since September 1, Delgado said.", "2,340", "relative", "since September 1"),
        ("My office has handled 312 cases involving ICE since the election.", "312", "relative", "since the election"),
    ],
)  # fmt: skip
def test_opening_phrases_and_reported_windows(text: str, number: str, kind: str, window: str) -> None:
    claim = next(c for c in factcheck.extract(text, published=dt.date(2025, 12, 15)) if c.number.text == number)
    assert (claim.time.kind, claim.time.text) == (kind, window)


def test_a_weekly_publication_does_not_make_a_count_a_rate() -> None:
    (claim,) = factcheck.extract("ICE's weekly detention statistics show 65,135 people in detention.")
    assert claim.measure == "stock"


def test_a_list_takes_what_its_introducing_line_names():
    """The line before a list may hold no digit at all; its event and custody still describe the items."""
    text = (
        "According to the agency, the following were released under the previous administration:\n\n"
        "- 13,099 murderers\n- 15,811 rapists\n"
    )
    claims = factcheck.extract(text)
    assert [(c.event, c.custody) for c in claims] == [("release", "released")] * 2


def test_list_items_take_custody_from_an_intro_without_an_event():
    text = "As of July 21, 2024, these convicted criminals were living freely in our towns:\n\n  • 13,099 murderers\n"
    assert [c.custody for c in factcheck.extract(text)] == ["released"]


def test_detained_and_not_is_the_whole_docket():
    text = "Across the national docket, detained and not, ICE listed 662,566 people with criminal histories."
    claims = factcheck.extract(text)
    assert [c.custody for c in claims] == ["national_docket"]


def test_a_label_before_a_parenthesis_names_the_number_in_it() -> None:
    text = (
        "Southwest border apprehensions topped 1.5 million in a few years: FY 1986 (nearly 1.616 million); "
        "FY 2000 (less than 1.644 million); and FY 2023 (nearly 2.046 million)."
    )
    claims = by_number(text)
    assert claims["1.616 million"].time.text == "FY 1986"
    assert claims["1.644 million"].time.text == "FY 2000"
    assert claims["2.046 million"].time.text == "FY 2023"


def test_a_window_after_two_coordinated_figures_is_both_figures() -> None:
    claims = by_number(
        "The total includes around 1.6 million self-departures and more than 400,000 removals within 250 days."
    )
    assert claims["1.6 million"].time.text == claims["400,000"].time.text == "within 250 days"


def test_a_since_range_a_record_is_set_over_is_not_the_figures_window() -> None:
    claims = by_number(
        "During this fiscal year, agents encountered more than 1,746,119 migrants, a record breaker for any "
        "fiscal year since 1960.",
        published="2022-07-31",
    )
    assert claims["1,746,119"].time.text == "During this fiscal year"


def test_a_comparison_period_spanning_months_is_not_the_window() -> None:
    (claim,) = factcheck.extract(
        "Compared with the period from October 2024 to April 2025, 80% of the increase in book-ins has come "
        "from people without criminal convictions."
    )
    assert claim.time.kind == "none"
    assert claim.measure == "change"  # a share of an increase is no share of the people booked in
    assert claim.criminality == "no_conviction"


def test_no_us_criminal_record_is_no_conviction() -> None:
    claims = by_number("As of Nov. 16, ICE held 65,135 people; 48% had no U.S. criminal charges or convictions.")
    assert claims["48%"].criminality == "no_conviction"


def test_a_compared_periods_own_figure_in_parentheses_takes_its_window() -> None:
    claims = by_number(
        "In fiscal year 2023, CBP recorded 2.47 million encounters at the southwest border, surpassing FY 2022's "
        "record (2.3 million encounters).",
        published="2023-11-01",
    )
    assert claims["2.47 million"].time.text == "In fiscal year 2023"
    assert claims["2.3 million"].time.text == "FY 2022"


def test_a_pace_that_will_surpass_last_year_is_no_window_of_the_figure() -> None:
    (claim,) = factcheck.extract(
        "In the first six months of FY 2023, CBP has encountered more than 1.5 million people, a pace that will "
        "surpass last year's record.",
        published=dt.date(2023, 5, 1),
    )
    assert (claim.time.start, claim.time.end) == (dt.date(2022, 10, 1), dt.date(2023, 3, 31))


def test_a_change_by_a_percentage_after_its_window() -> None:
    (claim,) = factcheck.extract("Interior removals increased during the 2017 fiscal year by 25 percent.")
    assert claim.measure == "change"


def test_the_range_a_record_is_set_over_is_not_carried_to_the_next_sentence() -> None:
    claims = by_number(
        "ICE said 59 percent of removals were of convicted criminals, the highest share in the last five years. "
        "Of those removed from the interior, 82 percent were convicted criminals."
    )
    assert claims["59 percent"].time.kind == "none"
    assert claims["82 percent"].time.kind == "none"


def test_non_sexual_assaults_are_the_assault_row() -> None:
    claims = by_number("Their offenses include 15,811 sexual assaults and 62,231 non-sexual assaults.")
    assert claims["62,231"].offense == "assault"
    assert claims["15,811"].offense == "sexual_assault"


def test_living_among_us_is_released() -> None:
    (claim,) = factcheck.extract("13,000 people convicted of murder crossed the border and are living among us.")
    assert claim.custody == "released"


def test_a_compared_years_own_figure_after_when_and_the_next_paragraph() -> None:
    claims = by_number(
        "About 104,000 were arrested in the 2020 fiscal year ended September 30, 27 percent less than the year "
        "before, when ICE detained 143,000 people.\n\nIn the same year, the agency deported 186,000 people."
    )
    assert (claims["143,000"].time.start, claims["143,000"].time.end) == (dt.date(2018, 10, 1), dt.date(2019, 9, 30))
    assert claims["143,000"].measure == "flow"  # people detained over a year, not a population on a day
    assert claims["186,000"].time.start == dt.date(2019, 10, 1)  # the paragraph's year, not the compared one


def test_a_window_right_after_a_number_is_that_numbers() -> None:
    claims = by_number(
        "To hit 158,000 arrests in 100 days would mean double the arrests ICE makes now.", published="2025-04-30"
    )
    assert claims["158,000"].time.text == "in 100 days"


def test_a_towns_state_is_where_it_happened_not_what_is_counted() -> None:
    claims = by_number("Vance cited the 13,099 murderers at a campaign event in Newtown, Pennsylvania.")
    assert claims["13,099"].geography is None
    assert by_number("In Texas, 48% of those arrested had no record.")["48%"].geography == "Texas"


def test_the_words_after_a_dash_aside_are_the_predicate_of_the_figures_around_it() -> None:
    claims = by_number(
        "The administration is allowing up to 650,000 criminal migrants — including at least 13,099 murderers and "
        "222,141 migrants facing charges — to roam the streets."
    )
    assert {claims[n].custody for n in ("650,000", "13,099", "222,141")} == {"released"}
    assert claims["650,000"].approx == "up_to"
    assert not claims["650,000"].has_cue("framing", "change")  # "up to" is a hedge, not a rise


def test_coordinated_figures_share_an_entry_word() -> None:
    claims = by_number(
        "Noem said more than 13,000 murderers and nearly 16,000 sex offenders who had crossed the border."
    )
    assert claims["13,000"].has_cue("framing", "entry")


def test_the_half_of_a_duration_is_no_claim() -> None:
    assert [c.number.text for c in factcheck.extract("It took two and a half years to clear 300,000 cases.")] == [
        "300,000"
    ]
