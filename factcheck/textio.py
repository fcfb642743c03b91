"""Read user input as text, turning every way it can fail into one clear line.

Front ends (CLI, batch) call :func:`read_text`; it raises :class:`InputError` naming the
file (and the line, for bad encoding) instead of letting a traceback reach the user.
"""

from __future__ import annotations

import sys
from pathlib import Path

from factcheck.errors import InputError

MAX_BYTES = 20 * 1024 * 1024  # far beyond any article; protects against mistaken inputs


def decode(data: bytes, name: str) -> str:
    """UTF-8 text from ``data`` (a BOM is dropped); a clear error for binary or mis-encoded input."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise InputError(
            f"{name}:{line}:{column}: not valid UTF-8 (byte 0x{data[err.start]:02x}); save the file as UTF-8"
        ) from None


def read_text(source: str | Path) -> tuple[str, str]:
    """(name, text) for a path, or for standard input when ``source`` is "-"."""
    if str(source) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        name = "<stdin>"
    else:
        path = Path(source)
        name = str(path)
        if not path.exists():
            raise InputError(f"{name}: no such file")
        if path.is_dir():
            raise InputError(f"{name}: is a directory; give a text file (or use 'factcheck batch' for folders)")
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as err:
            raise InputError(f"{name}: cannot be read ({err.strerror})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MB; split it or use 'factcheck batch'")
    return name, decode(data, name)
