"""One-to-one character normalisation, so offsets into the normalised text are offsets into the input.

Matching works on a copy of the text where typographic variants (non-breaking hyphens, curly
quotes, exotic spaces) are folded to their ASCII forms. Each replacement is exactly one code
point for one code point, so every index found in the copy is valid in the original.
"""

from __future__ import annotations

import re
from typing import Any

_FOLD = {
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "-",  # figure dash
    "\u2212": "-",  # minus sign
    "\u00ad": "-",  # soft hyphen
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00a0": " ",  # no-break space
    "\u2007": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u200a": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u3000": " ",
    "\u200b": " ",  # zero-width space
    "\ufeff": " ",
    "\u2028": "\n",
    "\u2029": "\n",
    "\u00d7": "x",  # multiplication sign, as in "4.6×"
    "\uff05": "%",
    "\u066a": "%",
}
_FOLDABLE = re.compile("[" + "".join(re.escape(c) for c in _FOLD) + "]")


def _fold(match: re.Match[str]) -> str:
    return _FOLD[match.group()]


def normalize(text: str) -> str:
    """Fold typographic variants to ASCII, keeping the length (and every offset) unchanged."""
    if text.isascii():  # nothing to fold; a C-level check, far cheaper than the regex scan
        return text
    folded = _FOLDABLE.sub(_fold, text)
    if len(folded) != len(text):  # pragma: no cover - the table is one-to-one by construction
        raise AssertionError("normalisation changed the text length")
    return folded


class NormalizingTokenizer:
    """Tokenise the folded text, remembering the original in ``doc.user_data["original_text"]``.

    Phrase patterns then match "non‑detained" (with a non-breaking hyphen) as "non-detained".
    Folding keeps every offset, so a token's span in ``doc.text`` is its span in the original,
    and factcheck reports every text (claims, numbers) from the original.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Any:
        folded = normalize(text)
        doc = self.tokenizer(folded)
        if folded != text:
            doc.user_data["original_text"] = text
        return doc

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)
