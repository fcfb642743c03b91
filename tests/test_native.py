"""The compiled (mypyc) build: a stale compiled module never runs, the build that loads is the one installed, and
an install without a C compiler falls back to pure Python (CI refuses that)."""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import importlib.util
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

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


def _hot_modules(root: Path) -> list[str]:
    config = tomllib.loads((root / "pyproject.toml").read_text())
    paths = config["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["custom"]["compile"]
    return [path.removesuffix(".py").replace("/", ".") for path in paths]


def test_the_build_that_loads_is_the_one_the_install_made(root: Path) -> None:
    # CI (.ci/run) sets FACTCHECK_REQUIRE_COMPILED=1: there only the compiled build passes.
    if os.environ.get("FACTCHECK_REQUIRE_COMPILED") == "1":
        assert _native.RECORD.build == _native.COMPILED, _native.status()
    if _native.RECORD.build == _native.COMPILED and not _native.STALE:
        assert _native.compiled(), _native.status()
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    for module in _hot_modules(root):
        loaded = importlib.import_module(module).__file__
        assert loaded.endswith(suffixes) == _native.compiled(), (module, _native.status())


def _load_build_hook(root: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("hatch_build", root / "hatch_build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def no_compiler(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[Path, list[Path]]:
    """A module to compile, with a C compiler that always fails (as on a machine without one)."""
    monkeypatch.setenv("CC", "/bin/false")
    monkeypatch.delenv("FACTCHECK_PURE_PYTHON", raising=False)
    monkeypatch.delenv("FACTCHECK_REQUIRE_COMPILED", raising=False)
    source = tmp_path / "fast.py"
    source.write_text("def twice(x: int) -> int:\n    return 2 * x\n")
    return tmp_path, [source]


def test_without_a_c_compiler_the_install_falls_back_to_pure_python(root: Path, no_compiler) -> None:
    folder, sources = no_compiler
    built = _load_build_hook(root).build_native(folder, sources, folder / "native")
    assert built == {}
    record = _native.read_record(folder / "native" / "_native.json")
    assert record.build == _native.PURE_PYTHON
    assert record.fell_back
    assert "the C compiler /bin/false exited with status 1" in record.reason
    note = _native.fallback_note(record)
    assert note is not None
    assert "\n" not in note
    assert "pure-Python build" in note
    assert "slower" in note
    assert "make reinstall" in note
    assert "Treating generator" not in note


def test_ci_refuses_the_fallback(root: Path, no_compiler, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, sources = no_compiler
    monkeypatch.setenv("FACTCHECK_REQUIRE_COMPILED", "1")
    with pytest.raises(RuntimeError, match="compiling with mypyc failed: the C compiler /bin/false"):
        _load_build_hook(root).build_native(folder, sources, folder / "native")


def test_a_type_error_is_the_reason_given(root: Path) -> None:
    why = _load_build_hook(root)._why
    log = "/src/factcheck/match.py:3: warning: Treating generator\n/src/factcheck/match.py:9: error: Incompatible\n"
    assert why(log, root="/src/") == "factcheck/match.py:9: error: Incompatible"
    assert why("running build_ext\nsomething odd happened\n") == "something odd happened"


def test_a_compiled_build_needs_no_note() -> None:
    assert _native.fallback_note(_native.BuildRecord(build=_native.COMPILED, modules={"m": "0"})) is None
    assert _native.fallback_note(_native.BuildRecord(build=_native.PURE_PYTHON, reason="asked")) is None


def test_version_says_which_build_is_installed() -> None:
    import factcheck

    command = [sys.executable, "-m", "factcheck", "--version"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"factcheck {factcheck.__version__}, {_native.status()}"


def test_the_compiled_modules_type_check(root: Path) -> None:
    # mypyc compiles only code that type-checks; checked here so that a pure-Python fallback install
    # (which a failed compile quietly becomes) cannot hide a type error until CI requires the compiled build.
    modules = [str(root / m.replace(".", "/")) + ".py" for m in _hot_modules(root)]
    command = [sys.executable, "-m", "mypy", "--ignore-missing-imports", "--follow-imports=silent", *modules]
    result = subprocess.run(command, capture_output=True, text=True, cwd=root, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:]
