"""Which build is running: the mypyc-compiled hot modules, or pure Python.

``hatch_build.py`` compiles the modules listed in ``pyproject.toml`` and records a hash of each
source in ``_native.json``. In a checkout, a source edited since then would leave its compiled
file stale; the compiled modules call each other directly, so then all of them load from source
(until the next ``pip install -e .`` or ``make``). Nothing here imports anything heavy.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

PACKAGE_DIR = Path(__file__).resolve().parent
MANIFEST = PACKAGE_DIR / "_native.json"


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


def _read_manifest() -> dict[str, str]:
    try:
        return dict(json.loads(MANIFEST.read_text()))
    except (OSError, ValueError):
        return {}


_manifest = _read_manifest()
_stale = stale_modules(_manifest)
if _stale:
    sys.meta_path.insert(0, SourceFirstFinder({m: source_path(m) for m in _manifest}))


def compiled_names() -> list[str]:
    """The modules the installed build compiled (none for a pure-Python install)."""
    return list(_manifest)


def compiled() -> bool:
    """Whether the compiled modules are the ones that load (a fresh compiled build)."""
    suffixes = importlib.machinery.EXTENSION_SUFFIXES
    return (
        bool(_manifest)
        and not _stale
        and all(any(source_path(m).with_suffix(s).is_file() for s in suffixes) for m in _manifest)
    )


def status() -> str:
    """One line for benchmarks: which build this process runs."""
    if _stale:
        return f"pure Python (compiled modules are stale: {', '.join(_stale)} changed since; reinstall to recompile)"
    return f"compiled with mypyc ({len(_manifest)} modules)" if compiled() else "pure Python"
