from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# What the tests read from ../shared, and why it is not in the repository.
SHARED_PARTS = {
    "seeds": "the seed texts are third-party articles, so the repository keeps only their gold",
    "design": "the rule catalog is the project brief's design document, kept beside the repository",
    "sources": "the sources digest is the project brief's list of figures, kept beside the repository",
}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "needs_shared(path): the test reads ../shared/<path>")


def _missing_shared(item: pytest.Item) -> str | None:
    for marker in item.iter_markers("needs_shared"):
        for relative in marker.args:
            if not (SHARED / relative).exists():
                why = SHARED_PARTS[relative.split("/", 1)[0]]
                return f"needs ../shared/{relative}, which is not beside the repository ({why})"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test marked needs_shared is skipped in a clone on its own (but see pytest_runtest_setup)."""
    if os.environ.get("FACTCHECK_REQUIRE_SHARED") == "1":
        return
    for item in items:
        reason = _missing_shared(item)
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))


def pytest_runtest_setup(item: pytest.Item) -> None:
    """CI always has ../shared beside its clone: there FACTCHECK_REQUIRE_SHARED=1 (set by .ci/run)
    turns the skip into a failure, so nothing goes untested."""
    reason = _missing_shared(item)
    if reason and os.environ.get("FACTCHECK_REQUIRE_SHARED") == "1":
        pytest.fail(f"FACTCHECK_REQUIRE_SHARED=1 but the test {reason}", pytrace=False)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def nlp():
    from factcheck.nlp.pipeline import load_pipeline

    return load_pipeline()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite golden files from current output.")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def store(tmp_path_factory: pytest.TempPathFactory):
    """The shipped evidence base, built into a temporary database."""
    from factcheck.evidence.store import open_store

    return open_store(ROOT / "evidence", tmp_path_factory.mktemp("db") / "evidence.db")
