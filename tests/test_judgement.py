"""Say less, be right: link confidence, closest records, misquotes (conventions 10 and 11), subjects,
targets, document dates (convention 9). Each case is a general mechanism seen on real articles, written
here in our own words."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import check
from factcheck.document import Document, estimate_date
from factcheck.settings import Settings

LETTER = dt.date(2024, 10, 15)  # a story a few weeks after ICE's letter on its July 21, 2024 docket


def _claim(text: str, store, published: dt.date | None = LETTER, number: str | None = None, **settings):
    report = check(text, published=published, store=store, settings=Settings(**settings) if settings else None)
    claims = [c for c in report.claims if number is None or c.number.text == number]
    assert claims, [c.number.text for c in report.claims]
    return claims[0]


def _codes(claim) -> set[str]:
    return {flag.code for flag in claim.flags}


# --- misquotes link (convention 11) --------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "record"),
    [
        # a swapped digit
        (
            "ICE listed 13,909 people with homicide convictions on its non-detained docket as of July 21, 2024.",
            "ice-ndd-homicide-convicted-2024-07-21",
        ),
        # a dropped digit
        (
            "As of July 21, 2024, 42,431 noncitizens with criminal convictions were on ICE's non-detained docket.",
            "ice-ndd-convicted-2024-07-21",
        ),
    ],
)
def test_a_digit_slip_of_a_figure_the_sentence_describes_is_a_misquote(sentence: str, record: str, store) -> None:
    claim = _claim(sentence, store)
    assert claim.match is not None
    assert claim.match.evidence_id == record
    assert claim.match.digit_slip
    assert claim.verdict == "contradicted"
    assert "value-mismatch" in _codes(claim)
    assert "digit-slip" in claim.match.why


def test_a_hedge_the_wrong_way_is_caught(store) -> None:
    text = (
        "As of July 21, 2024, more than 700,000 noncitizens with convictions or pending charges were on ICE's docket."
    )
    claim = _claim(text, store)
    assert (claim.match and claim.match.evidence_id) == "ice-docket-criminal-history-2024-07-21"
    assert "hedge-mismatch" in _codes(claim)


# --- contradicted only when sure of what is counted (convention 10) -------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "ICE arrests rose 30 percent in fiscal 2024.",  # a change is no level or share
        "In fiscal 2024, 21% of the people ICE arrested had convictions and 21% had pending charges.",
        "ICE made more than 100,000 arrests between January and June 2025.",  # a longer period than any record's
    ],
)
def test_a_record_counting_something_else_is_never_called_wrong(sentence: str, store) -> None:
    report = check(sentence, published=dt.date(2025, 8, 1), store=store)
    assert all(c.verdict != "contradicted" for c in report.claims), [(c.number.text, c.flags) for c in report.claims]


def test_a_number_right_for_another_year_is_not_a_misquote(store) -> None:
    # 271,484 is fiscal 2024's removals: given as fiscal 2023's, the period is wrong (convention 7), not the number.
    claim = _claim("ICE carried out 271,484 removals in fiscal 2023.", store, dt.date(2025, 1, 10))
    assert claim.verdict != "contradicted"


# --- confidence and closest records -------------------------------------------------------


def test_every_link_carries_a_confidence_and_a_high_bar_says_less(store) -> None:
    sure = _claim("ICE made 113,431 administrative arrests in fiscal 2024.", store, dt.date(2025, 1, 10))
    assert sure.match is not None
    assert sure.match.confidence >= 0.99
    # A figure right for one year, given for another and with nothing else said of it: linked, less surely.
    text = "ICE removals fell. Just 142,580 people in fiscal 2024."
    loose = _claim(text, store, dt.date(2025, 1, 10))
    assert loose.match is not None
    assert loose.match.evidence_id == "ice-removals-fy2023"
    assert 0.5 <= loose.match.confidence < 0.9
    stricter = _claim(text, store, dt.date(2025, 1, 10), min_confidence=0.9)
    assert (stricter.match, stricter.verdict, stricter.flags) == (None, "unverified", [])
    assert stricter.candidates[0].evidence_id == "ice-removals-fy2023"


def test_an_unverified_claim_names_its_closest_records_and_why(store) -> None:
    claim = _claim("ICE said it made 300,000 arrests in fiscal 2024.", store, dt.date(2025, 1, 10))
    assert (claim.match, claim.verdict) == (None, "unverified")
    assert 1 <= len(claim.candidates) <= 3
    first = claim.candidates[0]
    assert first.evidence_id == "ice-ero-arrests-fy2024"  # the same event and year, whatever its figure
    assert "113,431" in first.why_not


def test_the_text_format_shows_the_closest_record(store) -> None:
    from factcheck.report.formats import RenderContext, render

    report = check("ICE said it made 300,000 arrests in fiscal 2024.", published=dt.date(2025, 1, 10), store=store)
    rendered = render(report, "text", RenderContext(name="t.txt", store=store))
    assert "unverified" in rendered
    assert "closest record: ice-ero-arrests-fy2024" in rendered


def test_claimreview_rates_only_linked_claims(store) -> None:
    import json

    from factcheck.report.formats import RenderContext, render

    text = "ICE made 113,431 administrative arrests in fiscal 2024. The city held 4,312 parades."
    report = check(text, published=dt.date(2025, 1, 10), store=store)
    reviews = json.loads(render(report, "claimreview", RenderContext(name="t.txt", store=store)))
    linked = [c for c in report.claims if c.match is not None]
    assert len(reviews) == len(linked) >= 1


# --- the record's subject must be named (off-topic text) ----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "We passed 100,000 police officers on the streets of our cities.",
        "Congress has passed 40,000 new laws since the last census.",
        "The governor left office with a 70 percent approval rating.",
        "The county jail released 425,000 dollars in grants in 2024.",
    ],
)
def test_a_story_on_another_subject_links_nothing(sentence: str, store) -> None:
    report = check(sentence, published=LETTER, store=store)
    assert all(c.match is None and c.candidates == [] for c in report.claims)


def test_subjects_are_read_near_the_number_or_in_the_opening() -> None:
    filler = "The council met on Tuesday and talked about roads, parks and the budget. " * 10
    text = (
        f"City news\n\n{filler}\n\nThe city made 100 arrests.\n\nICE said 5 people were deported.\n\nA parade drew 900."
    )
    document = Document(text)
    assert document.subjects_near(text.index("100"), text.index("100") + 3) == frozenset()
    assert "immigration" in document.subjects_near(text.index("ICE"), text.index("ICE") + 3)
    assert "immigration" in document.subjects_near(text.index("900"), text.index("900") + 3)  # the paragraph before
    opening = Document("Deportations fell\n\n" + text)
    assert "immigration" in opening.subjects_near(text.index("100") + 19, text.index("100") + 22)  # the headline


# --- targets are not counts --------------------------------------------------------------


def test_a_target_links_only_to_a_target(store) -> None:
    target = _claim("Officials set ICE a goal of 3,000 arrests a day in May 2025.", store, dt.date(2025, 6, 1))
    assert target.match is None or "target" in target.match.evidence_id
    done = _claim("ICE made 3,000 arrests a day in May 2025.", store, dt.date(2025, 6, 1))
    assert done.match is None or "target" not in done.match.evidence_id


# --- when a figure is dated (convention 9) -------------------------------------------------


def test_a_date_earlier_in_the_story_dates_a_bare_figure(store) -> None:
    dated = (
        "ICE gave Congress figures as of July 21, 2024.\n\nThe non-detained docket held 425,431 convicted noncitizens."
    )
    assert "missing-time-window" not in _codes(_claim(dated, store, None, number="425,431"))
    bare = "The non-detained docket held 425,431 convicted noncitizens."
    assert "missing-time-window" in _codes(_claim(bare, store, None, number="425,431"))


def test_a_dateline_is_not_a_window(store) -> None:
    text = "Published Sept. 27, 2024\n\nAs of July 21, 2024, 425,431 convicted noncitizens were not in ICE detention."
    claim = _claim(text, store, None, number="425,431")
    assert "time-window-mismatch" not in _codes(claim)
    assert claim.time.start == dt.date(2024, 7, 21)


def test_an_undated_text_is_checked_as_of_the_latest_year_it_names() -> None:
    assert estimate_date("In fiscal 2023 ... and as of July 21, 2024, the docket grew.") == dt.date(2024, 12, 31)
    assert estimate_date("He paid $2,024 in 2019.", today=dt.date(2026, 1, 1)) == dt.date(2019, 12, 31)
    assert estimate_date("No years here.") is None
    assert estimate_date("Projections for 2040.", today=dt.date(2026, 1, 1)) is None


def test_a_figure_published_after_the_text_is_not_what_it_quotes(store) -> None:
    claim = _claim("ICE is holding 65,135 people in detention.", store, dt.date(2023, 3, 1))
    assert claim.match is None


def test_a_table_cell_is_read_with_its_column_header_and_the_line_above(store) -> None:
    text = (
        "ICE letter figures, as of July 21, 2024:\n\n"
        "| Group | Convicted | Pending |\n|---|---|---|\n"
        "| Non-detained docket | 425,431 | 222,141 |\n| Detained | 10,288 | 4,706 |\n"
    )
    claims = {c.number.text: c for c in check(text, published=LETTER, store=store).claims}
    assert set(claims) == {"425,431", "222,141", "10,288", "4,706"}  # every data row, none taken for a menu
    assert claims["222,141"].criminality == "pending"
    assert claims["425,431"].criminality == "convicted"
    assert claims["222,141"].time.start == dt.date(2024, 7, 21)
    assert claims["222,141"].time.inherited
    assert (claims["222,141"].match and claims["222,141"].match.evidence_id) == "ice-ndd-pending-2024-07-21"
    assert "pending-counted-as-convicted" not in _codes(claims["222,141"])


# --- batch 7: comparison bases, parts beside the whole, list leads ---------------------------------


def test_the_period_compared_against_is_not_the_window(store) -> None:
    claim = _claim("Removals reached 271,484, up from fiscal 2023.", store, dt.date(2024, 12, 31))
    assert claim.time.kind == "none"  # not fiscal 2023, which would call 271,484 fiscal 2023's figure
    base = _claim("Arrests rose to 142,000 in fiscal 2022, up from 74,000 in fiscal 2021.", store, None, "74,000")
    assert base.time.text == "in fiscal 2021"  # a compared figure keeps its own period


def test_a_part_beside_the_whole_is_no_misquote_of_the_whole(store) -> None:
    text = "ICE deported 142,580 people in fiscal 2023, including more than 44,000 from the interior."
    claims = {c.number.text: c for c in check(text, published=dt.date(2024, 1, 5), store=store).claims}
    assert claims["142,580"].match is not None
    assert claims["142,580"].verdict == "consistent"
    part = claims["44,000"]
    assert part.match is None
    assert part.verdict == "unverified"
    assert not part.flags
    assert part.candidates
    assert "the sentence gives it too" in part.candidates[0].why_not


def test_a_change_on_the_number_is_its_own_measure(store) -> None:
    text = "ICE removed 368,644 people in fiscal 2013, which is a 41,000 decrease from the previous year."
    claim = _claim(text, store, dt.date(2014, 1, 1), "41,000")
    assert claim.measure == "change"
    assert claim.verdict != "contradicted"


def test_list_items_share_the_criminal_record_their_lead_names(store) -> None:
    text = (
        "As of July 21, 2024, the docket included roughly 15,000 people convicted of or charged with murder "
        "and more than 20,000 of sexual assault."
    )
    claim = _claim(text, store, number="20,000")
    assert claim.criminality == "convicted_or_pending"  # not the sexual-assault convictions row alone
    assert claim.verdict != "contradicted"


def test_a_violent_label_on_a_criminal_share_is_a_severity_conflation(store) -> None:
    text = "DHS Secretary Kristi Noem says 70% of the people ICE arrested in 2025 committed violent crimes."
    claim = _claim(text, store, dt.date(2025, 12, 20))
    assert claim.match is not None
    assert claim.match.evidence_id == "dhs-ice-arrests-criminal-share-claim-2025"
    assert "severity-conflation" in _codes(claim)


def test_the_range_a_superlative_is_over_is_not_the_window(store) -> None:
    text = (
        "ICE deported 368,644 people in fiscal 2013. The agency said 59 percent of the deportations were of "
        "convicted criminals, the highest percentage in the last five years."
    )
    claim = _claim(text, store, None, number="59 percent")
    assert claim.time.text == "in fiscal 2013"  # the paragraph's window, not the range compared over
    assert claim.match is not None
    assert "time-window-mismatch" not in _codes(claim)


def test_a_year_named_before_a_when_clause_is_the_figure_s_period(store) -> None:
    text = "ICE may reach 271,000 deportations, passing the record set during the Obama administration in 2014, "
    text += "when 315,943 people were deported."
    claim = _claim(text, store, None, number="315,943")
    assert claim.time.kind == "period"
    assert "time-window-mismatch" not in _codes(claim)


def test_last_year_is_judged_only_against_a_given_date(store) -> None:
    text = "ICE removed 271,484 people last year, barely more than the year before."
    dated = _claim(text, store, dt.date(2026, 3, 1))
    assert "time-window-mismatch" in _codes(dated)  # a 2026 story: last year is 2025, not fiscal 2024
    undated = _claim(text + " Removals rose again in 2026.", store, None)
    assert "time-window-mismatch" not in _codes(undated)  # 'last year' counted from a guessed date says too little


def test_since_a_president_returned_to_office_dates_the_figures_after_it() -> None:
    text = "Two million have left since President Donald Trump returned to office."
    spans = Document(text, dt.date(2025, 9, 25)).dated_spans_before(len(text))
    assert spans == [(dt.date(2025, 1, 20), dt.date(2025, 9, 25))]  # a running total to the story's date


def test_a_span_without_a_year_dates_the_figures_of_its_sentence(store) -> None:
    text = "ICE reported a total of 66,463 arrests, with 65,682 people removed between January 20 and April 29."
    claim = _claim(text, store, None, "66,463")
    assert claim.match is not None
    assert "missing-time-window" not in _codes(claim)


def test_a_hedge_does_not_reach_a_subset_the_sentence_never_names(store) -> None:
    text = "Over the year, ICE arrested over 65,000 illegal aliens, the agency said."
    claim = _claim(text, store, dt.date(2025, 10, 20))
    linked = claim.match.evidence_id if claim.match else None
    assert linked != "ddp-ice-arrests-no-conviction-no-charge-2025"  # 74,283 people with no criminal record
    why = {c.evidence_id: c.why_not for c in claim.candidates}
    assert "does not say it counts no conviction people" in why["ddp-ice-arrests-no-conviction-no-charge-2025"]


def test_a_share_beside_people_detained_by_ice_is_no_base_mismatch(store) -> None:
    text = (
        "Cato found that 93% of people detained by ICE this fiscal year were never convicted of a violent offense, "
        "and 65% had no criminal conviction at all."
    )
    claim = _claim(text, store, dt.date(2025, 6, 25), "65%")
    assert claim.match is not None
    assert "base-mismatch" not in _codes(claim)  # "detained by ICE" may mean booked in: too loose to call a base


@pytest.mark.parametrize("wording", ["are loose in the country", "are free in the United States"])
def test_loose_and_free_present_the_docket_as_released(store, wording: str) -> None:
    text = f"As of July 21, 2024, 425,431 convicted criminals on ICE's non-detained docket {wording}."
    claim = _claim(text, store)
    assert claim.custody == "released"
    assert "custody-mismatch" in _codes(claim)


def test_no_record_at_all_is_no_misquote_of_no_conviction(store) -> None:
    text = (
        "Of people booked into ICE custody this fiscal year (since October 1, 2025):\n"
        "- Nearly three in four (73%) had no criminal conviction;\n"
        "- Nearly half had no criminal conviction nor even any pending criminal charges;\n"
    )
    claim = _claim(text, store, None, "half")
    assert claim.verdict != "contradicted"  # 73% had no conviction; fewer had no charges either: two statistics


def test_border_patrol_arrests_are_apprehensions(store) -> None:
    text = "The decline is measured from fiscal year 2014, when the Border Patrol made 486,652 arrests."
    claim = _claim(text, store, None, "486,652")
    assert claim.event == "encounter"  # lexicon data: a CBP "arrest" is an apprehension
    assert claim.match is not None
    assert claim.match.evidence_id == "cbp-usbp-nationwide-apprehensions-fy2014"


def test_a_misquote_needs_the_sentences_place_to_be_the_records(store) -> None:
    text = (
        "Southwest border apprehensions have topped 1.5 million only a few times since FY 1960, among them "
        "FY 2021 and FY 2023 (nearly 2.046 million)."
    )
    claim = _claim(text, store, dt.date(2024, 10, 24), "2.046 million")
    assert claim.verdict != "contradicted"  # the nationwide count, 2,063,692, is another place's figure
    assert claim.match is None or claim.match.evidence_id != "cbp-usbp-nationwide-encounters-fy2023"


def test_a_share_given_for_another_day_of_a_series_is_not_linked(store) -> None:
    text = "On November 30, 2025, ICE held 65,735 people; 73.6 percent had no criminal conviction."
    claim = _claim(text, store, None, "73.6 percent")
    assert claim.match is None  # November 16's share was also 73.6%: the day named is likelier another count
    assert claim.verdict == "unverified"


def test_a_rounding_of_a_figure_the_story_quotes_is_linked_to_it(store) -> None:
    text = (
        "News\n\nWorld\n\nImmigrant detention surges past 65,000 nationwide\n\n"
        "The number of immigrants in detention has surged past 65,000, a new high. "
        "The 65,135 in custody on Nov. 16 shatter the 60,000 mark. The new figure is up from 39,238 in January.\n\n"
        + "Lawyers say the detention centres are crowded and that visits are hard to arrange. "
        * 6
    )
    claims = [c for c in check(text, published=None, store=store).claims if c.number.text == "65,000"]
    assert len(claims) == 2
    assert all(c.match and c.match.evidence_id == "ice-detained-2025-11-16" for c in claims)
    assert all(c.match.confidence < 1.0 for c in claims)  # a restatement is less sure than the quote
    assert all("missing-time-window" not in _codes(c) for c in claims)  # the headline is dated by the story


def test_last_year_without_a_date_is_no_window_mismatch(store) -> None:
    text = "According to ICE, as of July last year, 435,000 convicted noncitizens were on its non-detained docket."
    claim = _claim(text, store, None, "435,000")
    assert "time-window-mismatch" not in _codes(claim)


def test_since_the_president_took_office_dates_a_count(store) -> None:
    claim = _claim("ICE has deported more than 128,000 people since the president took office.", store, None)
    assert "missing-time-window" not in _codes(claim)


def test_self_departures_are_events_not_a_population(store) -> None:
    text = (
        "Since January 20, more than 2 million people have left the country, DHS said.\n\n"
        "Data released by the department shows the total includes around 1.6 million voluntary self-departures "
        "and more than 400,000 removals within just 250 days."
    )
    claim = _claim(text, store, dt.date(2025, 9, 24), "1.6 million")
    assert claim.event == "other"
    assert not _codes(claim) & {"flow-as-stock", "missing-time-window"}


def test_a_rounded_figure_with_two_digits_swapped_is_a_misquote(store) -> None:
    text = "In the agency's 2018 fiscal year, ICE removed 265,000 people from the United States."
    claim = _claim(text, store, dt.date(2024, 11, 2), "265,000")
    assert claim.match is not None
    assert claim.match.evidence_id == "ice-removals-fy2018"  # 256,085: the 5 and the 6 swapped
    assert claim.match.digit_slip
    assert "value-mismatch" in _codes(claim)


def test_a_restatement_spoken_of_as_now_links_to_the_figure_quoted(store) -> None:
    text = (
        "As of July 21, 2024, ICE counted 13,099 people with homicide convictions on its non-detained docket.\n\n"
        "Now more than 13,000 convicted murderers are roaming free, the senator said."
    )
    claims = [c for c in check(text, published=LETTER, store=store).claims if c.number.text == "13,000"]
    assert claims
    assert claims[0].match is not None
    assert claims[0].match.evidence_id == "ice-ndd-homicide-convicted-2024-07-21"


def test_a_round_number_naming_another_offense_is_no_rounding_of_a_row(store) -> None:
    text = (
        "As of July 21, 2024, ICE counted 13,099 convicted of homicide and more than 11,000 convicted of other "
        "sexual offenses on its non-detained docket."
    )
    claim = _claim(text, store, LETTER, "11,000")
    assert claim.match is None or claim.match.evidence_id != "ice-ndd-homicide-convicted-2024-07-21"


def test_a_row_misnamed_by_its_exact_figure_is_severity_conflation(store) -> None:
    text = "As of July 21, 2024, 4,250 noncitizens with pending assault charges were on ICE's non-detained docket."
    claim = _claim(text, store, LETTER, "4,250")
    assert claim.match is not None
    assert claim.match.evidence_id == "ice-ndd-sexual-assault-pending-2024-07-21"
    assert "severity-conflation" in _codes(claim)


def test_a_smaller_running_total_on_another_day_is_no_misquote(store) -> None:
    text = "So far, agency officials estimate that 1.4 million migrants have self-deported."
    claim = _claim(text, store, dt.date(2025, 10, 29))
    assert claim.verdict != "contradicted"  # DHS's 1.6 million ran to September 23; totals grow


def test_a_round_number_cannot_quote_a_figure_out_years_after_the_text(store) -> None:
    text = "Under Obama, ICE deportations were above 385,000 each fiscal year from 2009 to 2011."
    claim = _claim(text, store, dt.date(2019, 6, 1))
    assert claim.match is None  # DHS's 2025 total of 400,000 came six years later


def test_an_order_of_magnitude_each_year_quotes_no_one_year(store) -> None:
    text = "During Obama's first term hundreds of thousands of immigrants were deported annually."
    claim = _claim(text, store, dt.date(2016, 9, 1))
    assert claim.match is None


def test_a_daily_arrest_target_needs_no_time_window(store) -> None:
    text = "White House officials set a target of 3,000 ICE arrests a day."
    claim = _claim(text, store, dt.date(2025, 8, 1))
    assert "missing-time-window" not in _codes(claim)


def test_a_fiscal_year_mostly_in_a_term_may_be_credited_to_it(store) -> None:
    text = "But under Trump, ICE deportations sank to 226,119 in the fiscal year of 2017."
    claim = _claim(text, store, dt.date(2019, 6, 1))
    assert claim.match is not None
    assert "attribution-across-administrations" not in _codes(claim)  # eight of FY2017's twelve months


def test_deportations_are_never_a_detention_count(store) -> None:
    text = "That same year, new guidance resulted in just 59,000 deportations, the lowest in the past six years."
    claim = _claim(text, store, None, "59,000")
    linked = claim.match.evidence_id if claim.match else ""
    assert not linked.startswith("ice-detained")  # a detention snapshot of 59,000 counts something else


def test_departures_since_a_date_are_counted_over_the_period(store) -> None:
    text = "DHS said two million undocumented immigrants have left the United States since Trump returned to office."
    claim = _claim(text, store, dt.date(2025, 9, 24))
    assert claim.match is not None
    assert "flow-as-stock" not in _codes(claim)


def test_criminal_illegal_immigrants_is_the_criminal_label(store) -> None:
    text = "ICE made 66,463 arrests in the first 100 days. Three-quarters of the arrests were of criminal illegal "
    text += "immigrants, ICE said."
    claim = _claim(text, store, dt.date(2025, 4, 29), "Three-quarters")
    assert claim.criminality == "convicted_or_pending"
    assert "criminal-label-includes-pending" in _codes(claim)
