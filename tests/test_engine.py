"""The end-to-end check: verdicts, coverage, seed claims, rule control and reviewed marks."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import check
from factcheck.engine import fails, verdict_for
from factcheck.errors import UnknownRuleError
from factcheck.models import Flag
from factcheck.settings import Settings

RELEASED = "ICE released 435,000 convicted criminals into the country."
PUBLISHED = dt.date(2024, 10, 1)


def _claim(report, number: str):
    found = [c for c in report.claims if c.number.text == number]
    assert len(found) == 1, [c.number.text for c in report.claims]
    return found[0]


def _codes(claim) -> set[str]:
    return {f.code for f in claim.flags}


def _flag(severity: str) -> Flag:
    return Flag(code="x", severity=severity, message="m", suggestion="s")


@pytest.mark.parametrize(
    ("severities", "matched", "verdict"),
    [
        ([], True, "consistent"),
        (["info"], True, "consistent"),
        (["info", "warning"], True, "misleading"),
        (["warning", "error"], True, "contradicted"),
        ([], False, "unverified"),
    ],
)
def test_verdict_rules(severities: list[str], matched: bool, verdict: str) -> None:
    assert verdict_for([_flag(s) for s in severities], matched) == verdict


def test_seed_stock_used_as_flow(store) -> None:
    claim = _claim(check(RELEASED, published=PUBLISHED, store=store), "435,000")
    assert claim.match
    assert claim.match.evidence_id == "ice-docket-convicted-2024-07-21"
    assert {"stock-as-flow", "custody-mismatch"} <= _codes(claim)
    assert claim.verdict == "misleading"
    assert claim.note
    assert claim.note.startswith("What this number actually counts")
    assert all(f.message and f.suggestion.startswith("Say:") for f in claim.flags)


def test_seed_pending_counted_as_convicted(store) -> None:
    report = check("As of July 2024, ICE had 662,000 convicted criminals on its docket.", store=store)
    claim = _claim(report, "662,000")
    assert "pending-counted-as-convicted" in _codes(claim)
    assert "criminal-label-includes-pending" not in _codes(claim)  # the stronger rule replaces it


def test_seed_criminal_label_includes_pending(store) -> None:
    text = "In Trump's first 100 days, 3 in 4 ICE arrests were criminal illegal aliens, the agency said."
    claim = _claim(check(text, published=dt.date(2025, 4, 30), store=store), "3 in 4")
    assert "criminal-label-includes-pending" in _codes(claim)


def test_seed_unsupported_rate_is_unverified(store) -> None:
    text = "Analysts say roughly 80-85 percent of immigration prosecutions from ICE arrests end in a conviction."
    claim = _claim(check(text, store=store), "80-85 percent")
    assert claim.verdict == "unverified"
    assert claim.match is None
    assert claim.flags == []


def test_misquote_is_contradicted(store) -> None:
    text = "As of July 21, 2024, more than 440,000 convicted noncitizens were on ICE's national docket."
    claim = _claim(check(text, store=store), "440,000")
    assert "hedge-mismatch" in _codes(claim)
    assert claim.verdict == "contradicted"


def test_summary_counts_every_verdict(store) -> None:
    text = RELEASED + " As of July 21, 2024, 435,719 convicted noncitizens were on ICE's national docket."
    report = check(text, published=PUBLISHED, store=store)
    assert report.summary.claims == 2
    assert report.summary.by_verdict == {"misleading": 1, "consistent": 1}
    assert report.summary.by_flag["stock-as-flow"] == 1
    assert report.summary.message.startswith("2 statistical claims found")


def test_no_claims_says_so(store) -> None:
    report = check("The committee met on Tuesday to discuss the budget.", store=store)
    assert report.claims == []
    assert report.summary.message == "no statistical claims found"


def test_offsets_index_the_input_exactly(store) -> None:
    text = "Intro\u00a0line.\n\n" + RELEASED
    claim = check(text, published=PUBLISHED, store=store).claims[0]
    assert text[claim.number.start : claim.number.end] == claim.number.text == "435,000"
    assert text[claim.start : claim.end] == claim.text


def test_select_and_ignore_by_slug_or_code_prefix(store) -> None:
    only_fc2 = check(RELEASED, published=PUBLISHED, store=store, settings=Settings(select=["FC2"]))
    assert "custody-mismatch" in _codes(only_fc2.claims[0])
    assert all(f.rule.startswith("FC2") for f in only_fc2.claims[0].flags)
    ignored = check(RELEASED, published=PUBLISHED, store=store, settings=Settings(ignore=["stock-as-flow"]))
    assert "stock-as-flow" not in _codes(ignored.claims[0])
    assert "custody-mismatch" in _codes(ignored.claims[0])


def test_severity_override_changes_the_verdict(store) -> None:
    quiet = {"stock-as-flow": "info", "FC204": "info", "missing-time-window": "info", "time-window-mismatch": "info"}
    report = check(RELEASED, published=PUBLISHED, store=store, settings=Settings(severity=quiet))
    claim = report.claims[0]
    assert claim.flags
    assert all(f.severity == "info" for f in claim.flags)
    assert claim.verdict == "consistent"


def test_unknown_rule_names_are_errors_with_a_suggestion(store) -> None:
    with pytest.raises(UnknownRuleError, match="stock-as-flow"):
        check(RELEASED, store=store, settings=Settings(ignore=["stock-as-flwo"]))
    with pytest.raises(UnknownRuleError):
        check(RELEASED, store=store, settings=Settings(severity={"no-such-rule": "info"}))


@pytest.mark.parametrize(
    "mark", ["<!-- factcheck: reviewed -->", "[factcheck: reviewed]", "<!-- factcheck: ignore stock-as-flow -->"]
)
def test_inline_marks(mark: str, store) -> None:
    report = check(f"{RELEASED} {mark}\n\nICE released 435,000 convicted criminals.", published=PUBLISHED, store=store)
    marked, unmarked = report.claims
    assert "stock-as-flow" not in _codes(marked)
    assert "stock-as-flow" in _codes(unmarked)
    assert marked.reviewed == ("reviewed" in mark)


def test_reviewed_fingerprint_in_settings(store) -> None:
    first = check(RELEASED, published=PUBLISHED, store=store).claims[0]
    again = check(RELEASED, published=PUBLISHED, store=store, settings=Settings(reviewed=[first.fingerprint]))
    assert again.claims[0].reviewed
    assert again.claims[0].flags == []


def test_fail_on_policy(store) -> None:
    report = check(RELEASED, published=PUBLISHED, store=store)
    assert fails(report, "misleading")
    assert fails(report, "unverified")
    assert not fails(report, "contradicted")
    assert not fails(report, "never")
    unverified = check("Some 80-85 percent of prosecutions end in a conviction.", store=store)
    assert fails(unverified, "unverified")
    assert not fails(unverified, "misleading")


def test_a_label_explained_later_in_the_paragraph_is_not_flagged(store) -> None:
    said = "ICE said 3 in 4 of its arrests in Trump's first 100 days were criminal illegal aliens."
    explained = said + " That figure counts people with pending charges alongside people with convictions."
    published = dt.date(2025, 5, 1)
    assert "criminal-label-includes-pending" in _codes(check(said, published=published, store=store).claims[0])
    assert "criminal-label-includes-pending" not in _codes(check(explained, published=published, store=store).claims[0])


def test_the_story_date_places_a_bare_misquote(store) -> None:
    text = "A candidate said nearly half a million convicted criminals are walking free on ICE's docket."
    recent = check(text, published=dt.date(2024, 10, 15), store=store).claims[0]
    assert recent.match is not None
    assert recent.verdict == "contradicted"
    # Undated, it still misquotes the one published count of convicted people on the docket ...
    undated = check(text, store=store).claims[0]
    assert (undated.verdict, undated.match and undated.match.evidence_id) == (
        "contradicted",
        "ice-docket-convicted-2024-07-21",
    )
    # ... but an undated round number cannot misquote one year of a yearly series: which year?
    series = check("A candidate said ICE deported nearly 300,000 people.", store=store).claims[0]
    assert series.verdict == "unverified"


def test_publishing_is_not_releasing(store) -> None:
    text = "ICE removed 271,484 people in fiscal 2024, according to figures the agency released in December."
    claim = check(text, store=store).claims[0]
    assert claim.custody is None
    assert claim.verdict == "consistent"


def test_since_taking_office_does_not_fit_a_count_that_starts_months_earlier(store) -> None:
    text = "Trump has deported 302,192 people since taking office."
    claim = check(text, published=dt.date(2025, 10, 20), store=store).claims[0]
    assert claim.match is not None
    assert claim.match.evidence_id == "ice-removals-fy2025-to-2025-09-06"
    assert [f.code for f in claim.flags] == ["time-window-mismatch"]


def test_a_figureless_administration_frame_is_judged_like_an_attribution(store) -> None:
    text = "Under Kamala Harris, the border numbers are staggering. 425,000 convicted criminals, released."
    claim = check(text, published=dt.date(2024, 10, 18), store=store).claims[0]
    assert claim.match is not None
    assert claim.match.evidence_id == "ice-ndd-convicted-2024-07-21"
    assert {"stock-as-flow", "attribution-across-administrations"} <= {f.code for f in claim.flags}


def test_the_fiscal_year_that_ended_is_that_fiscal_year(store) -> None:
    text = "ICE deported 271,484 people in the fiscal year that ended Sept. 30, 2024."
    claim = check(text, published=dt.date(2024, 12, 19), store=store).claims[0]
    assert (claim.verdict, claim.match and claim.match.evidence_id) == ("consistent", "ice-removals-fy2024")


def test_a_flow_from_another_term_credited_to_an_administration(store) -> None:
    text = "Under President Biden, ICE removals dropped to 185,884, and in fiscal 2021 they fell further, to 59,011."
    credited = check(text, published=dt.date(2025, 11, 1), store=store).claims[0]
    assert credited.match is not None
    assert credited.match.evidence_id == "ice-removals-fy2020"
    assert [f.code for f in credited.flags] == ["attribution-across-administrations"]


def test_a_bare_level_is_not_called_a_population(store) -> None:
    text = "ICE prepared 142,474 detainers in fiscal 2017. By fiscal 2016 that number had fallen to 85,720."
    claims = check(text, published=dt.date(2018, 3, 1), store=store).claims
    assert all("flow-as-stock" not in {f.code for f in c.flags} for c in claims)


def test_a_number_is_linked_only_where_the_record_subject_is_named(store) -> None:
    # A round figure with no word of the record's subject near it is some other statistic.
    police = check("The mayor said the city passed 100,000 arrests in 2024.", store=store).claims[0]
    assert (police.match, police.candidates, police.verdict) == (None, [], "unverified")
    border = check("ICE said 100,000 arrests were made in 2024.", store=store).claims[0]
    assert border.candidates or border.match
    # An exact figure written with four or more significant digits speaks for itself.
    exact = check("Trump said 13,099 murderers were released into the streets.", store=store).claims[0]
    assert exact.match is not None
    assert exact.match.evidence_id == "ice-ndd-homicide-convicted-2024-07-21"


def test_an_unverified_claim_names_its_closest_records(store) -> None:
    claim = check("ICE said 425,000 convicted criminals are on its docket.", store=store).claims[0]
    if claim.match is None:
        assert claim.candidates
    near = check("ICE reported 61,000 detainees held on Nov. 16, 2025.", published=dt.date(2025, 11, 20), store=store)
    assert near.claims[0].verdict in ("consistent", "contradicted", "unverified")
