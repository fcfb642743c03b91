"""Errors the library raises; front ends render them (the CLI as one line, the web as a message).

Library code never prints or exits. Each error knows its exit status, so the CLI can map
every failure to a clear one-line message without a traceback.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """Base class: a problem the user can fix, with a message that says how."""

    exit_code = 2


class InputError(FactcheckError):
    """An input file that cannot be read as text (missing, a directory, binary, bad encoding)."""


class ModelNotFoundError(FactcheckError):
    """A spaCy pipeline named with --model is not installed."""


class EvidenceError(FactcheckError):
    """The evidence files do not validate; ``issues`` lists every problem found."""

    def __init__(self, issues: list[str]) -> None:
        self.issues = issues
        count = len(issues)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the evidence files:\n" + "\n".join(issues))


class SettingsError(FactcheckError):
    """A bad [tool.factcheck] table or factcheck.toml, or a bad rule selection."""


class UnknownRuleError(SettingsError):
    """A rule code or slug that no rule has."""
