"""Places the story gives beyond the event's own sentence (issue 22).

Three constructions, each measured on real text (docs/evaluation.md, "Places: issue 22"):

1. A place referred back to by its kind's noun: "the city", "the region", "the country" in a slot
   that takes a place is the place of that kind named most often before it, the nearest on a tie.

       "... in El Fasher. The RSF followed with artillery shelling on the city."  -> El Fasher
       "... protests in Bogota. Police fired tear gas in cities across the country." -> Colombia
       "... al-Shabab raided the town. Troops retook the town on Friday."          -> (the town named before)

2. The story's scene: an event whose own sentence places it nowhere happened where the nearest of
   the two sentences before it set its scene ("in X", "at X", "stormed X"), when one set it (basis
   "story").

       "Protesters gathered in Tahrir Square in Baghdad. Police shot at them." -> Baghdad (basis "story")

3. The lead's scene for a headline: an event of the headline that its own words place nowhere
   happened where the lead, just after it, sets its scene (`lead_scene`, basis "story").

       "M23 rebels seize key DRC town // ... M23 captured the town of Bunagana" -> Bunagana

None guesses from the article's first or most frequent place: a scene is taken only from the
two sentences before the event (`SCENE_LOOKBACK`), never from after it except a headline's, from
its lead (`HEADLINE_LOOKAHEAD`); not for acts of speech ("condemned", "urged"), which happen where
the speaker is; and only for events that happen at a scene (`SCENE_EVENT_TYPES`: not sanctions,
support, agreements or demands).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from diurna.places.described import Described, locative_object
from diurna.places.episodes import unrealised
from diurna.places.gazetteer import GazetteerEntry, demonyms, load
from diurna.places.lexicon import ATTACKING, COUNTRY_LOCATIVE, PLACE_PART_NOUNS, STATIC, VISITING
from diurna.places.toponyms import Toponym
from diurna.quotes.lexicon import SPEECH_VERBS
from diurna.rules import RuleSet

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from diurna.document import ArticleDoc, PlaceRef

# Named rules of the story's scene (DIURNA_PLACE_SCENE_RULES_OFF=name,name switches one off).
SCENE_RULES = RuleSet("scene rule", env="DIURNA_PLACE_SCENE_RULES_OFF")
RULES, _register, enabled, switched_off = SCENE_RULES.parts()

DENIED_PLACE = _register(
    "denied-place-sets-no-scene",
    "Clashes continued in Goma. Protests were not reported in Bukavu. Police fired tear gas. -> Goma",
    "A place where the clause says nothing happened ('not reported in', 'never reached') is no scene "
    "for the events told after it.",
)

ELSEWHERE = _register(
    "elsewhere-takes-no-scene",
    "Troops shelled Homs on Monday. They also raided homes in other towns. -> raided: no place (not Homs)",
    "A clause that puts its event somewhere else than the story's scene - 'in other cities', 'in "
    "another village', 'elsewhere' - gives it a place of its own that is not named: the scene of the "
    "sentences before is not carried to it.",
)

SPEAKERS_PLACE = _register(
    "speakers-place-sets-no-scene",
    "Clashes broke out in Goma. The spokesman of the ministry in Kinshasa accused the rebels. Troops "
    "shelled the hills. -> shelled: Goma, not Kinshasa",
    "A place on the body a speaker speaks for, inside the subject of a verb reporting speech ('the "
    "spokesman for the ministry in Kabul accused', 'a spokesperson of the embassy in Baku said'), says "
    "where that body sits, not where the story's events happen: it sets no scene for the events told "
    "after it. A place on the speaker itself ('officials in Kano said') still does.",
)

# Words that set a clause's unnamed place against the scene told before: "in other towns", "elsewhere".
OTHER_WORDS = {"other", "another", "different"}
ELSEWHERE_WORDS = {"elsewhere"}

# A kind's noun and the gazetteer features its antecedent may have.
REFERRING_NOUNS = {
    "city": ("city",),
    "town": ("city",),
    "village": ("city",),
    "region": ("region",),
    "province": ("region",),
    "district": ("district",),
    "country": ("country",),
}
DEFINITE = {"the", "this", "that"}
# How many sentences before an unplaced event its scene may have been set in. Measured on the
# real-text tune split (2026-12-06): 1 sentence gains 15 required places and loses none that were
# right or correctly null; 2 sentences gain one more required place and give 9 events a place their
# gold leaves null; staying inside the paragraph loses 2 required places. Once a carried place went
# only to events at a scene (`SCENE_EVENT_TYPES`, evening), 2 sentences gain 10 required places (233
# -> 243 of 374) for 4 right-or-null (1097 -> 1093 of 1364): kept. Gating further by modality or by a
# coarse or explicit date loses as many right places as wrong ones.
SCENE_LOOKBACK = 2
# A place carried from outside the event's sentence (basis "story" or "dateline") is given only to
# events that happen at a scene: force, coercion, protest, deployment, meetings. What a government
# decides or says at a distance - sanctions, support, cooperation, agreements, demands, accusations,
# refusals, threats, aid, withdrawals - happens where its actors are, which the story's scene does not
# tell ("Protesters clashed with police in Lima. // Beijing said it would sanction ten people";
# "... forced a Ryanair flight to land in Minsk. // The EU expressed solidarity with Latvia").
# Measured on the real-text tune split (2026-12-06, evening): right or correctly null 1054 -> 1096 of
# 1364, required places unchanged (233 of 374); realnews-dev 98 -> 99 of 105, 29 of 31 unchanged.
SCENE_EVENT_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "CONSULT"})
CARRIED_BASES = frozenset({"story", "dateline"})


def carries_a_scene(event_type: str | None) -> bool:
    """May a place from beyond the event's sentence be given to an event of this PLOVER type? (An
    unknown type keeps every rule: callers that locate a word, not an event, are not restricted.)"""
    return event_type is None or event_type in SCENE_EVENT_TYPES


# Acts of speech ("condemned", "urged", "accused") happen where the speaker is, which the story's
# scene does not tell; those that are a scene's events themselves stay ("protested", "chanted").
SPEECH_ACTS = SPEECH_VERBS - {"attack", "protest", "chant", "shout", "yell", "scream", "sing", "cry", "continue"}


def referring_places(
    spacy_doc: Doc, toponyms: list[Toponym], entries: list[GazetteerEntry | None]
) -> Iterator[Described]:
    """(token start, token end, char start, char end, text, antecedent) for each "the city",
    "the region", "the country" that stands in a place's slot and has an antecedent of its kind."""
    located = [(t.token_start, e) for t, e in zip(toponyms, entries) if e is not None]
    named = {i for t in toponyms for i in range(t.token_start, t.token_end)}
    for token in spacy_doc:
        kinds = REFERRING_NOUNS.get(token.lower_) if token.pos_ == "NOUN" else None
        if kinds is None or token.i in named or not _bare_definite(token, named) or not _place_slot(token):
            continue
        antecedent = _antecedent([e for start, e in located if start < token.i and e.feature in kinds])
        if kinds == ("country",) and enabled(COUNTRY_OF_THE_STORY_SO_FAR):
            antecedent = _country_of_the_story_so_far(spacy_doc, located, token.i) or antecedent
        if antecedent is None:
            continue
        first = min([token.i] + [c.i for c in token.lefts if c.dep_ in ("det", "amod")])
        span = spacy_doc[first : token.i + 1]
        yield (span.start, span.end, span.start_char, span.end_char, span.text, antecedent)


COUNTRY_OF_THE_STORY_SO_FAR = _register(
    "country-of-the-story-so-far",
    "Syrian troops shelled Damascus suburbs; an envoy fled to Jordan. Hundreds died across the country. -> Syria",
    "'The country' is the country the story has been about up to it - its places of every kind and "
    "its demonyms counted by country - not merely the country last or most often named by name: a "
    "country named once in passing is not what 'the country' means.",
)


def _country_of_the_story_so_far(
    spacy_doc: Doc, located: list[tuple[int, GazetteerEntry]], before: int
) -> GazetteerEntry | None:
    """The country with the most evidence before token `before`: each place mention counts for its
    country, each demonym ("Syrian troops") for its state; the latest evidence wins a tie."""
    table = demonyms()
    evidence = [(start, e.country) for start, e in located if start < before and e.country]
    evidence += [(t.i, table[t.text]) for t in spacy_doc[:before] if t.text[:1].isupper() and t.text in table]
    if not evidence:
        return None
    counts = Counter(iso3 for _, iso3 in evidence)
    latest = {iso3: i for i, iso3 in sorted(evidence)}
    iso3 = max(counts, key=lambda c: (counts[c], latest[c]))
    return load().country(iso3)


def _antecedent(earlier: list[GazetteerEntry]) -> GazetteerEntry | None:
    """The place of the kind a bare "the city" refers back to: the one named most often before it,
    the nearest on a tie. A story's own town is named again and again; a town named once in passing
    between it and "the city" - where diplomats met, a capital standing for its government - is not
    what "the city" means ("... arrived in Sanaa ... met in Beijing on Thursday. The Houthis seized the
    city in 2014" -> Sanaa; "Protests in Stockholm ... needs Ankara's support ... A separate protest
    took place in the city" -> Stockholm)."""
    counts = Counter(e.geonameid for e in earlier)
    # max keeps the first of equals: walking back from "the city", that is the nearest
    return max(reversed(earlier), key=lambda e: counts[e.geonameid], default=None)


def _bare_definite(token: Token, named: set[int]) -> bool:
    """ "the city", "this region"; not "the city of Uvira", "the Tigray region", "a city", "the capital city"."""
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
        return False
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return False
        if child.dep_ in ("compound", "nmod", "amod", "poss") and (child.i in named or child.pos_ == "PROPN"):
            return False
        if child.dep_ == "compound":
            return False
    return True


def _place_slot(token: Token) -> bool:
    """ "shelling on the city", "in the capital's airport", "stormed the town", "deployed across key
    areas of the city" (a part of it in a locative phrase)."""
    if locative_object(token):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "of" and locative_object(token.head.head):
        return True
    if token.dep_ == "poss" and locative_object(token.head):
        return True
    return token.dep_ == "dobj" and (token.head.lemma_ in VISITING or token.head.lemma_ in ATTACKING)


def _sets_scene(ref: PlaceRef, spacy_doc: Doc, feature: str) -> bool:
    """Is the mention where something is or happens ("in X", "at X", "stormed X", "the city of X")?"""
    token = spacy_doc[ref.token_start : ref.token_end].root
    # "in Goma and Bukavu", "in the capital Islamabad": the name stands where its head does
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    while token.dep_ == "pobj" and token.head.lower_ == "of" and _kind_or_part(token.head.head):
        token = token.head.head  # "the city of Uvira", "a northern suburb of the capital Colombo"
    if token.dep_ == "dobj":
        return (token.head.lemma_ in VISITING or token.head.lemma_ in ATTACKING) and not _denied(token.head)
    if token.dep_ != "pobj" or token.head.dep_ != "prep":
        return False
    if _in_a_speakers_name(token):
        return False
    if _denied(token.head.head) or unrealised(token.head.head):
        return False
    preposition = token.head.lower_
    return preposition in (COUNTRY_LOCATIVE if feature == "country" else STATIC)


def _in_a_speakers_name(token: Token) -> bool:
    """Is the place inside the subject of a verb reporting speech, on a body the speaker speaks for
    (`SPEAKERS_PLACE`): "the spokesperson for the ministry in Kabul accused"? A place on the speaker
    itself ("officials in Kano said", "residents in Goma told") may well be the scene: not this rule's."""
    from diurna.places.speech import REPORTING  # here: speech.py imports this module

    if not enabled(SPEAKERS_PLACE):
        return False
    nouns = 0
    for word in token.ancestors:
        if word.dep_ in ("nsubj", "nsubjpass"):
            return nouns >= 1 and word.head.lemma_.lower() in REPORTING
        if word.pos_ in ("VERB", "AUX"):
            return False
        if word.pos_ in ("NOUN", "PROPN") and word.dep_ == "pobj":
            nouns += 1  # the place hangs from a noun inside the subject's phrase, not from the subject
    return False


def _denied(word: Token) -> bool:
    """Does the clause say nothing happened there ("Protests are not reported in Mosul", "never
    reached Goma")? A place where something did not happen sets no scene for the next events. The
    events stage's negation (`events.polarity.is_negated`) decides, on the word the place hangs from."""
    from diurna.events.polarity import is_negated  # here: the events package imports the places stage

    return enabled(DENIED_PLACE) and is_negated(word)


def _kind_or_part(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in REFERRING_NOUNS or lemma in PLACE_PART_NOUNS


def scenes_by_sentence(doc: ArticleDoc) -> dict[int, list[PlaceRef]]:
    """The scene-setting place mentions of each sentence (by its first token), built once per document."""
    key = ("diurna.places", "scenes")
    cached = doc.spacy_doc.user_data.get(key)
    if cached is not None and cached[0] == len(doc.place_mentions):
        return cached[1]
    features = {p.id: p.feature for p in doc.places}
    sentence_of = {}
    for sentence in doc.spacy_doc.sents:
        for i in range(sentence.start, sentence.end):
            sentence_of[i] = sentence.start
    scenes: dict[int, list[PlaceRef]] = {}
    for ref in doc.place_mentions:
        if _sets_scene(ref, doc.spacy_doc, features.get(ref.place_id, "city")):
            scenes.setdefault(sentence_of[ref.token_start], []).append(ref)
    doc.spacy_doc.user_data[key] = (len(doc.place_mentions), scenes)
    return scenes


def earlier_scene(doc: ArticleDoc, trigger: Token, specificity) -> PlaceRef | None:
    """The scene set by the nearest of the `SCENE_LOOKBACK` sentences before the trigger's that
    sets one: its most specific place, then its last."""
    if trigger.lemma_.lower() in SPEECH_ACTS or _placed_elsewhere(trigger):
        return None
    scenes = scenes_by_sentence(doc)
    sentence = trigger.sent
    for _ in range(SCENE_LOOKBACK):
        if sentence.start == 0:
            return None
        sentence = doc.spacy_doc[sentence.start - 1].sent
        found = scenes.get(sentence.start)
        if found:
            return min(found, key=lambda ref: (specificity(doc, ref.place_id), -ref.token_start))
    return None


def _placed_elsewhere(trigger: Token) -> bool:
    """Does the event's clause put it "elsewhere" or "in other towns" (`ELSEWHERE`)? The trigger and
    the words of its clause (`attachment.clause_group`) are read for that adverb, or for a locative
    phrase whose noun is a place's kind or part qualified by "other"/"another", on the clause or on
    one of its arguments ("raided homes in other towns", "protesters in other cities marched")."""
    from diurna.places.attachment import clause_group  # here: attachment imports this module's neighbours

    if not enabled(ELSEWHERE):
        return False
    group = clause_group(trigger)
    hosts = group | {c for word in group for c in word.children if c.dep_ in _ARGUMENTS_AND_AGENT}
    for word in hosts:
        for child in word.children:
            if child.dep_ == "advmod" and child.lower_ in ELSEWHERE_WORDS:
                return True
            if child.dep_ != "prep" or child.lower_ not in STATIC:
                continue
            for noun in child.children:
                if (
                    noun.dep_ == "pobj"
                    and _kind_or_part(noun)
                    and any(c.dep_ in ("amod", "det") and c.lower_ in OTHER_WORDS for c in noun.children)
                ):
                    return True
    return False


_ARGUMENTS_AND_AGENT = {"nsubj", "nsubjpass", "dobj"}


# How many sentences after a headline its lead may set the scene in ("Gunmen ambush police convoy //
# MORELIA, Mexico (AP) - ... ventured into the township of Aguililla").
HEADLINE_LOOKAHEAD = 2
SENTENCE_END = {".", "!", "?"}


def lead_scene(doc: ArticleDoc, trigger: Token, specificity) -> PlaceRef | None:
    """A headline tells the lead's news in a few words and names its place later, if at all: an event
    of the headline that its own words place nowhere happened where the lead sets its scene ("M23
    rebels seize key DRC town // ... captured the town of Bunagana"; "9 Palestinians killed in Israeli
    raid // Israeli forces killed nine Palestinians in Jenin"). Scene set by the nearest of the
    `HEADLINE_LOOKAHEAD` sentences after the headline that sets one: its most specific place, then its first."""
    if trigger.lemma_.lower() in SPEECH_ACTS or not _is_headline(doc, trigger.sent):
        return None
    scenes = scenes_by_sentence(doc)
    sentence = trigger.sent
    for _ in range(HEADLINE_LOOKAHEAD):
        if sentence.end >= len(doc.spacy_doc):
            return None
        sentence = doc.spacy_doc[sentence.end].sent
        found = scenes.get(sentence.start)
        if found:
            return min(found, key=lambda ref: (specificity(doc, ref.place_id), ref.token_start))
    return None


def _is_headline(doc: ArticleDoc, sentence) -> bool:
    """The article's first sentence, a paragraph of its own, with no full stop."""
    if sentence.start != 0 or sentence.end >= len(doc.spacy_doc):
        return False
    last = next((t for t in reversed(sentence) if not t.is_space), None)
    between = doc.spacy_doc.text[sentence[-1].idx : doc.spacy_doc[sentence.end].idx]
    return last is not None and last.text not in SENTENCE_END and "\n" in between


# Relations a place may hang from a noun by and still say where that noun's thing is:
# "a school in Chikun", "Bethel School, Maramara in Chikun", "the Zamzam camp near El Fasher".
_ATTACHING = {"pobj", "prep", "appos", "compound", "nmod", "npadvmod"}
_ARGUMENTS = {"dobj", "nsubjpass", "pobj"}  # what is acted on, not the agent ("the police said")


def referred_thing_place(doc: ArticleDoc, trigger: Token, group: set[Token], specificity) -> PlaceRef | None:
    """ "Bandits attacked Bethel School, Maramara in Chikun ... The school was attacked at 1am": a
    definite noun of the event's clause names a thing told earlier with its place."""
    if trigger.lemma_.lower() in SPEECH_ACTS:
        return None
    located = _located_nouns(doc)
    start = trigger.sent.start
    for noun in _definite_arguments(group):
        earlier = [i for i in located.get(noun.lemma_.lower(), ()) if i < start]
        if earlier:
            found = located[noun.lemma_.lower()][earlier[-1]]
            return min(found, key=lambda ref: (specificity(doc, ref.place_id), ref.token_start))
    return None


def _located_nouns(doc: ArticleDoc) -> dict[str, dict[int, list[PlaceRef]]]:
    """lemma -> {token index of a noun with places hanging from it -> those places}, built once per
    document (a walk up from each place mention), so that asking costs nothing per event."""
    key = ("diurna.places", "located nouns")
    cached = doc.spacy_doc.user_data.get(key)
    if cached is not None and cached[0] == len(doc.place_mentions):
        return cached[1]
    table: dict[str, dict[int, list[PlaceRef]]] = {}
    for ref in doc.place_mentions:
        for noun in _nouns_held(doc.spacy_doc, ref):
            table.setdefault(noun.lemma_.lower(), {}).setdefault(noun.i, []).append(ref)
    for lemma in table:
        table[lemma] = dict(sorted(table[lemma].items()))
    doc.spacy_doc.user_data[key] = (len(doc.place_mentions), table)
    return table


def _nouns_held(spacy_doc: Doc, ref: PlaceRef) -> Iterator[Token]:
    """The nouns a place says where they are, walking up attaching relations."""
    token = spacy_doc[ref.token_start : ref.token_end].root
    while token.dep_ in _ATTACHING and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ not in STATIC and token.lower_ != "of":
            return
        token = token.head
        if token.pos_ in ("NOUN", "PROPN") and not (ref.token_start <= token.i < ref.token_end):
            yield token


def _definite_arguments(group: set[Token]) -> list[Token]:
    nouns = []
    for word in group:
        for child in word.children:
            target = child
            if child.dep_ == "prep" and child.lower_ in ("on", "at", "in", "into", "inside"):
                target = next((g for g in child.children if g.dep_ == "pobj"), None)
            if target is None or target.dep_ not in _ARGUMENTS or target.pos_ != "NOUN":
                continue
            if any(c.dep_ == "det" and c.lower_ in DEFINITE for c in target.children):
                nouns.append(target)
    return sorted(nouns, key=lambda t: t.i)
