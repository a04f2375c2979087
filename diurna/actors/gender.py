"""A named person's gender as the given name shows it ("Hillary Clinton" -> female).

Pronouns are linked to people by gender, and most people in news are named without a title
(Mr., Mrs.) that would say it. The table (data/given_names.tsv, built by
scripts/build_given_names.py from the 1990 US Census lists) holds only names that one gender
clearly dominates and that are not more common as family names.
"""

from __future__ import annotations

import functools
import pathlib
from typing import Optional, Sequence

from diurna.actors.kb import family_name_first

_TABLE = pathlib.Path(__file__).parent / "data" / "given_names.tsv"


@functools.lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    table = {}
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            table[name] = gender
    return table


def given_name_gender(words: Sequence[str]) -> Optional[str]:
    """'male' or 'female' for a full name with a given name of one gender before its last word
    (titles before it are passed over); None for a single word (a surname alone says nothing:
    "Kelly", "Jordan") or a name whose given name the table does not hold."""
    words = [w for w in words if w.strip(".,")]
    if family_name_first([w.lower() for w in words]):
        return None  # "Kim Jong Un": the first word is the family name
    table = _given_names()
    for word in words[:-1]:  # the first one the table knows: "Board member Thomas Reinholt"
        if word[:1].isupper() and word.lower() in table:
            return table[word.lower()]
    return None


def is_given_name(word: str) -> bool:
    """Whether a capitalised word is a given name the table holds ("Omar", "Hassan")."""
    return word[:1].isupper() and word.lower() in _given_names()
