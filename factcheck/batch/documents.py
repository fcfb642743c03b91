"""Read archives as a stream of raw documents: folders, JSONL, CSV and WARC/WARC.GZ.

Readers never decode or parse text (workers do that, in parallel); they only read bytes,
name each document with a stable key and pass on the metadata the archive gives.
A source that cannot be read at all raises :class:`~factcheck.errors.InputError`.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import InputError

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TABLE_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv"})
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
MAX_DOCUMENT_BYTES = 5_000_000  # far beyond any article; larger ones are skipped with a reason


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as the archive holds it. ``data`` is bytes (files, WARC) or text (JSONL, CSV)."""

    key: str  # stable within the archive: relative path, "file.jsonl#id", WARC record id
    source: str  # the input it came from
    data: bytes | str
    kind: str = "text"  # "text" or "html"
    url: str | None = None
    title: str | None = None
    published: str | None = None  # as the archive gives it; parsed by the worker
    problem: str | None = None  # why an archive entry could not be read as a document (kind "invalid")

    @property
    def content_hash(self) -> str:
        raw = self.data if isinstance(self.data, bytes) else self.data.encode("utf-8", "surrogatepass")
        return hashlib.sha256(raw).hexdigest()


def check_inputs(inputs: list[Path]) -> None:
    """Fail early, with the file named, when an input does not exist or is not a format batch reads."""
    for path in inputs:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_file() and _kind_of(path) is None:
            raise _unsupported(path)


def _unsupported(path: Path) -> InputError:
    return InputError(f"{path}: not a format batch reads (.txt .md .html .jsonl .csv .warc .warc.gz, or a folder)")


def iter_documents(inputs: list[Path]) -> Iterator[RawDocument]:
    """Every document of every input, in order, streaming (an archive is never loaded whole)."""
    for path in inputs:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            yield from _folder(path)
        else:
            yield from _file(path, path.name)


def count_documents(inputs: list[Path]) -> int | None:
    """How many documents the inputs hold, when that is cheap to know (for the progress ETA)."""
    total = 0
    for path in inputs:
        if path.is_dir():
            total += sum(1 for p in path.rglob("*") if p.is_file() and _kind_of(p) is not None)
        elif path.suffix.lower() in (".jsonl", ".ndjson"):
            with _open_binary(path) as handle:
                total += sum(1 for line in handle if line.strip())
        elif path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
            total += 1
        else:
            return None  # CSV rows may span lines and WARC records need parsing: no cheap count
    return total


def _kind_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TABLE_SUFFIXES:
        return suffix.lstrip(".")
    return None


def _folder(folder: Path) -> Iterator[RawDocument]:
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if _kind_of(path) is not None and not path.name.startswith("."):
            yield from _file(path, str(path.relative_to(folder)))


def _file(path: Path, key: str) -> Iterator[RawDocument]:
    kind = _kind_of(path)
    if kind in ("text", "html"):
        try:
            yield RawDocument(key, str(path), _read_capped(path), kind)
        except OSError as err:  # one unreadable file in a folder is skipped, not the whole batch
            yield RawDocument(key, str(path), b"", "invalid", problem=f"cannot be read ({err.strerror})")
    elif kind in ("jsonl", "ndjson"):
        yield from _jsonl(path)
    elif kind == "csv":
        yield from _csv(path)
    elif kind == "warc":
        yield from _warc(path)
    else:
        raise _unsupported(path)


def _read_capped(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(MAX_DOCUMENT_BYTES + 1)  # the worker reports an oversized one as skipped


def _open_binary(path: Path):
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")


def _record_fields(record: dict[str, object], where: str) -> tuple[str, str | None, str | None, str | None]:
    """(id, url, title, published) of a JSONL object or CSV row; id is required."""
    doc_id = record.get("id")
    if doc_id is None or str(doc_id).strip() == "":
        raise ValueError(f"{where}: no 'id'")

    def text(name: str) -> str | None:
        value = record.get(name)
        return None if value is None or str(value).strip() == "" else str(value)

    return str(doc_id), text("url"), text("title"), text("published")


def _jsonl(path: Path) -> Iterator[RawDocument]:
    with _open_binary(path) as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError(f"{where}: not a JSON object")
                doc_id, url, title, published = _record_fields(record, where)
                text = record.get("text")
                if not isinstance(text, str):
                    raise ValueError(f"{where}: 'text' is missing or not a string")
            except (ValueError, UnicodeDecodeError) as err:
                yield RawDocument(f"{path.name}:{number}", str(path), b"", "invalid", problem=str(err))
                continue
            yield RawDocument(f"{path.name}#{doc_id}", str(path), text, "text", url, title, published)


def _csv(path: Path) -> Iterator[RawDocument]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article texts exceed the 128 KB default
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    with handle:
        try:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or "id" not in reader.fieldnames or "text" not in reader.fieldnames:
                raise InputError(f"{path}:1: a CSV needs 'id' and 'text' columns (got {reader.fieldnames})")
            for row in reader:
                where = f"{path.name}:{reader.line_num}"
                try:
                    doc_id, url, title, published = _record_fields(row, where)
                except ValueError as err:
                    yield RawDocument(where, str(path), b"", "invalid", problem=str(err))
                    continue
                text = row.get("text") or ""
                yield RawDocument(f"{path.name}#{doc_id}", str(path), text, "text", url, title, published)
        except UnicodeDecodeError as err:
            raise InputError(f"{path}: not valid UTF-8 (byte {err.start}); save the CSV as UTF-8") from None
        except csv.Error as err:
            raise InputError(f"{path}:{reader.line_num}: malformed CSV ({err})") from None


def _warc(path: Path) -> Iterator[RawDocument]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as handle:
            for number, record in enumerate(ArchiveIterator(handle)):
                if number == 0 and record.format != "warc" and not path.name.lower().endswith(".arc.gz"):
                    raise InputError(f"{path}: not a WARC archive (its first record is not a WARC record)")
                if record.rec_type not in ("response", "resource"):
                    continue
                headers = record.http_headers
                if headers is not None and headers.get_statuscode() not in (None, "200"):
                    continue
                content_type = (headers.get_header("Content-Type") if headers else None) or ""
                content_type = content_type or record.rec_headers.get_header("Content-Type") or ""
                if "html" not in content_type and "text/plain" not in content_type:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                record_id = record.rec_headers.get_header("WARC-Record-ID") or url
                date = record.rec_headers.get_header("WARC-Date")
                data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
                kind = "html" if "html" in content_type else "text"
                key = f"{path.name}#{record_id}"
                yield RawDocument(key, str(path), data, kind, url, published=_warc_fallback_date(date))
    except ArchiveLoadFailed as err:
        raise InputError(f"{path}: not a readable WARC archive ({err})") from None


def _warc_fallback_date(warc_date: str | None) -> str | None:
    """The capture date, marked so the worker prefers a date found in the page itself."""
    return f"capture:{warc_date}" if warc_date else None


_ISO_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def parse_published(value: str | None) -> dt.date | None:
    """A date from "2024-10-02", "2024-10-02T10:00:00Z" and the like; None when there is none."""
    if not value:
        return None
    match = _ISO_DAY.match(value.strip())
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None
