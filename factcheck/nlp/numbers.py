"""Find number expressions in a sentence and normalise them; tell claims from non-claims.

Pure string functions, no spaCy: "435,719", "6.4%", "1.2 million", "435K", "$3.5 billion",
"thirteen thousand", "half a million", "hundreds of thousands", "80-85 percent",
"between 8 and 12 percent", "3 in 4", "four out of five", "two-thirds", "nearly double",
"tripled", "3x", with the hedge before them ("more than", "nearly" ...).

Non-claims are masked before numbers are read: dates and years (found by
:mod:`factcheck.nlp.timewindows`), footnote markers, list and section numbers, phone numbers,
URLs, times of day, ordinals, ages, durations that frame a window, street addresses and
codes such as "COVID-19".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from factcheck.nlp.scan import DispatchedPattern, Landmarks, word_boundary_before
from factcheck.nlp.timewindows import TimeExpr

# --- written numbers -------------------------------------------------------------------

_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_ABBREVIATED_SCALES = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mm": 1_000_000,
    "b": 1_000_000_000,
    "bn": 1_000_000_000,
}
_FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "tenth": 10,
    "tenths": 10,
}

_W_ONES = "|".join(_ONES)
_W_BELOW100 = rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{_W_ONES}))?|{'|'.join(_TEENS)}|{_W_ONES})"
_W_SCALE = "|".join(_SCALES)
_DIGITS = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+"
_PERCENT = r"(?:\s?%|\s?(?:percentage\s+points?|percent\b|per\s?cent\b|pct\b\.?))"

# A single quantity, in digits or in words. Groups: money, digits, scale word or abbreviation.
_QTY_DIGITS = (
    rf"(?:(?P<@P@money>(?:US)?\$\s?))?(?P<@P@digits>{_DIGITS})"
    rf"(?:(?:\s|-)?(?P<@P@scale>{_W_SCALE})\b|(?P<@P@abbr>[kKmMbB]|bn|mn|BN|MM)\b)?"
)
_QTY_WORDS = (
    rf"(?P<@P@words>(?:(?:half\s+a|a\s+half|a\s+quarter|a|an|one)(?=\s+(?:{_W_SCALE})\b)|{_W_BELOW100})"
    rf"(?:(?:\s+|-)(?:{_W_SCALE})(?:\s+(?:and\s+)?{_W_BELOW100}(?!\s*(?:in|out)\b))?)*)(?![A-Za-z])"
)


def _qty(prefix: str) -> str:
    return rf"(?:{_QTY_DIGITS.replace('@P@', prefix)}|\b{_QTY_WORDS.replace('@P@', prefix)})"


_NUMBER_ALTERNATIVES: list[tuple[str, str]] = [
    ("between", rf"""\bbetween\s+{_qty("b1")}(?P<b1pct>{_PERCENT})?\s+and\s+{_qty("b2")}(?P<b2pct>{_PERCENT})?"""),
    (
        "ratio",
        rf"""(?<![0-9,.])\b(?P<rnum>[0-9]{{1,3}}|{_W_BELOW100})
        \s+(?:in|out\s+of|of\s+every|in\s+every)\s+
        (?P<rden>[0-9]{{1,4}}|{_W_BELOW100}|a\s+hundred|one\s+hundred)\b(?![,.]?[0-9])""",
    ),
    # "1/3 of arrests": a slash fraction before "of"; dates ("7/21") are not followed by "of".
    ("slash", r"""(?<![0-9/])\b(?P<snum>[0-9]{1,2})/(?P<sden>[0-9]{1,2})\b(?=\s+of\b)"""),
    ("range", rf"""{_qty("r1")}(?P<r1pct>{_PERCENT})?\s?(?:-|–|—|\s+to\s+)\s?{_qty("r2")}(?P<r2pct>{_PERCENT})?"""),
    ("vague", r"""\b(?:hundreds|tens)\s+of\s+(?:thousands|millions|billions)\b"""),
    (
        "fraction",
        rf"""\b(?:(?P<fnum>one|a|an|two|three|four|five|seven|nine)[- ])
        (?P<fden>halves|half|thirds?|quarters?|fifths?|sixths?|tenths?)\b(?!\s+(?:{_W_SCALE})\b)
        |\bhalf\b(?!\s+an?\s+(?:{_W_SCALE})\b)""",
    ),
    (
        "mult",
        rf"""\b(?:doubl(?:e|ed|es|ing)|twice|tripl(?:e|ed|es|ing)|quadrupl(?:e|ed|es|ing)|quintupl(?:e|ed|es|ing))\b
        |\b(?P<fold>[0-9]+(?:\.[0-9]+)?|{_W_BELOW100})[- ]?fold\b
        |\b(?P<xn>[0-9]+(?:\.[0-9]+)?)\s?x\b
        |\bx\s?(?P<nx>[0-9]+(?:\.[0-9]+)?)\b
        |\b(?P<times>[0-9]+(?:\.[0-9]+)?|{_W_BELOW100})\s+times\b
            (?=\s+(?:as|more|higher|larger|greater|bigger|faster|the|that|what|over|less|lower|smaller|fewer))""",
    ),
    ("single", rf"""{_qty("s")}(?P<spct>{_PERCENT})?"""),
]
_NUMBER_WORDS = (*_ONES, *_TEENS, *_TENS)
_MULTIPLIER_WORDS = tuple(
    f"{stem}{ending}" for stem in ("doubl", "tripl", "quadrupl", "quintupl") for ending in ("e", "ed", "es", "ing")
)
# The words (or "#digit": a digit, "$", ".5") each alternative can start with.
_NUMBER_STARTS: dict[str, tuple[str, ...]] = {
    "between": ("between",),
    "ratio": ("#digit", *_NUMBER_WORDS),
    "slash": ("#digit",),
    "range": ("#digit", "us", "a", "an", "half", *_NUMBER_WORDS),
    "vague": ("hundreds", "tens"),
    "fraction": ("one", "a", "an", "two", "three", "four", "five", "seven", "nine", "half"),
    "mult": ("#digit", "x", "twice", *_MULTIPLIER_WORDS, *_NUMBER_WORDS),
    "single": ("#digit", "us", "a", "an", "half", *_NUMBER_WORDS),
}
_KEY_WORDS = frozenset(key for keys in _NUMBER_STARTS.values() for key in keys if not key.startswith("#"))
_SCALE_AFTER_A = re.compile(
    r"\s+(?:hundred|thousand|million|billion|trillion|half|halves|thirds?|quarters?|fifths?|sixths?|tenths?)\b",
    re.IGNORECASE,
)
_DIGIT_AFTER_X = re.compile(r"\s?[0-9]")


def number_key(text: str, pos: int, token: str) -> str | None:
    """The start key of the number alternatives that can begin at this landmark (see factcheck.nlp.scan)."""
    first = token[0]
    if first in "$.":
        return "#digit"
    if first.isdigit():
        return "#digit"  # even after a letter ("N95"): the mask for codes then rules it out
    word = token.lower()
    if word not in _KEY_WORDS or not word_boundary_before(text, pos):
        return None
    after = pos + len(token)
    if word == "us":
        return word if text.startswith("$", after) else None
    if word == "x":
        return word if _DIGIT_AFTER_X.match(text, after) else None
    if word in ("a", "an"):
        return word if _SCALE_AFTER_A.match(text, after) else None
    return word


_NUMBERS = DispatchedPattern(
    _NUMBER_ALTERNATIVES, _NUMBER_STARTS, number_key, re.IGNORECASE | re.VERBOSE, name="numbers", words=_KEY_WORDS
)


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` shaped as a prefix tree ("t(?:en|hree|wo)"): ``re`` tries the
    alternatives of a group one by one, so sharing prefixes cuts the work at every word start.
    Longer words are tried before their prefixes, which a full-word match needs."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        by_first.setdefault(word[:1], []).append(word[1:])
    branches = [re.escape(first) + _trie(rests) for first, rests in sorted(by_first.items()) if first]
    if not branches:
        return ""
    group = f"(?:{'|'.join(branches)})"
    return f"{group}?" if "" in by_first else group if len(branches) > 1 else branches[0]


_FOOTNOTE = r"\[[0-9]{1,3}(?:\s*[,–-]\s*[0-9]{1,3})*\]"  # [1], [3, 4]


def _hits_pattern() -> re.Pattern[str]:
    """One pass over lower-cased text (``re`` is much slower with IGNORECASE): a footnote marker or
    a list number at a line start (``never``; find_numbers masks both, see _MASKS and _LIST_NUMBER,
    so its digits do not make a sentence worth scanning), a digit run, or a number word."""
    words = _KEY_WORDS - {"a", "an", "us", "x"}
    scaled = rf"an?\s+(?:{_W_SCALE}|half|halves|thirds?|quarters?|fifths?|sixths?|tenths?)\b"
    never = rf"{_FOOTNOTE}|\n[ \t]*[0-9]{{1,2}}[.)](?=\s|$)"
    return re.compile(rf"(?P<never>{never})|[0-9]+|\b(?:{_trie(list(words))}|{scaled})(?![^\W\d_])")


_HITS = _hits_pattern()


def number_hits(text: str) -> list[int]:
    """Sorted offsets of digit runs and number words: every number :func:`find_numbers` returns
    has one inside its digits (or, for a written number, inside its words).

    One plain regex pass over the whole text, far cheaper than cutting it into landmarks; the
    extractor uses the hits to pick the sentences worth scanning.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case to two ("İ"): keep offsets exact
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    # "\n": a list number at the very start; a never-match consumes the digits inside it.
    return [m.start() - 1 for m in _HITS.finditer("\n" + lowered) if m.lastgroup is None]


# --- hedges ----------------------------------------------------------------------------

_HEDGE_BEFORE = [
    (
        "over",
        r"(?:well|just|slightly|a\s+little|far|much|a\s+bit)?\s*(?:more\s+than|over|above|upwards?\s+of|"
        r"in\s+excess\s+of|greater\s+than|exceeding|north\s+of|beyond|higher\s+than)",
    ),
    (
        "nearly",
        r"(?:nearly|almost|close\s+to|approaching|nearing|not\s+quite|just\s+shy\s+of|just\s+short\s+of|"
        r"shy\s+of|the\s+better\s+part\s+of)",
    ),
    ("under", r"(?:just|slightly|well|far)?\s*(?:under|below|fewer\s+than|less\s+than|lower\s+than|short\s+of)"),
    (
        "about",
        r"(?:about|around|roughly|approximately|approx\.?|some|an\s+estimated|estimated|circa|ca\.|~|"
        r"on\s+the\s+order\s+of|in\s+the\s+region\s+of|an\s+approximate)",
    ),
    ("at_least", r"(?:at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of|minimum\s+of|not\s+less\s+than)"),
    ("at_most", r"(?:at\s+most|no\s+more\s+than|a\s+maximum\s+of|not\s+more\s+than|maximum\s+of)"),
    ("up_to", r"(?:up\s+to|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as)"),
]
_HEDGE_RE = re.compile(
    r"(?:" + "|".join(rf"(?P<{name}>\b{pattern})" for name, pattern in _HEDGE_BEFORE) + r")\s*$",
    re.IGNORECASE,
)


def _last_word(text: str) -> str:
    """The last run of non-space characters ("" if none); a regex anchored at $ would scan from the left."""
    words = text.rsplit(None, 1)
    return words[-1] if words else ""


# The last word of every hedge: only numbers after one of these can be hedged.
_HEDGE_LAST_WORDS = frozenset(
    """than over above of excess exceeding north beyond nearly almost to approaching nearing quite the under below
    short about around roughly approximately approx approx. some estimated circa ca. ~ region approximate least
    most as""".split()
)
_HEDGE_AFTER = re.compile(
    r"^(?:\s+or\s+(?P<at_least>more)\b|\s+or\s+(?P<about>so)\b|(?P<over>-plus\b|\+))", re.IGNORECASE
)

# --- non-claims -------------------------------------------------------------------------

_HTTP = re.compile(r"https?:", re.IGNORECASE)
_WWW_OR_DOMAIN = re.compile(r"\.(?:(?<=www\.)|(?:com|org|net|gov|edu|cc|io|us|info|news|co)\b)", re.IGNORECASE)


def _may_hold_url(text: str) -> bool:
    """Whether ``_URLS`` can match: "http:", "www.", "@" or ".com". Each test runs only when its
    telltale character is there, and the dotted one starts with a literal "." that ``re`` skips to."""
    return (
        "@" in text
        or (":" in text and _HTTP.search(text) is not None)
        or ("." in text and _WWW_OR_DOMAIN.search(text) is not None)
    )


_URLS = re.compile(
    r"""
    (?:https?://|www\.)\S+                                           # URLs
  | \b[\w.+-]+@[\w-]+\.[\w.]+                                        # e-mail
  | \b[\w-]+\.(?:com|org|net|gov|edu|cc|io|us|info|news|co)\b(?:/\S*)?  # bare domains
    """,
    re.VERBOSE,
)
_MASKS = re.compile(
    r"""
    (?:\+?1[-.\s])?\(?\b[0-9]{3}\)?[-.\s][0-9]{3}[-.\s][0-9]{4}\b    # phone numbers
  | \b[0-9]{3}-0[0-9]{3}\b                                          # local phone numbers: 555-0142
  | (?:(?<=voted\s)|(?<=vote\sof\s))[0-9]{1,3}[-–][0-9]{1,3}\b      # vote tallies: voted 19-10
  | \b[0-9]{1,3}[-–][0-9]{1,3}(?=\s+(?:vote|decision|ruling|majority|margin|split)\b)  # a 5-4 ruling
  | (?:(?<=[Pp]assed\s)|(?<=[Aa]pproved\s)|(?<=[Rr]ejected\s)|(?<=[Ff]ailed\s)|(?<=[Aa]dopted\s)
      |(?<=[Pp]assed\sit\s)|(?<=[Aa]pproved\sit\s)|(?<=[Rr]ejected\sit\s)|(?<=House\s)|(?<=Senate\s))
      [0-9]{1,3}[-–][0-9]{1,3}\b(?!\s*(?:%|percent))  # passed the House 219-213
  | \b[0-9]{1,2}:[0-9]{2}:[0-9]{2}\b                                 # timestamps: [00:12:08]
  | \b[0-9]{2,4}(?:\.[0-9])?\s?(?:AM|FM)\b                           # radio dials: 1470 AM, 88.5 FM
  | (?:(?<=Edit\s)|(?<=EDIT\s)|(?<=Update\s)|(?<=UPDATE\s))[0-9]{1,2}(?=:)  # post edits: "Edit 2:"
  | (?<=[_@])[0-9]+                                                  # handles: u/liberty_prime_76
  | (?<=·\s)[0-9][0-9,.]*[KkMm]?\s+(?:points|upvotes|likes|comments|replies|retweets|reposts|shares|views)\b
  | (?:(?<=\s:)|(?<=\(:))[0-9]{2}\b                                   # spot lengths: a :15 cutdown
  | (?:(?<=[\U0001F000-\U0001FAFF\u2190-\u21FF\u2600-\u27BF\u2B00-\u2BFF])
      |(?<=[\U0001F000-\U0001FAFF\u2190-\u21FF\u2600-\u27BF\u2B00-\u2BFF\uFE0F]\s))
      [0-9][0-9,.]*[KkMm]?\b                                            # engagement: 💬 412  🔁 3.1K
  | (?:(?<=\b[KW][A-Z]{2}\s)|(?<=\b[KW][A-Z]{3}\s))[0-9]{1,2}\b          # TV call signs: WCVT 12
  | (?:(?<=No\.\s)|(?<=Nos\.\s)|(?<=NO\.\s))[0-9]+(?:[-–/][0-9]+)+      # Serial No. 119-3
  | \b[0-9]+-(?:second|minute|hour)s?\b                              # a 30-second ad, a 90-minute hearing
  | \b1-[0-9]{3}-[A-Z0-9]+(?:-[A-Z0-9]+)+\b                          # 1-866-DHS-2-ICE
"""
    + f"  | {_FOOTNOTE}  # footnote markers\n"
    + r"""
  | \b[0-9]+(?:\([0-9a-zA-Z]{1,4}\))+                                # statute paragraphs 287(g), 241(a)(6)
  | §+\s*[0-9][0-9a-z.()-]*                                          # § 1226
  | \b[0-9]+\s+U\.?\s?S\.?\s?C\.?\s*§*\s*[0-9][0-9a-z()]*            # 8 U.S.C. 1226
  | \b[0-9]{1,3}(?:[- ](?:years?|yrs?\.?|months?|weeks?))[- ]old\b   # ages
  | \b(?:aged?|ages)\s+(?:of\s+)?[0-9]{1,3}\b                        # aged 34, the age of 4
  | \b[0-9]{1,2}(?::[0-9]{2})?\s?(?:a\.?m\.?|p\.?m\.?)(?![a-z])      # times of day
  | \b[0-9]{1,2}:[0-9]{2}\b                                          # 14:30
  | \b[0-9]+(?:st|nd|rd|th)\b                                        # ordinals
  | \b24/7\b
  | (?<![0-9/])\b[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?\b(?!\s+of\b|/)      # dates: 9/11, 7/21/2024 (not "1/3 of")
  | \b[0-9]+(?:\.[0-9]+){2,}\b                                       # version numbers 3.8.1
  | \#\s?[0-9]+                                                      # #1
  | \b[0-9]{1,5}\s+(?:[A-Z0-9][A-Za-z0-9]*\.?\s+){0,3}                  # street addresses
      (?:(?:Street|Avenue|Road|Boulevard|Drive|Lane|Way|Place|Plaza|Parkway|Court|Terrace|Circle|Square|Highway)\b
      |(?:St|Ave|Rd|Blvd|Dr|Hwy)\.)
  | (?<=\b[A-Z]{2}\s)[0-9]{5}(?:-[0-9]{4})?\b                         # ZIP codes: DC 20536
  | \b[0-9]+(?:\.[0-9]+)?\s?(?:MB|GB|KB|TB|kb|mb|gb|px|mm|cm|km|kg|lbs?|mph|°[CF]?)\b  # physical units
  | (?<=[A-Za-z])-?[0-9]+(?:-[0-9A-Za-z]+)*                          # codes: COVID-19, I-213, N95
  | \b[0-9]+-?[A-Za-z]+[0-9]+\w*                                     # codes: 1A2, 4G5
  | \b[0-9]+(?:s|'s)\b                                               # decades and plurals: 1990s, 80s
  | (?:(?<=NEWS\s)|(?<=News\s)|(?<=FOX\s)|(?<=Fox\s)|(?<=ABC\s)|(?<=NBC\s)|(?<=CBS\s)|(?<=KTLA\s)|(?<=WGN\s))
      [0-9]{1,2}\b                                                     # TV stations: NEWS 8, FOX 5
  | (?<![^\n])[0-9]{1,2}/(?:[0-9]{1,2}(?=\s+[A-Z\W])|(?=\s))          # thread markers: "1/", "6/6 Sources"
  | (?:(?<=tonight\sat\s)|(?<=tomorrow\sat\s)|(?<=today\sat\s))[0-9]{1,2}\b  # "tonight at 6"
  | \b[0-9]{1,2}\s+o'clock\b
  | (?<=[a-z],\s)[0-9]{1,2}(?=,\s+(?:of|from|who|whose|was|is|has|had|a|an|said|says|told|added)\b)  # ages
  | \b[0-9]{1,2}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre
      |noviembre|diciembre)\b                                         # Spanish dates: 16 de noviembre
    """,
    re.VERBOSE,
)
# Words that make the number after them a name or a reference, not a statistic ("Section 287", "page 12").
_LABEL_WORDS = (
    *"section sections sec. secs. title chapter ch. article art. part page pages p. pp. paragraph para.".split(),
    *"no. nos.".split(),
    *"item step rule form exhibit table figure fig. appendix footnote note line volume vol. issue room suite".split(),
    *"apt apt. highway route interstate channel district precinct ward flight proposition prop. h.r. s.".split(),
    *"amendment grade level tier priority category phase stage zone region class segment slide question".split(),
    *"order bill hb sb ab op-ed episode season round version model".split(),
    *"courtroom building gate terminal floor pod dorm box".split(),
    *"statistic stat fact tip reason takeaway lesson chart graph map".split(),  # listicles: "Statistic 5"
    "docket no.",
    "case no.",
    "executive order",
    "act of",
)
_LABEL_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _LABEL_WORDS) + r")\s*$", re.IGNORECASE
)
_LABEL_LAST_WORDS = frozenset(w.split()[-1] for w in _LABEL_WORDS)
_AGE_WORDS = frozenset({"age", "aged", "ages", "Age", "Aged", "Ages", "AGE", "AGED", "AGES"})
_OF_TOTAL_BEFORE = re.compile(
    r"\b(?:page|segment|part|chapter|episode|slide|step|round|question|volume)\s+[0-9]+\s+of\s+$", re.IGNORECASE
)
_LIST_NUMBER = re.compile(r"(?:^|\n)[ \t]*(?:[-*•]\s*)?(?P<n>[0-9]{1,2})[.)](?=\s|$)")
_ENUMERATOR = re.compile(r"\((?P<n>[0-9]{1,2})\)(?=\s+[a-z])")
_DURATION_AFTER = re.compile(
    r"^\s?-?\s?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|decades?|centuries)\b",
    re.IGNORECASE,
)
_DURATION_IS_STATISTIC = re.compile(
    r"\b(?:average|averages|averaged|median|mean|typical|typically|spend|spends|spent|stay|stays|stayed|wait|waits|"
    r"waited|lasted|lasts|length|backlog|takes|took)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
_PERSONAL_DURATION = re.compile(
    r"\b(?:I|I've|I'd|we|we've|he|she|he's|she's|my|his|her|our)\s+(?:have\s+|had\s+)?"
    r"(?:spent|served|worked|taught|lived|practiced|covered|reported)\s+(?:more\s+than\s+|nearly\s+|almost\s+)?$",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|roughly\s+|nearly\s+|some\s+)?(?:US)?\$?\s?$", re.IGNORECASE)
_PER_BEFORE = re.compile(r"\bper\s+$", re.IGNORECASE)
_HALF_NOT_A_CLAIM_BEFORE = re.compile(r"\b(?:first|second|latter|other|back|front|top|bottom)\s+$", re.IGNORECASE)
_HALF_NOT_A_CLAIM_AFTER = re.compile(
    r"^(?:-|\s)?(?:hour|day|time|century|decade|year|month|week|brother|sister|mast|way|hearted|point|dozen|life|"
    r"measures?|truths?|court|price|marathon)\b",
    re.IGNORECASE,
)
_HALF_CLAIM_AFTER = re.compile(
    r"^\s+(?:of|the|that|those|these|them|all|were|are|had|have|was|is|did|do|say|said|its|their|his|her|what|as)\b",
    re.IGNORECASE,
)
_CHANGE_CONTEXT_BEFORE = re.compile(r"\b(?:in|by|to)\s+$", re.IGNORECASE)
_MULTIPLIER_AFTER = re.compile(
    r"^\s+(?:the|that|this|its|their|his|her|what|as|from|in|since|over|between|during|compared|last|to|a)\b|^[.,;:)]|^\s*$",
    re.IGNORECASE,
)
_MULTIPLIER_NOT_AFTER = re.compile(
    r"^(?:-|\s)(?:digit|digits|check|checked|checking|down|standard|standards|agent|agents|jeopardy|edged|team|"
    r"bed|beds|room|decker|dip|take|play|life|lives|cross|crossed|crossing|murder|homicide|whammy|bind|duty|"
    r"header|click|counting|booking)\b",
    re.IGNORECASE,
)
_TWICE_AFTER = re.compile(r"^\s+(?:as|the|that|what|its|their|his|her)\b", re.IGNORECASE)
_SMALL_WORD_NOUNS = re.compile(
    r"^(?:\s+[a-z]+)?\s+(?:people|persons|immigrants|migrants|noncitizens|non-citizens|aliens|detainees|deaths|"
    r"arrests|removals|deportations|deportees|cases|facilities|officers|agents|prosecutions|convictions|murders|"
    r"homicides|suicides|fatalities|families|adults|minors|workers|employees|asylum\s+seekers|refugees)\b",
    re.IGNORECASE,
)
_SMALL_WORD_HEDGED = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|some|more\s+than|fewer\s+than|at\s+least)\s+$", re.IGNORECASE
)


@dataclass(slots=True)
class NumberExpr:
    """A number expression in text, normalised.

    ``kind`` is one of count, percent, ratio, fraction, multiplier, dollars; ``precision`` is
    the rounding step the writing implies ("435,000": 1000; "6.4%": 0.1).
    """

    start: int
    end: int
    text: str
    value: float | None
    kind: str
    low: float | None = None
    high: float | None = None
    approx: str | None = None
    precision: float = 1.0
    written: bool = False
    vague: bool = False
    duration: bool = False
    percentage_points: bool = False


def parse_written(text: str) -> float | None:
    """Value of a written number: "thirteen thousand" -> 13000, "half a million" -> 500000."""
    words = re.split(r"[\s-]+", text.lower().replace(" and ", " "))
    total = 0.0
    current = 0.0
    seen = False
    i = 0
    while i < len(words):
        word = words[i]
        if word in ("a", "an") and i + 1 < len(words) and words[i + 1] in ("half", "quarter"):
            current += 0.5 if words[i + 1] == "half" else 0.25
            i += 2
            seen = True
            continue
        if word == "half":
            current += 0.5
            if i + 1 < len(words) and words[i + 1] in ("a", "an"):
                i += 1
        elif word == "quarter":
            current += 0.25
        elif word in ("a", "an", "one") and i + 1 < len(words) and words[i + 1] in _SCALES:
            current += 1
        elif word in _ONES:
            current += _ONES[word]
        elif word in _TEENS:
            current += _TEENS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0.0
        else:
            return None
        seen = True
        i += 1
    return total + current if seen else None


_DOT_THOUSANDS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")


def _digits_value(digits: str) -> tuple[float, float]:
    """Value and written precision of a digit string ("435,000" -> (435000, 1000)).

    Dots group thousands in Spanish and much of Europe ("65.000", "1.234.567"); a single dot
    before exactly "000" is read that way too, since no English figure is written "65.000".
    """
    if _DOT_THOUSANDS.fullmatch(digits) and (digits.count(".") >= 2 or digits.endswith(".000")):
        digits = digits.replace(".", ",")
    plain = digits.replace(",", "")
    value = float(plain)
    if "." in plain:
        decimals = len(plain.split(".", 1)[1])
        return value, 10.0**-decimals
    stripped = plain.rstrip("0")
    zeros = len(plain) - len(stripped) if stripped else 0
    return value, 10.0**zeros


def _quantity(m: re.Match[str], prefix: str) -> tuple[float | None, float, bool, bool]:
    """(value, precision, is_money, is_written) of a quantity group."""
    digits = m.group(f"{prefix}digits")
    if digits is not None:
        value, precision = _digits_value(digits)
        scale_word = m.group(f"{prefix}scale")
        abbr = m.group(f"{prefix}abbr")
        scale = 1.0
        if scale_word:
            scale = float(_SCALES[scale_word.lower()])
        elif abbr:
            scale = float(_ABBREVIATED_SCALES[abbr.lower()])
        return value * scale, precision * scale, m.group(f"{prefix}money") is not None, False
    words = m.group(f"{prefix}words")
    written = parse_written(words) if words else None
    precision = 1.0
    if written is not None:
        scale_words = [w for w in re.split(r"[\s-]+", words.lower()) if w in _SCALES]
        precision = float(_SCALES[scale_words[-1]]) if scale_words else 1.0
        if "half" in words.lower() or "quarter" in words.lower():
            precision = precision / 10
    return written, precision, False, True


def find_hedge(text: str, start: int, end: int) -> tuple[str | None, int]:
    """The hedge before (or right after) the number at ``start:end`` and where it begins."""
    before = text[max(0, start - 40) : start]
    if _last_word(before).lower() in _HEDGE_LAST_WORDS:
        m = _HEDGE_RE.search(before)
        if m and m.lastgroup:
            return m.lastgroup, start - (len(before) - m.start())
    after = _HEDGE_AFTER.match(text[end : end + 12])
    if after and after.lastgroup:
        return after.lastgroup, start
    return None, start


def _masks(text: str, marks: Landmarks) -> list[tuple[int, int]]:
    """Spans of _MASKS; a mask starts at a digit run, at one of "[§#(+-", or at "age"."""
    spans = []
    pos = 0
    for start, token in zip(marks.positions, marks.tokens, strict=True):
        if start < pos or (token[0].isalpha() and token not in _AGE_WORDS):
            continue
        match = _MASKS.match(text, start)
        if match is not None:
            spans.append((start, match.end()))
            pos = match.end()
    return spans


def _masked_spans(text: str, times: list[TimeExpr], marks: Landmarks) -> list[tuple[int, int]]:
    spans = _masks(text, marks)
    if _may_hold_url(text):
        spans += [(m.start(), m.end()) for m in _URLS.finditer(text)]
    if text[:8].lstrip()[:1].isdigit() or "\n" in text:
        spans += [(m.start("n"), m.end("n")) for m in _LIST_NUMBER.finditer(text)]
    if "(" in text:
        spans += [(m.start("n"), m.end("n")) for m in _ENUMERATOR.finditer(text)]
    spans += time_masks(times)
    return spans


def time_masks(times: list[TimeExpr]) -> list[tuple[int, int]]:
    """The time expressions whose words are not statistics: dates with digits, "since 2024", "under Biden"."""
    return [(t.start, t.end) for t in times if t.digits or t.type in ("relative", "admin")]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _ratio_value(word: str) -> float | None:
    word = word.lower().strip()
    if word.replace(",", "").isdigit():
        return float(word.replace(",", ""))
    if word in ("a hundred", "one hundred"):
        return 100.0
    return parse_written(word)


def _fraction(m: re.Match[str]) -> float:
    den_word = (m.group("fden") or "half").lower()
    numerator = _ratio_value(m.group("fnum") or "one") or 1.0
    if m.group("fnum") and m.group("fnum").lower() in ("a", "an"):
        numerator = 1.0
    return numerator / _FRACTIONS[den_word]


def _multiplier(m: re.Match[str]) -> float | None:
    word = m.group(0).lower()
    for stem, factor in (("doubl", 2.0), ("twice", 2.0), ("tripl", 3.0), ("quadrupl", 4.0), ("quintupl", 5.0)):
        if word.startswith(stem):
            return factor
    for group in ("fold", "xn", "nx", "times"):
        raw = m.group(group)
        if raw:
            return _ratio_value(raw)
    return None


def _is_percent(suffix: str | None) -> bool:
    return bool(suffix and suffix.strip())


def _single(m: re.Match[str], text: str) -> NumberExpr | None:
    value, precision, money, written = _quantity(m, "s")
    if value is None:
        return None
    suffix = m.group("spct")
    kind = "percent" if _is_percent(suffix) else "dollars" if money else "count"
    if kind == "percent":
        precision = min(precision, 1.0)
    expr = NumberExpr(m.start(), m.end(), m.group(0), value, kind, precision=precision, written=written)
    expr.percentage_points = bool(suffix and "point" in suffix.lower())
    return expr


def _range(m: re.Match[str], prefix: str, text: str) -> NumberExpr | None:
    low, p_low, money_low, w_low = _quantity(m, f"{prefix}1")
    high, p_high, money_high, w_high = _quantity(m, f"{prefix}2")
    if low is None or high is None:
        return None
    first_digits = m.group(f"{prefix}1digits") or ""
    if not m.group(f"{prefix}1scale") and not m.group(f"{prefix}1abbr"):
        scale = m.group(f"{prefix}2scale") or m.group(f"{prefix}2abbr")
        if scale and high / low > 100:  # "1.2 to 1.5 million": the scale applies to both
            factor = _SCALES.get(scale.lower()) or _ABBREVIATED_SCALES.get(scale.lower(), 1)
            low, p_low = low * factor, p_low * factor
    if low >= high:
        return None
    if prefix == "r" and (
        _looks_like_years(first_digits, m.group(f"{prefix}2digits"))
        or high / max(low, 1e-9) > 20
        or _FROM_BEFORE.search(text[max(0, m.start() - 25) : m.start()])
    ):
        return None
    percent = _is_percent(m.group(f"{prefix}1pct")) or _is_percent(m.group(f"{prefix}2pct"))
    kind = "percent" if percent else "dollars" if money_low or money_high else "count"
    precision = min(p_low, p_high)
    if percent:
        precision = min(precision, 1.0)
    return NumberExpr(
        m.start(),
        m.end(),
        m.group(0),
        (low + high) / 2,
        kind,
        low=low,
        high=high,
        precision=precision,
        written=w_low and w_high,
    )


def _looks_like_years(first: str, second: str | None) -> bool:
    return bool(re.fullmatch(r"(?:19|20)[0-9]{2}", first or "") and re.fullmatch(r"(?:19|20)?[0-9]{2}", second or ""))


def _ratio(m: re.Match[str], num_group: str = "rnum", den_group: str = "rden") -> NumberExpr | None:
    num, den = _ratio_value(m.group(num_group)), _ratio_value(m.group(den_group))
    if not num or not den or num >= den or den > 1000:
        return None
    return NumberExpr(
        m.start(),
        m.end(),
        m.group(0),
        round(num / den, 4),
        "ratio",
        precision=0.01,
        written=not m.group(num_group)[0].isdigit(),
    )


def _half_is_claim(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 20) : start], text[end : end + 20]
    if _HALF_NOT_A_CLAIM_BEFORE.search(before) or _HALF_NOT_A_CLAIM_AFTER.match(after):
        return False
    return bool(_HALF_CLAIM_AFTER.match(after) or _HEDGE_RE.search(before) or _CHANGE_CONTEXT_BEFORE.search(before))


def _half_is_multiplier(text: str, start: int, end: int) -> bool:
    after = text[end : end + 30].lower()
    before = text[max(0, start - 12) : start].lower()
    return bool(
        re.match(
            r"^\s+(?:the|that|its|their|what)\s+(?:[a-z]+\s+)?(?:rate|number|level|pace|share|amount|total|size|"
            r"figure|target|goal|quota|count|peak)\b",
            after,
        )
        or re.match(r"^\s+(?:where|what)\b", after)
        or re.match(r"^\s+as\s+(?:many|much|likely|often|high|large)\b", after)
        or _CHANGE_CONTEXT_BEFORE.search(before)
        or re.match(r"^\s+(?:the|its)\s+initial", after)
    )


def _fraction_or_multiplier(m: re.Match[str], text: str) -> NumberExpr | None:
    if m.group("fnum") is None and not _half_is_claim(text, m.start(), m.end()):
        return None
    if m.group("fnum") is None and _half_is_multiplier(text, m.start(), m.end()):
        return NumberExpr(m.start(), m.end(), m.group(0), 0.5, "multiplier", precision=0.1, written=True)
    return NumberExpr(m.start(), m.end(), m.group(0), round(_fraction(m), 4), "fraction", precision=0.05, written=True)


def _multiplier_expr(m: re.Match[str], text: str) -> NumberExpr | None:
    word = m.group(0).lower()
    after = text[m.end() : m.end() + 20]
    if word.startswith(("double", "triple", "quadruple")) and not word.endswith(("d", "ing", "s")):
        before = text[max(0, m.start() - 30) : m.start()]
        if _MULTIPLIER_NOT_AFTER.match(after) or re.search(r"\b(?:a|an)\s+$", before, re.IGNORECASE):
            return None
        if not (_MULTIPLIER_AFTER.match(after) or _HEDGE_RE.search(before)):
            return None
    if word.endswith("ed") and re.match(r"^\s+down\b", after, re.IGNORECASE):
        return None
    if word == "twice" and not _TWICE_AFTER.match(after):
        return None
    value = _multiplier(m)
    if value is None:
        return None
    return NumberExpr(
        m.start(), m.end(), m.group(0), value, "multiplier", precision=0.1, written=not any(c.isdigit() for c in word)
    )


def _vague(m: re.Match[str]) -> NumberExpr:
    text = m.group(0).lower()
    big = 1_000_000_000 if "billion" in text else 1_000_000 if "million" in text else 1_000
    factor = 100 if text.startswith("hundreds") else 10
    low, high = 2 * factor * big, 10 * factor * big - 1
    return NumberExpr(
        m.start(),
        m.end(),
        m.group(0),
        (low + high + 1) / 2,
        "count",
        low=low,
        high=high,
        approx="about",
        precision=factor * big,
        written=True,
        vague=True,
    )


def _build(m: re.Match[str], text: str) -> NumberExpr | None:
    kind = m.lastgroup
    if kind == "between":
        return _range(m, "b", text)
    if kind == "ratio":
        return _ratio(m)
    if kind == "slash":
        return _ratio(m, "snum", "sden")
    if kind == "range":
        return _range(m, "r", text)
    if kind == "vague":
        return _vague(m)
    if kind == "fraction":
        return _fraction_or_multiplier(m, text)
    if kind == "mult":
        return _multiplier_expr(m, text)
    return _single(m, text)


_ORDINAL_AFTER = re.compile(
    r"[\s-]+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|[a-z]+teenth"
    r"|[a-z]+tieth|hundredth|thousandth)\b",
    re.IGNORECASE,
)


def _excluded(expr: NumberExpr, text: str, masks: list[tuple[int, int]]) -> bool:
    """Whether a number expression is not a statistical claim (see the module docstring)."""
    digit_positions = [i for i in range(expr.start, expr.end) if text[i].isdigit()]
    core = (digit_positions[0], digit_positions[-1] + 1) if digit_positions else (expr.start, expr.end)
    if _overlaps(core[0], core[1], masks):
        return True
    before = text[max(0, expr.start - 30) : expr.start]
    last_word = _last_word(before).lower().lstrip("([{\"'")
    if last_word in _LABEL_LAST_WORDS and _LABEL_BEFORE.search(before):
        return True
    if last_word in ("per", "of") and (_PER_BEFORE.search(before) or _OF_TOTAL_BEFORE.search(before)):
        return True
    if expr.written and _ORDINAL_AFTER.match(text, expr.end):
        return True  # "ONE HUNDRED NINETEENTH CONGRESS"
    if expr.kind == "fraction" and _AND_BEFORE.search(before) and _DURATION_AFTER.match(text[expr.end : expr.end + 12]):
        return True  # "three and a half years": the half of a duration
    if expr.kind == "count" and not expr.vague:
        if _DURATION_AFTER.match(text[expr.end : expr.end + 12]):
            before_duration = text[max(0, expr.start - 60) : expr.start]
            personal = _PERSONAL_DURATION.search(before_duration)  # "I spent 19 years on the bench"
            return personal is not None or not _DURATION_IS_STATISTIC.search(before_duration)
        if expr.written and expr.value is not None and expr.value < 20 and expr.low is None:
            hedged = expr.value > 1 and _SMALL_WORD_HEDGED.search(before)
            return not (_SMALL_WORD_NOUNS.match(text[expr.end : expr.end + 40]) or hedged)
        if not digit_positions:
            return False
        following = text[expr.end : expr.end + 6]
        if following.lower().startswith("-plus") or _RATE_COMPOUND.match(text, expr.end):
            return False  # "10,000-plus", "a 3,000-a-day goal"
        if following[:1].isalpha() or (following[:1] == "-" and following[1:2].isalpha()):
            return True
    return False


_AND_BEFORE = re.compile(r"\b(?:[0-9]+|[a-z]+)\s+and\s+$", re.IGNORECASE)
_RATE_COMPOUND = re.compile(r"-(?:a|an|per)-(?:day|week|month|year)\b", re.IGNORECASE)


def _extend_duration(expr: NumberExpr, text: str) -> None:
    """A duration that is itself the statistic ("47 days") keeps its unit in the span."""
    m = _DURATION_AFTER.match(text[expr.end : expr.end + 12])
    if m:
        expr.end += m.end()
        expr.text = text[expr.start : expr.end]
        expr.duration = True


def find_numbers(text: str, times: list[TimeExpr] | None = None, marks: Landmarks | None = None) -> list[NumberExpr]:
    """Statistical number expressions in ``text`` (normalised, see :mod:`textnorm`), in order.

    ``marks`` are the text's landmarks, when the caller has them already.
    """
    marks = Landmarks.of(text) if marks is None else marks
    starts = _NUMBERS.starts(text, marks)
    if not starts:
        return []
    masks = _masked_spans(text, times or [], marks)
    found: list[NumberExpr] = []
    pos = 0
    for start, pattern in starts:
        if start < pos:
            continue
        m = pattern.match(text, start)
        if m is None:
            continue
        expr = _build(m, text)
        pos = m.end()
        if expr is None and m.lastgroup in ("between", "ratio", "range", "vague"):
            # A rejected range or ratio ("from 368,574 to 425,431"): read its first number alone.
            inner = _SINGLE_ONLY.match(text, start)
            expr = _single(inner, text) if inner else None
            pos = inner.end() if inner else start + 1
        if expr is None or expr.value is None or not math.isfinite(expr.value) or _excluded(expr, text, masks):
            continue
        if expr.kind == "count" and _DURATION_AFTER.match(text[expr.end : expr.end + 12]):
            _extend_duration(expr, text)
            pos = max(pos, expr.end)
        hedge, _ = find_hedge(text, expr.start, expr.end)
        expr.approx = expr.approx or hedge
        found.append(expr)
    return found


_SINGLE_ONLY = re.compile(rf"{_qty('s')}(?P<spct>{_PERCENT})?", re.IGNORECASE)
