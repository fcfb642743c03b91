"""User settings: rule selection, severity overrides, exit policy and reviewed claims.

Read from a ``factcheck.toml`` beside the text (or in a parent folder) or from the
``[tool.factcheck]`` table of the nearest ``pyproject.toml``; command-line options override.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.errors import SettingsError
from factcheck.vocab import Severity

FailOn = Literal["contradicted", "misleading", "unverified", "never"]


class Settings(BaseModel):
    """How to run the rules. Unknown keys are an error, so a typo never goes unnoticed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    select: list[str] = Field(default_factory=list, description="Rules to run (slugs or code prefixes); all if empty.")
    ignore: list[str] = Field(default_factory=list, description="Rules not to run (slugs or code prefixes).")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Per-rule severity overrides.")
    fail_on: FailOn = Field(default="misleading", alias="fail-on", description="Lowest verdict that fails a run.")
    reviewed: list[str] = Field(default_factory=list, description="Fingerprints of claims marked as reviewed.")
    min_confidence: float = Field(
        default=0.5,
        ge=0.0,
        le=1.0,
        alias="min-confidence",
        description="Links less sure than this are not made: the claim is unverified, with its closest records.",
    )

    def merged(self, **overrides: Any) -> Settings:
        """These settings with command-line values applied on top (None means "not given")."""
        values = self.model_dump()
        for key, value in overrides.items():
            if value is None or value == [] or value == {}:
                continue
            if key in ("select", "ignore", "reviewed"):
                values[key] = [*values[key], *value] if key != "select" else list(value)
            elif key == "severity":
                values[key] = {**values[key], **value}
            else:
                values[key] = value
        return Settings.model_validate(values)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as err:
        raise SettingsError(f"{path}: invalid TOML ({err})") from None
    except OSError as err:
        raise SettingsError(f"{path}: cannot be read ({err.strerror})") from None


def find_settings_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest factcheck.toml, or pyproject.toml with a [tool.factcheck] table, from ``start`` upward."""
    folder = start if start.is_dir() else start.parent
    for directory in [folder.resolve(), *folder.resolve().parents]:
        own = directory / "factcheck.toml"
        if own.is_file():
            return own, _read_toml(own)
        project = directory / "pyproject.toml"
        if project.is_file():
            table = _read_toml(project).get("tool", {}).get("factcheck")
            if table is not None:
                return project, table
    return None


def load_settings(start: Path | None = None) -> Settings:
    """Settings for a text at ``start`` (defaults when no settings file is found)."""
    found = find_settings_file(start or Path.cwd())
    return Settings() if found is None else _validated(*found)


def read_settings_file(path: Path) -> Settings:
    """Settings from a named factcheck.toml, or from the [tool.factcheck] table of a pyproject.toml."""
    table = _read_toml(path)
    if path.name == "pyproject.toml":
        table = table.get("tool", {}).get("factcheck", {})
    return _validated(path, table)


def _validated(path: Path, table: dict[str, Any]) -> Settings:
    try:
        return Settings.model_validate(table)
    except ValidationError as err:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in err.errors())
        raise SettingsError(f"{path}: bad factcheck settings: {problems}") from None
