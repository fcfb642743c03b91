"""Find where numbers, dates and masks can start, so that large patterns run only there.

Python's ``re`` tries every alternative of a pattern at every character; for the number and
time patterns (dozens of alternatives) that dominated extraction time. Instead the text is
cut once into *landmarks* (words, digit runs and a few symbols). Each pattern family says, for
a landmark, which of its alternatives could start there (a start *key*), and only those are
tried, only there. Tests check that the result equals a plain ``finditer`` of the combined
pattern on arbitrary text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

# Words (letters), digit runs, and the symbols a number or a mask can start with.
LANDMARK = re.compile(r"[^\W\d_]+|[0-9]+|\$|\.(?=[0-9])|[\[§#(+]|-(?=[0-9])")

_LANDMARK_SPLIT = re.compile(f"({LANDMARK.pattern})")

Key = Callable[[str, int, str], "str | None"]


@dataclass(slots=True)
class Landmarks:
    """The landmarks of a text: parallel lists of start offsets and token strings.

    ``keys`` caches, per pattern family, the start key of every landmark, so the time and
    number scans of one sentence each compute their keys once.
    """

    positions: list[int]
    tokens: list[str]
    lowered: list[str]
    keys: dict[str, list[str | None]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> Landmarks:
        # split() alternates gaps and landmarks; summing lengths gives each landmark's offset, all in C.
        parts = _LANDMARK_SPLIT.split(text)
        tokens = parts[1::2]
        positions = list(itertools.accumulate(map(len, parts)))[:-1:2]
        return cls(positions, tokens, list(map(str.lower, tokens)))


def word_boundary_before(text: str, pos: int) -> bool:
    """Whether ``re``'s ``\\b`` holds before ``text[pos]`` for a word character at ``pos``."""
    if pos == 0:
        return True
    previous = text[pos - 1]
    return not (previous.isalnum() or previous == "_")


class DispatchedPattern:
    """A regex alternation tried only at landmarks, with only the alternatives that fit there.

    alternatives: (name, pattern) in priority order; each becomes the named group ``name``, so
        ``match.lastgroup`` tells which alternative matched.
    starts: name -> the start keys it can begin with (a lower-cased word, or a class key).
    key: maps (text, position, token) of a landmark to a start key, or None.
    words: every lower-cased word for which ``key`` can give a key; other words are skipped without
        calling it (digit runs and symbols are always passed to it). Most words of a text are
        skipped this way, which keeps the scan far cheaper than tokenising.
    """

    def __init__(
        self,
        alternatives: list[tuple[str, str]],
        starts: dict[str, tuple[str, ...]],
        key: Key,
        flags: int = 0,
        name: str = "",
        words: frozenset[str] = frozenset(),
    ) -> None:
        self.name = name or "|".join(n for n, _ in alternatives)
        self.words = words
        self.combined = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in alternatives), flags)
        self.key = key
        by_key: dict[str, list[tuple[str, str]]] = {}
        for name, pattern in alternatives:
            for start in starts[name]:
                by_key.setdefault(start, []).append((name, pattern))
        self.by_key = {
            start: re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in alts), flags)
            for start, alts in by_key.items()
        }

    def keys(self, text: str, marks: Landmarks) -> list[str | None]:
        """The start key of every landmark (cached on ``marks``)."""
        keys = marks.keys.get(self.name)
        if keys is None:
            key, words, positions, tokens = self.key, self.words, marks.positions, marks.tokens
            keys = [None] * len(tokens)
            for i in [i for i, word in enumerate(marks.lowered) if word in words or not word[0].isalpha()]:
                keys[i] = key(text, positions[i], tokens[i])
            marks.keys[self.name] = keys
        return keys

    def starts(self, text: str, marks: Landmarks | None = None) -> list[tuple[int, re.Pattern[str]]]:
        """Every landmark where an alternative can start, with the pattern to try there."""
        marks = Landmarks.of(text) if marks is None else marks
        by_key = self.by_key
        return [
            (pos, by_key[key])
            for pos, key in zip(marks.positions, self.keys(text, marks), strict=True)
            if key is not None and key in by_key
        ]

    def finditer(self, text: str, marks: Landmarks | None = None) -> Iterator[re.Match[str]]:
        """Non-overlapping matches in order, as ``self.combined.finditer(text)`` would give them."""
        pos = 0
        for start, pattern in self.starts(text, marks):
            if start < pos:
                continue
            match = pattern.match(text, start)
            if match is not None:
                yield match
                pos = max(match.end(), start + 1)
