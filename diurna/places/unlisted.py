"""Places GeoNames' packaged data lacks, when the text says what they are and where.

    "the village of Noaka" in the Centre-Nord region     -> Noaka, at the region's point, precision region
    "the El-Salin military base" (Somalia story)          -> El-Salin, Somalia, precision country
    "the Zamzam displacement camp near El Fasher"         -> Zamzam, at El Fasher's point, precision district
    "Baghdad's Tahrir Square"                              -> Tahrir Square, at Baghdad's point, precision place
    "recaptured Moqokori, Tardo, Yasoman and other areas in the Hiiraan region" -> three places in Hiiraan

Villages, camps, bases and squares are where events happen; the gazetteer holds towns of 500+
people and administrative units only. Leaving them unresolved loses even the country, which the
text gives. So a capitalised name the gazetteer does not know at all becomes a place record when a
named rule of `RULES` says the text calls it a place, named as the text writes it, with no GeoNames
id, and located by the nearest place the text puts it in (its container), else — for a part of a
town (a square, a port) — by the story's one town, else by the story's country; its precision is
the container's level (ACLED's geo-precision: the point is the container's, not the place's own),
"district" when the text puts it near a town.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diurna.nlp.syntax import first_conjunct
from diurna.places.containers import coordination
from diurna.places.gazetteer import Gazetteer, GazetteerEntry
from diurna.places.kinds import CITY_NOUNS, REGION_NOUNS, singular_unit_noun
from diurna.places.lexicon import DIRECTION_WORDS, NOT_PLACE_NAMES
from diurna.places.names import fold
from diurna.places.resolve import SAME_PLACE_KM, distance_km
from diurna.places.toponyms import (
    MAX_NAME_TOKENS,
    MIN_POPULATION_UNLABELLED,
    PLACE_LABELS,
    Toponym,
    _in_locative_position,
)
from diurna.rules import RuleSet

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Nouns of a place that is not a town or a unit, after its name ("Tahrir Square", "the El-Salin
# military base", "the Zamzam displacement camp") or, in Spanish and French names, before it
# ("Plaza Grande").
FACILITY_NOUNS = {
    "square",
    "camp",
    "base",
    "airport",
    "airbase",
    "bridge",
    "port",
    "harbour",
    "harbor",
    "crossing",
    "checkpoint",
    "outpost",
    "garrison",
}
AREA_NOUNS = {"area", "suburb", "neighbourhood", "neighborhood", "township", "quarter", "village", "town"}
# Parts of a town: where the text does not say which town, a story naming one town means that one.
TOWN_PARTS = {"square", "port", "harbour", "harbor", "airport", "area", "suburb", "neighbourhood", "neighborhood"}
TOWN_PARTS |= {"township", "quarter"}
FACILITY_HEADS = {"plaza", "place", "piazza", "praça", "plac"}
SETTLEMENT_NOUNS = CITY_NOUNS | {"hamlet", "settlement", "locality", "area", "areas", "villages", "towns"}
# Words a container follows: "X in Y", "X, in the Y region", "X near Y", "X in the heart of Y".
CONTAINER_WORDS = {"in", "near", "of", "outside", "inside"}
NEAR_WORDS = {"near", "outside", "km", "kilometres", "kilometers", "miles", "nearby", "close"}
MAX_CONTAINER_GAP = 12
STATE_WORDS = {"Republic", "Kingdom", "Federation", "Emirates", "States", "Union"}
# Water is no place record ("the Baltic Sea region", "the Mayu River"): no point stands for it.
WATER_NOUNS = {"sea", "ocean", "river", "lake", "gulf", "strait", "straits", "bay", "channel"}
# Where the rules find the located places of the document being read (set by `unlisted_places`).
LOCATED_KEY = "diurna.places.unlisted.located"


@dataclass(frozen=True)
class UnlistedEntry(GazetteerEntry):
    """A place the gazetteer lacks: the text's name, the container's country and point."""

    within: str = "country"  # the geo-precision: the level of the place whose point it carries

    @property
    def precision(self) -> str:
        return self.within


@dataclass(frozen=True)
class NameRule:
    name: str
    example: str
    says_place: Callable[[Span], str | None]  # the kind the text gives ("city", "part" of a town, "region"), or None


RULES: list[NameRule] = []
# The same rules by name, to switch one off (`DIURNA_PLACE_UNLISTED_RULES_OFF=name`, or in a test
# `UNLISTED_RULES.switched_off(name)`).
UNLISTED_RULES = RuleSet("unlisted place rule", env="DIURNA_PLACE_UNLISTED_RULES_OFF")


def name_rule(example: str, why: str = ""):
    def register(fn: Callable[[Span], str | None]):
        RULES.append(NameRule(UNLISTED_RULES.register(fn.__name__, example, why), example, fn))
        return fn

    return register


KNOWN_ONLY_BY_VARIANTS = UNLISTED_RULES.register(
    "known-only-by-variants",
    "'the town of Nasir' in a South Sudan story: GeoNames' packaged data has no Nasir, only registered"
    " alternate names of an Egyptian district and a Turkish town",
    "A toponym the gazetteer knows only as registered alternate names (no place's main name or hand-kept"
    " alias), refused as those places for want of the text's support, is a place the gazetteer lacks where"
    " the text itself calls it a place, as a name it does not know at all is (not any word with a variant:"
    " 'Sen.' is one).",
)


def _says_place(span: Span, nouns_only: bool = False) -> str | None:
    """The kind the first switched-on rule of `RULES` says the text gives the name, or None;
    `nouns_only`: only the rules that read a kind noun of the text."""
    rules = [r for r in RULES if UNLISTED_RULES.enabled(r.name) and not (nouns_only and r.name in NOT_BY_NOUN)]
    return next((k for r in rules if (k := r.says_place(span)) is not None), None)


# Rules that read a list or a slot, not a kind noun of the text.
NOT_BY_NOUN = {"listed_with_places", "located_in_a_place"}


@name_rule("'the village of Noaka', 'the town of X': a town's kind noun and 'of' before the name")
def kind_noun_before(span: Span) -> str | None:
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in SETTLEMENT_NOUNS:
        return "city"
    return None


@name_rule("'Kibumba, a town in North Kivu province', 'Noaka, a village near Kaya': a town's kind noun in apposition")
def kind_noun_in_apposition(span: Span) -> str | None:
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    for child in span.root.children:
        if child.dep_ == "appos" and child.i > span.end and child.lower_ in SETTLEMENT_NOUNS:
            return "city"
    return None


@name_rule("'Tahrir Square', 'the El-Salin military base', 'Zamzam displacement camp', 'Plaza Grande'")
def facility_noun(span: Span) -> str | None:
    if len(span) > 1 and span[0].lower_ in FACILITY_HEADS:
        return "part"
    if span[-1].lower_ in FACILITY_NOUNS:
        return _facility_kind(span[-1].lower_)
    doc = span.doc
    for token in doc[span.end : span.end + 3]:  # "military base", "displacement camp"
        if token.lower_ in FACILITY_NOUNS:
            return _facility_kind(token.lower_)
        if token.pos_ not in ("NOUN", "ADJ"):
            break
    return None


@name_rule(
    "'the Wesh border gate', 'the Wesh border post', 'the Kalam border point': a border's gate, post or point",
    "A border crossing is named by the town or pass it stands at, and news calls it a gate, a post or a point"
    " as often as a crossing; only after 'border': a gate or a post alone is a building's or a paper's"
    " ('the Brandenburg Gate', 'the Washington Post').",
)
def border_post_noun(span: Span) -> str | None:
    doc = span.doc
    if not (span.end + 1 < len(doc) and doc[span.end].lower_ == "border" and doc[span.end + 1].lower_ in BORDER_POSTS):
        return None
    # "a Hezbollah border post", "a Taliban border post": an indefinite post named by who holds it, not
    # where it stands (review14)
    if _names_a_party(span) or (span.start > 0 and doc[span.start - 1].lower_ in ("a", "an")):
        return None
    return "city"


def _names_a_party(span: Span) -> bool:
    """Whether the name is a people's or a person's as the tagger reads it, or an acronym ("Taliban",
    "Kagame", "CIA"): a post of theirs is no place. Not ORG: the small model tags border towns so ("the
    historic Torkham border gate"); a group's post is mostly an indefinite one, refused apart."""
    return any(t.ent_type_ in ("NORP", "PERSON") for t in span) or _acronym(span)


def _acronym(span: Span) -> bool:
    return len(span) == 1 and span.text.isupper() and span.text.isalpha() and len(span.text) <= 6


BORDER_POSTS = {"gate", "post", "point", "terminal"}


def _facility_kind(noun: str) -> str:
    """A square or a port is a part of a town; a base, a camp or a bridge is often outside any."""
    return "part" if noun in TOWN_PARTS else "city"


@name_rule("'the Bulaburde district', 'the Hiraan region': a unit's noun right after the name")
def unit_noun_after(span: Span) -> str | None:
    doc = span.doc
    # "the Kurdish region", "the West African state": an adjective is no name; "the Islamic State"
    # is a group ("state" is left to the gazetteer, which holds the states of federations).
    if span[-1].tag_ not in ("NNP", "NNPS") or span.end >= len(doc):
        return None
    noun = singular_unit_noun(doc[span.end])
    return "region" if noun in REGION_NOUNS and noun != "state" else None


@name_rule(
    "'the governor of Gbudwe state said', 'clashes in Maiwut state': a proper name and a lower-case 'state'",
    "Federations' states (South Sudan's, Nigeria's, Sudan's, Myanmar's, India's) are written so, and those"
    " redrawn or dissolved (South Sudan's 28 and 32 states of 2015-2020) are in no gazetteer. A capital"
    " 'State' is a group's name ('Islamic State'); a determiner before the name makes a description ('the"
    " Jewish state', 'the Palmetto state'); 'state' modifying a noun is an office ('Democratic state lawmakers').",
)
def name_before_lower_case_state(span: Span) -> str | None:
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != "state" or span[-1].tag_ not in ("NNP", "NNPS"):
        return None
    state = doc[span.end]
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    if state.tag_ != "NN" or (after is not None and (after.lower_ == "that" or after.pos_ == "DET")):
        return None  # "Sources close to Kagame state that ...": the verb, however tagged (review14)
    if state.dep_ in ("compound", "amod") or (state.head.i > state.i and state.head.pos_ in ("NOUN", "PROPN")):
        return None
    if span.start > 0 and doc[span.start - 1].dep_ in ("det", "poss"):
        return None
    if any(t.ent_type_ in ("NORP", "ORG", "DATE") for t in span):
        return None  # also "a Super Tuesday state" (review14)
    if span.start > 0 and doc[span.start - 1].lower_ in ("a", "an"):
        return None
    return "region"


@name_rule("'the Prenda area', 'the Rocha Pinto suburb': a part of a town named with its kind noun after it")
def area_noun_after(span: Span) -> str | None:
    doc = span.doc
    if span[-1].tag_ not in ("NNP", "NNPS") or span.end >= len(doc):
        return None
    noun = doc[span.end].lower_
    return None if noun not in AREA_NOUNS else ("part" if noun in TOWN_PARTS else "city")


@name_rule("'Pyein Taw Village', 'Rathedaung Township', 'the Cazenga Area': the kind noun closes the name itself")
def own_kind_noun(span: Span) -> str | None:
    if len(span) < 2 or span[-1].text[:1].islower() or span[-2].tag_ not in ("NNP", "NNPS"):
        return None
    noun = span[-1].lower_
    if noun in SETTLEMENT_NOUNS or noun in AREA_NOUNS:
        return "part" if noun in TOWN_PARTS else "city"
    return None


@name_rule("'recaptured Moqokori, Tardo, Yasoman and other strategic areas': listed with places in a place's slot")
def listed_with_places(span: Span) -> str | None:
    for member in coordination(span.root):
        if member.lower_ in SETTLEMENT_NOUNS and any(c.lower_ == "other" for c in member.children):
            return "city"
    return None


@name_rule(
    "'in Namsiguia, in the Centre-nord region', 'Maramara in Chikun Local Government Area': a place's slot and a container"
)
def located_in_a_place(span: Span) -> str | None:
    # spaCy must call it a place: a group's or a person's name is in such slots too ("attack by
    # the Rapid Support Forces in El Fasher", "taking to Twitter").
    if span.doc[span.start].ent_type_ not in PLACE_LABELS:  # the entity the span's first token is in
        return None
    if not (_in_place_slot(span.root) or span.root.dep_ == "appos"):
        return None
    located = span.doc.user_data.get(LOCATED_KEY, {})
    return "city" if _container(span, located) is not None else None


def text_calls_a_place(span: Span) -> bool:
    """Whether one of the named rules (RULES) says the text itself calls `span` a place ("the village
    of Kuki", "Kibumba, a town in North Kivu", "the Hiraan region"): asked by the actor stage, which
    reads names before the places stage does, so that such a name is never made a person."""
    return _says_place(span) is not None


def _labelled_place(span: Span) -> bool:
    return span.doc[span.start].ent_type_ in PLACE_LABELS


def _in_place_slot(token: Token) -> bool:
    """A locative slot, also "between X and Y"."""
    token = first_conjunct(token)
    return _in_locative_position(token) or (token.dep_ == "pobj" and token.head.lower_ == "between")


def _candidate_spans(spacy_doc: Doc, taken: set[int]) -> Iterator[Span]:
    """Capitalised names no toponym covers: spaCy's entities of any kind but numbers, and runs of
    proper nouns (with inner hyphens and "de") spaCy did not label."""
    seen: set[int] = set()
    for ent in spacy_doc.ents:
        if ent.label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"):
            continue
        seen.update(range(ent.start, ent.end))
        for start, end in _entity_parts(ent):
            if start < end and not any(i in taken for i in range(start, end)):
                yield spacy_doc[start:end]
    i = 0
    while i < len(spacy_doc):
        token = spacy_doc[i]
        if i in taken or i in seen or token.tag_ not in ("NNP", "NNPS") or token.is_sent_start:
            i += 1
            continue
        j = i + 1
        while j < len(spacy_doc) and j - i < MAX_NAME_TOKENS and j not in taken and j not in seen:
            t = spacy_doc[j]
            if (
                t.tag_ in ("NNP", "NNPS")
                or (t.text == "-" and j + 1 < len(spacy_doc))
                or t.lower_ in ("de", "del")
                or (t.text in ("'", "\u2019") and spacy_doc[j - 1].tag_ == "NNPS")  # "Martyrs' Square"
            ):
                j += 1
                continue
            break
        while j > i + 1 and spacy_doc[j - 1].tag_ not in ("NNP", "NNPS"):
            j -= 1
        yield spacy_doc[i:j]
        i = j


def _entity_parts(ent: Span) -> Iterator[tuple[int, int]]:
    """An entity's names: "the towns of Damazin and Roseires" tagged as one entity is two; an
    abbreviation in brackets ("Line of Control (LoC") and trailing punctuation are not part of one."""
    doc = ent.doc
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    end = next((t.i for t in doc[start : ent.end] if t.text in "(["), ent.end)
    # "Luanda's Cazenga": the possessor is its own name (a toponym, as a rule)
    start = max([start] + [t.i + 1 for t in doc[start:end] if t.text in ("'s", "\u2019s")])
    part = start
    for i in range(start, end + 1):
        if i == end or doc[i].lower_ == "and" or doc[i].text == ",":
            stop = i
            while stop > part and doc[stop - 1].is_punct:
                stop -= 1
            if stop > part:
                yield part, stop
            part = i + 1


def _is_bare_name(span: Span, gazetteer: Gazetteer, demonym_table: dict[str, str], variants: bool = False) -> bool:
    """A name the gazetteer knows nothing of, that is no demonym, generic noun or world region;
    `variants`: or knows only as other places' registered alternate names."""
    text = span.text
    if not text[:1].isupper() or len(text) < 3 or any(ch.isdigit() for ch in text):
        return False
    if text in demonym_table or text.rstrip("s") in demonym_table or fold(text) in NOT_PLACE_NAMES:
        return False
    # "the Democratic Republic (of Congo)" cut short: a state's form names no village (but
    # "Republic Square", "Union Square" name squares)
    if any(t.text in STATE_WORDS for t in span) and span[-1].lower_ not in FACILITY_NOUNS:
        return False
    if span[-1].lower_ in WATER_NOUNS:
        return False
    candidates = gazetteer.candidates(text)
    if variants and UNLISTED_RULES.enabled(KNOWN_ONLY_BY_VARIANTS):
        if candidates and (_acronym(span) or any(t.ent_type_ == "ORG" for t in span)):
            return False  # "the CIA base in Benghazi": an agency's variant spelling is no place (review14)
        # a registered variant is another place's name, not this one's
        return not any(c.strong for c in candidates)
    return not candidates


def _container(span: Span, located: dict[int, GazetteerEntry]) -> GazetteerEntry | None:
    return _placed(span, located)[0]


def _placed(span: Span, located: dict[int, GazetteerEntry]) -> tuple[GazetteerEntry | None, bool]:
    """The place the text puts the name in, and whether only near it: a possessor ("Baghdad's
    Tahrir Square"), else the most specific located place after it joined by "in", "near" or "of"
    with no verb between ("Namsiguia, in the Centre-nord region", "Maramara in Chikun Local
    Government Area"); "near El Fasher", "south of Mogadishu" are near, not in."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text in ("'s", "\u2019s") and span.start - 2 in located:
        return located[span.start - 2], False
    for child in span.root.children:
        if child.dep_ == "poss" and child.i in located:
            return located[child.i], False
    # The most specific place of the phrase: "in Niger's Tillaberi region" is in the region.
    joined, near, found = False, False, []
    for token in doc[span.end : min(len(doc), span.end + MAX_CONTAINER_GAP)]:
        if token.is_sent_start or token.pos_ in ("VERB", "AUX") or (found and token.text in ",;("):
            break
        if token.i in located and joined:
            found.append(located[token.i])
        elif not found and (token.lower_ in NEAR_WORDS or token.lower_ in DIRECTION_WORDS):
            near = True
        if token.lower_ in CONTAINER_WORDS:
            joined = True
    return min(found, key=lambda e: SPECIFICITY[e.feature], default=None), near


SPECIFICITY = {"city": 0, "district": 1, "region": 2, "country": 3}
# A part of a town is placed at the town (ACLED's precision 1), a village at its unit's point.
PRECISION_WITHIN = {"city": "place", "district": "district", "region": "region", "country": "country"}


def unlisted_places(
    spacy_doc: Doc,
    toponyms: list[Toponym],
    entries: list[GazetteerEntry | None],
    gazetteer: Gazetteer,
    demonym_table: dict[str, str],
    story_country: str | None,
    taken: set[int],
) -> Iterator[tuple[int, int, int, int, str, GazetteerEntry]]:
    """(token start, token end, char start, char end, text, entry) for each unlisted place mention.

    `taken`: tokens already part of a place mention or of a person's name."""
    located = {i: e for t, e in zip(toponyms, entries) if e is not None for i in range(t.token_start, t.token_end)}
    refused = {(t.token_start, t.token_end) for t, e in zip(toponyms, entries) if e is None}
    spacy_doc.user_data[LOCATED_KEY] = located
    named: list[tuple[Span, str | None]] = []
    for span in _candidate_spans(spacy_doc, taken | {t.i for t in spacy_doc if t.i in located}):
        if not _is_bare_name(span, gazetteer, demonym_table, variants=True):
            continue
        if (span.start, span.end) not in refused and gazetteer.candidates(span.text):
            # Known by other places' variants and not read as a toponym: only the text's own noun
            # says it is a place ("the town of X", "X district"), not a list or a slot ("Sen." after
            # a list of places is a title).
            kind = _says_place(span, nouns_only=True)
            if kind is not None:
                named.append((span, kind))
            continue
        kind = _says_place(span)
        named.append((span, kind))
    # One name, one sense: a name the text calls a place once is that place in a place's slot
    # elsewhere ("the village of Noaka" ... "in Noaka").
    kinds = {fold(s.text): k for s, k in named if k is not None}
    for n, (span, kind) in enumerate(named):
        # (or that spaCy itself labels a place: "control of Kibumba", "fled Kibumba")
        if kind is None and fold(span.text) in kinds and (_in_place_slot(span.root) or _labelled_place(span)):
            named[n] = (span, kinds[fold(span.text)])
    # A name listed with a place the text names so ("between Halgan and Garasyaani") is one too.
    place_roots = {s.root for s, k in named if k is not None}
    # ... and one listed with the story's towns and districts ("Luyanó and Centro Habana"): a list
    # of towns is of one kind (a list with a country may pair a person or a group with it).
    place_roots |= {
        spacy_doc[t.token_start : t.token_end].root
        for t, e in zip(toponyms, entries)
        if e is not None and e.feature in ("city", "district") and e.country == story_country
    }
    containers: dict[str, GazetteerEntry] = {}
    chosen = []
    for span, kind in named:
        key = fold(span.text)
        if kind is None and span.root.dep_ == "conj" and coordination(span.root) & place_roots:
            kind = "city"
        if kind is None:
            continue
        container, near = _placed(span, located)
        if container is not None:
            containers.setdefault(key, (container, near))
        chosen.append((span, kind, key, (container, near) if container is not None else None))
    for span, kind, key, placed in chosen:
        container, near = (
            placed
            or containers.get(key)
            or (
                _town_naming_the_facility(span, gazetteer, story_country)
                or _story_place(located, gazetteer, story_country, kind),
                False,
            )
        )
        if container is None:
            continue
        # near a town: ACLED's precision 2 ("near X"); inside a unit: the unit's level
        within = "district" if near and container.feature == "city" else PRECISION_WITHIN[container.feature]
        entry = _placed_entry(span.text, "district" if kind == "region" else "city", container, within)
        yield (span.start, span.end, span.start_char, span.end_char, span.text, entry)


def _town_naming_the_facility(span: Span, gazetteer: Gazetteer, story_country: str | None) -> GazetteerEntry | None:
    """ "Baghdad International Airport", "Kabul airport", "Mosul Dam camp": a facility whose name
    opens with a town's own name stands at that town (the name spaCy keeps inside the facility's
    entity, so no toponym of its own). The town by its main name, the story's country's first, else
    only a large one ("the Jerusalem Post" is no facility; "Camp David" opens with no town)."""
    if len(span) < 2 or span[-1].lower_ not in FACILITY_NOUNS:
        return None
    for end in range(span.end - 1, span.start, -1):
        towns = [
            c.entry
            for c in gazetteer.candidates(span.doc[span.start : end].text)
            if c.strong and c.entry.feature == "city"
        ]
        at_home = [e for e in towns if e.country == story_country]
        large = [e for e in towns if e.population >= MIN_POPULATION_UNLABELLED]
        if at_home or large:
            return max(at_home or large, key=lambda e: e.population)
    return None


def in_container(toponym: Toponym, container: GazetteerEntry) -> UnlistedEntry:
    """A name the gazetteer knows only as a namesake abroad, placed in the container the text names
    ("Taiwan's outlying islands of Kinmen, Matsu": Matsu in Taiwan, at Taiwan's point, precision
    country; "Bali, Djugu territory": at the territory's point, precision district)."""
    feature = "district" if toponym.feature_hint in ("region", "district") else "city"
    return _placed_entry(toponym.text, feature, container, PRECISION_WITHIN[container.feature])


def _placed_entry(name: str, feature: str, container: GazetteerEntry, within: str) -> UnlistedEntry:
    """The text's name with the container's country, units and point, at the container's level."""
    return UnlistedEntry(
        geonameid=0,
        feature=feature,
        name=name,
        country=container.country,
        admin1=container.admin1,
        admin2=container.admin2,
        lat=container.lat,
        lon=container.lon,
        population=0,
        capital=False,
        within=within,
    )


def _story_place(
    located: dict[int, GazetteerEntry], gazetteer: Gazetteer, story_country: str | None, kind: str
) -> GazetteerEntry | None:
    """Where a place the text does not locate is: for a part of a town, the story's one town when
    it names a single town of its country (or towns within one town's reach) (a Quito story's "Plaza Grande", a Port-au-Prince story's
    airport); else the story's country (a base "south of Mogadishu" is not in Mogadishu)."""
    if not story_country:
        return None
    towns = {e.geonameid: e for e in located.values() if e.feature == "city" and e.country == story_country}
    if kind == "part" and towns:
        # a town and its own quarters ("Luanda's Cazenga area") are one town: the largest
        largest = max(towns.values(), key=lambda e: e.population)
        if all(distance_km(e, largest) <= SAME_PLACE_KM for e in towns.values()):
            return largest
    return gazetteer.country(story_country)
