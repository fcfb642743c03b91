"""Build hook: compile factcheck's hot modules with mypyc (C extensions built from the same .py files).

The per-token loops of the extractor and the matcher run about a fifth faster compiled. Every wheel
and every ``pip install -e .`` compiles them; ``FACTCHECK_PURE_PYTHON=1`` installs pure Python instead
(for a machine without a C compiler). The modules to compile are listed in ``pyproject.toml``.

A wheel carries the compiled files beside the sources. An editable install writes them into the
checkout, with ``factcheck/_native.json`` recording a hash of each source: when a source changes
afterwards, ``factcheck._native`` loads every module from source until the next install, so a stale
compiled file never runs.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# Runs in a fresh interpreter inside a temporary directory, so mypy's cache and the generated C stay
# out of the checkout; only build/native (ignored by git) is written. The group's shared library goes
# inside the package (factcheck/_native_lib__mypyc), not beside it in site-packages.
_SETUP = """
import sys
from setuptools import setup
from mypyc.build import mypycify

lib, temp, *sources = sys.argv[1:]
mypy_args = ["--ignore-missing-imports", "--follow-imports=silent", *sources]
setup(
    name="factcheck-native",
    packages=[],
    py_modules=[],
    ext_modules=mypycify(mypy_args, opt_level="3", group_name="factcheck._native_lib"),
    script_args=["build_ext", "--build-lib", lib, "--build-temp", temp],
)
"""

MANIFEST = "factcheck/_native.json"


def source_digest(path: Path) -> str:
    # The same hash factcheck._native.stale_modules compares (the hook cannot import the package).
    return hashlib.sha1(path.read_bytes()).hexdigest()


class NativeBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        if self.target_name != "wheel":
            return
        if version == "editable":  # an earlier editable build's files go first, compiled again below or not
            for stale in _compiled_files(root / "factcheck"):
                stale.unlink()
            (root / MANIFEST).unlink(missing_ok=True)
        if os.environ.get("FACTCHECK_PURE_PYTHON") == "1":
            return
        sources = [root / path for path in self.config.get("compile", [])]
        out = root / "build" / "native"
        shutil.rmtree(out, ignore_errors=True)
        lib = out / "lib"
        _compile(sources, lib, out / "temp")
        manifest = {_module_name(p, root): source_digest(p) for p in sources}
        built = {path: path.relative_to(lib).as_posix() for path in _compiled_files(lib)}
        if version == "editable":
            for path, relative in built.items():
                shutil.copy2(path, root / relative)
            (root / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")
        else:
            (out / "_native.json").write_text(json.dumps(manifest, indent=1) + "\n")
            build_data["force_include"].update({str(p): r for p, r in built.items()})
            build_data["force_include"][str(out / "_native.json")] = MANIFEST
        build_data["pure_python"] = False
        build_data["infer_tag"] = True


def _compiled_files(folder: Path) -> list[Path]:
    return [*folder.rglob("*.so"), *folder.rglob("*.pyd")]


def _module_name(path: Path, root: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


def _compile(sources: list[Path], lib: Path, temp: Path) -> None:
    lib.mkdir(parents=True)
    temp.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as workdir:
        command = [sys.executable, "-c", _SETUP, str(lib), str(temp), *map(str, sources)]
        result = subprocess.run(command, cwd=workdir, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise RuntimeError(
            "factcheck: compiling with mypyc failed (output above). "
            "Set FACTCHECK_PURE_PYTHON=1 to install pure Python instead."
        )
