"""Load the spaCy pipeline and extract claims from a text.

The pipeline is ``spacy.blank("en")`` (or a trained pipeline the user names) plus the
``factcheck_sentences`` splitter and the ``numeric_claims`` component; it needs nothing
downloaded. :func:`extract` tokenises only the sentences that contain a number-like word:
the others cannot hold a claim, and skipping them is what keeps extraction faster than
tokenising the whole text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from factcheck.errors import ModelNotFoundError
from factcheck.models import Claim
from factcheck.nlp.numbers import number_hits
from factcheck.nlp.scan import Landmarks
from factcheck.nlp.segment import Sentence, holds_any, introduces_list, split_sentences
from factcheck.nlp.tables import apply_tables
from factcheck.nlp.textnorm import NormalizingTokenizer, normalize
from factcheck.nlp.timewindows import ADMIN_NAME

if TYPE_CHECKING:
    from spacy.language import Language


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """The extraction pipeline, built once per process.

    model (str | None): an installed spaCy pipeline to start from (e.g. "en_core_web_sm");
        None uses ``spacy.blank("en")``, which needs no download.
    """
    import spacy

    import factcheck.nlp.component  # noqa: F401  (registers the components)

    if model is None:
        nlp = spacy.blank("en")
    else:
        try:
            nlp = spacy.load(model, exclude=["ner", "lemmatizer", "textcat"])
        except OSError as err:
            raise ModelNotFoundError(
                f"spaCy pipeline {model!r} is not installed (pip install it, or omit --model)"
            ) from err
        for name in ("parser", "senter", "sentencizer"):
            if name in nlp.pipe_names:
                nlp.remove_pipe(name)
    _split_brackets_and_ranges(nlp)
    nlp.tokenizer = NormalizingTokenizer(nlp.tokenizer)
    nlp.add_pipe("factcheck_sentences")
    nlp.add_pipe("numeric_claims")
    return nlp


def _split_brackets_and_ranges(nlp: Language) -> None:
    """Tokenise "charges.[7]" as "charges . [ 7 ]" and "80–85" as "80 – 85", so phrases match."""
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, r"[\[\]]", r"(?<=[0-9])[–—-](?=[0-9])", r"(?<=[a-z])\.(?=\[)"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def extract(text: str, *, published: dt.date | None = None, model: str | None = None) -> list[Claim]:
    """Every statistical claim in ``text``, in reading order."""
    return next(extract_many([text], published=[published], model=model))


def extract_many(
    texts: Iterable[str], *, published: Iterable[dt.date | None] | None = None, model: str | None = None
) -> Iterator[list[Claim]]:
    """Claims for each text, streaming.

    Each candidate sentence is first scanned as a string; only sentences with a number are
    tokenised and run through the pipeline, in reading order, so a paragraph's window reaches
    its later sentences.
    """
    from factcheck.nlp.component import ParagraphChain, Prepared, remember_windows

    nlp = load_pipeline(model)
    components = [component for _, component in nlp.pipeline]  # nlp.pipeline builds a new list at every read
    dates = iter(published) if published is not None else None
    for text in texts:
        date = next(dates, None) if dates is not None else None
        chain = ParagraphChain(published=date)
        claims: list[Claim] = []
        normalized = normalize(text)
        for candidate in candidate_sentences(normalized):
            sentence = candidate.sentence
            folded = normalized[sentence.start : sentence.end]
            prepared = Prepared.scan(folded, date, candidate.marks, candidate.hits)
            if not prepared.numbers and not introduces_list(folded):
                remember_windows(prepared, chain.enter(sentence.paragraph), figureless=True)
                continue
            doc = nlp.make_doc(folded)
            doc.user_data["factcheck"] = {
                "chain": chain,
                "offset": sentence.start,
                "paragraph": sentence.paragraph,
                "prepared": prepared,
                "text": text[sentence.start : sentence.end],
                "normalized": folded,
            }
            for component in components:
                doc = component(doc)
            claims.extend(doc._.claims)
        apply_tables(text, claims, date)
        yield _finish(text, claims)


_ADMIN_FRAMING = re.compile(
    rf"\b[Uu]nder\s+(?:President\s+|Vice\s+President\s+)?(?:Joe\s+|Donald\s+|Barack\s+)?{ADMIN_NAME}\b"
)


class Candidate(NamedTuple):
    """A sentence where a number can start: its landmarks and the offsets (in it) of its number hits."""

    sentence: Sentence
    marks: Landmarks
    hits: list[int]


def candidate_sentences(normalized: str) -> list[Candidate]:
    """Sentences where a number can start (a digit or a number word), that an administration frames
    ("Under Biden, ..."), or that introduce a list ("... were released:").

    ``normalized`` is text already passed through :func:`normalize`.
    """
    hits = number_hits(normalized)
    if not hits:
        return []
    framing = _framing_starts(normalized)
    at = sorted(hits + framing) if framing else hits
    candidates = []
    sentences = split_sentences(normalized, only_at=at)
    for n, sentence in enumerate(sentences):
        following = sentences[n + 1] if n + 1 < len(sentences) else None
        introduces = following is not None and following.paragraph == sentence.paragraph
        if holds_any(at, sentence.start, sentence.end) or (
            introduces and introduces_list(normalized[sentence.start : sentence.end])
        ):
            lo, hi = bisect.bisect_left(hits, sentence.start), bisect.bisect_left(hits, sentence.end)
            mine = [hit - sentence.start for hit in hits[lo:hi]]
            marks = Landmarks.of(normalized[sentence.start : sentence.end])
            candidates.append(Candidate(sentence, marks, mine))
    return candidates


def _framing_starts(text: str) -> list[int]:
    """Where "Under Biden" and the like start: ``_ADMIN_FRAMING`` tried only where "nder" occurs
    (``re`` cannot skip ahead to a word boundary, so a whole-text search is slow)."""
    if "nder " not in text:
        return []
    starts: list[int] = []
    end = 0
    at = text.find("nder", 1)
    while at != -1:
        if at - 1 >= end and (match := _ADMIN_FRAMING.match(text, at - 1)) is not None:
            starts.append(at - 1)
            end = match.end()
        at = text.find("nder", at + 4)
    return starts


def _finish(text: str, claims: list[Claim]) -> list[Claim]:
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for i, claim in enumerate(claims, 1):
        claim.id = f"c{i}"
        line = _line_of(line_starts, claim.number.start)
        claim.line, claim.column = line + 1, claim.number.start - line_starts[line] + 1
    return claims


def _line_of(line_starts: list[int], offset: int) -> int:
    return bisect.bisect_right(line_starts, offset) - 1
