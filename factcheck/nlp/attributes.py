"""Describe each number of a sentence: what is counted, who, in whose custody, when, and how.

Every cue (a lexicon phrase, a time expression) is attached to the number it describes. Each
number owns the words on its right up to the next number (or the last "and", "while", comma
... before it) and the words on its left back to the previous number's share. An attribute
comes from the number's own words first, then from the number it is coordinated with
("of whom 435,719 had convictions and 226,847 had pending charges"), then from the
paragraph (a window stated once covers the paragraph's later sentences).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass, field, fields

from factcheck.models import Cue, TimeWindow
from factcheck.nlp.lexicon import CueMatch, agency_events, change_words, outdoing_words, phrase_finder
from factcheck.nlp.numbers import NumberExpr
from factcheck.nlp.timewindows import TimeExpr

# Tokens at which the words between two numbers change hands.
_SPLIT_WORDS = frozenset(
    (", ; : and or but while whereas whom which including versus vs vs. compared compares plus — – ( )").split()
)
_HARD_BREAKS = frozenset({";", "—", ":"})
_ENFORCEMENT_EVENTS = frozenset(
    ("arrest booking detention removal release docket dismissal review closure encounter").split()
)
_FLOW_EVENTS = frozenset(
    ("arrest booking removal release prosecution conviction dismissal encounter review closure").split()
)
_STOCK_EVENTS = frozenset({"docket", "detention"})
_APPOSITIVE_OPENERS = re.compile(r"^,\s*(?:a|an|home\s+to|population|a\s+city\s+of|a\s+state\s+of)\b", re.IGNORECASE)
_INTRODUCTORY = re.compile(
    r"^\W*(?:on|in|as\s+of|by|since|during|at|after|before|last|this|for|through|until|from|between|overall"
    r"|nationally|altogether|today|yesterday|now|currently|meanwhile|still|yet|instead)\b",
    re.IGNORECASE,
)
_ELLIPTIC_NOT = re.compile(r"^\s*(?:were|are|was|is|weren't|aren't|wasn't|isn't)(?:\s+not)?\b", re.IGNORECASE)
_CUSTODY_DEFAULT_FOR_EVENT = {"detention": "detained", "release": "released"}


@dataclass(slots=True)
class Described:
    """A number with the attributes found for it (filled in stages)."""

    expr: NumberExpr
    tok_start: int
    tok_end: int
    left: tuple[int, int] = (0, 0)
    right: tuple[int, int] = (0, 0)
    aside: bool = False
    unit: str | None = None
    event: str | None = None
    event_is_own: bool = False
    criminality: str | None = None
    custody: str | None = None
    time: TimeExpr | None = None
    time_inherited: bool = False
    measure: str = "unknown"
    offense: str | None = None
    offense_conflated: bool = False
    convicted_by_offense: bool = False  # "convicted" only because an offense row counts convictions
    agency: str | None = None
    geography: str | None = None
    has_noun: bool = False
    not_population: bool = False
    source: Described | None = None
    window_mentions: list[TimeExpr] = field(default_factory=list)
    base_of: Described | None = None
    cues: list[CueMatch] = field(default_factory=list)


@dataclass(slots=True)
class SentenceFacts:
    """What one sentence contributes to the paragraph context of the sentences after it."""

    window: TimeExpr | None = None
    last_event: str | None = None
    last_criminality: str | None = None
    last_unit: str | None = None
    last_custody: str | None = None
    list_custody: str | None = None  # named by the line introducing a list ("... living freely:")


FACT_FIELDS = tuple(f.name for f in fields(SentenceFacts))


# --- windows ---------------------------------------------------------------------------


def _split_point(tokens: list[str], start: int, end: int) -> int:
    """Index (within start..end) after the last split word.

    With no split word, the words that lead into the next number ("out of", "of the", "from")
    go to it and the rest to the number before: "88,763 removals in FY2024 out of 271,484".
    Without those either, every word goes to the next number (``start``).
    """
    for i in range(start, end - 2):
        # ", and in fiscal 2021 they fell to 69,011": a new clause, with its own window, starts at ", and".
        joined = tokens[i] in (",", ";") and tokens[i + 1].lower() in _CLAUSE_JOINERS
        if joined and _starts_a_clause(tokens, i + 2, end):
            return i + 1
    splits = [i for i in range(end - 1, start - 1, -1) if tokens[i].lower() in _SPLIT_WORDS]
    if len(splits) > 1 and tokens[splits[0]] == "(" and _heads_its_line(tokens, splits[0] + 1, end):
        # "...); FY 1999 (1.537 million)": the label before the parenthesis names the number in it.
        return splits[1] + 1
    if splits:
        return splits[0] + 1
    lead_in = end
    while lead_in > start and tokens[lead_in - 1].lower() in _LEAD_INS:
        lead_in -= 1
    if start < lead_in < end and tokens[lead_in].lower() in _LEAD_IN_HEADS:
        return lead_in
    return _after_own_window(tokens, start, end)


def _after_own_window(tokens: list[str], start: int, end: int) -> int:
    """ "158,000 arrests in 100 days would mean double ...": a window right after a number (and its noun) is
    that number's; the words after it go to the next number. Without one, every word goes to the next."""
    at = start
    while at < min(start + 2, end) and tokens[at].isalpha():
        at += 1
    if at >= end or tokens[at] != "\x00":
        return start
    while at < end and tokens[at] == "\x00":
        at += 1
    return at if at < end else start


_CLAUSE_JOINERS = frozenset({"and", "but", "while", "whereas", "yet"})
_CLAUSE_STARTS = frozenset({"in", "by", "during", "over", "through", "since", "last", "this", "that", "the", "its"})


def _starts_a_clause(tokens: list[str], i: int, end: int) -> bool:
    """ "..., and in fiscal 2021 they fell ...": a window or a subject opens the new clause."""
    if i >= end:
        return False
    if tokens[i] == "\x00":  # a protected token: a time expression opens the clause
        return True
    return tokens[i].lower() in _CLAUSE_STARTS and "\x00" in tokens[i:end]


# Words that introduce a number ("out of the", "from about", "to nearly"); the first one must be a
# preposition (a head), so "the" alone ("removals the 271,484") does not split.
_LEAD_IN_HEADS = frozenset("out of from to than among versus".split())
_LEAD_INS = _LEAD_IN_HEADS | frozenset(
    "the a an all about nearly almost roughly around some just over under more less fewer at least most".split()
)


def _hard_limit_left(tokens: list[str], pos: int, floor: int) -> int:
    for i in range(pos - 1, floor - 1, -1):
        if tokens[i] in _HARD_BREAKS:
            return i + 1
    return floor


def _heads_its_line(tokens: list[str], start: int, end: int) -> bool:
    """Nothing but bullets, punctuation or a hedge in ``start:end`` ("• 68,442 — ...", "- **More than 1,001**: ...")."""
    return all(token.lower() in _HEDGE_TOKENS or not any(ch.isalnum() for ch in token) for token in tokens[start:end])


def _hard_limit_right(tokens: list[str], pos: int, ceiling: int) -> int:
    for i in range(pos, ceiling):
        if tokens[i] in _HARD_BREAKS:
            return i
    return ceiling


def _mark_asides(items: list[Described], text: str, tokens: list[str], token_chars: list[int]) -> None:
    """Numbers in an appositive (", a city of about 120,000,") describe something else."""
    for item in items:
        comma_before = text.rfind(",", 0, item.expr.start)
        if comma_before < 0:
            continue
        if not _APPOSITIVE_OPENERS.match(text[comma_before : item.expr.start + 1]):
            continue
        if "," not in text[:comma_before] and _INTRODUCTORY.match(text[:comma_before]):
            continue  # "On Nov. 16, a record 65,135 people were held": the comma closes an opening phrase
        if re.search(r"[;.]", text[comma_before : item.expr.start]):
            continue
        comma_after = text.find(",", item.expr.end)
        if comma_after < 0:
            continue
        item.aside = True
        first = next(i for i, c in enumerate(token_chars) if c >= comma_before)
        last = next((i for i, c in enumerate(token_chars) if c >= comma_after), len(tokens))
        item.left, item.right = (first + 1, item.tok_start), (item.tok_end, last)


def assign_windows(
    items: list[Described], text: str, tokens: list[str], token_chars: list[int], protected: set[int] | None = None
) -> None:
    """Give every number its own left and right words (token index ranges).

    ``protected`` tokens (inside a time expression: the "and" of "between April 17 and May 29")
    never split the words between two numbers.
    """
    if protected:
        tokens = [t if i not in protected else "\x00" for i, t in enumerate(tokens)]
    _mark_asides(items, text, tokens, token_chars)
    main = [i for i in items if not i.aside]
    n_tokens = len(tokens)
    for k, item in enumerate(main):
        prev_end = main[k - 1].tok_end if k > 0 else 0
        next_start = main[k + 1].tok_start if k + 1 < len(main) else n_tokens
        if k > 0:
            left_from = _split_point(tokens, prev_end, item.tok_start)
        else:
            left_from = _hard_limit_left(tokens, item.tok_start, 0)
        if k + 1 < len(main):
            right_to = _split_point(tokens, item.tok_end, next_start)
            right_to = right_to - 1 if right_to > item.tok_end else right_to
        else:
            limit = _hard_limit_right(tokens, item.tok_end, n_tokens)
            if (
                limit < n_tokens
                and _heads_its_line(tokens, item.tok_end, limit)
                and _heads_its_line(tokens, left_from, item.tok_start)
            ):
                # "• 68,442 — people held in ICE detention": the words after the dash define the number.
                limit = _hard_limit_right(tokens, limit + 1, n_tokens)
            right_to = _clause_end(tokens, item.tok_end, limit)
        item.left = (left_from, item.tok_start)
        item.right = (item.tok_end, right_to)
    for item in items:
        if item.aside:
            continue
        # Skip over asides: their tokens belong to them, not to the numbers around them.
        for aside in (a for a in items if a.aside):
            if item.right[0] <= aside.tok_start < item.right[1]:
                item.right = (item.right[0], item.right[1])


_RIGHT_REACH = 20
_LEFT_REACH = 14
_PREDICATE_VERBS = frozenset(
    (
        "had have has were was are is involved included lacked faced wore missed received got came met "
        "did took happened began lived remained went"
    ).split()
)
_SHARE_KINDS = frozenset({"percent", "ratio", "fraction"})


def link_shares_to_bases(items: list[Described], tokens: list[str]) -> None:
    """In "85% of the 204,297 people booked ... had no conviction" the predicate describes the share.

    The count after "of (the)" is the share's base: its own words stop at the verb, and the
    words from the verb on belong to the share.
    """
    main = [i for i in items if not i.aside]
    for share, base in itertools.pairwise(main):
        if share.expr.kind not in _SHARE_KINDS or base.expr.kind != "count":
            continue
        gap = [t.lower() for t in tokens[share.tok_end : base.tok_start]]
        gap = [t for t in gap if t not in {"roughly", "about", "nearly", "some", "more", "than", "almost", "around"}]
        if gap not in (["of"], ["of", "the"], ["of", "all"], ["of", "its"]):
            continue
        verb_at = next((i for i in range(base.tok_end, base.right[1]) if tokens[i].lower() in _PREDICATE_VERBS), None)
        if verb_at is None:
            continue
        base.base_of = share
        share.right = (share.tok_end, base.right[1])
        base.right = (base.tok_end, verb_at)


_CLAUSE_OPENERS = frozenset("but while whereas although though because".split())


def _clause_end(tokens: list[str], start: int, end: int) -> int:
    """Where the last number's clause ends: before "but", "while", ", and that" ... (a new clause)."""
    for i in range(start + 1, end):
        word = tokens[i].lower()
        following = tokens[i + 1].lower() if i + 1 < end else ""
        if word == "but" and following in ("not", "never", "still", "also"):
            continue  # "on ICE's books but not in detention": the same predicate, not a new clause
        if word in _CLAUSE_OPENERS or (word == "and" and following == "that"):
            return i
    return end


def _in(window: tuple[int, int], cue: CueMatch) -> bool:
    return window[0] <= cue.start and cue.end <= window[1]


def _own_cues(item: Described, cues: list[CueMatch], category: str, asides: list[Described]) -> list[CueMatch]:
    """Cues of ``category`` in the number's own words: right side nearest first, then left nearest first.

    Weak cues (labels ending in "~", like "holding") come after every other cue.
    """

    mine = [c for c in cues if c.category == category]
    if not mine:
        return mine

    def outside_asides(cue: CueMatch) -> bool:
        return item.aside or not any(a.left[0] <= cue.start and cue.end <= a.right[1] for a in asides)

    right = [c for c in mine if _in(item.right, c) and outside_asides(c) and c.start - item.tok_end <= _RIGHT_REACH]
    left = [c for c in mine if _in(item.left, c) and outside_asides(c) and item.tok_start - c.end <= _LEFT_REACH]
    # Words after a number describe it more often than words before it: a left cue counts double distance.
    ordered = sorted(
        right + left,
        key=lambda c: c.start - item.tok_end if c.start >= item.tok_end else 2 * (item.tok_start - c.end) + 1,
    )
    return [c for c in ordered if not c.label.endswith("~")] + [c for c in ordered if c.label.endswith("~")]


# --- attributes ------------------------------------------------------------------------


def _governing_verb(item: Described, cues: list[CueMatch], tokens: list[str]) -> CueMatch | None:
    """An event verb right before the number ("ICE removed 271,484", "booked nearly 204,297")."""
    for cue in cues:
        if cue.category != "event" or cue.end > item.tok_start or cue.end < item.left[0]:
            continue
        gap = [t.lower() for t in tokens[cue.end : item.tok_start]]
        fillers = {
            "more",
            "than",
            "nearly",
            "about",
            "almost",
            "roughly",
            "some",
            "over",
            "at",
            "least",
            "a",
            "an",
            "the",
            "just",
            "only",
            "around",
            "approximately",
            "fewer",
            "under",
            "up",
            "to",
            "well",
            "estimated",
            "close",
            "another",
            "record",
        }
        if len(gap) <= 4 and all(t in fillers for t in gap) and tokens[cue.end - 1].lower().endswith(("ed", "d")):
            return cue
    return None


def _resolve_event(item: Described, cues: list[CueMatch], tokens: list[str], asides: list[Described]) -> None:
    outcomes = [c for c in _own_cues(item, cues, "outcome", asides) if not _followed_by_word(c, tokens)]
    if outcomes and item.expr.kind in ("percent", "ratio", "fraction", "multiplier"):
        item.event, item.event_is_own = outcomes[0].label, True
        return
    verb = _governing_verb(item, cues, tokens)
    if verb is not None and not verb.label.endswith("~"):
        item.event, item.event_is_own = verb.label, True
        return
    own = _own_cues(item, cues, "event", asides)
    modifiers = [c for c in own if any(_modifies_population(c, head, tokens) for head in own)]
    own = [c for c in own if c not in modifiers] + modifiers
    if own:
        item.event, item.event_is_own = own[0].label.rstrip("~"), True


_POPULATION_NOUNS = frozenset(
    "people persons individuals noncitizens immigrants migrants aliens those others families children adults men "
    "women".split()
)


def _modifies_population(cue: CueMatch, head: CueMatch, tokens: list[str]) -> bool:
    """ "removals of people arrested in the interior": in "HEAD of <people> <participle>" the participle
    says who, not what is counted, so the head noun ("removals") decides the event."""
    if cue.start < 2 or head.end >= cue.start:
        return False
    if tokens[head.end].lower() in ("that", "which", "who") and cue.start - head.end <= 4:
        return True  # "removals that followed an ICE arrest": the clause says which removals
    if not tokens[cue.start].lower().endswith("ed"):
        return False
    between = [t.lower() for t in tokens[head.end : cue.start]]
    return between[0] == "of" and between[-1] in _POPULATION_NOUNS and len(between) <= 3


def _followed_by_word(cue: CueMatch, tokens: list[str]) -> bool:
    """ "were convicted criminals" describes people, "were convicted." an outcome; "dropped to 6.2%" a change."""
    if cue.end >= len(tokens):
        return False
    following = tokens[cue.end].lower()
    if cue.label == "dismissal" and cue.text.lower().startswith("drop"):
        return following in {"to", "from", "by", "below", "under"}
    if cue.label != "conviction" or not cue.text.lower().endswith("convicted"):
        return False
    return following.isalpha() and following not in {"in", "at", "by", "after", "and", "or", "within", "when"}


def _resolve_criminality(item: Described, cues: list[CueMatch], asides: list[Described]) -> None:
    own = _own_cues(item, cues, "criminality", asides)
    if own:
        # "convicted ... or pending" inside one window: the broadest label in the window wins.
        labels = {c.label for c in own}
        if {"convicted", "pending"} <= labels and "no_conviction" not in labels:
            item.criminality = "convicted_or_pending"
        elif "violent" in labels and item.expr.kind in ("percent", "ratio", "fraction"):
            item.criminality = "violent"  # "never convicted of a violent offense" is about violence
        else:
            item.criminality = own[0].label
        if item.criminality == "convicted_or_pending" and any(c.label == "convicted" for c in own):
            first = own[0]
            if first.label == "convicted" and "criminal" in first.text.lower() and "convicted" in first.text.lower():
                item.criminality = "convicted"


def _resolve_custody(item: Described, cues: list[CueMatch], asides: list[Described]) -> None:
    """Custody words on the right (the predicate) first, the most specific winning; else the nearest on the left."""
    own = _own_cues(item, cues, "custody", asides)
    if not own:
        return
    right = [c for c in own if c.start >= item.tok_end]
    if not right:
        item.custody = own[0].label.rstrip("~")
        return
    own = right
    priority = {"released": 0, "non_detained": 1, "detained": 2, "national_docket": 3, "detained~": 4}
    item.custody = min(own, key=lambda c: priority[c.label]).label.rstrip("~")


def _resolve_unit(item: Described, cues: list[CueMatch], tokens: list[str]) -> None:
    kind = item.expr.kind
    if kind == "percent":
        item.unit = "percent"
    elif kind in ("ratio", "fraction"):
        item.unit = "ratio"
    elif kind == "multiplier":
        item.unit = "multiplier"
    elif kind == "dollars":
        item.unit = "dollars"
    elif item.expr.duration:
        item.unit = "other"
    else:
        noun = _head_noun(item, cues, tokens)
        if noun is not None:
            item.unit, item.has_noun = noun.label, True


def _head_noun(item: Described, cues: list[CueMatch], tokens: list[str]) -> CueMatch | None:
    """The counted noun right after a count ("435,719 convicted noncitizens", "66,463 arrests")."""
    best = None
    for cue in cues:
        if cue.category != "unit_noun" or cue.start < item.tok_end or cue.start > item.tok_end + 4:
            continue
        between = [t.lower() for t in tokens[item.tok_end : cue.start]]
        if any(t in _NOT_IN_NOUN_PHRASE for t in between):
            continue
        if best is None or cue.start < best.start or (cue.start == best.start and cue.end > best.end):
            best = cue
    return best


_NOT_IN_NOUN_PHRASE = frozenset(
    (
        ", ; of in on to were are was is had have has who that which involved included involving "
        "including faced lacked got received came went with"
    ).split()
)


def _resolve_offense(item: Described, cues: list[CueMatch], asides: list[Described]) -> None:
    """The offense row a label points at ("murderers": homicide); an offense row counts convictions."""
    own = _own_cues(item, cues, "offense", asides)
    if own:
        label = own[0].label
        item.offense_conflated = label.endswith("!")
        item.offense = label.rstrip("!")
        if item.offense == "violent":
            item.criminality = item.criminality or "violent"
            item.offense = None
        elif item.criminality is None:
            item.criminality, item.convicted_by_offense = "convicted", True


_NOT_IN_AGENCY_PHRASE = frozenset({",", ";", ":", "(", ")", "to", "from", "in", "into", "at", "before", "with"})
_SPEAKER_AFTER = frozenset(
    "said says say told reported reports announced claimed claims found finds estimates notes wrote".split()
)


def _resolve_geography(item: Described, cues: list[CueMatch], asides: list[Described], tokens: list[str]) -> str | None:
    """The place the count is about, from the number's own words ("In Texas, 48% ...", "405 arrests in Hartford"),
    not a venue's state ("at a campaign event in Newtown, Pennsylvania")."""
    own = [c for c in _own_cues(item, cues, "geography", asides)
           if (c.start - item.tok_end <= 8 or c.end <= item.tok_start) and not _a_towns_state(c, tokens)]  # fmt: skip
    return own[0].label if own else None


def _a_towns_state(cue: CueMatch, tokens: list[str]) -> bool:
    """ "Newtown, Pennsylvania": a state after a town's name says where something happened, not what is counted."""
    return cue.start >= 2 and tokens[cue.start - 1] == "," and tokens[cue.start - 2][:1].isupper()


def _resolve_agency(item: Described, cues: list[CueMatch], tokens: list[str], asides: list[Described]) -> str | None:
    """Whose count it is: "3 in 4 ICE arrests", "ICE removed 271,484"; a speaker ("DHS said") does not count."""
    own = [c for c in _own_cues(item, cues, "agency", asides) if not _is_speaker(c, tokens)]
    close_right = [
        c for c in own
        if c.start >= item.tok_end and c.start - item.tok_end <= 4
        and not _NOT_IN_AGENCY_PHRASE.intersection(t.lower() for t in tokens[item.tok_end : c.start])
    ]  # fmt: skip

    if close_right:
        return close_right[0].label
    left = [c for c in own if c.end <= item.tok_start]
    if left:
        return left[0].label
    return own[0].label if own else _label(_nearest(item, cues, "agency", asides))


def _is_speaker(cue: CueMatch, tokens: list[str]) -> bool:
    after = [t.lower() for t in tokens[cue.end : cue.end + 2]]
    before = [t.lower() for t in tokens[max(0, cue.start - 2) : cue.start]]
    return bool(_SPEAKER_AFTER.intersection(after) or before == ["according", "to"] or after[:1] == [":"])


def _nearest(item: Described, cues: list[CueMatch], category: str, asides: list[Described]) -> CueMatch | None:
    own = _own_cues(item, cues, category, asides)
    if own:
        left = [c for c in own if c.end <= item.tok_start]
        return left[0] if left else own[0]
    others = [c for c in cues if c.category == category]
    if not others:
        return None
    return min(others, key=lambda c: min(abs(c.start - item.tok_end), abs(item.tok_start - c.end)))


def _resolve_time(
    item: Described, times: list[tuple[TimeExpr, int, int]], asides: list[Described], tokens: list[str]
) -> None:
    """Nearest time expression in the number's own words (right first); ``times`` carry token spans."""

    def own(window: tuple[int, int]) -> list[tuple[TimeExpr, int, int]]:
        return [t for t in times if window[0] <= t[1] and t[2] <= window[1] + 1 and _outside(t, item, asides)]

    right = [t for t in own(item.right) if t[1] - item.tok_end <= _RIGHT_REACH]
    left = [t for t in own(item.left) if not _introduces_report(t, item, tokens)]
    # Nearest first; as with other cues, a window on the left counts double distance.
    candidates = sorted(
        right + left,
        key=lambda t: t[1] - item.tok_end if t[1] >= item.tok_end else 2 * max(item.tok_start - t[2], 0) + 1,
    )
    if not candidates:
        item.time = _when_clause_time(item, times, tokens)
        return
    best = candidates[0]
    for other in candidates[1:]:
        # "in fiscal 2019, during President Trump's first term": the administration only elaborates.
        if best[0].type == "admin" and other[0].type != "admin" and abs(other[2] - best[1]) <= 2:
            best = other
            break
    item.time = best[0]


def _compared_with(t: tuple[TimeExpr, int, int], tokens: list[str]) -> bool:
    """ "an increase from fiscal year 2021", "up from 2019", "compared with 2020", "than in 2021": the period a
    figure is compared against, not its own window (a span "from 2019 to 2021" is a window)."""
    expr, start = t[0], t[1]
    lead = [w.lower() for w in tokens[max(0, start - 5) : start]]
    compared = [i for i, (a, b) in enumerate(itertools.pairwise(lead)) if a == "compared" and b in ("with", "to")]
    if compared and not any(ch.isdigit() for w in lead[compared[-1] :] for ch in w):
        return True  # "compared with the period from October 2024 to April 2025", not "compared to 170,590 in FY 2023"
    if " to " in expr.text or "through" in expr.text:
        return False
    if _RANGE_OF_A_RECORD.match(expr.text):
        # "a record breaker for any fiscal year since 1960", "the highest percentage in the last five years": the
        # range a record is set over.
        before = " ".join(tokens[max(0, start - 8) : start])
        if phrase_finder("comparison", "record").first(before, before.lower()) is not None:
            return True
    words = [w.lower() for w in tokens[max(0, start - 2) : start + 1]]
    if words and words[-1] != "from" and words[-1] != "than":
        words.pop()  # the expression's own first word, unless it is its lead ("from fiscal year 2021")
    if not words:
        return False
    if words[-1] == "than" or (words[-1] == "in" and len(words) > 1 and words[-2] == "than"):
        return True
    if words[-1] in outdoing_words():
        return True  # "a pace that will surpass last year's record"
    before = words[-2] if len(words) > 1 else ""
    return (words[-1] == "from" and before in change_words()) or (before == "compared" and words[-1] in ("with", "to"))


def _glosses(between: list[str]) -> bool:
    """Whether the words between a compared period and a number give that period's own figure: "FY 2022's record
    (2.3M", "27 percent less than the year before, when ICE detained 143,000"."""
    return "(" in between[-3:] or (bool(between) and between[:2] in (["when"], [",", "when"]))


_RANGE_OF_A_RECORD = re.compile(r"(?:since|(?:in|over|during)?\s*(?:the\s+)?(?:last|past)\s)", re.IGNORECASE)


def _when_clause_time(item: Described, times: list[tuple[TimeExpr, int, int]], tokens: list[str]) -> TimeExpr | None:
    """ "since the end of fiscal 2024, when ICE held 37,684 people": a snapshot at that point."""
    if item.left[0] >= len(tokens) or tokens[item.left[0]].lower() != "when":
        return None
    before = [t for t in times if 0 <= item.left[0] - t[2] <= 2]
    if not before:
        return None
    expr = before[-1][0]
    if expr.lead not in ("since", "end of", "as of", "by"):
        return expr  # "in 2014, when 315,943 were deported": the year's figure, not a snapshot at its end
    point = expr.date_to if expr.type in ("fy", "year", "period", "month") and expr.lead != "since" else expr.date_from
    return TimeExpr(expr.start, expr.end, expr.text, "date", point, point, lead="as of", compared=expr.compared)


def _introduces_report(t: tuple[TimeExpr, int, int], item: Described, tokens: list[str]) -> bool:
    """ "A brief circulating since October says that 80 percent ...": the window is the brief's."""
    between = [w.lower() for w in tokens[t[2] : item.tok_start]]
    return any(a in _REPORTING_VERBS and b == "that" for a, b in itertools.pairwise(between))


_REPORTING_VERBS = frozenset(
    (
        "says said say claims claimed argues argued wrote writes posted reported reports found finds "
        "estimates estimated announced told suggests suggested shows showed"
    ).split()
)


def _outside(t: tuple[TimeExpr, int, int], item: Described, asides: list[Described]) -> bool:
    if item.aside:
        return True
    return not any(a.left[0] <= t[1] and t[2] <= a.right[1] for a in asides)


def _resolve_measure(item: Described, cues: list[CueMatch], tokens: list[str], text: str) -> None:
    kind = item.expr.kind
    own_framing = [c for c in cues if c.category == "framing" and (_in(item.right, c) or _in(item.left, c))]
    # "released", "let in" make a count a flow only near the number, not from a clause away.
    labels = {c.label for c in own_framing if _frames(item, c, tokens)}
    after = _MARKUP_LEAD.sub(" ", text[item.expr.end : item.expr.end + 40].lower())  # "665**: arrests per day"
    if kind == "multiplier":
        item.measure = "change"
    elif kind in ("percent", "ratio", "fraction"):
        if (
            item.expr.percentage_points
            or _change_word_near(item, own_framing, tokens)
            or _OF_A_CHANGE.match(after)
            or _changed_by_before(text, item.expr.start)
        ):
            item.measure = "change"  # "80% of the increase in book-ins" is a share of a change, not of a level
        elif "rate" in labels and kind == "percent":
            item.measure = "rate"
        else:
            item.measure = "share"
    elif item.expr.duration:
        item.measure = "unknown"
    elif kind == "count" and _is_average(item, tokens):
        item.measure = "rate"
    elif _changed_by_before(text, item.expr.start) or _change_word_after(item, own_framing):
        item.measure = "change"  # "rose by 25,000", "a 41,000 decrease from the previous year"
    elif _PER_UNIT_AFTER.match(after) or _DAILY_AFTER.match(after):
        item.measure = "rate"
        if _PER_CAPITA_AFTER.match(after):
            item.unit = "other"
    elif (
        kind == "dollars"
        or (item.time is not None and item.time.type == "recurring")
        or item.event in _FLOW_EVENTS
        or "entry" in labels
        or "release" in labels
    ):
        item.measure = "flow"
    elif item.event == "detention" and _over_a_period(item) and _flow_verb_near(item, tokens):
        item.measure = "flow"  # "the year before, when ICE detained 143,000": people detained over the year
    elif item.event in _STOCK_EVENTS:
        item.measure = "stock"
    elif item.event == "other" and item.time is not None and item.time.type in ("fy", "year", "period"):
        item.measure = "flow" if _flow_verb_near(item, tokens) else "stock"
    else:
        item.measure = "stock"


_MARKUP_LEAD = re.compile(r"^[*_:—–-]+")
_OF_A_CHANGE = re.compile(
    r"^\s*(?:percent\s+)?of\s+(?:the|this|that|its|their)\s+(?:[a-z-]+\s+)?"
    r"(?:increase|rise|growth|decline|drop|jump|decrease|surge|reduction|gain|spike)\b"
)
_PER_UNIT_AFTER = re.compile(
    r"^\s*(?:[a-z-]+\s+){0,3}(?:a|per|each|every)\s+(?:day|week|month|person|capita|million|1,000|100,000)\b"
)
# "558 daily arrests"; not "ICE's weekly detention statistics show 65,135", a publication's name
_DAILY_AFTER = re.compile(r"^\s*(?:[a-z-]+\s+){0,2}(?:daily|weekly|monthly)\b")
_PER_CAPITA_AFTER = re.compile(r"^\s*(?:[a-z-]+\s+){0,3}per\s+(?:million|capita|1,000|100,000)\b")
_CHANGED_BY = re.compile(
    r"\b(?:(?:grew|grown|rose|risen|increased|climbed|fell|fallen|dropped|declined|decreased|jumped|shrank)"
    # "increased during the 2017 fiscal year by"
    r"(?:\s+(?:during|in|over|from|between|since)(?:\s+[\w']+){1,5}?)?\s+by"
    r"|(?:has\s+|have\s+|had\s+)?(?:added|gained|shed))"
    r"\s+(?:about\s+|roughly\s+|nearly\s+|some\s+|almost\s+|more\s+than\s+|over\s+|another\s+)?$",
    re.IGNORECASE,
)


def _changed_by_before(text: str, start: int) -> bool:
    """ "rose by 25 percent", "the docket has added over 1 million cases": the number is the size of a change."""
    before = text[max(0, start - 80) : start]
    lowered = before.lower()
    return ("by" in lowered or "added" in lowered or "gained" in lowered or "shed" in lowered) and bool(
        _CHANGED_BY.search(before)
    )


_AVERAGE_WORDS = re.compile(r"^averag(?:e|es|ed|ing)$", re.IGNORECASE)


def _is_average(item: Described, tokens: list[str]) -> bool:
    """ "an average of 28,289 people", "averaged 1,200", "558 — average daily arrests": a rate."""
    before = tokens[max(item.left[0], item.tok_start - 5) : item.tok_start]
    after = [t for t in tokens[item.tok_end : item.right[1]][:3] if any(ch.isalnum() for ch in t)][:1]
    return any(_AVERAGE_WORDS.match(t) for t in (*before, *after))


_FRAMING_REACH = 8  # tokens


def _distance(item: Described, cue: CueMatch) -> int:
    return cue.start - item.tok_end if cue.start >= item.tok_end else item.tok_start - cue.end


_ARGUING = frozenset("argue argues argued claim claims claimed say says said suggest suggests suggested".split())


def _frames(item: Described, cue: CueMatch, tokens: list[str]) -> bool:
    """Whether "released"/"let in" frames this number: near it, and not inside someone's argument about it."""
    if cue.label not in ("release", "entry"):
        return True
    if _distance(item, cue) > _FRAMING_REACH:
        return False
    between = tokens[item.tok_end : cue.start] if cue.start >= item.tok_end else tokens[cue.end : item.tok_start]
    return not _ARGUING.intersection(t.lower() for t in between)


def _change_word_near(item: Described, framing: list[CueMatch], tokens: list[str]) -> bool:
    """ "grew 12 percent", "a 15% rise"; but "fell to 3.41%" gives a level, not a change."""
    before = [t.lower() for t in tokens[max(0, item.tok_start - 4) : item.tok_start]]
    while before and before[-1] in (_HEDGE_TOKENS - {"to"}) | {"only", "a", "an"}:  # "to" ends "fell to"
        before.pop()
    if before and before[-1] == "to":
        return False
    changed_before = any(
        c.label == "change" and c.end <= item.tok_start and item.tok_start - c.end <= 3 for c in framing
    )
    after = any(c.label == "change_after" and c.start == item.tok_end for c in framing)
    return changed_before or after


def _change_word_after(item: Described, framing: list[CueMatch]) -> bool:
    """ "a 41,000 decrease", "a 15% rise": a change noun right after a count ("50,000 more" is more people)."""
    return any(
        c.label in ("change", "change_after") and c.start == item.tok_end and c.text.lower() in _CHANGE_NOUNS
        for c in framing
    )


_CHANGE_NOUNS = frozenset(
    "increase rise growth decline drop jump decrease gain hike reduction surge cut increases declines drops".split()
)


def _over_a_period(item: Described) -> bool:
    return item.time is not None and item.time.type in ("fy", "year", "period") and item.time.lead not in _POINT_LEADS


_POINT_LEADS = frozenset({"as of", "as at", "end of", "by", "on"})


def _flow_verb_near(item: Described, tokens: list[str]) -> bool:
    """ "1,000 officers were deputized", "ICE deputized 1,000": an event, not a state ("enrolled in")."""
    right = [t.lower() for t in tokens[item.right[0] : item.right[1]]]
    passive = any(
        a in {"were", "was", "been", "have", "has", "had"} and b.endswith("ed") for a, b in itertools.pairwise(right)
    )
    left = [t.lower() for t in tokens[item.left[0] : item.tok_start] if t.lower() not in _HEDGE_TOKENS]
    governing = bool(left) and left[-1].endswith("ed")
    return passive or governing


# --- sentence --------------------------------------------------------------------------

_HEDGE_TOKENS = frozenset(
    (
        "about roughly nearly almost some more less than over around approximately at least up to just only well "
        "fewer under"
    ).split()
)


def describe_sentence(
    text: str,
    tokens: list[str],
    token_chars: list[int],
    numbers: list[NumberExpr],
    times: list[TimeExpr],
    cues: list[CueMatch],
    context: SentenceFacts,
    *,
    anaphoric: bool,
) -> list[Described]:
    """Attributes for each number of one sentence (offsets relative to the sentence)."""
    items = [_item(expr, token_chars, len(tokens)) for expr in numbers]
    if not items:
        return []
    time_spans = [(_token_at(token_chars, t.start), _token_at(token_chars, t.end - 1) + 1) for t in times]
    assign_windows(items, text, tokens, token_chars, {i for start, end in time_spans for i in range(start, end)})
    link_shares_to_bases(items, tokens)
    asides = [i for i in items if i.aside]
    time_tokens = [(t, _token_at(token_chars, t.start), _token_at(token_chars, t.end - 1) + 1) for t in times]
    # "since the review began", "Trump's first 100 days": words inside a window do not describe the count.
    cues = [
        c
        for c in cues
        if c.category in ("framing", "agency", "geography")
        or not any(start <= c.start and c.end <= end for _, start, end in time_tokens)
    ]
    # "up from fiscal 2021": the period compared against dates no number of the sentence but its own figure,
    # glossed in parentheses ("surpassing FY 2022's record (2.3M encounters)").
    bases = [t for t in time_tokens if _compared_with(t, tokens)]
    time_tokens = [t for t in time_tokens if t not in bases]
    for base in bases:
        base[0].compared = True  # nor does the paragraph carry it to the sentences after
    for item in items:
        _resolve_event(item, cues, tokens, asides)
        _resolve_criminality(item, cues, asides)
        _resolve_offense(item, cues, asides)
        _resolve_custody(item, cues, asides)
        _resolve_unit(item, cues, tokens)
        glossed = [t for t in bases if t[2] <= item.tok_start and _glosses(tokens[t[2] : item.tok_start])]
        _resolve_time(item, time_tokens + glossed if glossed else time_tokens, asides, tokens)
        item.agency = _resolve_agency(item, cues, tokens, asides)
        if item.agency is not None and item.event is not None:
            item.event = agency_events().get((item.agency, item.event), item.event)  # Border Patrol "arrests"
        item.geography = _resolve_geography(item, cues, asides, tokens)
        item.cues = [c for c in cues if (_in(item.left, c) or _in(item.right, c)) and _frames(item, c, tokens)]
        item.window_mentions = [
            t
            for t, start, end in time_tokens
            if item.left[0] <= start and end <= item.right[1] + 1 and t.type in ("now", "admin")
        ]
        item.not_population = _counts_things(item)
    _inherit_within_sentence(items, text, tokens, time_tokens, cues)
    _inherit_from_context(items, context, anaphoric, time_tokens)
    _resolve_time_anaphors(items, time_tokens, context)
    for item in items:
        _defaults(item)
        _resolve_measure(item, cues, tokens, text)
    for item in items:
        source = item.source
        if (
            source is not None
            and not item.event_is_own
            and item.expr.kind == source.expr.kind == "count"
            and item.measure not in ("rate", "change")  # its own words make it a rate or a change ("a 41,000 decrease")
        ):
            item.measure = source.measure
    return items


def _counts_things(item: Described) -> bool:
    """Deaths, dollars, days, monitors: criminality says nothing about them."""
    if item.expr.kind in ("dollars",) or item.expr.duration:
        return True
    nearest = [c for c in item.cues if c.category == "not_population"]
    if not nearest:
        return False
    if item.has_noun:
        # "agents arrested 405 people": the number names what it counts, and that is people.
        return any(item.tok_end <= c.start <= item.tok_end + 2 for c in nearest)
    near = min(nearest, key=lambda c: min(abs(c.start - item.tok_end), abs(item.tok_start - c.end)))
    return min(abs(near.start - item.tok_end), abs(item.tok_start - near.end)) <= 6


def _label(cue: CueMatch | None) -> str | None:
    return cue.label if cue else None


def _item(expr: NumberExpr, token_chars: list[int], n_tokens: int) -> Described:
    start = _token_at(token_chars, expr.start)
    end = _token_at(token_chars, expr.end - 1) + 1
    return Described(expr, start, min(max(end, start + 1), n_tokens))


def _token_at(token_chars: list[int], char: int) -> int:
    """Index of the token containing ``char`` (token_chars are the tokens' start offsets)."""
    lo, hi = 0, len(token_chars) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if token_chars[mid] <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _has_own_predicate(item: Described) -> bool:
    return any(
        c.category == "custody" or (c.category == "framing" and c.label in ("freedom", "release", "entry"))
        for c in item.cues
        if c.start >= item.tok_end
    )


def _inherit_within_sentence(
    items: list[Described],
    text: str,
    tokens: list[str],
    time_tokens: list[tuple[TimeExpr, int, int]],
    cues: list[CueMatch],
) -> None:
    """Coordinated numbers share what only one of them states."""
    main = [i for i in items if not i.aside]
    _distribute_trailing_custody(main, tokens)
    _share_the_predicate_across_an_aside(main, cues, tokens)
    for k, item in enumerate(main):
        prev = main[k - 1] if k > 0 else None
        nxt = main[k + 1] if k + 1 < len(main) else None
        source = item.base_of or prev
        if source is None and nxt is not None and item.event is None and not _compared(item, nxt, tokens):
            source = nxt  # trailing modifiers ("77,074 people ..., and 2,521 ... on its non-detained docket")
        if source is None:
            continue
        item.source = source
        if item.event is None and source.event and not (item.has_noun and _has_own_predicate(item)):
            item.event = source.event
        compatible = not item.event_is_own or item.event == source.event
        if item.custody is None and source.custody and compatible:
            item.custody = source.custody
        # "15,000 convicted of or charged with murder, more than 20,000 of sexual assault": the list's lead says it.
        unsaid = item.criminality is None or item.convicted_by_offense
        if unsaid and source.criminality and not item.has_noun and compatible:
            item.criminality = source.criminality
        if item.time is None and source.time is not None:
            item.time = source.time
        if item.unit is None and _count_like(item) == _count_like(source) and source.unit:
            item.unit = source.unit
        if item.agency is None:
            item.agency = source.agency
        if item.geography is None and source is prev:
            item.geography = source.geography
    for first, second in reversed(list(itertools.pairwise(main))):
        # "around 1.6 million self-departures and more than 400,000 removals within just 250 days": a window after
        # the last of two coordinated figures is both figures'.
        gap = [t.lower() for t in tokens[first.tok_end : second.tok_start]]
        trailing = second.time is not None and second.time.start >= second.expr.end
        coordinated = "and" in gap and len(gap) <= 8 and not any(t in _HARD_BREAKS for t in gap)
        if first.time is None and trailing and coordinated and not _compared(first, second, tokens):
            first.time = second.time
    for first, second in itertools.pairwise(main):
        # Apposition ("nearly half, 48%, had ..."): the first figure restates the second.
        if text[first.expr.end : second.expr.start].strip(" ,") == "" and first.criminality is None:
            first.criminality = second.criminality
    for k, item in enumerate(main):
        if k > 0 and main[k - 1].custody == "detained" and _ELLIPTIC_NOT.match(text[item.expr.end :]):
            rest = text[item.expr.end :].lower()
            if re.match(r"^\s*(?:were|are|was|is)\s+not\b|^\s*(?:weren't|aren't|wasn't|isn't)\b", rest):
                item.custody = "non_detained"


_COMPARISON_WORDS = frozenset("compares compared comparing versus vs vs. than from against up down".split())


def _compared(first: Described, second: Described, tokens: list[str]) -> bool:
    """ "303,916 compares with 408,870 in fiscal 2016": the second figure's window is its own (the "than" of a
    hedge, "... and more than 400,000", compares nothing)."""
    gap = [t.lower() for t in tokens[first.tok_end : second.tok_start]]
    while gap and gap[-1] in _PLAIN_HEDGES:
        gap.pop()
    if len(gap) >= 2 and gap[-1] in ("than", "least") and gap[-2] in ("more", "less", "fewer", "at"):
        del gap[-2:]
    return any(t in _COMPARISON_WORDS for t in gap)


_PLAIN_HEDGES = frozenset("about roughly nearly almost around approximately just some only well".split())


def _distribute_trailing_custody(main: list[Described], tokens: list[str]) -> None:
    """ "13,099 murderers, 15,811 rapists and 2,521 traffickers, all roaming free", "13,000 murderers and 16,000 sex
    offenders who had crossed the border": the list shares the predicate (custody, and release or entry words)."""
    for first, second in reversed(list(itertools.pairwise(main))):
        gap = [t.lower() for t in tokens[first.tok_end : second.tok_start]]
        if len(gap) > 4 or ("," not in gap and "and" not in gap):
            continue
        if first.custody is None and second.custody:
            first.custody = second.custody
        _take_predicate(first, [c for c in second.cues if c.start >= second.tok_end])


_PREDICATE_FRAMINGS = frozenset({"freedom", "release", "entry"})


def _take_predicate(item: Described, cues: list[CueMatch]) -> None:
    """Give ``item`` the release, entry and freedom words among ``cues`` that it does not have already."""
    have = {(c.category, c.label) for c in item.cues}
    for cue in cues:
        predicate = cue.category == "custody" or (cue.category == "framing" and cue.label in _PREDICATE_FRAMINGS)
        if predicate and (cue.category, cue.label) not in have:
            item.cues.append(cue)
            have.add((cue.category, cue.label))


def _share_the_predicate_across_an_aside(main: list[Described], cues: list[CueMatch], tokens: list[str]) -> None:
    """ "allowing up to 650,000 criminal migrants — including at least 13,099 murderers and 222,141 ... — to roam
    the streets": the words after a dash aside are the predicate of the number before it and of those inside it."""
    dashes = [i for i, token in enumerate(tokens) if token in ("—", "–")]
    starts = [i.tok_start for i in main]  # in order: each aside's figures are found by bisection, not a scan
    for opening, closing in itertools.pairwise(dashes):
        first_inside = bisect.bisect_right(starts, opening)
        before = main[first_inside - 1] if first_inside > 0 else None
        inside = [i for i in main[first_inside : bisect.bisect_left(starts, closing)] if i.tok_end <= closing]
        if before is None or before.tok_end > opening or opening - before.tok_end > _ASIDE_LEAD or not inside:
            continue
        end = _hard_limit_right(tokens, closing + 1, len(tokens))
        after = [c for c in cues if closing < c.start < end and c.start - closing <= _ASIDE_REACH]
        for item in [before, *inside]:
            _take_predicate(item, after)
            custody = next((c.label.rstrip("~") for c in after if c.category == "custody"), None)
            item.custody = item.custody or custody


_ASIDE_LEAD = 4  # "650,000 criminal migrants —": the number and its noun right before the aside
_ASIDE_REACH = 6  # "— to roam the streets": the predicate right after it


def _count_like(item: Described) -> bool:
    return item.expr.kind == "count"


def _inherit_from_context(
    items: list[Described], context: SentenceFacts, anaphoric: bool, time_tokens: list[tuple[TimeExpr, int, int]]
) -> None:
    """Use the sentence's unclaimed windows, the paragraph's window, and the previous figure."""
    main = [i for i in items if not i.aside]
    unowned = [
        t
        for t in time_tokens
        if t[0].informative >= 3 and not any(i.left[0] <= t[1] and t[2] <= i.right[1] + 1 for i in main)
    ]
    for item in main:
        if item.time is None:
            if unowned:
                item.time = min(unowned, key=lambda t: min(abs(t[1] - item.tok_end), abs(item.tok_start - t[2])))[0]
            elif context.window is not None:
                item.time, item.time_inherited = context.window, True
        if (
            item.event is None
            and item.expr.kind != "dollars"
            and context.last_event not in (None, "other")
            and not (item.has_noun and _has_own_predicate(item))
        ):
            # The paragraph's topic: "The chart sorts them by offense: 13,099 had homicide convictions".
            item.event = context.last_event
            item.custody = item.custody or context.last_custody
            if not item.has_noun or anaphoric:
                item.criminality = item.criminality or context.last_criminality
        elif item.event is not None and item.event == context.last_event and item.custody is None:
            item.custody = context.last_custody
        if item.custody is None and context.list_custody is not None:
            item.custody = context.list_custody  # "• 13,099 convicted murderers" under "... walking free:"
        if anaphoric:
            if item.criminality is None and not item.has_noun:
                item.criminality = context.last_criminality
            if item.unit is None and _count_like(item) and context.last_unit in ("people", "events", "cases"):
                item.unit = context.last_unit


def _resolve_time_anaphors(
    items: list[Described], time_tokens: list[tuple[TimeExpr, int, int]], context: SentenceFacts
) -> None:
    """ "that year", "in that span": the window named before it."""
    for item in items:
        anaphor = item.time
        if anaphor is not None and anaphor.type == "relative" and _YEAR_BEFORE.match(anaphor.text):
            item.time = _year_before(anaphor, time_tokens, context)
            continue
        if anaphor is None or anaphor.type != "anaphor":
            continue
        earlier = [t[0] for t in time_tokens if t[0].end <= anaphor.start and t[0].informative >= 3]
        referent = earlier[-1] if earlier else context.window
        if referent is None:
            # "At the time, 300,000 cases were pending": a window the writer gave, though not in this paragraph.
            item.time = TimeExpr(anaphor.start, anaphor.end, anaphor.text, "period")
            continue
        item.time = TimeExpr(
            anaphor.start,
            anaphor.end,
            anaphor.text,
            referent.type,
            referent.date_from,
            referent.date_to,
            lead=referent.lead,
            administration=referent.administration,
            compared=anaphor.compared,
        )


_YEAR_BEFORE = re.compile(
    r"^\s*(?:the\s+(?:year|fiscal\s+year)\s+(?:before|earlier|prior)|the\s+(?:previous|prior)\s+(?:fiscal\s+)?year"
    r"|a\s+year\s+(?:earlier|before))\s*$",
    re.IGNORECASE,
)


def _year_before(expr: TimeExpr, time_tokens: list[tuple[TimeExpr, int, int]], context: SentenceFacts) -> TimeExpr:
    """ "rising to 142,750 from about 64,000 the year before": the window named before it, a year earlier."""
    earlier = [t[0] for t in time_tokens if t[0].end <= expr.start and t[0].date_from and t[0].informative >= 4]
    referent = earlier[-1] if earlier else context.window
    if referent is None or referent.date_from is None or referent.date_to is None:
        return expr
    shifted = TimeExpr(expr.start, expr.end, expr.text, referent.type, _minus_year(referent.date_from),
                       _minus_year(referent.date_to), lead=referent.lead, compared=expr.compared)  # fmt: skip
    return shifted


def _minus_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # February 29
        return day.replace(year=day.year - 1, day=28)


def _defaults(item: Described) -> None:
    if item.custody == "non_detained" and item.event in (None, "detention"):
        item.event = "docket"  # people not in detention are counted on the non-detained docket
    if item.custody is None and item.event in _CUSTODY_DEFAULT_FOR_EVENT and not item.not_population:
        item.custody = _CUSTODY_DEFAULT_FOR_EVENT[item.event]
    if item.event == "conviction" and item.expr.kind != "count":
        item.criminality = "convicted"  # a conviction rate counts convictions, whoever the defendants were
    elif item.event == "dismissal":
        item.criminality = "any"
    if item.criminality is None and not item.not_population:
        if item.event == "conviction":
            item.criminality = "convicted"
        elif item.event == "prosecution":
            item.criminality = "pending"
        elif item.event in _ENFORCEMENT_EVENTS:
            item.criminality = "any"
    if item.unit is None:
        item.unit = {"arrest": "events", "removal": "events", "booking": "people"}.get(item.event or "", "people")
        if item.event in ("review", "closure") or (item.event == "docket" and item.criminality in (None, "any")):
            item.unit = "cases"  # a docket total counts cases; a criminal subset of it counts people


# --- conversion ------------------------------------------------------------------------


def time_window(expr: TimeExpr | None, measure: str, base: int, *, inherited: bool = False) -> TimeWindow:
    """The report's TimeWindow for a found expression, given what is counted."""
    if expr is None:
        return TimeWindow()
    return TimeWindow(
        text=expr.text,
        kind=window_kind(expr, measure),  # type: ignore[arg-type]
        start=expr.date_from,
        end=expr.date_to,
        text_start=None if inherited else base + expr.start,
        text_end=None if inherited else base + expr.end,
        administration=expr.administration,
        credited=expr.credits_administration,
        inherited=inherited,
    )


def window_kind(expr: TimeExpr, measure: str) -> str:
    """none / as_of / period / recurring / relative for an expression, given the claim's measure."""
    if expr.type == "recurring":
        return "recurring"
    if expr.type in ("relative", "admin"):
        return "relative"
    if expr.type == "now":
        return "as_of"
    if expr.lead in ("as of", "as at", "end of", "by", "on"):
        return "as_of"
    if expr.lead in ("before", "through", "until", "till", "between", "from"):
        return "period"
    if expr.lead == "since":
        return "relative"
    if expr.type == "date":
        return "as_of" if expr.lead not in ("through", "until", "till") else "period"
    if measure == "stock":
        return "as_of"
    return "period"


def to_cues(item: Described, base: int) -> list[Cue]:
    cues = [
        Cue(kind=c.category, label=c.label, text=c.text, start=base + c.char_start, end=base + c.char_end)
        for c in item.cues
        if c.category in ("framing", "criminality", "offense", "custody", "event", "outcome")
    ]
    for expr in item.window_mentions:
        label = "admin_agent" if expr.credits_administration else expr.type
        cues.append(Cue(kind="time", label=label, text=expr.text, start=base + expr.start, end=base + expr.end))
    return cues
