"""What a claim's document says around it: its paragraph, the opening (headline and lead), and which of
the evidence's subjects come up near it.

The extractor reads sentences; some judgements need the document: a number in a story on policing is no
ICE figure however well its value fits, and a headline or an earlier paragraph can date a figure.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from functools import cached_property

from factcheck.nlp.lexicon import phrase_finder, subject_finders

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# "July 21, 2024," but not "2,024" (the character before a year is checked in Python: a lookbehind at the start of the
# pattern would make re try it at every position instead of skipping to a 1 or a 2).
_YEAR = re.compile(r"(?:19[89]|20\d)\d(?!\d|,\d)")
_NOT_BEFORE = "0123456789.,$"


def estimate_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """For a text given no date: the end of the latest year it names (not after this year). A story that
    speaks of 2025 was written in 2025 or soon after; "as of June" there is June 2025, not June of any year."""
    this_year = (today or dt.date.today()).year
    years = [int(m.group()) for m in _YEAR.finditer(text) if not m.start() or text[m.start() - 1] not in _NOT_BEFORE]
    latest = max((y for y in years if y <= this_year), default=None)
    return dt.date(latest, 12, 31) if latest is not None else None


@functools.lru_cache(maxsize=1)
def _last_day_pattern() -> re.Pattern[str]:
    from factcheck.nlp.timewindows import MONTHS

    names = "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True))
    return re.compile(rf"\b({names})\.?\s+([0-9]{{1,2}})$", re.IGNORECASE)


def _last_day(text: str) -> tuple[int, int] | None:
    """(month, day) a span's text ends on ("between January 20 and April 29"), or None."""
    from factcheck.nlp.timewindows import MONTHS

    found = _last_day_pattern().search(text)
    return (MONTHS[found.group(1).lower()], int(found.group(2))) if found else None


OPENING_CHARS = 600  # the headline, dek and lead of a story: what the story as a whole is about
WHOLE_STORY_MENTIONS = 3  # a subject named this often is what the whole document is about


_FURNITURE_LINES = 4  # short lines a scraped page may open with before its headline
_HEADLINE_WORDS = 4  # a shorter line is site furniture, unless no longer line follows before the body


class Document:
    """A text's paragraphs, subject mentions and dates, worked out once (when first asked) and asked per claim."""

    def __init__(self, text: str, published: dt.date | None = None, *, estimated: bool = False) -> None:
        self.text = text
        self.published = published
        self.estimated = estimated  # the date is the latest year the text names, not a given publication date
        self._mentions: dict[str, list[int]] = {}  # subject -> where its words stand, read when first asked
        self._near: dict[tuple[int, int], frozenset[str]] = {}  # (first, last paragraph) -> subjects near them

    @cached_property
    def _words(self) -> tuple[str, str]:
        """The text and the same in lower case, which the phrase finders read (lowered once per document)."""
        lowered = self.text.lower()
        if len(lowered) != len(self.text):  # a letter whose lower case is longer ("İ"): keep offsets aligned
            lowered = "".join(c.lower()[:1] for c in self.text)
        return self.text, lowered

    @cached_property
    def _first_report_word(self) -> int | None:
        return phrase_finder("recent_report", "report").first(*self._words)

    def names_a_report_before(self, offset: int) -> bool:
        """Whether the text speaks of a report, letter or data up to ``offset`` ("a dramatic data dump")."""
        return self._first_report_word is not None and self._first_report_word < offset

    @cached_property
    def _first_now_word(self) -> int | None:
        return phrase_finder("recent_report", "recent").first(*self._words)

    def speaks_of_now_before(self, offset: int) -> bool:
        """Whether words placing the figures at publication ("currently", "the letter sent last week",
        "recently released data") come up to ``offset``."""
        return self._first_now_word is not None and self._first_now_word < offset

    @cached_property
    def _fresh_data_words(self) -> list[int]:
        return phrase_finder("recent_report", "fresh").starts(*self._words)

    def calls_the_data_new_between(self, start: int, end: int) -> bool:
        """Whether words calling the figures new ("the new figure", "the latest data") stand in ``start``..``end``."""
        found = self._fresh_data_words
        at = bisect.bisect_left(found, start)
        return at < len(found) and found[at] < end

    @cached_property
    def _dated(self) -> list[tuple[int, dt.date | None, dt.date | None, tuple[int, int] | None]]:
        """(offset, first day, last day, (month, day) when the year is not known) of each time expression."""
        from factcheck.nlp.timewindows import find_time_expressions

        found: list[tuple[int, dt.date | None, dt.date | None, tuple[int, int] | None]] = []
        for expr in find_time_expressions(self.text, self.published):
            if expr.type == "speech" or (expr.type == "relative" and expr.administration is not None):
                continue  # when something was said; a term of office, which dates nothing by itself
            if expr.date_from is not None and expr.date_to is not None:
                found.append((expr.start, expr.date_from, expr.date_to, None))
            if not expr.year_known and expr.type == "date" and len(expr.parts) == 2:
                # "as of July 21" with no year written: its year is a guess, its day is not.
                found.append((expr.start, None, None, (int(expr.parts[0]), int(expr.parts[1]))))
            elif expr.type == "period" and expr.date_to is None and (last := _last_day(expr.text)) is not None:
                # "between January 20 and April 29" in a text naming no year: its last day still dates a figure.
                found.append((expr.start, None, None, last))
        return found

    def dated_spans_before(self, offset: int) -> list[tuple[dt.date, dt.date]]:
        """The days and periods named by time expressions up to ``offset`` (headline, dateline, earlier
        paragraphs, the sentence itself): what can date a figure there (convention 9)."""
        return [(start, end) for position, start, end, _ in self._dated if position < offset and start and end]

    def days_without_year_before(self, offset: int) -> set[tuple[int, int]]:
        """(month, day) of the dates named without a year up to ``offset`` ("as of July 21", in an undated text)."""
        return {day for position, _, _, day in self._dated if position < offset and day is not None}

    @cached_property
    def headline_end(self) -> int:
        """Where the headline ends: the first line of at most 20 words with no full stop at its end, past a few
        short lines of site furniture ("Current News", "/", a site's name) at the top of a scraped page; else 0."""
        start, first = 0, None
        for _ in range(_FURNITURE_LINES + 1):
            start = len(self.text) - len(self.text[start:].lstrip())
            end = self.text.find("\n", start)
            end = len(self.text) if end < 0 else end
            line = self.text[start:end]
            words = len(line.split())
            if not words or words > 20 or line.rstrip().endswith("."):
                break  # the body: the headline, if any, was the first line
            first = end if first is None else first
            if words >= _HEADLINE_WORDS:
                return end
            start = end
        return first or 0

    @cached_property
    def paragraph_starts(self) -> list[int]:
        return [0, *(m.end() for m in _PARAGRAPH_BREAK.finditer(self.text))]

    def mentions_of(self, subject: str) -> list[int]:
        """Where the subject's words stand in the text (read once, when first asked)."""
        found = self._mentions.get(subject)
        if found is None:
            found = self._mentions[subject] = subject_finders()[subject].starts(*self._words)
        return found

    @cached_property
    def _subjects_of_the_opening(self) -> frozenset[str]:
        """The subjects named in the opening, which are the whole story's: read before the whole text is."""
        end = self.opening_end()
        text, lowered = self._words[0][:end], self._words[1][:end]
        return frozenset(name for name, f in subject_finders().items() if f.first(text, lowered) is not None)

    def paragraph_index(self, offset: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, offset) - 1

    def paragraph_bounds(self, index: int) -> tuple[int, int]:
        starts = self.paragraph_starts
        end = starts[index + 1] if index + 1 < len(starts) else len(self.text)
        return starts[index], end

    def opening_end(self) -> int:
        """Where the opening ends: the first two paragraphs, or at least the first few hundred characters."""
        second = self.paragraph_bounds(min(1, len(self.paragraph_starts) - 1))[1]
        return max(min(second, 2 * OPENING_CHARS), min(OPENING_CHARS, len(self.text)))

    def subjects_near(self, start: int, end: int) -> frozenset[str]:
        """The subjects whose words stand in ``start``..``end``, its paragraph, the paragraph before, or the
        opening, or that the document names again and again."""
        opened = self._subjects_of_the_opening
        if len(opened) == len(subject_finders()):
            return opened  # every subject is the whole story's: nothing else to read
        index, last = self.paragraph_index(start), self.paragraph_index(max(end - 1, start))
        found = self._near.get((index, last))
        if found is None:  # claims of one paragraph share the answer
            found = self._near[index, last] = self._subjects_between(index, last, opened)
        return found

    def _subjects_between(self, index: int, last: int, opened: frozenset[str]) -> frozenset[str]:
        low = self.paragraph_bounds(max(index - 1, 0))[0]
        high = self.paragraph_bounds(last)[1]
        opening = self.opening_end()
        near = set(opened)
        for name in subject_finders():
            if name in near:
                continue
            mentions = self.mentions_of(name)
            if not mentions:
                continue
            position = bisect.bisect_left(mentions, low)
            whole_story = len(mentions) >= WHOLE_STORY_MENTIONS or mentions[0] < opening
            if whole_story or (position < len(mentions) and mentions[position] < high):
                near.add(name)
        return frozenset(near)
