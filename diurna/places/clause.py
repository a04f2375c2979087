"""Where an event happened: the place of its own clause, else of its sentence, else the dateline's
for events of the lead, else none (issue 22). Each answer says how it was chosen (`basis`).

    "a delegation visited Tehran"                         -> Tehran (clause: object of a visiting verb)
    "Iranians took to the streets of Tehran"              -> Tehran (clause: locative "to", through "of")
    "protesters gathered in Tehran and burned flags"      -> Tehran (clause: conjoined verb sharing the subject)
    "In Ankara, officials said Turkey would retaliate"    -> Ankara (sentence: scene of the clause that embeds it)
    "KYIV (AP) - Russia launched drones overnight"        -> Kyiv   (dateline, for events of the lead)
    "Iran condemned the move"                             -> None   (a country as an actor is no location)

The rules are `PLACE_RULES`, tried in order; the article's first place is never a default. How a
place's phrase attaches to the trigger's clause is read by `attachment.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diurna.document import ArticleDoc, PlaceRef
from diurna.nlp.dateline import find_dateline
from diurna.nlp.index import index
from diurna.places import gazetteer
from diurna.places.attachment import (
    NARROWING,
    clause_group,
    describes_another_participant,
    governing_verb,
    is_verb,
    locates,
    noun_object,
    of_another_event,
    own_relative_clauses,
    up_to,
)
from diurna.places.chooser import Option, load_chooser, options
from diurna.places.described import is_territory_noun
from diurna.places.episodes import earlier_episode, of_what_may_happen
from diurna.places.lexicon import COUNTRY_LOCATIVE, EVENT_NOUNS, STATIC
from diurna.places.paths import (
    POSSESSOR_OF_A_SETTING,
    in_a_description_below,
    modifier_event,
    names_a_mission,
    proximity,
    through_another_happening,
)
from diurna.places.scene import (
    CARRIED_BASES,
    DEFINITE,
    carries_a_scene,
    earlier_scene,
    lead_scene,
    referred_thing_place,
)
from diurna.places.seats import seat_of_agent
from diurna.places.sites import described_site
from diurna.places.speech import (
    addressed_in_speech,
    in_a_report,
    in_what_is_said,
    object_of_what_is_said,
    scene_of_another_statement,
)
from diurna.records import Place

if TYPE_CHECKING:
    from spacy.tokens import Token

# The most specific place wins: a town, then a district, a region, a country.
SPECIFICITY = {"place": 0, "city": 0, "district": 1, "region": 2, "country": 3}


def _places_in_sentence(doc: ArticleDoc, trigger: Token) -> Iterable[tuple[PlaceRef, Token]]:
    """Place mentions of the trigger's sentence; a place inside a quotation ("death to England")
    belongs to the quoted words, not to an event told outside them."""
    sentence = trigger.sent
    quoted = index(doc.spacy_doc).quotations(doc.text)[1]  # the quote stage's passages
    for ref in doc.place_mentions:
        if sentence.start <= ref.token_start and ref.token_end <= sentence.end:
            if quoted[ref.token_start] and not quoted[trigger.i]:
                continue
            yield ref, doc.spacy_doc[ref.token_start : ref.token_end].root


def _place(doc: ArticleDoc, place_id: str) -> Place | None:
    return next((place for place in doc.places if place.id == place_id), None)


def _specificity(doc: ArticleDoc, place_id: str) -> int:
    place = _place(doc, place_id)
    if place is None:
        return 4
    if place.geonameid is None:
        # A place GeoNames lacks ("the village of Noaka in the Centre-Nord region") is as specific as
        # its kind, however coarse the point it borrows from its container; but a part of a known
        # town ("Baghdad's Tahrir Square", precision place) yields to the town, as ACLED codes it.
        return 1 if place.precision == "place" else SPECIFICITY.get(place.feature, 4)
    return SPECIFICITY.get(place.precision or place.feature, 4)


def _best(found: list[tuple[PlaceRef, tuple[int, int]]], doc: ArticleDoc) -> PlaceRef:
    """The most specific place, then the nearest to the trigger in the dependency tree (`proximity`);
    but when the clause names several places of that level and one place holding them all, the
    holder ("in the Khyber, Bannu and Dera Ismail Khan districts of Khyber Pakhtunkhwa", "raids in
    Jenin and Nablus in the West Bank"): one event over several towns happened in their region, not
    in the first of them. (Nearest first, then down the hierarchy, was measured the same on the tune
    split and realnews-dev and lost "Following a meeting ... in the Saudi city of Jeddah, the OIC
    expressed its rejection of ... in the West Bank" on PLV train.)"""
    ref, _ = min(found, key=lambda rd: (_specificity(doc, rd[0].place_id), rd[1], rd[0].token_start))
    best = ref.place_id
    for holder, _ in sorted(found, key=lambda rd: (_specificity(doc, rd[0].place_id), rd[1])):
        level = _specificity(doc, holder.place_id)
        if level <= _specificity(doc, best) or not _holds(doc, holder.place_id, best):
            continue
        # Peers lie side by side: neither holds the other ("the village of X in the Y district"
        # is one place named down its hierarchy, not a list).
        peers = {
            r.place_id
            for r, _ in found
            if _specificity(doc, r.place_id) < level
            and r.place_id != best
            and _holds(doc, holder.place_id, r.place_id)
            and not _holds(doc, r.place_id, best)
            and not _holds(doc, best, r.place_id)
        }
        if peers:
            return holder
    return ref


def _holds(doc: ArticleDoc, holder_id: str, place_id: str) -> bool:
    """Does the region or country `holder_id` contain the place `place_id` (GeoNames' codes)?"""
    holder, place = _place(doc, holder_id), _place(doc, place_id)
    if holder is None or place is None or holder.country != place.country:
        return False
    if holder.feature == "country":
        return True
    table = gazetteer.load()
    outer = table.by_id(holder.geonameid) if holder.geonameid else None
    inner = table.by_id(place.geonameid) if place.geonameid else None
    if outer is None or inner is None or outer.feature == "city" or outer.geonameid == inner.geonameid:
        return False
    if outer.feature == "district":
        return bool(outer.admin2) and inner.admin2 == outer.admin2
    return bool(outer.admin1) and inner.admin1 == outer.admin1


@dataclass(frozen=True)
class EventPlace:
    """Where an event happened and how that was decided (the contract's Event.place* fields)."""

    place_id: str
    basis: str  # clause | sentence | dateline | story
    rule: str  # the PLACE_RULES entry that chose it
    precision: str  # place | district | region | country
    country: str | None

    def fields(self) -> dict:
        return {
            "place": self.place_id,
            "place_basis": self.basis,
            "place_rule": self.rule,
            "place_precision": self.precision,
            "country": self.country,
        }


NO_PLACE = {"place": None, "place_basis": None, "place_rule": None, "place_precision": None, "country": None}


@dataclass(frozen=True)
class PlaceRule:
    name: str
    basis: str
    example: str
    find: Callable[[ArticleDoc, Token], PlaceRef | None]


PLACE_RULES: list[PlaceRule] = []


def place_rule(basis: str, example: str):
    def register(fn: Callable[[ArticleDoc, Token], PlaceRef | None]):
        PLACE_RULES.append(PlaceRule(fn.__name__, basis, example, fn))
        return fn

    return register


def _paths(doc: ArticleDoc, trigger: Token):
    """(place mention, its head word, governing verb, prepositions passed, relation) for each place
    of the trigger's sentence other than the trigger itself."""
    for ref, head in _places_in_sentence(doc, trigger):
        if ref.token_start <= trigger.i < ref.token_end:
            continue  # the trigger is the place's own name
        governor, preps, relation = governing_verb(head)
        if relation == POSSESSOR_OF_A_SETTING and _feature_of(doc, ref) == "country":
            continue  # a country's possession is its own, wherever it stands ("at Cambodia's positions")
        if names_a_mission(head) and _feature_of(doc, ref) == "country":
            continue  # "near the U.S. Embassy" is not in the United States
        if governor is not None:
            yield ref, head, governor, preps, relation


def _feature_of(doc: ArticleDoc, ref: PlaceRef) -> str:
    """The place's contract feature, or "capital" for a national capital (it may stand for its
    government), or "territory" for a state named as its ground ("Lebanese territory": a location
    wherever it stands, never an addressee or a target actor as a country's bare name may be)."""
    place = _place(doc, ref.place_id)
    if place is None:
        return "city"
    if place.feature == "country" and is_territory_noun(doc.spacy_doc[ref.token_end - 1]):
        return "territory"
    if place.feature == "city" and place.country:
        capital = gazetteer.load().capital_of(place.country)
        if capital is not None and capital.geonameid == place.geonameid:
            return "capital"
    return place.feature


@place_rule("clause", "'protesters gathered in Lima and blocked the avenue': blocked -> Lima")
def own_clause(doc: ArticleDoc, trigger: Token) -> PlaceRef | None:
    paths = [
        p
        for p in _paths(doc, trigger)
        if not of_another_event(p[3], trigger)
        and not object_of_what_is_said(p[2], p[3], p[4], trigger)
        and not addressed_in_speech(p[1], trigger)
        and not of_what_may_happen(p[2], trigger)
    ]
    if not is_verb(trigger):
        # A noun's own phrase first: "summoned the envoy in Baghdad over Iranian strikes on northern
        # Iraq" - the strikes were on Iraq, wherever the verb above them happened.
        own = [
            (ref, proximity(head, trigger))
            for ref, head, governor, preps, relation in paths
            if up_to(preps, trigger)
            and locates(_feature_of(doc, ref), governor, up_to(preps, trigger), relation, {trigger})
            or noun_object(preps, trigger)
            and locates(_feature_of(doc, ref), trigger, [], "dobj", {trigger})
        ]
        if own:
            return _best(own, doc)
    group = clause_group(trigger) | own_relative_clauses(trigger)
    found = [
        (ref, proximity(head, trigger))
        for ref, head, governor, preps, relation in paths
        if locates(_feature_of(doc, ref), governor, preps, relation, group)
    ]
    return _best(found, doc) if found else None


@place_rule("clause", "'protests in Nukus, where protesters tried to storm government buildings': storm -> Nukus")
def relative_where(doc: ArticleDoc, trigger: Token) -> PlaceRef | None:
    """A relative clause opened by "where" (or "in which") tells what happened in the place it hangs from."""
    for token in [trigger, *trigger.ancestors]:
        if token.dep_ == "relcl":
            opener = [c for c in token.children if c.lower_ == "where" and c.dep_ == "advmod"]
            opener += [c for c in token.children if c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children)]
            if not opener:
                return None
            place = token.head
            return next(
                (ref for ref in doc.place_mentions if ref.token_start <= place.i < ref.token_end),
                None,
            )
    return None


@place_rule("clause", "'the three villages near Tillaberi captured in June by bandits': captured -> Tillaberi")
def described_place(doc: ArticleDoc, trigger: Token) -> PlaceRef | None:
    """A clause describing a place by what was done to it tells where that act happened (`sites.py`)."""
    return described_site(doc, trigger)


@place_rule("clause", "'The Kuala Lumpur Sessions Court charged', 'Brazilian Federal Police arrested': -> the seat")
def seat_of_the_agent(doc: ArticleDoc, trigger: Token) -> PlaceRef | None:
    """A court or police force named by its town or state acts there (`seats.py`)."""
    return seat_of_agent(doc, clause_group(trigger), _specificity)


@place_rule("sentence", "'In Ankara, officials said Turkey would retaliate': retaliate -> Ankara")
def scene_of_embedding_clause(doc: ArticleDoc, trigger: Token) -> PlaceRef | None:
    if modifier_event(trigger):
        return None
    found = [
        (ref, proximity(head, trigger))
        for ref, head, governor, preps, relation in _paths(doc, trigger)
        if preps
        and governor in trigger.ancestors
        and not scene_of_another_statement(governor, trigger)
        and not in_a_description_below(trigger, governor, head)
        and not of_what_may_happen(governor, trigger)
        and locates(_feature_of(doc, ref), governor, preps, relation, {governor})
    ]
    return _best(found, doc) if found else None


@place_rule("sentence", "'After talks in Doha, the two sides agreed to a truce': agreed -> Doha")
def elsewhere_in_sentence(doc: ArticleDoc, trigger: Token) -> PlaceRef | None:
    """A place the sentence puts something in ("in", "at", "near"...), outside clauses that describe
    another participant ("the minister, who lives in London")."""
    if modifier_event(trigger):
        return None
    found = []
    for ref, head, governor, preps, relation in _paths(doc, trigger):
        # The place's own phrase: "of" links up to its first locative preposition ("in several
        # cities of Iran"); what that phrase hangs from above does not matter here.
        own = next((p for p, _ in preps if p not in NARROWING), None)
        if own is None or own not in STATIC or (_feature_of(doc, ref) == "country" and own not in COUNTRY_LOCATIVE):
            continue
        if describes_another_participant(head, trigger) or of_another_event(preps, trigger):
            continue
        if through_another_happening(head, trigger) or in_what_is_said(head, trigger):
            continue
        if scene_of_another_statement(governor, trigger) or in_a_description_below(trigger, governor, head):
            continue
        if of_what_may_happen(governor, trigger):
            continue  # "might end up before the court in The Hague": nothing happened there yet
        found.append((ref, proximity(head, trigger)))
    return _best(found, doc) if found else None


@place_rule(
    "sentence", "'Sudan: RSF drones strike a hospital', 'Peru, clashes between protesters and police': Sudan, Peru"
)
def headline_label(doc: ArticleDoc, trigger: Token) -> PlaceRef | None:
    """A sentence that opens with a place and a colon or comma, the place no argument of a verb,
    is labelled with where it happened (a headline's or a summary's form)."""
    sentence = trigger.sent
    for ref in doc.place_mentions:
        if ref.token_start != sentence.start or ref.token_end >= sentence.end:
            continue
        after = doc.spacy_doc[ref.token_end]
        root = doc.spacy_doc[ref.token_start : ref.token_end].root
        # After a colon the name is a label however the parse reads it; after a comma only when it
        # is no argument ("Mali, which is led by a junta, attacked" is a subject).
        label = after.text == ":" or (after.text == "," and root.dep_ in ("ROOT", "dep", "npadvmod"))
        if label and trigger.i > after.i:
            return ref
    return None


@place_rule("dateline", "'KYIV, Ukraine (AP) - Russia launched drones overnight...': launched -> Kyiv")
def dateline_of_the_lead(doc: ArticleDoc, trigger: Token) -> PlaceRef | None:
    dateline = find_dateline(doc.article.text)
    if dateline is None or not trigger.idx < dateline.paragraph_end:
        return None
    # the lead's sentences are counted from the heading's end: "ISLAMABAD (AP) -" parsed as a
    # sentence of its own is no sentence of the lead
    if _beyond_the_lead(doc, trigger, max(dateline.start, dateline.heading_end - 1)):
        return None
    return next((ref for ref in doc.place_mentions if ref.start <= dateline.start < ref.end), None)


# The lead is the dateline's sentence and the next: a text without paragraph breaks is one paragraph,
# and the dateline of a Washington desk does not place a crackdown in Tbilisi ten sentences on.
LEAD_SENTENCES = 2


def _beyond_the_lead(doc: ArticleDoc, trigger: Token, lead_start: int) -> bool:
    key = ("diurna.places", "lead end", lead_start)
    end = doc.spacy_doc.user_data.get(key)
    if end is None:  # once per document: the character where the lead's sentences end
        starts = []
        for sentence in doc.spacy_doc.sents:
            if sentence.end_char > lead_start:
                starts.append(sentence.start_char)
                if len(starts) > LEAD_SENTENCES:
                    break
        end = doc.spacy_doc.user_data[key] = starts[LEAD_SENTENCES] if len(starts) > LEAD_SENTENCES else -1
    return end >= 0 and trigger.idx >= end


@place_rule("story", "'M23 rebels seize key DRC town // ... M23 captured the town of Bunagana': seize -> Bunagana")
def lead_of_the_headline(doc: ArticleDoc, trigger: Token) -> PlaceRef | None:
    """An event of the headline happened where the lead, just after it, sets its scene."""
    return lead_scene(doc, trigger, _specificity)


@place_rule("story", "'Bandits attacked Bethel School in Chikun ... The school was attacked at 1am': -> Chikun")
def thing_told_before(doc: ArticleDoc, trigger: Token) -> PlaceRef | None:
    """A definite noun of the clause ("the school", "the base") names a thing told earlier with its place."""
    return referred_thing_place(doc, trigger, clause_group(trigger), _specificity)


@place_rule("story", "'Protests spread to Basra on Friday. ... The protests began in October': began -> Basra")
def event_told_before(doc: ArticleDoc, trigger: Token) -> PlaceRef | None:
    """A definite event noun ("the protests", "the clashes", "this fighting") names an event the story
    told before: it happened where that earlier mention's own clause put it ("Protests continued in
    Basra. ... The protests began in October")."""
    if is_verb(trigger) or trigger.lemma_.lower() not in EVENT_NOUNS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in trigger.children):
        return None
    if _names_a_place_of_its_own(doc, trigger):
        return None  # "The protests spread to Abuja": its own clause names where, read or not
    lemma = trigger.lemma_.lower()
    earlier = [t for t in doc.spacy_doc[: trigger.sent.start] if t.lemma_.lower() == lemma and not is_verb(t)]
    from diurna.events.polarity import is_negated  # here: the events package imports the places stage

    for mention in reversed(earlier):
        if is_negated(mention) or is_negated(mention.head):
            continue  # "Protests were not reported in Mosul": no event of the story happened there
        ref = own_clause(doc, mention)
        if ref is not None:
            return ref
    return None


def _names_a_place_of_its_own(doc: ArticleDoc, trigger: Token) -> bool:
    group = clause_group(trigger)
    return any(governor in group for _, _, governor, _, _ in _paths(doc, trigger))


@place_rule("story", "'Protesters gathered in Tahrir Square in Baghdad. Police shot at them.': shot -> Baghdad")
def scene_just_before(doc: ArticleDoc, trigger: Token) -> PlaceRef | None:
    """An event its own sentence places nowhere happened where the sentences just before set their scene."""
    return earlier_scene(doc, trigger, _specificity)


def locate_event(
    doc: ArticleDoc, trigger_token: int, disabled: Iterable[str] = (), event_type: str | None = None
) -> EventPlace | None:
    """The event's place by the first rule of `PLACE_RULES` that finds one, or None. With the event's
    PLOVER type, places carried from beyond its sentence go only to events that happen at a scene
    (`scene.carries_a_scene`)."""
    if doc.spacy_doc is None or not doc.place_mentions or not 0 <= trigger_token < len(doc.spacy_doc):
        return None
    trigger = doc.spacy_doc[trigger_token]
    off = set(disabled)
    chooser = load_chooser() if event_type is not None and not off else None
    if chooser is not None and chooser.reads(doc):  # the rules are the options, a model chooses (chooser.py)
        found = options(doc, trigger, event_type, PLACE_RULES, clause_group(trigger), gazetteer.load().capital_of)
        choice = chooser.choose(found)
        if choice is not None and choice.rule == "mention" and in_a_report(trigger):
            choice = None  # a place no rule found is no reported act's (`speech.REPORTED_GUESS`)
        chosen = _chosen(doc, choice)
        if chosen is not None and chosen.basis in CARRIED_BASES and earlier_episode(trigger):
            return None  # the model may not carry the story's scene into an earlier episode either
        return chosen
    carried = carries_a_scene(event_type) and not earlier_episode(trigger)
    for rule in PLACE_RULES:
        if rule.name in off or (rule.basis in CARRIED_BASES and not carried):
            continue
        ref = rule.find(doc, trigger)
        if ref is not None:
            place = _place(doc, ref.place_id)
            if place is None:
                continue
            return _event_place(place, rule.basis, rule.name)
    return None


def _event_place(place: Place, basis: str, rule: str) -> EventPlace:
    precision = place.precision or {"city": "place"}.get(place.feature, place.feature)
    return EventPlace(place.id, basis, rule, precision, place.country)


def _chosen(doc: ArticleDoc, option: Option | None) -> EventPlace | None:
    place = _place(doc, option.place_id) if option is not None else None
    return _event_place(place, option.basis, "learned:" + option.rule) if place is not None else None


def event_place_fields(doc: ArticleDoc, trigger_token: int, event_type: str | None = None) -> dict:
    """The contract's Event fields place, place_basis, place_rule, place_precision and country."""
    located = locate_event(doc, trigger_token, event_type=event_type)
    return located.fields() if located is not None else dict(NO_PLACE)


def event_place(doc: ArticleDoc, trigger_token: int) -> str | None:
    """The place id of the event whose trigger is token `trigger_token`, or None."""
    located = locate_event(doc, trigger_token)
    return located.place_id if located is not None else None
