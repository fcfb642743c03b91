"""Number expressions: values, ranges, ratios, hedges, and what is not a claim."""

from __future__ import annotations

import pytest

from factcheck.nlp.numbers import find_numbers, parse_written
from factcheck.nlp.textnorm import normalize
from factcheck.nlp.timewindows import find_time_expressions


def numbers(text: str):
    text = normalize(text)
    return find_numbers(text, find_time_expressions(text))


@pytest.mark.parametrize(
    ("text", "number", "value", "low", "high", "kind", "approx"),
    [
        ("ICE listed 435,719 people.", "435,719", 435719, None, None, "count", None),
        ("A share of 6.4% was eligible.", "6.4%", 6.4, None, None, "percent", None),
        ("There were 1.2 million cases.", "1.2 million", 1_200_000, None, None, "count", None),
        ("Roughly 435K people were listed.", "435K", 435_000, None, None, "count", "about"),
        ("The budget was $3.5 billion.", "$3.5 billion", 3.5e9, None, None, "dollars", None),
        ("About thirteen thousand were listed.", "thirteen thousand", 13_000, None, None, "count", "about"),
        ("Nearly half a million were listed.", "half a million", 500_000, None, None, "count", "nearly"),
        ("Some 80-85 percent end in conviction.", "80-85 percent", 82.5, 80, 85, "percent", "about"),
        ("The other 15–20 percent are dropped.", "15–20 percent", 17.5, 15, 20, "percent", None),
        ("It falls between 8 and 12 percent.", "between 8 and 12 percent", 10, 8, 12, "percent", None),
        ("Rates of 15 to 20 percent were seen.", "15 to 20 percent", 17.5, 15, 20, "percent", None),
        (
            "A quota of between 1,200 and 1,500 arrests a day.",
            "between 1,200 and 1,500",
            1350,
            1200,
            1500,
            "count",
            None,
        ),
        ("DHS: 3 in 4 arrests were criminal.", "3 in 4", 0.75, None, None, "ratio", None),
        ("About four out of five lead to conviction.", "four out of five", 0.8, None, None, "ratio", "about"),
        ("Just one in twenty has a violent conviction.", "one in twenty", 0.05, None, None, "ratio", None),
        ("Nearly two-thirds had no conviction.", "two-thirds", 0.6667, None, None, "fraction", "nearly"),
        ("Nearly half had neither.", "half", 0.5, None, None, "fraction", "nearly"),
        ("Cases are tossed at nearly double the rate.", "double", 2, None, None, "multiplier", "nearly"),
        ("Arrests more than doubled in fiscal 2022.", "doubled", 2, None, None, "multiplier", "over"),
        ("Spending has nearly tripled since 2015.", "tripled", 3, None, None, "multiplier", "nearly"),
        ("Arrests rose 3x over the period.", "3x", 3, None, None, "multiplier", None),
        ("The rate fell to less than half the initial rate.", "half", 0.5, None, None, "multiplier", "under"),
        ("More than 440,000 were listed.", "440,000", 440_000, None, None, "count", "over"),
        ("At least 250,000 were booked.", "250,000", 250_000, None, None, "count", "at_least"),
        ("Fewer than 60,000 removals took place.", "60,000", 60_000, None, None, "count", "under"),
        ("Up to 3,000 arrests a day are planned.", "3,000", 3000, None, None, "count", "up_to"),
        ("Just under 120,000 cases were filed.", "120,000", 120_000, None, None, "count", "under"),
        (
            "Hundreds of thousands were on the docket.",
            "Hundreds of thousands",
            600_000,
            200_000,
            999_999,
            "count",
            "about",
        ),
        ("Forty-eight percent of arrests took place in jails.", "Forty-eight percent", 48, None, None, "percent", None),
    ],
)
def test_number_values(text, number, value, low, high, kind, approx):
    found = numbers(text)
    assert [n.text for n in found] == [number]
    expr = found[0]
    assert expr.value == pytest.approx(value)
    assert (expr.low, expr.high) == (low, high)
    assert expr.kind == kind
    assert expr.approx == approx


@pytest.mark.parametrize(
    "text",
    [
        "The letter is dated July 21, 2024.",
        "In 2024 and FY2023 and fiscal year 2022 the agency reported.",
        "See the report [1] and the chart [14].",
        "1. What the numbers count",
        "Call 315-555-0142 or 1-866-347-2423 for tips.",
        "Read https://www.ice.gov/doc/2024-report-123 for more.",
        "The meeting began at 3:30 p.m. in Room 12.",
        "A 34-year-old father was detained.",
        "He was arrested for the 3rd time under Section 287(g) and 241(a)(6).",
        "COVID-19 and Form I-213 were cited on page 12.",
        "In Trump's first 100 days, during a 100-day period, over the last three years.",
        "It happened less than five months into the presidency.",
        "She said so at least one time.",
        "The ratio was 2018–2024 over the period.",
        "The office is at 500 12th St. SW, Washington, DC 20536.",
        "Tips: desk@example.org or 555-0142.",
        "The board voted 19-10 to draft a policy, after a 5-4 ruling.",
        "Top comment · u/liberty_prime_76 · 412 points",
        "Edit 2: fixed a typo.",
        "Length: 30-second broadcast, plus :15 cutdown.",
        "In Courtroom 3 of the courthouse, a judge called the cases.",
        "The case was real, said Ana Lucero, 34, whose brother was deported.",
        "💬 412   🔁 3.1K   ❤️ 9.8K   📊 204K",
        "(Photo: Jordan Pike / WCVT 12)",
        "ONE HUNDRED NINETEENTH CONGRESS, Serial No. 119-3",
        "[00:12:08] MAYA: So all week we heard the same line.",
        "The bill passed the House 219-213 last year; the council approved it 5-2.",
        "Paid for by the committee, P.O. Box 4471, Tulsa, OK 74101.",
        "Radio Comunidad 1470 AM and 88.5 FM carried the forum.",
        "Statistic 12\nThe agency's removals, in one table.",
    ],
)
def test_non_claims(text):
    assert numbers(text) == []


def test_a_rate_compound_is_a_claim_but_a_code_is_not():
    assert [n.text for n in numbers("ICE fell short of its 3,000-a-day goal with a 3-D map.")] == ["3,000"]


def test_from_to_is_two_numbers_not_a_range():
    found = numbers("The docket went from 368,574 to 425,431 over eight years.")
    assert [n.text for n in found] == ["368,574", "425,431"]


def test_written_precision():
    found = numbers("ICE reported 435,000 people, 435,719 people, 6.4% and 1.2 million.")
    assert [n.precision for n in found] == [1000, 1, pytest.approx(0.1), pytest.approx(100_000)]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("thirteen thousand", 13_000),
        ("half a million", 500_000),
        ("a million", 1_000_000),
        ("two hundred thousand", 200_000),
        ("forty-eight", 48),
        ("six thousand", 6_000),
    ],
)
def test_parse_written(words, value):
    assert parse_written(words) == value
