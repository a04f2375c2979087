"""Language identification, so that non-English articles are skipped with a reason instead of
being coded as English gibberish. py3langid ships its model inside the package (no download)."""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from typing import NamedTuple, Optional

# Below this many words the identifier is unreliable; such texts are treated as English
# (a headline-only item is better coded than silently dropped).
MIN_WORDS = 12
# Only this confident a non-English verdict skips an article.
MIN_PROBABILITY = 0.9
# Nigerian Pidgin shares most of its vocabulary with English, and the identifier picks it for
# short English news sentences; English news is what diurna codes, so the class is left out.
_EXCLUDED = {"pcm"}


# A text whose letters are less than this share Latin is not English, however few words it has
# (Chinese and Japanese are written without spaces, so a word count says nothing about them).
MIN_LATIN_SHARE = 0.5
# Fewer letters than this say nothing about the script (a headline of numbers and one name).
MIN_LETTERS = 20
# How the first word of a Unicode character name reads as a script name in a message.
_SCRIPT_NAMES = {
    "CJK": "Chinese (Han)",
    "HANGUL": "Korean (Hangul)",
    "HIRAGANA": "Japanese (kana)",
    "KATAKANA": "Japanese (kana)",
    "HALFWIDTH": "Japanese (kana)",
}


class Language(NamedTuple):
    code: str  # ISO 639-1
    probability: float
    script: Optional[str] = None  # the non-Latin script the text is mostly written in, when that decided

    def reason(self) -> str:
        """Why the text was taken as not English, for the record that says it was skipped."""
        if self.script:
            return "written in %s script (%d%% of its letters); detected %r" % (
                self.script,
                round(100 * self.probability),
                self.code,
            )
        return "detected %r, p=%.2f" % (self.code, self.probability)


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages([code for code in ident.nb_classes if code not in _EXCLUDED])
    return ident


def detect(text: str) -> Language:
    """The most likely language of `text` (reads at most its first 5,000 characters)."""
    code, probability = _identifier().classify(text[:5000])
    return Language(code, float(probability))


def main_script(text: str) -> tuple[Optional[str], float]:
    """(script, share of letters) for the script most of `text`'s letters are written in, when that
    is not Latin; (None, share of Latin letters) otherwise. Reads the first 5,000 characters."""
    counts: Counter[str] = Counter()
    for char in text[:5000]:
        if char.isalpha():
            counts[_script(char)] += 1
    letters = sum(counts.values())
    if letters < MIN_LETTERS:
        return None, 1.0
    latin = counts["Latin"] / letters
    if latin >= MIN_LATIN_SHARE:
        return None, latin
    script, count = max(((name, n) for name, n in counts.items() if name != "Latin"), key=lambda item: item[1])
    return script, count / letters


@functools.lru_cache(maxsize=4096)
def _script(char: str) -> str:
    """The script of one letter, from the first word of its Unicode name ("ARABIC LETTER ALEF")."""
    first = unicodedata.name(char, "UNKNOWN").split()[0]
    if first in ("LATIN", "FULLWIDTH") and "LATIN" in unicodedata.name(char, ""):
        return "Latin"
    return _SCRIPT_NAMES.get(first, first.title())


def non_english(text: str) -> Language | None:
    """The detected language when `text` is confidently not English, else None: a text mostly in a
    non-Latin script (Arabic, Chinese, Cyrillic, Devanagari ...) whatever its length, else what the
    language identifier finds with at least MIN_PROBABILITY on a text of MIN_WORDS words or more."""
    script, share = main_script(text)
    if script is not None:
        return Language(detect(text).code, share, script)
    if len(text.split()) < MIN_WORDS:
        return None
    found = detect(text)
    if found.code != "en" and found.probability >= MIN_PROBABILITY:
        return found
    return None
