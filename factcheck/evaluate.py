"""Score the engine against a gold set (``claims/`` and ``../shared/cases``).

Gold comes in three shapes (see ``claims/README.md``): ``NAME.txt`` + ``NAME.json`` pairs,
JSON files naming a ``text_file`` elsewhere (the seeds), and ``.jsonl`` files of cases. A
predicted claim matches a gold claim when their number spans overlap. A ``text_file`` that is
not there (a clone without ``../shared`` beside it) leaves its gold file out, named in
:attr:`GoldSet.left_out`, rather than stopping the evaluation.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.errors import InputError
from factcheck.models import Claim, Report
from factcheck.nlp.attributes import window_kind
from factcheck.nlp.timewindows import find_time_expressions

ATTRIBUTES = ("value", "approx", "unit", "event", "criminality", "custody", "time_kind", "measure")


@dataclass(slots=True)
class GoldClaim:
    number_text: str
    start: int
    end: int
    fields: dict[str, Any]


@dataclass(slots=True)
class GoldDoc:
    doc_id: str
    source: str
    text: str
    published: dt.date | None
    claims: list[GoldClaim]
    non_claims: list[str]
    off_topic: bool = False  # an article on another subject: not annotated, every number must stay unlinked


@dataclass(slots=True)
class LeftOut:
    """A gold file that could not be scored, because the text it names is not there."""

    gold_file: Path
    text_file: str
    restore: str | None = None  # where the gold file says to find how to restore its text


@dataclass(slots=True)
class GoldSet:
    docs: list[GoldDoc]
    left_out: list[LeftOut]


class TextFileMissing(InputError):
    def __init__(self, gold_file: Path, text_file: str, restore: str | None) -> None:
        super().__init__(f"{gold_file}: text_file {text_file!r} not found (is ../shared beside the repository?)")
        self.left_out = LeftOut(gold_file, text_file, restore)


@dataclass(slots=True)
class Mismatch:
    doc_id: str
    number_text: str
    field: str
    gold: Any
    predicted: Any
    sentence: str


@dataclass
class Scores:
    """Counts behind every figure ``factcheck eval`` prints."""

    docs: int = 0
    gold_claims: int = 0
    predicted_claims: int = 0
    matched: int = 0
    attribute_hits: Counter[str] = field(default_factory=Counter)
    attribute_total: Counter[str] = field(default_factory=Counter)
    link_hits: int = 0
    link_total: int = 0
    abstain_hits: int = 0
    abstain_total: int = 0
    flag_tp: Counter[str] = field(default_factory=Counter)
    flag_fp: Counter[str] = field(default_factory=Counter)
    flag_fn: Counter[str] = field(default_factory=Counter)
    verdict_hits: int = 0
    verdict_total: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    spurious: list[tuple[str, str, str]] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    off_topic_docs: int = 0
    off_topic_claims: int = 0
    off_topic_links: list[tuple[str, str, str, str]] = field(default_factory=list)  # doc, number, record, sentence

    @property
    def contradicted(self) -> tuple[float | None, float | None, int, int]:
        """Precision and recall of the ``contradicted`` verdict; (predicted, gold) counts."""
        predicted = sum(n for (_, p), n in self.confusion.items() if p == "contradicted")
        gold = sum(n for (g, _), n in self.confusion.items() if g == "contradicted")
        right = self.confusion[("contradicted", "contradicted")]
        return (right / predicted if predicted else None), (right / gold if gold else None), predicted, gold

    @property
    def precision(self) -> float:
        return self.matched / self.predicted_claims if self.predicted_claims else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold_claims if self.gold_claims else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float | None:
        total = self.attribute_total[name]
        return self.attribute_hits[name] / total if total else None

    def flag_scores(self, slug: str | None = None) -> tuple[float, float, float, int]:
        """Precision, recall, F1 and support over (claim, slug) pairs (all slugs when None)."""

        def pick(counter: Counter[str]) -> int:
            return counter[slug] if slug else sum(counter.values())

        tp, fp, fn = pick(self.flag_tp), pick(self.flag_fp), pick(self.flag_fn)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f, tp + fn


# --- loading ---------------------------------------------------------------------------


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _locate(text: str, number_text: str, occurrence: int, doc_id: str) -> tuple[int, int]:
    start = -1
    for _ in range(max(occurrence, 1)):
        start = text.find(number_text, start + 1)
        if start < 0:
            raise InputError(f"{doc_id}: gold number {number_text!r} (occurrence {occurrence}) is not in the text")
    return start, start + len(number_text)


def _doc(doc_id: str, source: str, text: str, data: dict[str, Any]) -> GoldDoc:
    claims = []
    for raw in data.get("claims") or []:
        start, end = _locate(text, raw["number_text"], int(raw.get("occurrence", 1)), doc_id)
        claims.append(GoldClaim(raw["number_text"], start, end, raw))
    off_topic = data.get("subject") == "off-topic"
    non_claims = list(data.get("non_claims", []))
    return GoldDoc(doc_id, source, text, _date(data.get("published")), claims, non_claims, off_topic)


def _resolve_text_file(json_path: Path, name: str, restore: str | None) -> Path:
    for base in [json_path.parent, *json_path.parents, Path.cwd()]:
        candidate = (base / name).resolve()
        if candidate.is_file():
            return candidate
    raise TextFileMissing(json_path, name, restore)


def load_gold(paths: Iterable[Path]) -> GoldSet:
    """Every gold document under ``paths`` (folders are searched recursively), and those left out."""
    gold = GoldSet([], [])
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.suffix == ".jsonl":
                gold.docs.extend(_load_jsonl(file))
            elif file.suffix == ".json":
                try:
                    gold.docs.append(_load_json(file))
                except TextFileMissing as missing:
                    gold.left_out.append(missing.left_out)
    return gold


def _load_jsonl(file: Path) -> list[GoldDoc]:
    docs = []
    for line_no, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{file}:{line_no}: invalid JSON ({err.msg})") from err
        docs.append(_doc(str(data.get("id", f"{file.stem}-{line_no}")), f"{file}:{line_no}", data["text"], data))
    return docs


def _load_json(file: Path) -> GoldDoc:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise InputError(f"{file}:{err.lineno}: invalid JSON ({err.msg})") from err
    text_file, restore = data.get("text_file"), data.get("restore")
    text_path = _resolve_text_file(file, text_file, restore) if text_file else file.with_suffix(".txt")
    if not text_path.is_file():
        raise InputError(f"{file}: its text {text_path.name} is missing")
    text = text_path.read_text(encoding="utf-8")
    return _doc(str(data.get("doc_id", file.stem)), str(file), text, data)


# --- comparing -------------------------------------------------------------------------


def gold_time_kind(gold: dict[str, Any], published: dt.date | None = None) -> str:
    """The gold time kind: given explicitly, or derived from the gold time text.

    The text is read with the engine's own time parser; a parenthetical note ("(previous
    sentence)", "(FY2021)") is ignored unless the main text only points back ("that year").
    """
    if gold.get("time_kind"):
        return str(gold["time_kind"])
    raw = gold.get("time")
    if not raw:
        return "none"
    measure = str(gold.get("measure") or "unknown")
    main = re.sub(r"\([^)]*\)", " ", str(raw)).strip() or str(raw)
    exprs = [e for e in find_time_expressions(main, published) if e.type != "anaphor"]
    if not exprs:
        noted = list(find_time_expressions(" ".join(re.findall(r"\(([^)]*)\)", str(raw))), published))
        if noted and re.search(r"\b(?:that|same)\b", main, re.IGNORECASE):
            exprs = noted
    if not exprs:
        return "as_of" if re.search(r"\b(?:as|marks|at)\b", main, re.IGNORECASE) else "relative"
    best = max(exprs, key=lambda e: e.informative)
    return window_kind(best, measure)


def _value_ok(gold: dict[str, Any], claim: Claim) -> bool:
    if gold.get("low") is not None and gold.get("high") is not None:
        return claim.low == gold["low"] and claim.high == gold["high"]
    g, p = gold.get("value"), claim.value
    if g is None or p is None:
        return g == p
    return abs(g - p) <= 0.005 * abs(g) if g else p == 0


def _predicted(claim: Claim) -> dict[str, Any]:
    return {
        "approx": claim.approx,
        "unit": claim.unit,
        "event": claim.event,
        "criminality": claim.criminality,
        "custody": claim.custody,
        "time_kind": claim.time.kind,
        "measure": claim.measure,
    }


def _pair(
    gold: list[GoldClaim], predicted: list[Claim]
) -> tuple[list[tuple[GoldClaim, Claim]], list[GoldClaim], list[Claim]]:
    pairs, used = [], set()
    missed = []
    for g in gold:
        hit = next(
            (c for c in predicted if id(c) not in used and c.number.start < g.end and g.start < c.number.end), None
        )
        if hit is None:
            missed.append(g)
        else:
            used.add(id(hit))
            pairs.append((g, hit))
    spurious = [c for c in predicted if id(c) not in used]
    return pairs, missed, spurious


def score_document(doc: GoldDoc, claims: list[Claim], scores: Scores, *, with_checks: bool) -> None:
    if doc.off_topic:
        _score_off_topic(doc, claims, scores)
        return
    scores.docs += 1
    scores.gold_claims += len(doc.claims)
    scores.predicted_claims += len(claims)
    pairs, missed, spurious = _pair(doc.claims, claims)
    scores.matched += len(pairs)
    scores.missed += [(doc.doc_id, g.number_text, _sentence_at(doc.text, g.start)) for g in missed]
    scores.spurious += [(doc.doc_id, c.number.text, c.text) for c in spurious]
    for gold, claim in pairs:
        _score_attributes(doc, gold, claim, scores)
        if with_checks:
            _score_checks(doc, gold, claim, scores)
    if with_checks:
        for gold in missed:
            for slug in gold.fields.get("flags", []):
                scores.flag_fn[slug] += 1


def _score_off_topic(doc: GoldDoc, claims: list[Claim], scores: Scores) -> None:
    """An article on another subject: any link to a record is wrong (detection is not annotated)."""
    scores.off_topic_docs += 1
    scores.off_topic_claims += len(claims)
    for claim in claims:
        if claim.match is not None:
            scores.off_topic_links.append((doc.doc_id, claim.number.text, claim.match.evidence_id, claim.text))


def _score_attributes(doc: GoldDoc, gold: GoldClaim, claim: Claim, scores: Scores) -> None:
    expected = dict(gold.fields)
    expected["time_kind"] = gold_time_kind(gold.fields, doc.published)
    got = _predicted(claim)
    for name in ATTRIBUTES:
        if name == "value":
            ok, want, have = _value_ok(expected, claim), expected.get("value"), claim.value
        else:
            want, have = expected.get(name), got[name]
            ok = want == have
        scores.attribute_total[name] += 1
        if ok:
            scores.attribute_hits[name] += 1
        else:
            scores.mismatches.append(Mismatch(doc.doc_id, gold.number_text, name, want, have, claim.text))


def _score_checks(doc: GoldDoc, gold: GoldClaim, claim: Claim, scores: Scores) -> None:
    want_id = gold.fields.get("evidence")
    have_id = claim.match.evidence_id if claim.match else None
    if want_id:
        scores.link_total += 1
        scores.link_hits += want_id == have_id
    else:
        scores.abstain_total += 1
        scores.abstain_hits += have_id is None
    if want_id != have_id:
        scores.mismatches.append(Mismatch(doc.doc_id, gold.number_text, "evidence", want_id, have_id, claim.text))
    want_flags, have_flags = set(gold.fields.get("flags", [])), {f.code for f in claim.flags}
    for slug in want_flags & have_flags:
        scores.flag_tp[slug] += 1
    for slug in have_flags - want_flags:
        scores.flag_fp[slug] += 1
    for slug in want_flags - have_flags:
        scores.flag_fn[slug] += 1
    if want_flags != have_flags:
        scores.mismatches.append(
            Mismatch(doc.doc_id, gold.number_text, "flags", sorted(want_flags), sorted(have_flags), claim.text)
        )
    want_verdict, have_verdict = gold.fields.get("verdict"), claim.verdict
    scores.verdict_total += 1
    scores.verdict_hits += want_verdict == have_verdict
    scores.confusion[(str(want_verdict), str(have_verdict))] += 1
    if want_verdict != have_verdict:
        scores.mismatches.append(
            Mismatch(doc.doc_id, gold.number_text, "verdict", want_verdict, have_verdict, claim.text)
        )


def _sentence_at(text: str, offset: int) -> str:
    start = max(text.rfind("\n", 0, offset), text.rfind(". ", 0, offset)) + 1
    end_candidates = [i for i in (text.find("\n", offset), text.find(". ", offset)) if i >= 0]
    end = min(end_candidates) + 1 if end_candidates else len(text)
    return text[start:end].strip()


def evaluate(
    docs: list[GoldDoc],
    run: Callable[[str, dt.date | None], list[Claim] | Report],
    *,
    with_checks: bool = False,
) -> Scores:
    """Run ``run`` on every gold document and score it."""
    scores = Scores()
    for doc in docs:
        result = run(doc.text, doc.published)
        claims = result.claims if isinstance(result, Report) else result
        score_document(doc, claims, scores, with_checks=with_checks)
    return scores
