"""Time expressions: find them in a sentence, classify them, resolve them to dates.

Pure functions of strings (no spaCy), so the tricky cases can be tested as a table. A
:class:`TimeExpr` is a found expression; :func:`window_for` turns one into the claim's
:class:`~factcheck.models.TimeWindow`, whose kind depends on what is counted (a month given
for a stock is a snapshot, for a flow a period).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from factcheck.nlp.scan import DispatchedPattern, Landmarks, word_boundary_before

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# Terms of office used to resolve "under Biden", "Trump's first 100 days" and the like.
ADMINISTRATIONS: dict[str, list[tuple[dt.date, dt.date | None]]] = {
    "obama": [(dt.date(2009, 1, 20), dt.date(2017, 1, 19))],
    "trump": [(dt.date(2017, 1, 20), dt.date(2021, 1, 19)), (dt.date(2025, 1, 20), None)],
    "biden": [(dt.date(2021, 1, 20), dt.date(2025, 1, 19))],
    "harris": [(dt.date(2021, 1, 20), dt.date(2025, 1, 19))],
    "bush": [(dt.date(2001, 1, 20), dt.date(2009, 1, 19))],
}
_ADMIN_ALIASES = {"kamala": "harris", "biden-harris": "biden", "harris-biden": "biden", "donald": "trump"}

_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBREVIATIONS = r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?"
# Case-sensitive, so that "may" the verb is not May the month; headlines in capitals still match.
_MONTH = rf"(?-i:{_MONTH_NAMES}|{_MONTH_NAMES.upper()}|{_MONTH_ABBREVIATIONS}|{_MONTH_ABBREVIATIONS.upper()})"
_PART = r"(?:(?:early|mid|late)[- ]?|the\s+(?:end|beginning|start|middle)\s+of\s+)"
_DAY = r"[0-3]?[0-9](?:st|nd|rd|th)?"
_YEAR = r"(?:19[5-9][0-9]|20[0-9]{2})"
# Small counts in words ("the first three months", "nearly a year after"), shared by the patterns and _number_word.
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_SMALL_WORDS = (*(w for w in _NUMBER_WORDS if w not in ("a", "an")), "several")
_SMALL = rf"(?:[0-9]+|{'|'.join(_SMALL_WORDS)}|a|an|a\s+few)"
_UNIT = r"(?:days?|weeks?|months?|years?|decades?)"
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}
ADMIN_NAME = r"(?-i:Biden|Trump|Obama|Harris|Kamala|Bush|BIDEN|TRUMP|OBAMA|HARRIS|KAMALA|BUSH)"

# Atoms, in priority order (longest alternatives first); each becomes a named group.
_ATOM_ALTERNATIVES: list[tuple[str, str]] = [
    ("iso", rf"""\b{_YEAR}-[01][0-9]-[0-3][0-9]\b"""),
    ("slash", rf"""\b[01]?[0-9]/[0-3]?[0-9]/(?:{_YEAR}|[0-9]{{2}})\b"""),
    (
        "fyrange",
        rf"""\b(?:FY|fiscal\s+years?)\s?'?(?P<fyr1>{_YEAR}|[0-9]{{2}})
        \s*(?:-|–|—|to|through|and)\s*(?:FY\s?)?'?(?P<fyr2>{_YEAR}|[0-9]{{2}})\b""",
    ),
    ("fy", rf"""\b(?:FY|fiscal(?:\s+year)?)\s?'?(?P<fyyear>{_YEAR}|[0-9]{{2}})\b"""),
    ("yearfiscal", rf"""\b(?P<yfyear>{_YEAR})\s+fiscal\s+year\b"""),  # "the agency's 2018 fiscal year"
    (
        "fyended",
        rf"""\bfiscal\s+year,?\s+(?:that|which)\s+ended\s+(?:in\s+|on\s+)?(?-i:Sept\.?|September|SEPTEMBER|Sep\.)
        (?:\s+30)?,?\s+(?P<fyeyear>{_YEAR})\b""",
    ),
    (
        "yearended",
        rf"""\b(?:in\s+|during\s+|over\s+|for\s+)?the\s+(?:fiscal\s+|budget\s+)?(?:year|12\s+months)\s+
        (?:that\s+|which\s+)?end(?:ed|ing|s)\s+(?:on\s+)?
        (?P<yemonth>{_MONTH})\s+(?P<yeday>{_DAY}),?\s+(?P<yeyear>{_YEAR})\b""",
    ),
    ("cy", rf"""\b(?:CY|calendar(?:\s+year)?)\s?(?P<cyyear>{_YEAR})\b"""),
    ("date", rf"""\b(?P<dpart>{_PART})?(?P<dmonth>{_MONTH})\s+(?P<dday>{_DAY})(?:,\s*|\s+)(?P<dyear>{_YEAR})\b"""),
    ("dmy", rf"""\b(?P<edday>{_DAY})\s+(?P<edmonth>{_MONTH})\s+(?P<edyear>{_YEAR})\b"""),
    ("monthyear", rf"""\b(?P<mypart>{_PART})?(?P<mymonth>{_MONTH})(?:,)?\s+(?P<myyear>{_YEAR})\b"""),
    ("monthday", rf"""\b(?P<mdpart>{_PART})?(?P<mdmonth>{_MONTH})\s+(?P<mdday>{_DAY})\b(?![0-9.,]*[0-9])"""),
    ("month", rf"""\b(?P<mpart>{_PART})?(?P<mmonth>{_MONTH})\b"""),
    ("yearrange", rf"""\b(?P<yr1>{_YEAR})\s?(?:-|–|—|/)\s?(?P<yr2>{_YEAR}|[0-9]{{2}})\b(?!\s?(?:%|percent))"""),
    ("decade", r"""\b(?:the\s+)?(?:19|20)[0-9]0s\b"""),
    ("year", rf"""\b(?P<yyear>{_YEAR})\b(?![0-9,.]*\s?(?:%|percent))"""),
    (
        "adminterm",
        rf"""\b{ADMIN_NAME}(?:'s)?\s+
        (?:(?:first|second)\s+(?P<atn>{_SMALL})\s+{_UNIT}|(?:first|second)\s+term|presidency|tenure)\b""",
    ),
    (
        "adminadmin",
        rf"""\b(?:the\s+)?(?:{ADMIN_NAME}(?:-{ADMIN_NAME})?)\s+
        (?:administration|White\s+House|era|years)\b
        (?!\s+(?:promised|pledged|vowed|announced|said|says|unveiled|proposed|launched|began|started|decided|ordered
        |issued|introduced|adopted|created|rolled\s+out|set\s+out)\b)""",
    ),
    (
        "under",
        rf"""\b(?:under|during|by)\s+
        (?:President\s+|Vice\s+President\s+|(?:the\s+)?former\s+President\s+)?{ADMIN_NAME}\b
        (?:'s\s+(?:first|second)\s+term\b)?""",
    ),
    (
        "adminagent",
        rf"""\b{ADMIN_NAME}(?:-{ADMIN_NAME})?(?:'s(?:\s+[a-z]+){{0,2}})?
        (?=\s+(?:has\s+|have\s+|had\s+)?["'\u201c\u2018]?
        (?:let|set|released|allowed|admitted|welcomed|freed|brought|waved|flew|flown|imported|left)\b)""",
    ),
    (
        "inoffice",
        rf"""\b(?:while|when)\s+(?:(?:Vice\s+)?President\s+)?(?:[A-Z][a-z]+\s+)?{ADMIN_NAME}
        \s+(?:was|were|has\s+been|is)\s+(?:in\s+office|president|in\s+charge|vice\s+president)\b""",
    ),
    (
        "thisadmin",
        r"""\b(?:under\s+|during\s+|by\s+)?(?:the|this)\s+
        (?:previous|prior|last|current|outgoing|incoming|past|present)?\s*administration\b""",
    ),
    (
        "sincebegan",
        rf"""\bsince\s+(?:the|this|that|it|its)\s+(?:[a-z-]+\s+){{0,3}}
        (?:began|begun|started|launched|took\s+effect|opened|was\s+announced)\b
        (?:\s+(?:(?:last|this|in|on)\s+)?{_MONTH}(?:\s+{_DAY})?(?:,?\s+{_YEAR})?|\s+in\s+{_YEAR})?""",
    ),
    (
        "tookoffice",
        rf"""\b(?:since|after)\s+(?:President\s+)?(?:[A-Z][a-z]+\s+)?{ADMIN_NAME}(?:\s+(?:took|assumed|returned\s+to|came\s+into)\s+office
        |'s\s+(?:(?:second\s+)?inauguration|swearing-in|return\s+to\s+(?:office|the\s+White\s+House)))\b""",
    ),
    (
        "daysbefore",
        rf"""\b(?:in\s+|during\s+|over\s+)?the\s+(?P<dbn>[0-9]+|{_SMALL})\s+(?P<dbunit>days|weeks|months)\s+
        (?P<dbwhen>before|after)\s+(?:President\s+)?(?:[A-Z][a-z]+\s+)?{ADMIN_NAME}\s+(?:took|assumed|returned\s+to|came\s+into)\s+office\b""",
    ),
    (
        "elapsed",
        rf"""\b(?:nearly\s+|almost\s+|about\s+|roughly\s+|just\s+|more\s+than\s+)?(?P<eln>{_SMALL})\s+
        (?P<elunit>years?|months?|weeks?)\s+(?:after|since)\b""",
    ),
    (
        "sinceevent",
        r"""\bsince\s+(?:the|last|this|that)\s+(?:[a-z]+\s+)?(?:election|inauguration|shutdown|pandemic|ruling
        |raids?|crackdown|surge|memo|order|(?:start|beginning)\s+of\s+(?:the|this)\s+(?:fiscal\s+)?year)\b""",
    ),
    (
        "sincetaking",
        r"""\bsince\s+(?:taking|retaking|assuming|returning\s+to|(?:he|she|they|the\s+president|the\s+(?:current\s+|new\s+)?administration)
        \s+(?:took|assumed|returned\s+to|came\s+into))\s+office\b""",
    ),
    ("season", r"""\b(?:this|last|next|the\s+past)\s+(?:spring|summer|fall|autumn|winter)\b"""),
    (
        "histerm",  # "during her term", "during her three and a half year period as Border Czar"
        r"""\b(?:during|in|under|throughout|over)\s+(?:his|her)\s+(?:(?:first|second|entire|whole)\s+)?
        (?:(?:[a-z]+(?:\s+and\s+a\s+half)?)[- ]years?\s+)?
        (?:term|tenure|presidency|administration|watch|time\s+in\s+office|(?:period|time|tenure)\s+as\s+border\s+czar)\b""",
    ),
    (
        "halfyear",
        r"""\b(?:in\s+|during\s+|over\s+)?the\s+(?P<hfwhich>first|second)\s+half\s+of\s+
        (?:(?P<hfyear>(?:19|20)[0-9]{2})|(?P<hfrel>the|this|last)\s+year)\b""",
    ),
    (
        "dayoffice",
        rf"""\b(?:on\s+)?(?:the\s+day|when)\s+(?:President\s+)?(?:[A-Z][a-z]+\s+)?{ADMIN_NAME}
        \s+(?:took|assumed|returned\s+to|came\s+into)\s+office\b""",
    ),
    ("hundreddays", r"""\b100[\s-]+(?:days?|d[ií]as)\b(?:\s+(?:of|in|into)\b)?"""),
    ("typically", r"""\b(?:typically|usually|normally|routinely|in\s+a\s+typical\s+year)\b"""),
    (
        "ndays",
        r"""\b(?:in|within|over)\s+(?:(?:less|fewer|more)\s+than\s+|under\s+|just\s+|about\s+|nearly\s+|almost\s+)?
        (?P<ndn>[0-9]{1,4})\s+(?P<ndunit>days|weeks|months)\b""",
    ),
    (
        "nperiod",
        r"""\b(?:in|during|over|within)\s+(?:a|an|the)\s+
        (?:[0-9]+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)[- ](?:day|week|month|year)
        \s+(?:period|span|stretch|window)\b""",
    ),
    (
        "firstlast",
        rf"""\b(?:in\s+|during\s+|over\s+|within\s+|for\s+)?(?:the\s+)?
        (?:first|last|past|previous|initial|prior|next|latest)\s+(?:(?P<fln>{_SMALL})[- ])?{_UNIT}\b""",
    ),
    (
        "anaphor",
        r"""\b(?:in\s+|on\s+|over\s+|during\s+)?(?:roughly\s+)?
        (?:(?:that|the\s+same)\s+(?:fiscal\s+)?(?:year|span|period|month|time|window|stretch|quarter|date|day|week)
        |the\s+(?:fiscal|calendar)\s+year(?!\s*(?:[0-9]|'[0-9])))\b
        |\b(?:during|over|throughout|for)\s+the\s+year\b(?!\s*(?:[0-9]|'[0-9]|that|which|end|before|earlier|prior|ago))
        |\bat\s+the\s+time\b""",
    ),
    (
        "yearbefore",
        r"""\b(?:the\s+(?:year|month)\s+(?:before|earlier|prior)|a\s+year\s+(?:earlier|ago|before)
        |the\s+(?:previous|prior)\s+(?:fiscal\s+)?year)\b""",
    ),
    ("thisyear", r"""\b(?:this|last|the\s+current|the\s+past|next)\s+(?:fiscal\s+)?(?:year|month|week|quarter)\b"""),
    (
        "recurring",
        r"""\b(?:each|every)(?:\s+single)?\s+(?:fiscal\s+)?(?:year|month|week)\b
        |\bper\s+(?:fiscal\s+)?year\b|\b(?:annually|yearly)\b|\bper\s+annum\b
        |(?<!nearly\s)(?<!almost\s)(?<!about\s)(?<!than\s)(?<!over\s)(?<!within\s)(?<!half\s)\ba\s+(?:fiscal\s+)?year\b
        (?!\s+(?:after|ago|later|earlier|before|into|since|and|or|of|from|to)\b)""",
    ),
    (
        "now",
        r"""\b(?:right\s+now|now|currently|today|at\s+present|presently|these\s+days|nowadays
        |at\s+the\s+moment)\b""",
    ),
    ("yesterday", r"""\byesterday\b"""),
    ("sofar", r"""\b(?:so\s+far(?:\s+this\s+(?:fiscal\s+)?year)?|to\s+date|year[- ]to[- ]date)\b"""),
]
# The words (or classes: a digit, a month name, an administration) each atom can start with.
_ATOM_STARTS: dict[str, tuple[str, ...]] = {
    "iso": ("#digit",),
    "slash": ("#digit",),
    "fyrange": ("fy", "fiscal"),
    "fy": ("fy", "fiscal"),
    "yearfiscal": ("#digit",),
    "yearended": ("in", "during", "over", "for", "the"),
    "fyended": ("fiscal",),
    "cy": ("cy", "calendar"),
    "date": ("#month", "early", "mid", "late", "the"),
    "dmy": ("#digit",),
    "monthyear": ("#month", "early", "mid", "late", "the"),
    "monthday": ("#month", "early", "mid", "late", "the"),
    "month": ("#month", "early", "mid", "late", "the"),
    "yearrange": ("#digit",),
    "decade": ("#digit", "the"),
    "year": ("#digit",),
    "adminterm": ("#admin",),
    "adminadmin": ("#admin", "the"),
    "under": ("under", "during", "by"),
    "adminagent": ("#admin",),
    "inoffice": ("while", "when"),
    "thisadmin": ("under", "during", "by", "the", "this"),
    "sincebegan": ("since",),
    "tookoffice": ("since", "after"),
    "sincetaking": ("since",),
    "sinceevent": ("since",),
    "elapsed": ("nearly", "almost", "about", "roughly", "just", "more", "#digit", "a", "an", *_SMALL_WORDS),
    "daysbefore": ("in", "during", "over", "the"),
    "season": ("this", "last", "next", "the"),
    "histerm": ("during", "in", "under", "throughout", "over"),
    "halfyear": ("in", "during", "over", "the"),
    "dayoffice": ("on", "the", "when"),
    "hundreddays": ("#digit",),
    "typically": ("typically", "usually", "normally", "routinely", "in"),
    "nperiod": ("in", "during", "over", "within"),
    "ndays": ("in", "within", "over"),
    "firstlast": (
        "in",
        "during",
        "over",
        "within",
        "for",
        "the",
        "first",
        "last",
        "past",
        "previous",
        "initial",
        "prior",
        "next",
        "latest",
    ),
    "anaphor": ("in", "on", "over", "during", "roughly", "that", "the", "throughout", "for", "at"),
    "yearbefore": ("the", "a"),
    "thisyear": ("this", "last", "the", "next"),
    "recurring": ("each", "every", "a", "per", "annually", "yearly"),
    "now": ("right", "now", "currently", "today", "at", "presently", "these", "nowadays"),
    "yesterday": ("yesterday",),
    "sofar": ("so", "to", "year"),
}
_MONTH_TOKENS = frozenset(
    name
    for month in (
        *_MONTH_NAMES.split("|"),
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    )
    for name in (month, month.upper())
)
_ADMIN_TOKENS = frozenset(
    {"Biden", "Trump", "Obama", "Harris", "Kamala", "Bush", "BIDEN", "TRUMP", "OBAMA", "HARRIS", "KAMALA", "BUSH"}
)
_WORD_KEYS = frozenset(key for keys in _ATOM_STARTS.values() for key in keys if not key.startswith("#"))
# Frequent words start an atom only before certain words; checking that first keeps the scan cheap.
_ONLY_BEFORE = {
    "the": re.compile(
        r"\s+(?:end|beginning|start|middle|same|first|last|past|previous|prior|initial|next|latest|current|year|fiscal|calendar|"
        r"month|this|present|outgoing|incoming|(?:19|20)[0-9]0s|Biden|Trump|Obama|Harris|Kamala|Bush|administration|"
        r"day|[0-9]+\s+(?:days|weeks|months))\b",
        re.IGNORECASE,
    ),
    "a": re.compile(r"\s+(?:fiscal\s+)?year\b", re.IGNORECASE),
    "to": re.compile(r"\s+date\b", re.IGNORECASE),
    "so": re.compile(r"\s+far\b", re.IGNORECASE),
    "at": re.compile(r"\s+(?:present|the\s+moment|the\s+time)\b", re.IGNORECASE),
    "on": re.compile(r"\s+(?:roughly\s+)?(?:that|the\s+same|the\s+day)\b", re.IGNORECASE),
    "in": re.compile(
        r"\s+(?:a|an|the|that|roughly|(?:less|fewer|more)\s+than|under|just|about|nearly|almost|"
        r"[0-9]{1,4}\s+(?:days|weeks|months))\b",
        re.IGNORECASE,
    ),
    "when": re.compile(
        r"\s+(?:President\s+|Vice\s+President\s+)?(?:[A-Z][a-z]+\s+)?(?:Biden|Trump|Obama|Harris|"
        r"Kamala|Bush)\b"
    ),
    "over": re.compile(r"\s+(?:a|an|the|that|roughly|[0-9]{1,4}\s+(?:days|weeks|months))\b", re.IGNORECASE),
    "for": re.compile(r"\s+(?:the\s+)?(?:first|last|past|previous|initial|prior|next|latest|year)\b", re.IGNORECASE),
    "these": re.compile(r"\s+days\b", re.IGNORECASE),
    "right": re.compile(r"\s+now\b", re.IGNORECASE),
    "fy": re.compile(r"[0-9'\s]"),
    "cy": re.compile(r"[0-9'\s]"),
}


def _atom_key(text: str, pos: int, token: str) -> str | None:
    """The start key of the atoms that can begin at this landmark (see factcheck.nlp.scan)."""
    if token[0].isdigit():
        key = "#digit"
    elif token in _MONTH_TOKENS:
        key = "#month"
    elif token in _ADMIN_TOKENS:
        key = "#admin"
    else:
        key = token.lower()
        if key not in _WORD_KEYS:
            return None
    if not word_boundary_before(text, pos):
        return None
    if key[0] == "#":
        return key
    word = key
    condition = _ONLY_BEFORE.get(word)
    if condition is not None and not condition.match(text, pos + len(token)):
        return None
    return word


_ATOMS = DispatchedPattern(
    _ATOM_ALTERNATIVES, _ATOM_STARTS, _atom_key, re.IGNORECASE | re.VERBOSE, name="times",
    words=_WORD_KEYS | {t.lower() for t in _MONTH_TOKENS | _ADMIN_TOKENS},
)  # fmt: skip

_LEAD = re.compile(
    r"(?:\b(?P<lead>as\s+of|as\s+at|since|from|between|through|until|till|by|on|in|during|at|over|before|after)"
    r"(?:\s+(?:the\s+)?(?:end|close|start|beginning)\s+of)?(?:\s+all\s+of)?\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_END_OF = re.compile(r"\b(?:end|close)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_JOIN = re.compile(r"^\s*,?\s*(?:-|–|—|to|through|thru|until|till|and)\s*$", re.IGNORECASE)
_BETWEEN_SOMETHING_AND = re.compile(r"\bbetween\b[^.;]{0,60}\band\s+$", re.IGNORECASE)
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|say|told(?:\s+\w+){0,2}|wrote|posted|tweeted|announced|testified|claimed|argued|stated|"
    r"reported|published|released|issued|repeated|reiterated|insisted|noted|added|explained|asserted|"
    r"maintained|acknowledged|conceded)\s+(?:on\s+|in\s+|at\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
_SPEECH_AFTER = re.compile(
    r"^,?\s+(?:[A-Z][\w.'-]*\s+){1,4}(?:said|says|told|wrote|posted|tweeted|announced|claimed)\b"
)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
_LAST_OR_THIS = re.compile(r"\b(?P<rel>last|this|next)\s+$", re.IGNORECASE)


@dataclass(slots=True)
class TimeExpr:
    """A time expression found in text.

    ``type`` is the grammatical family (date, month, year, fy, period, relative, recurring,
    now, admin); ``date_from``/``date_to`` are resolved when possible. ``lead`` is the
    preposition that introduced it ("as of", "since", "between" ...), lower-cased.
    """

    start: int
    end: int
    text: str
    type: str
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    lead: str | None = None
    administration: str | None = None
    year_known: bool = True
    digits: bool = False
    parts: list[str] = field(default_factory=list)
    form: str = ""  # which pattern found it (e.g. "under", "adminagent"): rules tell framing from context
    compared: bool = False  # set by the sentence's reading: a period compared against, which dates no figure

    @property
    def credits_administration(self) -> bool:
        """ "under Biden", "Kamala let in", "by Kamala", "the Biden administration": a figure credited to one."""
        return self.type == "admin" and self.form in ("under", "adminagent", "adminadmin", "thisadmin")

    @property
    def informative(self) -> int:
        """How much the expression pins down, to prefer a date over "now" in a sentence."""
        return {
            "date": 6,
            "period": 6,
            "fy": 6,
            "month": 5,
            "year": 4,
            "relative": 3,
            "admin": 3,
            "recurring": 2,
            "now": 1,
        }.get(self.type, 0)


def _month_number(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _year(text: str) -> int:
    text = text.lstrip("'")
    value = int(text)
    return value + 2000 if value < 100 else value


def _fiscal_year(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year - 1, 10, 1), dt.date(year, 9, 30)


def _month_span(year: int, month: int, part: str | None) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    part = (part or "").lower()
    if part.startswith("early") or "beginning" in part or "start" in part:
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if part.startswith("mid") or "middle" in part:
        return dt.date(year, month, 11), dt.date(year, month, 20)
    if part.startswith("late") or "end" in part:
        return dt.date(year, month, 21), dt.date(year, month, last)
    return dt.date(year, month, 1), dt.date(year, month, last)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _admin_key(name: str) -> str:
    key = name.lower()
    return _ADMIN_ALIASES.get(key, key)


def administration_span(
    name: str, on: dt.date | None, *, second_term: bool = False, first_term: bool = False
) -> tuple[dt.date, dt.date | None]:
    """The term of ``name`` in office on or before ``on`` (the latest one when ``on`` is None)."""
    terms = ADMINISTRATIONS[_admin_key(name)]
    if second_term and len(terms) > 1:
        return terms[1]
    if first_term:
        return terms[0]
    if on is not None:
        started = [t for t in terms if t[0] <= on]
        if started:
            return started[-1]
    return terms[-1] if on is None else terms[0]


def _number_word(text: str | None) -> int | None:
    if not text:
        return None
    text = text.lower().strip()
    return int(text) if text.isdigit() else _NUMBER_WORDS.get(text)


def _add_span(start: dt.date, count: int, unit: str) -> dt.date:
    return start + dt.timedelta(days=count * _UNIT_DAYS[unit.lower().rstrip("s")] - 1)


def _atoms(text: str, published: dt.date | None, marks: Landmarks | None) -> list[TimeExpr]:
    atoms: list[TimeExpr] = []
    for m in _ATOMS.finditer(text, marks):
        kind = m.lastgroup
        expr = TimeExpr(
            m.start(), m.end(), m.group(0), "date", digits=any(c.isdigit() for c in m.group(0)), form=kind or ""
        )
        if kind == "iso":
            y, mo, d = (int(x) for x in m.group(0).split("-"))
            expr.date_from = expr.date_to = _safe_date(y, mo, d)
        elif kind == "slash":
            slash_month, slash_day, slash_year = m.group(0).split("/")
            expr.date_from = expr.date_to = _safe_date(_year(slash_year), int(slash_month), int(slash_day))
        elif kind == "fyrange":
            expr.type = "period"
            first, last = _year(m.group("fyr1")), _year(m.group("fyr2"))
            if last < first and last < 100:
                last += first - first % 100
            expr.date_from, expr.date_to = _fiscal_year(first)[0], _fiscal_year(last)[1]
        elif kind == "fyended":  # "Biden's last full fiscal year, which ended in September 2024"
            expr.type = "fy"
            expr.date_from, expr.date_to = _fiscal_year(int(m.group("fyeyear")))
        elif kind == "yearended":
            ended = _safe_date(
                int(m.group("yeyear")), _month_number(m.group("yemonth")), int(re.sub(r"\D", "", m.group("yeday")))
            )
            if ended is None:
                continue
            expr.type = "fy" if (ended.month, ended.day) == (9, 30) else "period"
            expr.date_from, expr.date_to = _year_ending(ended), ended
        elif kind == "daysbefore":
            # "172,026 in the 111 days before President Trump took office"
            name = re.search(ADMIN_NAME, m.group(0))
            count = _number_word(m.group("dbn"))
            if name is None or count is None:
                continue
            term_start, _ = administration_span(name.group(0), published)
            if term_start is None:
                continue
            days = count * _UNIT_DAYS[m.group("dbunit").lower().rstrip("s")]
            expr.type = "relative"
            if m.group("dbwhen").lower() == "before":
                expr.date_from, expr.date_to = term_start - dt.timedelta(days=days), term_start - dt.timedelta(days=1)
            else:
                expr.date_from, expr.date_to = term_start, term_start + dt.timedelta(days=days - 1)
        elif kind == "elapsed":
            # "Nearly a year after the review began, 360,000 cases have been screened": the time since then.
            count = _number_word(m.group("eln"))
            expr.type = "relative"
            if published and count:
                expr.date_from, expr.date_to = _minus_span(published, count, m.group("elunit")), published
        elif kind == "sinceevent":  # "312 cases since the election": up to the story's date
            expr.type = "relative"
            expr.date_to = published
            if published and re.search(r"(?:start|beginning)\s+of", m.group(0), re.IGNORECASE):
                expr.date_from = dt.date(published.year, 1, 1)
        elif kind == "sincetaking":
            # "Trump has deported 302,192 people since taking office": the subject names the president.
            named = re.findall(ADMIN_NAME, text[max(0, m.start() - 120) : m.start()])
            # "since the president took office": the president in office when the story ran.
            unnamed = re.search(r"president|administration", m.group(0), re.IGNORECASE)
            holder = _admin_key(named[-1]) if named else (_in_office(published) if unnamed else None)
            if holder is not None:
                expr.type, expr.administration = "admin", holder
                _resolve_admin(expr, m, published)
            else:
                expr.type = "relative"
        elif kind == "histerm":
            # "Kamala ... during her term": the term of the president named before the pronoun.
            named = re.findall(ADMIN_NAME, text[max(0, m.start() - 200) : m.start()])
            named = named or re.findall(ADMIN_NAME, text[m.end() : m.end() + 120])[:1]  # "In his first term, Trump"
            if named:
                expr.type, expr.administration = "admin", _admin_key(named[-1])
                _resolve_admin(expr, m, published)
            else:
                expr.type = "relative"
        elif kind == "season":
            expr.type = "relative"
            expr.date_from, expr.date_to = _season_span(m.group(0), published)
        elif kind == "halfyear":  # "in the first half of 2025", "the second half of last year"
            expr.type = "period"
            year = int(m.group("hfyear")) if m.group("hfyear") else None
            if year is None and published is not None:
                year = published.year - (1 if m.group("hfrel").lower() == "last" else 0)
            if year is not None:
                first = m.group("hfwhich").lower() == "first"
                expr.date_from = dt.date(year, 1, 1) if first else dt.date(year, 7, 1)
                expr.date_to = dt.date(year, 6, 30) if first else dt.date(year, 12, 31)
        elif kind in ("fy", "yearfiscal"):
            expr.type = "fy"
            expr.date_from, expr.date_to = _fiscal_year(_year(m.group("fyyear" if kind == "fy" else "yfyear")))
        elif kind == "cy":
            expr.type = "year"
            year = int(m.group("cyyear"))
            expr.date_from, expr.date_to = dt.date(year, 1, 1), dt.date(year, 12, 31)
        elif kind == "date":
            day = int(re.sub(r"\D", "", m.group("dday")))
            expr.date_from = expr.date_to = _safe_date(int(m.group("dyear")), _month_number(m.group("dmonth")), day)
        elif kind == "dmy":
            day = int(re.sub(r"\D", "", m.group("edday")))
            expr.date_from = expr.date_to = _safe_date(int(m.group("edyear")), _month_number(m.group("edmonth")), day)
        elif kind == "monthyear":
            expr.type = "month"
            expr.date_from, expr.date_to = _month_span(
                int(m.group("myyear")), _month_number(m.group("mymonth")), m.group("mypart")
            )
        elif kind == "monthday":
            expr.year_known = False
            day = int(re.sub(r"\D", "", m.group("mdday")))
            expr.parts = [str(_month_number(m.group("mdmonth"))), str(day)]
        elif kind == "month":
            expr.type = "month"
            expr.year_known = False
            expr.parts = [str(_month_number(m.group("mmonth"))), m.group("mpart") or ""]
            if m.group("mmonth") == "May" and not m.group("mpart") and not _looks_like_month_context(text, m):
                continue  # the modal verb "May" at a sentence start
        elif kind == "yearrange":
            expr.type = "period"
            first, last = int(m.group("yr1")), _year(m.group("yr2"))
            if last < 100:
                last += first - first % 100
            if last < first:
                continue
            expr.date_from, expr.date_to = dt.date(first, 1, 1), dt.date(last, 12, 31)
        elif kind == "decade":
            expr.type = "period"
            first = int(re.sub(r"\D", "", m.group(0)))
            expr.date_from, expr.date_to = dt.date(first, 1, 1), dt.date(first + 9, 12, 31)
        elif kind == "year":
            expr.type = "year"
            year = int(m.group("yyear"))
            expr.date_from, expr.date_to = dt.date(year, 1, 1), dt.date(year, 12, 31)
        elif kind == "dayoffice":
            expr.type = "date"
            name = re.search(ADMIN_NAME, m.group(0))
            if name is not None:
                start_of_term, _ = administration_span(name.group(0), published)
                expr.date_from = expr.date_to = start_of_term
        elif kind == "hundreddays":
            expr.type = "relative"
        elif kind == "typically":
            expr.type = "recurring"
        elif kind in ("adminterm", "adminadmin", "under", "tookoffice", "adminagent", "inoffice"):
            expr.type = "admin"
            name = re.search(ADMIN_NAME, m.group(0))
            expr.administration = _admin_key(name.group(0)) if name else None
            _resolve_admin(expr, m, published)
        elif kind == "thisadmin":
            expr.type = "admin"
            lowered = m.group(0).lower()
            expr.administration = "unnamed"  # "the previous administration": named for the rules, not dated
            if re.search(r"\b(?:current|this|present)\b", lowered):
                expr.administration = _in_office(published)
        elif kind == "sincebegan":
            expr.type = "relative"
            expr.date_to = published
            expr.date_from = _month_named_in(m.group(0), published)
        elif kind in ("firstlast", "nperiod"):
            expr.type = "relative"
            _resolve_last(expr, m.group(0), published)
        elif kind == "ndays":  # "2 million have left in less than 250 days": the days up to the story
            expr.type = "relative"
            if published is not None:
                expr.date_from = _minus_span(published, int(m.group("ndn")), m.group("ndunit"))
                expr.date_to = published
        elif kind == "anaphor":
            expr.type = "anaphor"
        elif kind == "yearbefore":
            expr.type = "relative"
        elif kind == "thisyear":
            expr.type = "relative"
            _resolve_this_year(expr, published)
        elif kind == "recurring":
            expr.type = "recurring"
        elif kind == "now":
            expr.type = "now"
            expr.date_from = expr.date_to = published
        elif kind == "yesterday":
            expr.type = "relative"
        elif kind == "sofar":
            expr.type = "relative"
            if published:
                expr.date_from, expr.date_to = dt.date(published.year, 1, 1), published
        atoms.append(expr)
    return atoms


def _minus_span(end: dt.date, count: int, unit: str) -> dt.date:
    return end - dt.timedelta(days=count * _UNIT_DAYS[unit.lower().rstrip("s")])


_SEASON_MONTHS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


def _season_span(text: str, published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """ "this fall" is Sept.-Nov. of the story's year; "last fall" the one before the latest to begin."""
    if published is None:
        return None, None
    lowered = text.lower()
    first_month = next(month for name, month in _SEASON_MONTHS.items() if name in lowered)
    latest = dt.date(published.year if first_month <= published.month else published.year - 1, first_month, 1)
    if lowered.startswith("this"):  # the one in the story's year; a January "this winter" began in December
        start = dt.date(published.year - (first_month == 12 and published.month <= 2), first_month, 1)
    elif lowered.startswith("next"):
        start = latest.replace(year=latest.year + 1)
    elif _season_end(latest) >= published:
        start = latest.replace(year=latest.year - 1)  # "last fall", said in the fall, is a year back
    else:
        start = latest
    return start, _season_end(start)


def _season_end(start: dt.date) -> dt.date:
    month, year = start.month + 3, start.year
    if month > 12:
        month, year = month - 12, year + 1
    return dt.date(year, month, 1) - dt.timedelta(days=1)


def _year_ending(last: dt.date) -> dt.date:
    """The first day of the year that ends on ``last`` (Oct. 1, 2023 for Sept. 30, 2024)."""
    following = last + dt.timedelta(days=1)
    return _safe_date(following.year - 1, following.month, following.day) or following.replace(year=following.year - 1)


def _month_named_in(text: str, published: dt.date | None) -> dt.date | None:
    """The first day of the month named in ``text`` ("... began last November"), year from context."""
    named = re.search(_MONTH, text)
    if named is None:
        return None
    month = _month_number(named.group(0))
    year = re.search(_YEAR, text)
    if year:
        return dt.date(int(year.group(0)), month, 1)
    if published is None:
        return None
    return dt.date(published.year if month <= published.month else published.year - 1, month, 1)


def _looks_like_month_context(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 12) : m.start()].lower()
    return bool(re.search(r"\b(?:in|since|of|by|until|through|from|last|this|early|late|mid)\s+$", before))


def _in_office(on: dt.date | None) -> str | None:
    """The administration in office on ``on``."""
    if on is None:
        return None
    return next(
        (
            name
            for name, terms in ADMINISTRATIONS.items()
            if name != "harris" and any(t[0] <= on and (t[1] is None or on <= t[1]) for t in terms)
        ),
        None,
    )


def _resolve_admin(expr: TimeExpr, m: re.Match[str], published: dt.date | None) -> None:
    if expr.administration is None or expr.administration not in ADMINISTRATIONS:
        return
    lowered = m.group(0).lower()
    start, end = administration_span(
        expr.administration, published, second_term="second" in lowered, first_term="first term" in lowered
    )
    count = _number_word(m.groupdict().get("atn"))
    if count and re.search(_UNIT, lowered):
        unit = re.search(_UNIT, lowered)
        assert unit is not None
        end = _add_span(start, count, unit.group(0))
    if lowered.startswith("since"):
        end = published
    expr.date_from, expr.date_to = start, end or published


def _resolve_last(expr: TimeExpr, text: str, published: dt.date | None) -> None:
    """ "in the last three years", "over the past decade": a span ending at publication."""
    found = re.search(rf"\b(?:last|past|previous)\s+(?:(?P<n>{_SMALL})[- ])?(?P<unit>{_UNIT})", text, re.IGNORECASE)
    if found is None or published is None:
        return
    count = _number_word(found.group("n")) if found.group("n") else 1
    if count is None:
        return
    unit = found.group("unit").lower().rstrip("s")
    days = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}[unit]
    expr.date_from, expr.date_to = published - dt.timedelta(days=count * days), published


def _resolve_this_year(expr: TimeExpr, published: dt.date | None) -> None:
    if published is None:
        return
    lowered = expr.text.lower()
    fiscal = "fiscal" in lowered
    year = published.year
    if fiscal and published.month >= 10:
        year += 1
    if lowered.startswith("last") or "past" in lowered:
        year -= 1
    if "year" in lowered:
        if fiscal:
            expr.date_from, expr.date_to = _fiscal_year(year)
        else:
            expr.date_from, expr.date_to = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if lowered.startswith(("this", "the current")):
            expr.date_to = published


def _infer_years(atoms: list[TimeExpr], published: dt.date | None) -> None:
    """Give year-less dates ("from October 1 to November 15, 2025") the year of a neighbour."""
    for i, atom in enumerate(atoms):
        if atom.year_known or not atom.parts:
            continue
        year = None
        for other in atoms[i + 1 : i + 3] + atoms[max(0, i - 2) : i][::-1]:
            if other.year_known and other.date_from and other.type in ("date", "month"):
                year = other.date_from.year
                break
        month = int(atom.parts[0])
        if year is None and published is not None:
            year = published.year if month <= published.month else published.year - 1
        if year is None:
            continue
        if atom.type == "date":
            atom.date_from = atom.date_to = _safe_date(year, month, int(atom.parts[1]))
        else:
            atom.date_from, atom.date_to = _month_span(year, month, atom.parts[1])


def _merge_ranges(text: str, atoms: list[TimeExpr]) -> list[TimeExpr]:
    """Join "between X and Y", "from X to Y", "X through Y" into one period."""
    merged: list[TimeExpr] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        dated = ("date", "month", "year", "fy")
        joiner = _JOIN.match(text[atom.end : nxt.start]) if nxt else None
        if joiner and joiner.group(0).strip().lower() == "and" and not _BETWEEN_BEFORE.search(text[: atom.start]):
            joiner = None
        known = bool(nxt and atom.date_from and nxt.date_to)
        ordered = not known or bool(nxt and atom.date_from <= nxt.date_to)  # type: ignore[operator]
        if nxt and joiner and ordered and atom.type in dated and nxt.type in dated:
            merged.append(
                TimeExpr(
                    atom.start,
                    nxt.end,
                    text[atom.start : nxt.end],
                    "period",
                    atom.date_from,
                    nxt.date_to,
                    digits=atom.digits or nxt.digits,
                )
            )
            i += 2
            continue
        merged.append(atom)
        i += 1
    return merged


_FIRST_PART = re.compile(
    rf"(?:first|initial)\s+(?P<n>[0-9]+|{_SMALL})[- ](?P<unit>days?|weeks?|months?)\s*$", re.IGNORECASE
)
_OF_BETWEEN = re.compile(r"\s+of\s+(?:the\s+)?$", re.IGNORECASE)


_ENDED = re.compile(r"\s*,?\s*(?:which\s+|that\s+)?(?:ended|ends|ending)\s+(?:on\s+)?$", re.IGNORECASE)


def _fiscal_year_ended(text: str, exprs: list[TimeExpr]) -> list[TimeExpr]:
    """ "in the 2020 fiscal year ended September 30": the year's last day belongs to the year, not a date of its own."""
    kept: list[TimeExpr] = []
    for expr in exprs:
        last = kept[-1] if kept else None
        ends_it = (
            last is not None
            and last.type == "fy"
            and expr.type == "date"
            and expr.date_to is not None
            and last.date_to is not None
            and (expr.date_to.month, expr.date_to.day) == (last.date_to.month, last.date_to.day)
            and _ENDED.match(text[last.end : expr.start]) is not None
        )
        if ends_it and last is not None:
            kept[-1] = dataclasses.replace(last, end=expr.end, text=text[last.start : expr.end])
        else:
            kept.append(expr)
    return kept


def _first_part_of(text: str, exprs: list[TimeExpr]) -> list[TimeExpr]:
    """ "In the first six months of FY 2023": the first part of that period, not the whole of it."""
    kept: list[TimeExpr] = []
    skip = False
    for expr, nxt in zip(exprs, [*exprs[1:], None], strict=False):
        if skip:
            skip = False
            continue
        part = _first_part(text, expr, nxt)
        if part is not None:
            kept.append(part)
            skip = True
        else:
            kept.append(expr)
    return kept


def _first_part(text: str, expr: TimeExpr, whole: TimeExpr | None) -> TimeExpr | None:
    """``expr`` ("the first six months") joined to the period after it ("of FY 2023"), or None."""
    if whole is None or whole.type not in ("fy", "year") or whole.date_from is None or whole.date_to is None:
        return None
    part = _FIRST_PART.search(expr.text) if expr.type == "relative" else None
    count = _number_word(part.group("n")) if part is not None else None
    if part is None or count is None or not _OF_BETWEEN.match(text[expr.end : whole.start] + " "):
        return None
    end = min(_part_end(whole.date_from, count, part.group("unit")), whole.date_to)
    joined = text[expr.start : whole.end]
    return dataclasses.replace(
        expr, end=whole.end, text=joined, type="period", date_from=whole.date_from, date_to=end, digits=whole.digits
    )


def _part_end(start: dt.date, count: int, unit: str) -> dt.date:
    """The last day of ``count`` units from ``start``: whole calendar months for months."""
    if not unit.lower().startswith("month"):
        return _add_span(start, count, unit)
    months = start.month - 1 + count
    return dt.date(start.year + months // 12, months % 12 + 1, 1) - dt.timedelta(days=1)


_OF_A_RELATIVE_YEAR = re.compile(r"\s*,?\s*(?:of\s+)?(?P<rel>last|this|next)\s+year\b", re.IGNORECASE)


def _month_of_a_relative_year(text: str, exprs: list[TimeExpr], published: dt.date | None) -> list[TimeExpr]:
    """ "as of July last year", "in March of this year": one month, of the year counted from the story's date."""
    kept: list[TimeExpr] = []
    skip_until = -1
    for expr in exprs:
        if expr.start < skip_until:
            continue
        found = _OF_A_RELATIVE_YEAR.match(text, expr.end) if expr.type == "month" and not expr.year_known else None
        if found is not None and expr.parts:
            year = (
                None if published is None else published.year + {"last": -1, "this": 0, "next": 1}[found["rel"].lower()]
            )
            expr.end, expr.text = found.end(), text[expr.start : found.end()]
            if year is not None:
                expr.date_from, expr.date_to = _month_span(year, int(expr.parts[0]), expr.parts[1])
                expr.year_known = True
            skip_until = found.end()
        kept.append(expr)
    return kept


def _attach_leads(text: str, exprs: list[TimeExpr], published: dt.date | None) -> None:
    for expr in exprs:
        before = text[max(0, expr.start - 40) : expr.start]
        relative = _LAST_OR_THIS.search(before)
        if relative and expr.type == "month":
            expr.start = expr.start - (len(before) - relative.start())
            _shift_month(expr, relative.group("rel").lower(), published)
            before = text[max(0, expr.start - 40) : expr.start]
        lead = _LEAD.search(before)
        if lead:
            expr.lead = " ".join(lead.group("lead").lower().split())
            if _END_OF.search(before):
                expr.date_from = expr.date_to  # "at the end of fiscal 2024", "since the end of ...": one day
                if expr.lead != "since":
                    expr.lead = "end of"
            expr.start = expr.start - (len(before) - lead.start())
        expr.text = text[expr.start : expr.end]


def _shift_month(expr: TimeExpr, relative: str, published: dt.date | None) -> None:
    if published is None or not expr.parts:
        return
    month = int(expr.parts[0])
    year = published.year if month < published.month or relative == "this" else published.year - 1
    if relative == "next":
        year = published.year if month > published.month else published.year + 1
    expr.date_from, expr.date_to = _month_span(year, month, expr.parts[1])
    expr.year_known = True


def _is_speech_date(text: str, expr: TimeExpr) -> bool:
    """ "said on June 24", "announced today", "On Sept. 29, Trump said": when words were spoken, not a window."""
    if expr.type not in ("date", "now", "month", "relative") or expr.lead == "as of":
        return False
    if expr.type == "relative" and not re.fullmatch(
        r"(?:this|last)\s+week|yesterday", expr.text.strip(), re.IGNORECASE
    ):
        return False
    before = text[max(0, expr.start - 40) : expr.start]
    if _SPAN_LEAD_BEFORE.search(before):
        return False  # "2,340 calls since September 1, Delgado said": a window, whoever reports it
    return bool(_SPEECH_BEFORE.search(before) or (expr.type == "date" and _SPEECH_AFTER.match(text[expr.end :])))


def _is_dateline(text: str, expr: TimeExpr) -> bool:
    """ "Published Oct. 3, 2024", "October 9, 2024, updated 11:05 a.m.", "date 2024-09-27": when the page was
    written, not a window of its figures."""
    if expr.type != "date" or expr.lead is not None:
        return False
    line_start = text.rfind("\n", 0, expr.start) + 1
    before = text[line_start : expr.start]
    if _DATELINE_LABEL.fullmatch(before):
        return True
    return not before.strip() and bool(_DATELINE_AFTER.match(text, expr.end))


_DATELINE_LABEL = re.compile(
    r"[ \t]*(?:date|published|updated|posted|last updated|first published)\b[ \t:]*", re.IGNORECASE
)
_DATELINE_AFTER = re.compile(
    r"[ \t]*(?:$|\n|,?[ \t]*(?:at[ \t]+)?\d{1,2}:\d{2}|[ \t]*[|•·]|,?[ \t]+(?:updated|by)\b)", re.IGNORECASE
)
_SPAN_LEAD_BEFORE = re.compile(r"\b(?:since|from|through|until|between|by|as\s+of)\s+$", re.IGNORECASE)


def find_time_expressions(
    text: str, published: dt.date | None = None, marks: Landmarks | None = None
) -> list[TimeExpr]:
    """Every time expression in ``text``, in order, with dates resolved where possible.

    Dates of speech ("said on June 24", "announced today") are left out: they say when
    something was said, not what period a figure covers.
    """
    atoms = _atoms(text, published, marks)
    _infer_years(atoms, published)
    exprs = _merge_ranges(text, atoms)
    exprs = _first_part_of(text, _fiscal_year_ended(text, _month_of_a_relative_year(text, exprs, published)))
    for expr in exprs:
        if _is_speech_date(text, expr) or _is_dateline(text, expr):
            expr.type = "speech"
    _attach_leads(text, exprs, published)
    backrefs: list[TimeExpr] = []
    for expr in exprs:
        if expr.type in ("date", "month") and expr.lead is None and _BETWEEN_SOMETHING_AND.search(text[: expr.start]):
            expr.type, expr.lead = "period", "between"
        if expr.lead == "since" and expr.type in ("date", "month", "year", "fy"):
            if when := _WHEN_AFTER.match(text, expr.end):
                # "doubled since fiscal 2023, when ICE held 28,289": the "when" clause is about fiscal 2023 itself.
                text_of_base = re.sub(r"^since\s+", "", expr.text, flags=re.IGNORECASE)
                backrefs.append(
                    dataclasses.replace(expr, start=when.start(1), end=when.end(1), text=text_of_base, lead=None)
                )
            start = expr.date_from
            expr.type = "relative"
            expr.date_from, expr.date_to = start, published
    return sorted(exprs + backrefs, key=lambda e: e.start) if backrefs else exprs


_WHEN_AFTER = re.compile(r",?\s+(when)\b")
