"""KB matches of acronyms read against the story (issue #21 item 3: no false merges).

The country dictionaries list thousands of acronyms and short aliases, many shared by unrelated
bodies across the world: "LDF" is a Lithuanian party and the Lesotho Defence Force, "SANA" a
spelling of Yemen's capital and Syria's state news agency. Matched on its own, such a word codes a
Lesotho army unit as a Lithuanian party. A reporter who writes an acronym means the body of the
story's countries; so an acronym matches a KB entry only when the story names that entry's country
elsewhere (its states, nationalities, capitals, other known actors). Otherwise the word is read as
the tagger reads it, an organisation the KB does not know, and the actor-country step gives it the
story's country (inferred) when the story has one.

`StoryFinder` wraps the process-wide `MentionFinder` for one article; every KB lookup of the
resolver (names, title words, description modifiers) goes through it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Optional

from diurna.actors.codes import split_code
from diurna.actors.kb import KBActor, name_key
from diurna.actors.rules import enabled, register

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from diurna.actors.mentions import MentionFinder

FOREIGN_ACRONYM = register(
    "foreign-acronym",
    "MASERU, Lesotho - ... Operation Hard Fist, which the Lesotho Defence Force (LDF) launched ... LDF soldiers",
    "An acronym or a capital written in capitals ('LDF', 'SANA') matches a KB entry of a country only "
    "when the story names that country elsewhere (a state, a nationality, a capital, another known "
    "actor of it); else it is an organisation the KB does not know, not a Lithuanian party or Yemen's "
    "capital. A state's own short name ('US', 'DRC') and entries of no country (UN, NATO) always match.",
)
COMMON_PARTY_NAME = register(
    "common-party-name",
    "BEIJING - ... The Communist Party said the congress would open in October.",
    "A party's name made only of words that parties of many states use ('Communist Party', 'Democratic "
    "Alliance', 'National Congress Party': KnowledgeBase.party_name_words) matches a KB party only when "
    "the story names that party's state elsewhere, as an acronym does (rule foreign-acronym): Party "
    "Facts gives such an English short name to one state's party (Sweden's 'Communist Party'), and a "
    "story from China means China's. Otherwise it is a party the KB does not know, which the story's "
    "country step places.",
)
# Longest acronym read this way: longer all-capital words are names set in capitals (datelines, headlines).
MAX_ACRONYM = 6


def is_short_capitals(text: str) -> bool:
    """An acronym as news writes it: 2-6 capital letters, nothing else ("LDF", "SANA", not "U.S.")."""
    return 2 <= len(text) <= MAX_ACRONYM and text.isalpha() and text.isupper()


# Words an acronym leaves out ("DRC" for "Democratic Republic of the Congo").
_ACRONYM_SKIPS = frozenset("of the and".split())


def initials_of(names) -> set[str]:
    """The initials of each name of two words or more, with and without its small words ("united
    states" -> "us"; "republic of korea" -> "rok", "rk")."""
    out = set()
    for name in names:
        words = name.replace("-", " ").split()
        for kept in (words, [w for w in words if w != "the"], [w for w in words if w not in _ACRONYM_SKIPS]):
            if len(kept) >= 2:
                out.add("".join(w[0] for w in kept))
    return out


class StoryFinder:
    """The article's view of the process-wide `MentionFinder`: the same lookups, with rule
    foreign-acronym applied. Everything else is the wrapped finder's."""

    def __init__(self, finder: "MentionFinder", doc: "Doc", day: Optional[str]):
        self._finder, self._doc, self._day = finder, doc, day
        self._support: Optional[dict[str, set[str]]] = None  # country -> the name keys naming it
        # the wrapped finder's names of each sentence, found once: the candidates read a sentence's
        # names more than once, and `support` reads every sentence's (one more pass over the text)
        self._names_of: dict[tuple[int, int], list[tuple[int, int, list[KBActor]]]] = {}

    def __getattr__(self, name: str):
        return getattr(self._finder, name)

    # ---- the lookups, filtered ---------------------------------------------------------------
    def _finder_names(self, sent) -> list[tuple[int, int, list[KBActor]]]:
        key = (sent.start, sent.end)
        if key not in self._names_of:
            self._names_of[key] = self._finder.kb_names(sent)
        return self._names_of[key]

    def kb_names(self, sent) -> list[tuple[int, int, list[KBActor]]]:
        out = []
        for start, end, actors in self._finder_names(sent):
            kept = self._keep(sent.doc, start, end, actors)
            if kept:
                out.append((start, end, kept))
        return out

    def longest_name_at(self, doc, i: int, limit: int) -> Optional[tuple[int, list[KBActor]]]:
        match = self._finder.longest_name_at(doc, i, limit)
        if match is None:
            return None
        kept = self._keep(doc, i, match[0], match[1])
        return (match[0], kept) if kept else None

    def kb_word(self, doc, k: int) -> list[KBActor]:
        return self._keep(doc, k, k + 1, self._finder.kb_word(doc, k))

    # titles and descriptions read with these lookups: the finder's methods, run on this view
    def read_title(self, *args, **kwargs):
        return type(self._finder).read_title(self, *args, **kwargs)

    def title_before(self, *args, **kwargs):
        return type(self._finder).title_before(self, *args, **kwargs)

    def _kb_name_at(self, *args, **kwargs):
        return type(self._finder)._kb_name_at(self, *args, **kwargs)

    # ---- rule foreign-acronym (and common-party-name) -------------------------------------------
    def _keep(self, doc, start: int, end: int, actors: list[KBActor]) -> list[KBActor]:
        if not actors:
            return actors
        text = doc[start:end].text
        if end - start == 1 and is_short_capitals(text) and enabled(FOREIGN_ACRONYM):
            key = name_key(text)
            return [a for a in actors if self._supported(a, key)]
        if end - start >= 2 and enabled(COMMON_PARTY_NAME) and self._common_party_name(text):
            key = name_key(text)
            return [a for a in actors if not self._party(a) or self._supported(a, key)]
        return actors

    # ---- rule common-party-name ---------------------------------------------------------------
    def _common_party_name(self, text: str) -> bool:
        words = name_key(text).replace("-", " ").split()
        common = self._finder.kb.party_name_words
        return len(words) >= 2 and all(w in common for w in words)

    def _party(self, actor: KBActor) -> bool:
        role = actor.role_on(self._day)
        return actor.kind == "organization" and role is not None and split_code(role.code)[1] == "PTY"

    def _supported(self, actor: KBActor, key: str) -> bool:
        if actor.kind == "person":
            return True  # persons go by the surname rules
        country = self._country(actor)
        if country is None:
            return True  # the UN, NATO, the ICC: no country to check
        if actor.kind == "country" and (key == country.lower() or key in initials_of(actor.names)):
            return True  # a state's own short name: "USA", "US", "DRC", "UAE"
        return bool(self.support().get(country, set()) - {key})

    def _country(self, actor: KBActor) -> Optional[str]:
        role = actor.role_on(self._day)
        return split_code(role.code)[0] if role else None

    def support(self) -> dict[str, set[str]]:
        """Country -> the keys of the article's KB names that name it and it alone (every name the
        KB finds in the text, acronyms included: the rule leaves out only the word it judges)."""
        if self._support is None:
            support: dict[str, set[str]] = defaultdict(set)
            doc = self._doc
            for sent in doc.sents:
                for start, end, actors in self._finder_names(sent):
                    countries = {self._country(a) for a in actors} - {None}
                    if len(countries) == 1:
                        support[countries.pop()].add(name_key(doc[start:end].text))
            self._support = dict(support)
        return self._support
