"""The compiled (mypyc) build: a stale compiled module never runs, and `make test` tests the compiled one."""

from __future__ import annotations

import hashlib
import importlib.machinery
import os
import sys
from pathlib import Path

import pytest

from factcheck import _native


def _package(tmp_path: Path, source: str) -> tuple[Path, dict[str, str]]:
    package = tmp_path / "pkg"
    (package / "nlp").mkdir(parents=True)
    (package / "nlp" / "numbers.py").write_text(source)
    return package, {"pkg.nlp.numbers": hashlib.sha1(source.encode()).hexdigest()}


def test_a_module_is_stale_once_its_source_changes(tmp_path: Path) -> None:
    package, manifest = _package(tmp_path, "VALUE = 1\n")
    assert _native.stale_modules(manifest, package) == []
    (package / "nlp" / "numbers.py").write_text("VALUE = 2\n")
    assert _native.stale_modules(manifest, package) == ["pkg.nlp.numbers"]


def test_a_module_without_its_source_is_not_called_stale(tmp_path: Path) -> None:
    package, manifest = _package(tmp_path, "VALUE = 1\n")
    (package / "nlp" / "numbers.py").unlink()
    assert _native.stale_modules(manifest, package) == []


def test_stale_modules_are_found_as_their_sources(tmp_path: Path) -> None:
    package, _ = _package(tmp_path, "VALUE = 1\n")
    finder = _native.SourceFirstFinder({"pkg.nlp.numbers": package / "nlp" / "numbers.py"})
    spec = finder.find_spec("pkg.nlp.numbers", None)
    assert spec is not None
    assert spec.origin == str(package / "nlp" / "numbers.py")
    assert finder.find_spec("pkg.nlp.other", None) is None


EXPECT_COMPILED = os.environ.get("FACTCHECK_EXPECT_COMPILED") == "1"  # `make test` sets it for a compiled build


@pytest.mark.skipif(not EXPECT_COMPILED, reason="not asked to expect the compiled build")
def test_the_compiled_modules_are_the_ones_running() -> None:
    assert _native.compiled(), _native.status()
    import factcheck.match
    import factcheck.nlp.component  # noqa: F401  (imports the other compiled nlp modules)

    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    for module in _native.compiled_names():
        assert sys.modules[module].__file__.endswith(suffixes), module
