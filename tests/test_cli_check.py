"""``factcheck check`` and ``factcheck rules`` from the command line: formats, exit codes, settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

RELEASED = "ICE released 435,000 convicted criminals into the country.\n"
CONSISTENT = "As of July 21, 2024, 435,719 convicted noncitizens were on ICE's national docket.\n"
runner = CliRunner()


def invoke(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text("Intro line.\n" + RELEASED, encoding="utf-8")
    return path


def test_text_output_is_linter_style_and_exit_1_when_misleading(draft: Path) -> None:
    result = invoke("check", str(draft), "--published", "2024-10-01")
    assert result.exit_code == 1, result.output
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{draft}:2:14: misleading ")
    assert " stock-as-flow " in result.stdout
    assert "    Say: " in result.stdout
    assert result.stdout.rstrip().endswith("1 statistical claim found: 1 misleading")


def test_consistent_text_exits_0() -> None:
    result = invoke("check", "-", stdin=CONSISTENT)
    assert result.exit_code == 0, result.output
    assert "<stdin>:1:22: consistent \u201c435,719\u201d matches ice-docket-convicted-2024-07-21" in result.stdout


def test_json_follows_the_report_contract(draft: Path) -> None:
    result = invoke("check", str(draft), "--format", "json", "--published", "2024-10-01")
    report = json.loads(result.stdout)
    assert report["schema_version"] == "1"
    assert len(report["evidence_version"]) == 64
    (claim,) = report["claims"]
    for key in (
        "id",
        "text",
        "start",
        "end",
        "number",
        "value",
        "low",
        "high",
        "approx",
        "unit",
        "event",
        "criminality",
        "custody",
        "time",
        "measure",
        "match",
        "flags",
        "verdict",
        "note",
    ):
        assert key in claim
    assert claim["number"]["text"] == "435,000"
    assert claim["value"] == 435000
    assert set(claim["match"]) >= {"evidence_id", "score", "why"}
    assert {"code", "severity", "message", "suggestion"} <= set(claim["flags"][0])
    assert report["summary"]["by_verdict"] == {"misleading": 1}


def test_markdown_memo(draft: Path) -> None:
    result = invoke("check", str(draft), "--format", "markdown")
    assert result.stdout.startswith(f"# Fact-check memo: {draft}")
    assert "## Needs attention" in result.stdout
    assert "**Suggested fix.**" in result.stdout


def test_claimreview_has_a_rating_per_claim(draft: Path) -> None:
    result = invoke("check", str(draft), "--format", "claimreview", "--review-url", "https://example.org/fc")
    (review,) = json.loads(result.stdout)
    assert review["@type"] == "ClaimReview"
    assert review["@context"] == "https://schema.org"
    assert review["reviewRating"]["alternateName"] == "Misleading"
    assert review["reviewRating"]["ratingValue"] == 2
    assert review["url"] == "https://example.org/fc#c1"
    assert "435,000" in review["claimReviewed"]


def test_fail_on_and_ignore_change_the_exit_status(draft: Path) -> None:
    assert invoke("check", str(draft), "--fail-on", "contradicted").exit_code == 0
    assert invoke("check", str(draft), "--fail-on", "never").exit_code == 0
    ignored = invoke("check", str(draft), "--ignore", "FC1,FC2,FC3", "--published", "2024-10-01")
    assert ignored.exit_code == 0
    assert "consistent" in ignored.stdout


def test_severity_option(draft: Path) -> None:
    result = invoke(
        "check",
        str(draft),
        "--severity",
        "FC1=info",
        "--severity",
        "FC2=info",
        "--severity",
        "FC3=info",
        "--format",
        "json",
    )
    flags = json.loads(result.stdout)["claims"][0]["flags"]
    assert flags
    assert {f["severity"] for f in flags} == {"info"}


def test_settings_file_beside_the_text_is_used(draft: Path) -> None:
    (draft.parent / "factcheck.toml").write_text('fail-on = "contradicted"\n')
    assert invoke("check", str(draft)).exit_code == 0
    assert invoke("check", str(draft), "--fail-on", "misleading").exit_code == 1


def test_output_file(draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = invoke("check", str(draft), "--format", "json", "--output", str(out))
    assert result.stdout == ""
    assert json.loads(out.read_text())["summary"]["claims"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "/no/such/file.txt"], "no such file"),
        (["check", "--ignore", "stock-as-flwo", "-"], "did you mean 'stock-as-flow'"),
        (["check", "--published", "yesterday", "-"], "not a date"),
        (["check", "--severity", "FC1=loud", "-"], "RULE=error|warning|info"),
        (["check", "--format", "pdf", "-"], "pdf"),
        (["rules", "explain", "no-such-rule"], "no rule"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    result = invoke(*args, stdin=RELEASED)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_bad_settings_file_is_a_usage_error(draft: Path) -> None:
    (draft.parent / "factcheck.toml").write_text("ignore = [\n")
    result = invoke("check", str(draft))
    assert result.exit_code == 2
    assert "factcheck.toml" in result.stderr


def test_rules_catalog_and_explain() -> None:
    listing = invoke("rules", "--format", "json")
    rules = json.loads(listing.stdout)
    assert [r["code"] for r in rules] == sorted(r["code"] for r in rules)
    assert {"stock-as-flow", "value-mismatch"} <= {r["slug"] for r in rules}
    explained = invoke("rules", "explain", "FC101")
    assert explained.exit_code == 0
    assert "stock-as-flow" in explained.stdout
    assert "Use instead" in explained.stdout
