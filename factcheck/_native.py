"""Which build is running: the mypyc-compiled hot modules, or pure Python.

``hatch_build.py`` records what an install built in ``_native.json``: either the compiled modules,
each with a hash of the source it was compiled from, or the pure-Python build and why (asked for
with ``FACTCHECK_PURE_PYTHON=1``, or the C build failed and the install fell back). In a checkout,
a source edited since the build would leave its compiled file stale; the compiled modules call each
other directly, so then all of them load from source (until the next ``pip install -e .`` or
``make``). Nothing here imports anything heavy.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

PACKAGE_DIR = Path(__file__).resolve().parent
MANIFEST = PACKAGE_DIR / "_native.json"

COMPILED = "compiled"
PURE_PYTHON = "pure-python"


@dataclass(frozen=True, slots=True)
class BuildRecord:
    """What the install built: ``compiled`` with each module's source hash, or ``pure-python`` and why."""

    build: str = ""  # "" when no install recorded anything (running from a bare source tree)
    modules: dict[str, str] = field(default_factory=dict)
    reason: str = ""
    fell_back: bool = False  # the compiled build was wanted but could not be made


def read_record(manifest: Path = MANIFEST) -> BuildRecord:
    try:
        data = json.loads(manifest.read_text())
        return BuildRecord(
            build=str(data["build"]),
            modules={str(k): str(v) for k, v in data.get("modules", {}).items()},
            reason=str(data.get("reason", "")),
            fell_back=bool(data.get("fell_back", False)),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return BuildRecord()


def source_path(module: str, package_dir: Path = PACKAGE_DIR) -> Path:
    """``factcheck.nlp.numbers`` -> ``<package_dir>/nlp/numbers.py``."""
    return package_dir.joinpath(*module.split(".")[1:]).with_suffix(".py")


def stale_modules(manifest: dict[str, str], package_dir: Path = PACKAGE_DIR) -> list[str]:
    """Compiled modules whose source no longer has the hash it was compiled from."""
    stale = []
    for module, digest in manifest.items():
        source = source_path(module, package_dir)
        if source.is_file() and hashlib.sha1(source.read_bytes()).hexdigest() != digest:
            stale.append(module)
    return stale


class SourceFirstFinder(importlib.abc.MetaPathFinder):
    """Finds the listed modules as their .py files, ahead of the compiled files beside them."""

    def __init__(self, modules: dict[str, Path]) -> None:
        self.modules = modules

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        source = self.modules.get(fullname)
        return importlib.util.spec_from_file_location(fullname, source) if source else None


RECORD = read_record()
STALE = stale_modules(RECORD.modules)
if STALE:
    sys.meta_path.insert(0, SourceFirstFinder({m: source_path(m) for m in RECORD.modules}))


def compiled_names() -> list[str]:
    """The modules the installed build compiled (none for a pure-Python install)."""
    return list(RECORD.modules)


def compiled() -> bool:
    """Whether the compiled modules are the ones that load (a fresh compiled build)."""
    suffixes = importlib.machinery.EXTENSION_SUFFIXES
    return (
        RECORD.build == COMPILED
        and bool(RECORD.modules)
        and not STALE
        and all(any(source_path(m).with_suffix(s).is_file() for s in suffixes) for m in RECORD.modules)
    )


def status() -> str:
    """One line for benchmarks and ``python -m factcheck._native``: which build this process runs."""
    if STALE:
        return f"pure Python (compiled modules are stale: {', '.join(STALE)} changed since; reinstall to recompile)"
    if compiled():
        return f"compiled with mypyc ({len(RECORD.modules)} modules)"
    return f"pure Python ({RECORD.reason})" if RECORD.reason else "pure Python"


def fallback_note(record: BuildRecord = RECORD) -> str | None:
    """The one line an install prints when it wanted the compiled build and fell back to pure Python."""
    if not record.fell_back:
        return None
    return (
        f"factcheck: installed the pure-Python build, which checks about a quarter slower: {record.reason}. "
        "For the compiled build, install a C compiler and Python's headers "
        "(Debian/Ubuntu: apt install gcc python3-dev; macOS: xcode-select --install), then run `make reinstall`."
    )


def install_line() -> str:
    """What ``make`` prints after installing: the fallback note, or which build it is."""
    return fallback_note() or f"factcheck: {status()}"
