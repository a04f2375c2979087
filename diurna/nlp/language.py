"""Language identification, so that non-English articles are skipped with a reason instead of
being coded as English gibberish. py3langid ships its model inside the package (no download)."""
from __future__ import annotations

import functools
from typing import NamedTuple

# Below this many words the identifier is unreliable; such texts are treated as English
# (a headline-only item is better coded than silently dropped).
MIN_WORDS = 12
# Only this confident a non-English verdict skips an article.
MIN_PROBABILITY = 0.9
# Nigerian Pidgin shares most of its vocabulary with English, and the identifier picks it for
# short English news sentences; English news is what diurna codes, so the class is left out.
_EXCLUDED = {"pcm"}


class Language(NamedTuple):
    code: str            # ISO 639-1
    probability: float


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


def non_english(text: str) -> Language | None:
    """The detected language when `text` is confidently not English, else None."""
    if len(text.split()) < MIN_WORDS:
        return None
    found = detect(text)
    if found.code != "en" and found.probability >= MIN_PROBABILITY:
        return found
    return None
