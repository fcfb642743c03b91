"""Time expressions: kinds and resolved dates."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.nlp.attributes import window_kind
from factcheck.nlp.timewindows import find_time_expressions

D = dt.date


@pytest.mark.parametrize(
    ("text", "measure", "kind", "start", "end"),
    [
        ("as of July 21, 2024", "stock", "as_of", D(2024, 7, 21), D(2024, 7, 21)),
        ("in FY2024", "flow", "period", D(2023, 10, 1), D(2024, 9, 30)),
        ("in fiscal year 2024", "flow", "period", D(2023, 10, 1), D(2024, 9, 30)),
        ("in fiscal 2022", "flow", "period", D(2021, 10, 1), D(2022, 9, 30)),
        ("in calendar year 2019", "flow", "period", D(2019, 1, 1), D(2019, 12, 31)),
        ("between October 1, 2024, and June 14, 2025", "flow", "period", D(2024, 10, 1), D(2025, 6, 14)),
        ("from October 1 to November 15, 2025", "flow", "period", D(2025, 10, 1), D(2025, 11, 15)),
        ("at the end of fiscal 2024", "stock", "as_of", D(2024, 9, 30), D(2024, 9, 30)),
        ("in July 2024", "stock", "as_of", D(2024, 7, 1), D(2024, 7, 31)),
        ("in July 2024", "flow", "period", D(2024, 7, 1), D(2024, 7, 31)),
        ("each year", "flow", "recurring", None, None),
        ("annually", "flow", "recurring", None, None),
        ("under Biden", "flow", "relative", D(2021, 1, 20), D(2025, 1, 19)),
        ("in the fiscal year that ended Sept. 30, 2024", "flow", "period", D(2023, 10, 1), D(2024, 9, 30)),
        ("for the year ending June 30, 2025", "flow", "period", D(2024, 7, 1), D(2025, 6, 30)),
    ],
)
def test_kinds_and_dates(text, measure, kind, start, end):
    exprs = find_time_expressions(text)
    assert len(exprs) == 1
    expr = exprs[0]
    assert window_kind(expr, measure) == kind
    assert (expr.date_from, expr.date_to) == (start, end)


def test_relative_windows_resolve_against_publication_date():
    published = D(2025, 12, 6)
    (since,) = find_time_expressions("since January 20", published)
    assert window_kind(since, "share") == "relative"
    assert (since.date_from, since.date_to) == (D(2025, 1, 20), published)
    (this_year,) = find_time_expressions("this year", published)
    assert (this_year.date_from, this_year.date_to) == (D(2025, 1, 1), published)
    (now,) = find_time_expressions("now", published)
    assert window_kind(now, "stock") == "as_of"
    assert now.date_from == published
    (first,) = find_time_expressions("in Trump's first 100 days", published)
    assert (first.date_from, first.date_to) == (D(2025, 1, 20), D(2025, 4, 29))


def test_may_the_verb_is_not_a_month():
    assert find_time_expressions("May the figures speak for themselves.") == []


def test_date_of_speech_is_not_a_window():
    (said,) = find_time_expressions("a senator said on June 24 that sixty-five percent")
    assert said.type == "speech"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("arrested this fall", D(2025, 9, 1), D(2025, 11, 30)),
        ("arrested last fall", D(2024, 9, 1), D(2024, 11, 30)),
        ("arrested last spring", D(2025, 3, 1), D(2025, 5, 31)),
        ("arrested this winter", D(2025, 12, 1), D(2026, 2, 28)),
    ],
)
def test_seasons_resolve_against_publication_date(text, start, end):
    (expr,) = find_time_expressions(text, D(2025, 11, 20))
    assert (expr.type, expr.date_from, expr.date_to) == ("relative", start, end)


def test_since_taking_office_takes_the_president_named_before_it():
    (expr,) = find_time_expressions("Trump has deported 302,192 people since taking office", D(2025, 10, 20))
    assert (expr.administration, expr.date_from, expr.date_to) == ("trump", D(2025, 1, 20), D(2025, 10, 20))


def test_days_before_a_president_took_office_end_the_day_before_the_inauguration():
    (expr,) = find_time_expressions("172,026 in the 111 days before President Trump took office", D(2025, 10, 20))
    assert (expr.date_from, expr.date_to) == (D(2024, 10, 1), D(2025, 1, 19))


def test_time_elapsed_since_an_event_ends_at_publication():
    exprs = find_time_expressions("Nearly a year after the Obama administration promised reviews", D(2012, 7, 25))
    assert [(e.text, e.type, e.date_to) for e in exprs] == [("Nearly a year after", "relative", D(2012, 7, 25))]


@pytest.mark.parametrize("text", ["400,000 a year", "per year", "annually"])
def test_a_year_is_recurring_unless_it_measures_elapsed_time(text):
    (expr,) = find_time_expressions(text)
    assert expr.type == "recurring"


def test_a_fiscal_year_named_by_the_month_it_ended():
    (expr,) = find_time_expressions("Biden's last full fiscal year, which ended in September 2024, produced")
    assert (expr.type, expr.date_from, expr.date_to) == ("fy", D(2023, 10, 1), D(2024, 9, 30))


@pytest.mark.parametrize(
    "text",
    [
        "two million have left since President Donald Trump returned to office",
        "two million have departed since President Donald Trump assumed office",
    ],
)
def test_a_president_named_with_a_first_name_still_dates_since_taking_office(text: str) -> None:
    (expr,) = find_time_expressions(text, D(2025, 12, 10))
    assert (expr.administration, expr.date_from, expr.date_to) == ("trump", D(2025, 1, 20), D(2025, 12, 10))


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("as of July last year, the docket held 435,000", D(2024, 7, 1), D(2024, 7, 31)),
        ("in March of this year, arrests rose", D(2025, 3, 1), D(2025, 3, 31)),
    ],
)
def test_a_month_of_last_or_this_year_is_one_month(text: str, first: D, last: D) -> None:
    (expr,) = find_time_expressions(text, D(2025, 10, 1))
    assert (expr.type, expr.date_from, expr.date_to) == ("month", first, last)


@pytest.mark.parametrize("who", ["the president took office", "the administration took office"])
def test_since_an_unnamed_president_took_office_is_the_term_in_office_at_publication(who: str) -> None:
    (expr,) = find_time_expressions(f"ICE has deported 128,000 people since {who}.", D(2025, 10, 1))
    assert (expr.administration, expr.date_from, expr.date_to) == ("trump", D(2025, 1, 20), D(2025, 10, 1))
    (undated,) = find_time_expressions(f"ICE has deported 128,000 people since {who}.")
    assert undated.type == "relative"  # still a window, though no date can be put on it


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("in the agency's 2018 fiscal year, ICE removed 256,085", D(2017, 10, 1), D(2018, 9, 30)),
        ("In the first six months of FY 2023, CBP recorded 1.5 million", D(2022, 10, 1), D(2023, 3, 31)),
        ("during the first three months of 2025, arrests rose", D(2025, 1, 1), D(2025, 3, 31)),
    ],
)
def test_a_fiscal_year_and_the_first_part_of_a_period(text: str, first: D, last: D) -> None:
    (expr,) = find_time_expressions(text, D(2025, 10, 1))
    assert (expr.date_from, expr.date_to) == (first, last)


@pytest.mark.parametrize(
    ("text", "first"),
    [("under Trump's second term, ICE arrested 66,463", D(2025, 1, 20)), ("in Trump's first term, 5", D(2017, 1, 20))],
)
def test_a_named_term_is_that_term_whatever_the_date(text: str, first: D) -> None:
    (expr,) = find_time_expressions(text)
    assert (expr.administration, expr.date_from) == ("trump", first)


def test_the_day_a_fiscal_year_ended_belongs_to_the_year() -> None:
    (expr,) = find_time_expressions("arrests fell in the 2020 fiscal year ended September 30", D(2020, 12, 28))
    assert (expr.type, expr.date_from, expr.date_to) == ("fy", D(2019, 10, 1), D(2020, 9, 30))


@pytest.mark.parametrize(
    "text",
    [
        "Kamala should cancel her news conference: 13,000 murderers entered during her three and a half year period "
        "as Border Czar.",
        "In total during her term, she [Kamala Harris] let in 13,099 convicted murderers.",
    ],
)
def test_her_term_is_the_term_of_the_person_named_beside_it(text: str) -> None:
    (expr,) = [e for e in find_time_expressions(text, D(2024, 10, 1)) if e.type == "admin"]
    assert (expr.administration, expr.date_from) == ("harris", D(2021, 1, 20))
