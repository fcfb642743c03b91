"""The rule registry: every rule is a small function registered with a code, a slug and a severity.

``factcheck rules`` and the rule documentation are generated from here, and the ``## Example``
and ``## Use instead`` blocks of each rule's docstring are run as tests.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import UnknownRuleError
from factcheck.rules.context import Finding, RuleContext
from factcheck.vocab import Severity

CheckFunction = Callable[[RuleContext], Finding | None]
_SLUG = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
_CODE = re.compile(r"^FC[1-9][0-9]{2}$")
FAMILIES = {
    "FC1": "What kind of number",
    "FC2": "Who is counted",
    "FC3": "When",
    "FC4": "How much",
}


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    slug: str
    severity: Severity
    check: CheckFunction
    doc: str
    source: tuple[str, int]

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else ""

    @property
    def family(self) -> str:
        return FAMILIES[self.code[:3]]

    def examples(self) -> list[ClaimExample]:
        return parse_examples(self.doc)


@dataclass(frozen=True, slots=True)
class ClaimExample:
    """A fenced ```claim block of a rule docstring: text, its options, and whether the rule should fire."""

    section: str
    text: str
    evidence: str | None
    published: str | None
    fires: bool


RULES: dict[str, Rule] = {}


def rule(code: str, slug: str, severity: Severity) -> Callable[[CheckFunction], CheckFunction]:
    """Register ``function`` as rule ``code``/``slug``; a duplicate code or slug is an error at import."""

    def register(function: CheckFunction) -> CheckFunction:
        if not _CODE.match(code) or not _SLUG.match(slug):
            raise ValueError(f"bad rule code or slug: {code} {slug}")
        if code in RULES or any(r.slug == slug for r in RULES.values()):
            raise ValueError(f"rule {code} {slug} registered twice")
        doc = inspect.getdoc(function) or ""
        source = (Path(inspect.getfile(function)).name, inspect.getsourcelines(function)[1])
        RULES[code] = Rule(code, slug, severity, function, doc, source)
        return function

    return register


_EXAMPLE = re.compile(r"^## (?P<section>[^\n]+)\n(?P<body>.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)
_BLOCK = re.compile(r"```claim(?P<info>[^\n]*)\n(?P<text>.*?)\n```", re.DOTALL)


def parse_examples(doc: str) -> list[ClaimExample]:
    examples = []
    for section in _EXAMPLE.finditer(doc):
        title = section.group("section").strip()
        if title not in ("Example", "Use instead"):
            continue
        for block in _BLOCK.finditer(section.group("body")):
            options = dict(part.split("=", 1) for part in block.group("info").split() if "=" in part)
            text = block.group("text").strip()
            fires = title == "Example"
            examples.append(ClaimExample(title, text, options.get("evidence"), options.get("published"), fires=fires))
    return examples


def by_slug_or_code(name: str) -> Rule:
    for rule_ in RULES.values():
        if name in (rule_.slug, rule_.code):
            return rule_
    import difflib

    names = [r.slug for r in RULES.values()] + list(RULES)
    close = difflib.get_close_matches(name, names, n=1)
    raise UnknownRuleError(f"no rule {name!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))


def matching(name: str) -> list[Rule]:
    """Rules named by a slug, a code or a code prefix ("FC2"); an unknown name is an error with a suggestion."""
    found = [r for r in RULES.values() if r.slug == name or r.code.startswith(name.upper())]
    if not found:
        by_slug_or_code(name)  # raises, suggesting the closest name
    return sorted(found, key=lambda r: r.code)


def select(select_: list[str] | None = None, ignore: list[str] | None = None) -> list[Rule]:
    """Rules enabled by ``select`` (all when empty) minus ``ignore``; names are slugs or code prefixes."""
    chosen = {r.code for name in select_ or [] for r in matching(name)} or set(RULES)
    dropped = {r.code for name in ignore or [] for r in matching(name)}
    return [RULES[code] for code in sorted(chosen - dropped)]
