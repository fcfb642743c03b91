"""One-to-one character normalisation, so offsets into the normalised text are offsets into the input.

Matching works on a copy of the text where typographic variants (non-breaking hyphens, curly
quotes, exotic spaces) are folded to their ASCII forms. Each replacement is exactly one code
point for one code point, so every index found in the copy is valid in the original.
"""

from __future__ import annotations

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
_TABLE = str.maketrans(_FOLD)


def normalize(text: str) -> str:
    """Fold typographic variants to ASCII, keeping the length (and every offset) unchanged."""
    folded = text.translate(_TABLE)
    if len(folded) != len(text):  # pragma: no cover - the table is one-to-one by construction
        raise AssertionError("normalisation changed the text length")
    return folded


class NormalizingTokenizer:
    """Tokenise the folded text while keeping the original characters in every token.

    Tokens get the folded, lower-cased form as ``norm_``, so phrase patterns match
    "non‑detained" (with a non-breaking hyphen) as "non-detained". Texts without any foldable
    character (nearly all) go straight to the wrapped tokenizer.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Any:
        folded = normalize(text)
        if folded == text:
            return self.tokenizer(text)
        from spacy.tokens import Doc

        folded_doc = self.tokenizer(folded)
        words = [text[t.idx : t.idx + len(t.text)] for t in folded_doc]
        spaces = [bool(t.whitespace_) for t in folded_doc]
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for token, folded_token in zip(doc, folded_doc, strict=False):
            token.norm_ = folded_token.norm_
        doc.user_data["original_text"] = text
        return doc

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)
