"""What a toponym's own words say about where it lies (issue 22), for `resolve.py` to weigh: the place
named right after it that contains it ("Paris, Texas", "Skolkovo in Moscow", "the Kiwanja area of
North Kivu", "Lewisburg, Pa."), the country or region that owns it ("Zambia's Western Province",
"Syria's province of Idlib"), and the kind of the list it stands in ("Albania, Cyprus, Georgia").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from diurna.nlp.syntax import first_conjunct
from diurna.places.gazetteer import Candidate, GazetteerEntry, demonyms, load
from diurna.places.lexicon import CONTAINMENT_NOUNS, DIRECTION_WORDS, US_STATE_ABBREVIATIONS
from diurna.places.names import fold, strip_article
from diurna.places.toponyms import Toponym
from diurna.rules import RuleSet

# Named rules of what a toponym's own words say (DIURNA_PLACE_CONTAINER_RULES_OFF=name switches one off).
CONTAINER_RULES = RuleSet("place container rule", env="DIURNA_PLACE_CONTAINER_RULES_OFF")
RULES, _register, enabled, switched_off = CONTAINER_RULES.parts()

DEMONYM_OWNS_THE_NAME = _register(
    "demonym-owns-the-name",
    "Protests erupted in Iraqi Kurdistan; shelling hit Pakistani Kashmir.",
    "A state's demonym right before a place name says whose the place is, as a possessive does: a "
    "namesake in another state is not it.",
)


@dataclass
class Mention:
    """One toponym to resolve, with what its own words say."""

    hint: str | None = None  # "region" in "Idlib province", "city" in "the town of X"
    container: GazetteerEntry | None = None  # "Paris, Texas", "Kiwanja area of North Kivu", "Skolkovo in Moscow"
    container_admin1: str | None = None  # "Lewisburg, Pa.": a US state by its AP abbreviation
    owned: bool = False  # the container is the name's owner ("Zambia's Western Province"), not a list's member
    listed_with: str | None = None  # "country" in "Albania, Cyprus, Georgia", "region" in
    #                                             "Maryland, Connecticut, Delaware": what the list is of
    joined: bool = False  # the container follows "in"/"of" ("the Kurdistan region of Iraq"), not a bare comma
    by_demonym: bool = False  # the owner is a state's demonym before the name ("Iraqi Kurdistan")


def key_of(toponym: Toponym) -> str:
    return fold(strip_article(toponym.text))


CONTAINER_PREPOSITIONS = {"in", "of"}


def container_after(
    n: int, toponyms: list[Toponym], spacy_doc, readings: dict[str, list[tuple[float, Candidate]]]
) -> Mention:
    """What the words right after a toponym say contains it: "X, Y", "X in Y", "X area of Y",
    "X, a town in Y", or "X, Pa."."""
    toponym = toponyms[n]
    mention = Mention(hint=toponym.feature_hint)
    i = toponym.token_end
    if i + 1 < len(spacy_doc) and spacy_doc[i].text == ",":
        abbreviation = fold(spacy_doc[i + 1].text)
        if abbreviation in US_STATE_ABBREVIATIONS and spacy_doc[i + 1].text[:1].isupper():
            mention.container_admin1 = US_STATE_ABBREVIATIONS[abbreviation]
            return mention
    possessor = _possessor_before(n, toponyms, spacy_doc, readings) or _owner_of_kind_noun(
        n, toponyms, spacy_doc, readings
    )
    if possessor is None:
        possessor = _demonym_before(toponym, spacy_doc)
        mention.by_demonym = possessor is not None
    if possessor is not None:
        mention.container = possessor
        mention.owned = True
        return mention
    following = toponyms[n + 1] if n + 1 < len(toponyms) else None
    if following is None or following.token_start - i > 6:
        return mention
    between = [t for t in spacy_doc[i : following.token_start]]
    words = [t.lower_ for t in between]
    # "the Catatumbo region, in the country's Norte de Santander province": the story's own
    # country owning the container adds nothing to where the name lies
    if words[-2:] in (["country", "'s"], ["country", "\u2019s"]):
        words = words[:-2]
    comma_only = words == [","]
    # "X, a town in Y" / "X area of Y" / "X in Y": kind nouns, articles and one preposition.
    preposition = [w for w in words if w in CONTAINER_PREPOSITIONS]
    rest = [
        w
        for w in words
        if w not in CONTAINER_PREPOSITIONS
        and w not in CONTAINMENT_NOUNS
        and w not in DIRECTION_WORDS
        and w not in (",", "the", "a", "an", "small", "nearby", "large", "remote", "capital", "provincial")
    ]
    tail = list(words)
    while tail and (tail[-1] == "the" or tail[-1] in DIRECTION_WORDS):  # "in (the) northeast Texas"
        tail.pop()
    if not comma_only and (len(preposition) != 1 or rest or not tail or tail[-1] not in CONTAINER_PREPOSITIONS):
        return mention
    scored = readings.get(key_of(following))
    if not scored:
        return mention
    entry = scored[0][1].entry
    if comma_only and entry.feature not in ("region", "country", "district"):
        return mention  # "Tehran, Moscow and Beijing": a list, not a qualifier
    mention.container = entry
    # "in Iraq", not "in the Senegal river valley": the container is the phrase's head, no modifier
    after = spacy_doc[following.token_end] if following.token_end < len(spacy_doc) else None
    mention.joined = not comma_only and not (after is not None and after.pos_ == "NOUN" and after.text[:1].islower())
    return mention


def coordination(token):
    """The conjuncts of a token's coordination ("Albania, Cyprus, Georgia and India").

    The parser often reads a list's second member as an apposition of the first and hangs the
    rest on it ("Jamaica, the Bahamas and Antigua and Barbuda": Bahamas appos of Jamaica, Antigua
    conj of Bahamas): an apposition that has conjuncts of its own is a list member (an apposition
    proper, "Kibumba, a town in North Kivu", has none)."""
    first = token
    while first.head.i != first.i and (first.dep_ == "conj" or _listed_apposition(first)):
        first = first.head
    group, frontier = {first}, [first]
    while frontier:
        for child in frontier.pop().children:
            if (child.dep_ == "conj" or _listed_apposition(child)) and child not in group:
                group.add(child)
                frontier.append(child)
    return group


def _listed_apposition(token) -> bool:
    return token.dep_ == "appos" and any(child.dep_ == "conj" for child in token.children)


def listed_with(
    n: int,
    toponyms: list[Toponym],
    roots,
    by_root: dict[int, list[int]],
    readings: dict[str, list[tuple[float, Candidate]]],
) -> str | None:
    """ "country" or "region" when at least two other members of the toponym's coordination read as one.

    `roots`: each toponym's head token (None without a parse); `by_root`: the toponyms of each head
    token, so that a toponym's coordination is looked up, not every toponym of the article scanned."""
    if roots is None:
        return None
    group = coordination(roots[n])
    if len(group) < 3:
        return None
    kinds: Counter = Counter()
    for member in group:
        for k in by_root.get(member.i, ()):
            if k != n and roots[k] is not roots[n]:
                scored = readings.get(key_of(toponyms[k]))
                if scored:
                    kinds[scored[0][1].entry.feature] += 1
    for kind in ("country", "region"):
        if kinds[kind] >= 2:
            return kind
    return None


def _possessor_before(
    n: int, toponyms: list[Toponym], spacy_doc, readings: dict[str, list[tuple[float, Candidate]]]
) -> GazetteerEntry | None:
    """ "Zambia's Western Province", "North Kivu's Masisi territory": a country or region as possessor."""
    if n == 0 or spacy_doc is None:
        return None
    previous, start = toponyms[n - 1], toponyms[n].token_start
    if previous.token_end != start - 1 or spacy_doc[start - 1].text not in ("'s", "\u2019s"):
        return None
    scored = readings.get(key_of(previous))
    entry = scored[0][1].entry if scored else None
    return entry if entry is not None and entry.feature in ("country", "region") else None


def _demonym_before(toponym: Toponym, spacy_doc) -> GazetteerEntry | None:
    """ "Iraqi Kurdistan", "Indian Kashmir": a state's demonym right before a name owns it, as "Iraq's
    Kurdistan" would (rule `demonym-owns-the-name` of `CONTAINER_RULES`). Not where the two words are
    one name ("British Columbia"), nor for a state's own name."""
    if not enabled(DEMONYM_OWNS_THE_NAME) or spacy_doc is None or toponym.token_start == 0:
        return None
    word = spacy_doc[toponym.token_start - 1]
    iso3 = demonyms().get(word.text) if word.text[:1].isupper() else None
    if iso3 is None or any(c.entry.feature == "country" for c in toponym.candidates):
        return None
    if load().candidates(word.text + " " + toponym.text):
        return None
    return load().country(iso3)


def _owner_of_kind_noun(
    n: int, toponyms: list[Toponym], spacy_doc, readings: dict[str, list[tuple[float, Candidate]]]
) -> GazetteerEntry | None:
    """ "Taiwan's outlying islands of Kinmen, Matsu and Dongyin", "Syria's province of Idlib",
    "Nigeria's state of Borno": the possessor of the kind noun the name (or its list) depends on."""
    if spacy_doc is None:
        return None
    token = spacy_doc[toponyms[n].token_start : toponyms[n].token_end].root
    token = first_conjunct(token)
    if token.dep_ != "pobj" or token.head.lower_ != "of":
        return None
    owners = [c for c in token.head.head.children if c.dep_ == "poss"]
    if not owners:
        return None
    owner = next((t for t in toponyms if t.token_start <= owners[0].i < t.token_end), None)
    scored = readings.get(key_of(owner)) if owner is not None else None
    entry = scored[0][1].entry if scored else None
    return entry if entry is not None and entry.feature in ("country", "region") else None
