"""How each rule did on real articles: the counts ``factcheck eval --rule-stats`` writes to ``measured.json``.

``factcheck rules`` and ``docs/rules.md`` print them ("right in 22 of 25 flags on real articles"), so a
reader weighs a flag by how often that rule is right on text nobody here wrote. The counts come from the
real-article corpus (``claims/real``), whose texts are not in the repository: they are refreshed by a
developer who has the corpus's cache, and committed.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path

MEASURED_PATH = Path(str(resources.files("factcheck.rules").joinpath("measured.json")))


@dataclass(frozen=True, slots=True)
class Measured:
    """One rule's flags on the real-article corpus: right (tp), wrong (fp), and missed (fn)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    def short(self) -> str:
        """ "22/25 right, 22/32 found": for a table cell."""
        fired = self.tp + self.fp
        return f"{self.tp}/{fired} right, {self.tp}/{self.tp + self.fn} found" if fired else "never fired"

    def words(self, articles: int) -> str:
        """ "right in 22 of 25 flags, found 22 of 32, on 100 real articles" (or that it never fired)."""
        fired = self.tp + self.fp
        found = f"found {self.tp} of {self.tp + self.fn}" if self.tp + self.fn else "nothing to find"
        right = f"right in {self.tp} of {fired} flags" if fired else "never fired"
        return f"{right}, {found}, on {articles} real articles"


def load_measured(path: Path = MEASURED_PATH) -> tuple[int, dict[str, Measured]]:
    """(articles measured, slug -> counts); (0, {}) when nothing was measured yet."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0, {}
    rules = {slug: Measured(**counts) for slug, counts in data.get("rules", {}).items()}
    return int(data.get("articles", 0)), rules


def save_measured(articles: int, counts: dict[str, Measured], path: Path = MEASURED_PATH) -> None:
    data = {
        "corpus": "claims/real (real articles, annotated blind; see claims/real/README.md)",
        "articles": articles,
        "rules": {slug: asdict(counts[slug]) for slug in sorted(counts)},
    }
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
