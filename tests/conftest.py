from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


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
