"""Load the spaCy pipeline and extract claims from a text.

The pipeline is ``spacy.blank("en")`` (or a trained pipeline the user names) plus the
``factcheck_sentences`` splitter and the ``numeric_claims`` component; it needs nothing
downloaded. :func:`extract` tokenises only the sentences that contain a number-like word:
the others cannot hold a claim, and skipping them is what keeps extraction faster than
tokenising the whole text.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from factcheck.errors import ModelNotFoundError
from factcheck.models import Claim
from factcheck.nlp.segment import Sentence, split_sentences
from factcheck.nlp.textnorm import NormalizingTokenizer, normalize

if TYPE_CHECKING:
    from spacy.language import Language

# Anything that could start a number expression: a digit or a number word.
CANDIDATE = re.compile(
    r"[0-9]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"thousand|million|billion|half|third|thirds|quarter|quarters|fifth|fifths|tenth|double|doubled|doubling|"
    r"twice|triple|tripled|tripling|quadruple|quadrupled|hundreds|tens)\b",
    re.IGNORECASE,
)


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
    """Claims for each text, streaming: one spaCy ``pipe`` over the candidate sentences of all texts."""
    from factcheck.nlp.component import ParagraphChain

    nlp = load_pipeline(model)
    dates = iter(published) if published is not None else None
    pending: list[tuple[str, list[Claim]]] = []

    def sentence_docs() -> Iterator:
        for text in texts:
            date = next(dates, None) if dates is not None else None
            claims: list[Claim] = []
            pending.append((text, claims))
            chain = ParagraphChain(published=date)
            for sentence in candidate_sentences(text):
                doc = nlp.make_doc(text[sentence.start : sentence.end])
                doc.user_data["factcheck"] = {
                    "chain": chain,
                    "offset": sentence.start,
                    "paragraph": sentence.paragraph,
                    "claims": claims,
                }
                yield doc
            yield None  # end of this text

    def processed() -> Iterator:
        yield from _pipe_with_markers(nlp, sentence_docs())

    for doc in processed():
        if doc is None:
            text, claims = pending.pop(0)
            yield _finish(text, claims)
            continue
        doc.user_data["factcheck"]["claims"].extend(doc._.claims)


def _pipe_with_markers(nlp: Language, docs: Iterator) -> Iterator:
    """Run ``nlp.pipe`` over a stream of docs in which ``None`` marks the end of a text."""
    batch: list = []
    for doc in docs:
        if doc is None:
            yield from nlp.pipe(batch)
            batch = []
            yield None
        else:
            batch.append(doc)
            if len(batch) >= 256:
                yield from nlp.pipe(batch)
                batch = []


def candidate_sentences(text: str) -> list[Sentence]:
    """Sentences that contain a digit or a number word, plus those that state a window (dates)."""
    normalized = normalize(text)
    if not CANDIDATE.search(normalized):
        return []
    return [s for s in split_sentences(normalized) if CANDIDATE.search(normalized, s.start, s.end)]


def _finish(text: str, claims: list[Claim]) -> list[Claim]:
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for i, claim in enumerate(claims, 1):
        claim.id = f"c{i}"
        line = _line_of(line_starts, claim.number.start)
        claim.line, claim.column = line + 1, claim.number.start - line_starts[line] + 1
    return claims


def _line_of(line_starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(line_starts, offset) - 1
