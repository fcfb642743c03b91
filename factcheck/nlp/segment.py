"""Paragraphs and sentences, found with cheap string rules.

The same splitter serves the spaCy sentence component and the pre-scan that decides which
sentences are worth tokenising at all, so both always agree on sentence boundaries.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import NamedTuple

# Words that end in a period without ending the sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "rep",
        "reps",
        "sen",
        "sens",
        "gov",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "st",
        "jr",
        "sr",
        "rev",
        "hon",
        "pres",
        "vs",
        "v",
        "etc",
        "no",
        "nos",
        "fig",
        "figs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "dept",
        "est",
        "approx",
        "p",
        "pp",
        "vol",
        "sec",
        "secs",
        "ch",
        "art",
        "ed",
        "eds",
        "u.s",
        "u.n",
        "d.c",
        "u.k",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "ph.d",
        "m.d",
        "al",
        "op",
        "cf",
        "ave",
        "blvd",
        "rd",
        "mt",
        "ft",
    ]
)

_PARAGRAPH_BREAK = re.compile(r"\n")
_BULLET = re.compile(r"^\s*(?:[•▪◦‣*·-]|[0-9]{1,2}[.)])\s")
# A sentence ends before a space and a capital, or, in scraped text that lost the space, between a word in
# lower case and a capitalised one ("on that docket.The data says").
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?:\[\d{1,3}\])*(?=\s+[\"'(\[]?[A-Z0-9$])|(?<=[a-z]{2})[.!?](?=[A-Z][a-z])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_SENTENCE_FINAL = re.compile(r"[.!?:;\"')\]]\s*$")


class Sentence(NamedTuple):  # a NamedTuple: immutable, and built far faster than a frozen dataclass
    """A sentence as character offsets into the text, with the index of its paragraph."""

    start: int
    end: int
    paragraph: int


def _hard_wrapped(text: str) -> bool:
    """Whether the text is wrapped at a fixed width (paragraphs then end only at blank lines)."""
    lines = text.split("\n")
    continued = [len(a) for a, b in itertools.pairwise(lines) if a.strip() and b.strip()]
    filled = [n for n in continued if 50 <= n <= 120]
    return len(continued) >= 3 and len(filled) >= 0.7 * len(continued)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Split at line breaks, joining wrapped lines.

    A line continues in the next one when the text is hard-wrapped (most lines run on at a
    similar width) or when it breaks mid-sentence and the next line starts in lower case.
    """
    wrapped = _hard_wrapped(text)
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        line = text[start : match.start()]
        following = text[match.end() : match.end() + 1]
        unfinished = line.strip() and not _SENTENCE_FINAL.search(line)
        if unfinished and (
            following.islower() or (wrapped and following.strip() and not _BULLET.match(text[match.end() :]))
        ):
            continue  # the sentence goes on in the next line
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _ends_with_abbreviation(text: str, period_at: int) -> bool:
    match = _WORD_BEFORE.search(text, max(0, period_at - 12), period_at + 1)
    if match is None:
        return False
    word = match.group(1).lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or word.count(".") >= 1


def _sentences_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        first_period = match.start()
        if text[first_period] == "." and _ends_with_abbreviation(text, first_period):
            continue
        spans.append((cursor, match.end()))
        cursor = match.end()
    spans.append((cursor, end))
    return spans


_MAX_SENTENCE = 5_000  # characters; longer runs without a full stop are cut at spaces


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a run with no sentence end (a table, a dump) into pieces a tokenizer handles quickly."""
    pieces = []
    while end - start > _MAX_SENTENCE:
        cut = text.rfind(" ", start + _MAX_SENTENCE // 2, start + _MAX_SENTENCE)
        cut = cut if cut > start else start + _MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_ids(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Number the paragraphs; a list and the line introducing it (ending in ':') share one number."""
    ids: list[int] = []
    current = -1
    introduced = False
    for start, end in spans:
        line = text[start:end]
        if not (introduced and _BULLET.match(line)):
            current += 1
        introduced = (introduced and bool(_BULLET.match(line))) or introduces_list(line)
        ids.append(current)
    return ids


# A "sentence" that is only a list marker or a bare figure ("1." "220,802." "36.5%.") is a
# heading for the sentence after it ("That is how many arrests ICE recorded ..."): keep them together.
_BARE = re.compile(
    r"\s*(?:(?:[0-9]{1,2}|[a-z])[.)]|[-*\u2022])?\s*(?:\$?[0-9][0-9,.]*\s*(?:%|percent|million|billion)?)?\s*[.:]?\s*",
    re.IGNORECASE,
)


def _with_headings_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    pending: int | None = None
    for start, end in spans:
        start = start if pending is None else pending
        bare = _BARE.fullmatch(text, start, end) is not None and any(c.isdigit() for c in text[start:end])
        pending = start if bare and end - start <= 24 else None
        if pending is None:
            joined.append((start, end))
    if pending is not None:
        joined.append((pending, spans[-1][1]))
    return joined


def split_sentences(text: str, only_at: list[int] | None = None) -> list[Sentence]:
    """Sentences in reading order; offsets exclude surrounding whitespace.

    only_at: sorted offsets; when given, only the paragraphs holding one of them are split, and
        the line introducing such a paragraph's list ("... were released:"); paragraph numbers
        stay those of the whole text.
    """
    sentences: list[Sentence] = []
    spans = paragraph_spans(text)
    numbered = list(zip(_paragraph_ids(text, spans), spans, strict=False))
    if only_at is not None:
        held = [holds_any(only_at, s, e) for s, e in spans] + [False]
        ids = [i for i, _ in numbered] + [-1]
        numbered = [
            (i, (s, e))
            for n, (i, (s, e)) in enumerate(numbered)
            if held[n] or (held[n + 1] and ids[n + 1] == i and introduces_list(text[s:e]))
        ]
    for paragraph, (p_start, p_end) in numbered:
        for s_start, s_end in _with_headings_joined(text, _sentences_in(text, p_start, p_end)):
            for piece_start, piece_end in _bounded(text, s_start, s_end):
                t_start, t_end = _trimmed(text, piece_start, piece_end)
                if t_start < t_end:
                    sentences.append(Sentence(t_start, t_end, paragraph))
    return sentences


def holds_any(offsets: list[int], start: int, end: int) -> bool:
    """Whether one of the sorted ``offsets`` lies in ``start:end``."""
    i = bisect.bisect_left(offsets, start)
    return i < len(offsets) and offsets[i] < end


def introduces_list(line: str) -> bool:
    """Whether a line or sentence introduces a list: it ends with a colon."""
    return line.rstrip().endswith(":")
