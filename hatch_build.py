"""Build hook: compile factcheck's hot modules with mypyc (C extensions built from the same .py files).

The per-token loops of the extractor and the matcher run about a fifth faster compiled. Every wheel
and every ``pip install -e .`` tries to compile them. When that cannot be done (no C compiler, no
Python headers), the install falls back to pure Python and records why, so ``make`` can say so in one
line; ``FACTCHECK_REQUIRE_COMPILED=1`` (CI) makes such a failure stop the install instead, and
``FACTCHECK_PURE_PYTHON=1`` does not try. The modules to compile are listed in ``pyproject.toml``;
the compiler's own output goes to ``build/native/compile.log``, never to the install's output.

A wheel carries the compiled files beside the sources. An editable install writes them into the
checkout. Either way ``factcheck/_native.json`` records the build (read by ``factcheck._native``):
for a compiled build a hash of each source, so that when a source changes afterwards every module
loads from source until the next install, and a stale compiled file never runs.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
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


class CompileFailed(Exception):
    """mypyc or the C compiler failed; the message is the line of the log that says why."""


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
        out = root / "build" / "native"
        sources = [root / path for path in self.config.get("compile", [])]
        built = build_native(root, sources, out)
        if version == "editable":
            for path, relative in built.items():
                shutil.copy2(path, root / relative)
            shutil.copy2(out / "_native.json", root / MANIFEST)
        else:
            build_data["force_include"].update({str(p): r for p, r in built.items()})
            build_data["force_include"][str(out / "_native.json")] = MANIFEST
        if built:
            build_data["pure_python"] = False
            build_data["infer_tag"] = True


def build_native(root: Path, sources: list[Path], out: Path) -> dict[Path, str]:
    """Compile ``sources`` into ``out`` or fall back to pure Python; ``out/_native.json`` records which.

    Returns the compiled files and their paths inside the package (none for pure Python).
    """
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    built: dict[Path, str] = {}
    record: dict[str, Any]
    if os.environ.get("FACTCHECK_PURE_PYTHON") == "1":
        record = {"build": "pure-python", "reason": "FACTCHECK_PURE_PYTHON=1 asked for it"}
    else:
        try:
            built = _compile(sources, out, root)
        except CompileFailed as failure:
            if os.environ.get("FACTCHECK_REQUIRE_COMPILED") == "1":
                sys.stderr.write(_tail(out / "compile.log"))
                raise RuntimeError(f"factcheck: compiling with mypyc failed: {failure}") from None
            reason = f"compiling with mypyc failed ({failure}; the log is {out / 'compile.log'})"
            record = {"build": "pure-python", "fell_back": True, "reason": reason}
        else:
            record = {"build": "compiled", "modules": {_module_name(p, root): source_digest(p) for p in sources}}
    (out / "_native.json").write_text(json.dumps(record, indent=1) + "\n")
    return built


def _compiled_files(folder: Path) -> list[Path]:
    return [*folder.rglob("*.so"), *folder.rglob("*.pyd")]


def _module_name(path: Path, root: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


def _compile(sources: list[Path], out: Path, root: Path) -> dict[Path, str]:
    """Compile into ``out/lib``; the compiled files and their paths inside the package."""
    lib, temp = out / "lib", out / "temp"
    lib.mkdir()
    temp.mkdir()
    with tempfile.TemporaryDirectory() as workdir:
        command = [sys.executable, "-c", _SETUP, str(lib), str(temp), *map(str, sources)]
        try:
            result = subprocess.run(command, cwd=workdir, capture_output=True, text=True)
        except OSError as err:
            raise CompileFailed(str(err)) from None
    (out / "compile.log").write_text(result.stdout + result.stderr)
    built = {path: path.relative_to(lib).as_posix() for path in _compiled_files(lib)}
    if result.returncode != 0 or not built:
        raise CompileFailed(_why(result.stdout + result.stderr, root=f"{root}/"))
    return built


# A failed compiler call is reported with its whole command line; its first word is what matters.
_FAILED_COMMAND = re.compile(r"Command '\['([^']+)'.*\]' returned non-zero exit status (\d+)")


def _why(log: str, root: str = "") -> str:
    """The line of a failed build that says why: a type or C error, else the build's error, else the last line."""
    lines = [line.strip().replace(root, "") for line in log.splitlines() if line.strip()]
    for wanted in (lambda line: ": error:" in line, lambda line: line.startswith("error:")):
        found = [line for line in lines if wanted(line)]
        if found:
            line = _FAILED_COMMAND.sub(r"the C compiler \1 exited with status \2", found[0])
            return line.removeprefix("error: ").rstrip(".")[:200]
    return lines[-1][:200] if lines else "no output"


def _tail(log: Path) -> str:
    return log.read_text()[-8000:] if log.is_file() else ""
