"""Read the evidence YAML files, validate every record, and report every problem with file:line:col.

Problems are collected, never raised one at a time: an editor fixing a folder wants the whole
list in one run. Each problem is located at the key (or list item) it is about; a missing
field is reported at the start of its record.
"""

from __future__ import annotations

import difflib
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from factcheck.errors import EvidenceError
from factcheck.evidence.model import EvidenceRecord

COMPONENT_TOLERANCE = 0.005  # components must add up to the total within 0.5%
_REFERENCE_FIELDS = ("components", "derived_from", "see_also", "supersedes", "superseded_by")
_FILE_KEYS = ("source", "records")


@dataclass(frozen=True, slots=True, order=True)
class Issue:
    """One problem in an evidence file."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


@dataclass(slots=True)
class Located:
    """A record with where it was written."""

    record: EvidenceRecord
    path: str
    line: int


@dataclass(slots=True)
class Evidence:
    """Everything read from an evidence folder."""

    records: list[Located] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


class _Mapping(dict[str, Any]):
    """A YAML mapping that remembers where it and each of its keys were written."""

    line: int = 0
    column: int = 0
    key_lines: dict[str, tuple[int, int]]


class _Sequence(list[Any]):
    """A YAML list that remembers where it and each of its items were written."""

    line: int = 0
    column: int = 0
    item_lines: list[tuple[int, int]]


_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when libyaml is present


class _LineLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """A safe loader whose mappings and lists carry line numbers (1-based)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> _Mapping:  # type: ignore[override]
        mapping = _Mapping(super().construct_mapping(node, deep=True))
        mapping.line, mapping.column = node.start_mark.line + 1, node.start_mark.column + 1
        mapping.key_lines = {
            str(key.value): (key.start_mark.line + 1, key.start_mark.column + 1) for key, _ in node.value
        }
        return mapping

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> _Sequence:  # type: ignore[override]
        sequence = _Sequence(super().construct_sequence(node, deep=True))
        sequence.line, sequence.column = node.start_mark.line + 1, node.start_mark.column + 1
        sequence.item_lines = [(item.start_mark.line + 1, item.start_mark.column + 1) for item in node.value]
        return sequence


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _LineLoader.construct_sequence)


def evidence_files(root: Path) -> list[Path]:
    """The YAML files of an evidence folder (or the one file given), in a stable order."""
    if root.is_file():
        return [root]
    # os.walk, not Path.rglob: this runs on every open_store() and rglob is several times slower.
    found = (Path(folder, name) for folder, _, names in os.walk(root) for name in names)
    return sorted(p for p in found if p.suffix in (".yaml", ".yml") and p.is_file())


def evidence_version(root: Path) -> str:
    """sha256 over every evidence file's relative path and bytes: the same files give the same version."""
    digest = hashlib.sha256()
    base = root if root.is_dir() else root.parent
    for path in evidence_files(root):
        digest.update(path.relative_to(base).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def _where(mapping: Any, key: str | None) -> tuple[int, int]:
    if isinstance(mapping, _Mapping):
        if key is not None and key in mapping.key_lines:
            return mapping.key_lines[key]
        return mapping.line, mapping.column
    return 1, 1


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def _parse_file(path: Path, name: str, evidence: Evidence) -> list[tuple[_Mapping, Any]]:
    """The raw record mappings of one file, each with the file-level source (or None)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        evidence.issues.append(Issue(name, 1, 1, f"not valid UTF-8 ({err.reason}); save the file as UTF-8"))
        return []
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = getattr(err, "problem", None) or str(err)
        evidence.issues.append(Issue(name, line, column, f"invalid YAML: {problem}"))
        return []
    if data is None:
        evidence.issues.append(Issue(name, 1, 1, "empty file: expected 'source:' and 'records:'"))
        return []
    if not isinstance(data, _Mapping):
        evidence.issues.append(Issue(name, 1, 1, "expected a mapping with 'source:' and 'records:' at the top"))
        return []
    for key in data:
        if key not in _FILE_KEYS:
            line, column = _where(data, str(key))
            evidence.issues.append(
                Issue(name, line, column, f"unknown top-level key {key!r}{_suggest(str(key), _FILE_KEYS)}")
            )
    records = data.get("records")
    if not isinstance(records, _Sequence) or not records:
        line, column = _where(data, "records")
        evidence.issues.append(Issue(name, line, column, "'records:' must be a non-empty list of records"))
        return []
    parsed = []
    for i, raw in enumerate(records):
        if not isinstance(raw, _Mapping):
            line, column = records.item_lines[i]
            evidence.issues.append(Issue(name, line, column, "each record must be a mapping of fields"))
            continue
        parsed.append((raw, data.get("source")))
    return parsed


def _suggest(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


_FIELD_HINTS = ("as_of", "period_start", "period_end", "low", "high", "value", "supersedes", "superseded_by")


def _record_issues(raw: _Mapping, err: ValidationError, name: str) -> list[Issue]:
    issues = []
    fields = EvidenceRecord.model_fields
    for error in err.errors(include_url=False):
        loc = [str(part) for part in error["loc"]]
        kind = error["type"]
        if kind == "extra_forbidden":
            line, column = _where(raw, loc[0])
            message = f"unknown field {loc[0]!r}{_suggest(loc[0], fields)}"
        elif kind == "missing":
            holder = raw.get(loc[0]) if len(loc) > 1 else raw
            line, column = _where(raw if len(loc) == 1 else holder, None)
            message = f"missing field {'.'.join(loc)!r}"
        elif not loc:  # a check across fields: report it at the first field it names
            message = str(error["msg"]).removeprefix("Value error, ")
            named = next((f for f in _FIELD_HINTS if f in message and f in raw), None)
            line, column = _where(raw, named)
        else:
            holder: Any = raw
            for part in loc[:-1]:
                holder = holder.get(part) if isinstance(holder, dict) else holder
            last = loc[-1]
            if isinstance(holder, _Sequence) and last.isdigit() and int(last) < len(holder.item_lines):
                line, column = holder.item_lines[int(last)]
            else:
                line, column = _where(
                    holder if isinstance(holder, _Mapping) else raw, last if not last.isdigit() else loc[0]
                )
            message = f"{'.'.join(loc)}: {_friendly(error)}"
        issues.append(Issue(name, line, column, message))
    return issues


def _friendly(error: Any) -> str:
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"].startswith(("date_", "datetime_")):
        message = "not an ISO date (write YYYY-MM-DD)"
    value = error.get("input")
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        message += f" (got {value!r})"
    return message


def load_evidence(root: Path) -> Evidence:
    """Read and validate every file under ``root``; problems are collected in ``issues``."""
    evidence = Evidence(files=evidence_files(root))
    if not root.exists():
        evidence.issues.append(Issue(str(root), 1, 1, "no such file or folder"))
        return evidence
    if not evidence.files:
        evidence.issues.append(Issue(str(root), 1, 1, "no evidence files (*.yaml) found"))
        return evidence
    raw_by_id: dict[str, tuple[_Mapping, str]] = {}
    for path in evidence.files:
        name = _display(path, root)
        for raw, file_source in _parse_file(path, name, evidence):
            record = dict(raw)
            if "source" not in record and file_source is not None:
                record["source"] = file_source
            try:
                validated = EvidenceRecord.model_validate(record)
            except ValidationError as err:
                evidence.issues.extend(_record_issues(raw, err, name))
                continue
            if validated.id in raw_by_id:
                _, first_name = raw_by_id[validated.id]
                first_line = raw_by_id[validated.id][0].line
                line, column = _where(raw, "id")
                evidence.issues.append(
                    Issue(name, line, column, f"duplicate id {validated.id!r} (first at {first_name}:{first_line})")
                )
                continue
            raw_by_id[validated.id] = (raw, name)
            evidence.records.append(Located(validated, name, raw.line))
    _check_references(evidence, raw_by_id)
    evidence.issues.sort()
    return evidence


def _check_references(evidence: Evidence, raw_by_id: dict[str, tuple[_Mapping, str]]) -> None:
    by_id = {located.record.id: located.record for located in evidence.records}
    for located in evidence.records:
        record = located.record
        raw, name = raw_by_id[record.id]
        for field_name in _REFERENCE_FIELDS:
            value = getattr(record, field_name)
            targets = value if isinstance(value, list) else [value] if value else []
            items = raw.get(field_name)
            for i, target in enumerate(targets):
                if target in by_id:
                    continue
                if isinstance(items, _Sequence) and i < len(items.item_lines):
                    line, column = items.item_lines[i]
                else:
                    line, column = _where(raw, field_name)
                evidence.issues.append(
                    Issue(name, line, column, f"{field_name}: no record with id {target!r}{_suggest(target, by_id)}")
                )
        if record.components and all(c in by_id for c in record.components):
            total = sum(by_id[c].value for c in record.components)
            if abs(total - record.value) > COMPONENT_TOLERANCE * abs(record.value):
                line, column = _where(raw, "components")
                evidence.issues.append(
                    Issue(
                        name,
                        line,
                        column,
                        f"components add up to {total:,.10g}, not {record.value:,.10g} (more than 0.5% apart)",
                    )
                )


def load_records(root: Path) -> list[Located]:
    """The validated records under ``root``; raises :class:`EvidenceError` listing every problem."""
    evidence = load_evidence(root)
    if evidence.issues:
        raise EvidenceError([str(issue) for issue in evidence.issues])
    return evidence.records
