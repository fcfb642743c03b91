"""The editor's page in a real browser: Debian's chromium driven by Playwright.

Skipped when no chromium is installed, unless FACTCHECK_REQUIRE_BROWSER=1 (set by .ci/run,
which installs it), so CI can never pass by silently skipping. Screenshots go to build/screenshots/.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SHARED
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "build" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if CHROMIUM is None and os.environ.get("FACTCHECK_REQUIRE_BROWSER") == "1":
    pytest.fail("FACTCHECK_REQUIRE_BROWSER=1 but no chromium is installed", pytrace=False)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(store) -> Iterator[str]:
    import uvicorn

    from factcheck.web import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store=store), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the web app did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + "/")
    yield page
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def _wait_checked(page) -> None:
    # Locator assertions, not wait_for_function: the page's CSP (rightly) forbids evaluating strings.
    expect(page.locator("#status")).to_have_text(re.compile("^Checked"), timeout=15_000)


def _check(page, text: str, published: str = "") -> None:
    page.fill("#draft", text)
    if published:
        page.fill("#published", published)
    page.click("#check")
    _wait_checked(page)


@pytest.mark.needs_shared("seeds/001_48f4943d57a6bcf8.txt")
def test_seed_text_claim_opens_a_panel_with_verdict_and_source(page) -> None:
    _check(page, (SHARED / "seeds/001_48f4943d57a6bcf8.txt").read_text(encoding="utf-8"), "2025-11-22")
    assert int(page.text_content("#counts [data-verdict='consistent'] b")) > 0
    page.locator("mark.claim", has_text="435,719").first.click()
    panel = page.locator("#panel")
    panel.wait_for(state="visible")
    assert page.text_content("#panel-verdict") == "Consistent"
    assert page.text_content("#panel-number") == "435,719"
    assert "published figure" in page.text_content("#panel-flags")
    page.wait_for_selector("#panel-evidence .evidence-figure")
    evidence = page.text_content("#panel-evidence")
    assert "U.S. Immigration and Customs Enforcement" in evidence
    assert "July 21, 2024" in evidence
    assert "What this number actually counts" in page.text_content("#panel-note")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "seed-001-panel.png"), full_page=True)


def test_flags_suggestion_and_keyboard(page) -> None:
    draft = "Every year, ICE releases 435,000 convicted criminals onto our streets.\n\nNothing else."
    _check(page, draft, "2024-10-04")
    page.keyboard.press("Escape")
    page.locator("#rendered").focus()
    page.keyboard.press("j")  # the first flagged number
    page.locator("#panel").wait_for(state="visible")
    assert page.text_content("#panel-verdict") == "Misleading"
    flags = page.text_content("#panel-flags")
    assert "stock-as-flow" in flags
    assert "custody-mismatch" in flags
    page.click("#panel-flags button:has-text('Apply to draft')")
    expect(page.locator("#draft")).to_have_value(re.compile("435,719"))
    _wait_checked(page)
    assert "releases 435,000" not in page.input_value("#draft")
    assert page.text_content("#counts [data-verdict='misleading'] b") == "0"


def test_an_unverified_number_shows_its_closest_records(page) -> None:
    _check(page, "ICE said it made 300,000 arrests in fiscal 2024.", "2025-01-10")
    page.locator("mark.claim", has_text="300,000").click()
    page.locator("#panel").wait_for(state="visible")
    assert page.text_content("#panel-verdict") == "Unverified"
    page.wait_for_selector("#panel-evidence .closest-list")
    closest = page.text_content("#panel-evidence")
    assert "Closest records" in closest
    assert "ice-ero-arrests-fy2024" in closest
    assert "113,431" in closest
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "closest-records.png"))


def test_pasted_markup_is_shown_as_text_and_runs_nothing(page) -> None:
    hostile = (
        "<script>window.__ran = 'script'</script><img src=x onerror=\"window.__ran = 'img'\">\n"
        "ICE released 435,000 convicted criminals. <b onmouseover=\"window.__ran = 'hover'\">bold</b>"
    )
    _check(page, hostile)
    page.hover("#rendered")
    assert page.evaluate("window.__ran") is None
    rendered = page.text_content("#rendered")
    assert "<script>window.__ran = 'script'</script>" in rendered
    assert page.locator("#rendered img, #rendered script, #rendered b").count() == 0
    page.locator("mark.claim").first.click()
    assert page.text_content("#panel-sentence").startswith("ICE released 435,000")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "markup-as-text.png"))


def test_empty_and_astral_text(page) -> None:
    _check(page, "\U0001f4ca\U0001f4ca ICE released 435,000 convicted criminals.")
    assert page.text_content("mark.claim") == "435,000"
    _check(page, "")
    assert page.text_content("#counts [data-verdict='misleading'] b") == "0"
