"""Senses of event words that report no act, or an act of another type, whatever the lexicon's sense.

The trigger lexicons pick a sense by the word and a few of its arguments. Some uses of a word of force
or of withdrawal are figures of everyday political copy: "the bombing left 20 people dead" tells what
an attack did (no one withdrew), "the minister shot back" answers a critic (no one fired), "launched a
scathing attack on the prime minister" is criticism (no one was hit). Each rule here names one such
construction, with an example from news copy and the reason it holds (model: diurna/time/grammar.py).
A rule either withholds a candidate (`withholding_sense`: its name is the candidate's trace) or gives it
its right type (`right_sense`). Switched off in a test with `switched_off(name)` or for a measurement
with DIURNA_EVENT_SENSE_RULES_OFF=name,name.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Callable, Optional

from diurna.events import codes
from diurna.rules import RuleSet

if TYPE_CHECKING:
    from spacy.tokens import Token

    from diurna.document import ArticleDoc
    from diurna.events.arguments import Candidate

SENSE_RULES = RuleSet("event sense rule", env="DIURNA_EVENT_SENSE_RULES_OFF")
RULES, _register, enabled, switched_off = SENSE_RULES.parts()

# (document, candidate) -> whether the rule withholds it
Withholds = Callable[["ArticleDoc", "Candidate"], bool]
WITHHOLDING: list[tuple[str, Withholds]] = []
_withholds = SENSE_RULES.ordered(WITHHOLDING)

# (document, candidate) -> the candidate retyped, or None when the rule does not apply
Retypes = Callable[["ArticleDoc", "Candidate"], Optional["Candidate"]]
RETYPING: list[tuple[str, Retypes]] = []
_retypes = SENSE_RULES.ordered(RETYPING)


def trigger_of(doc: "ArticleDoc", cand: "Candidate") -> "Token":
    return doc.spacy_doc[cand.trigger_start]


# States an act leaves its victims in: "left 20 people dead", "left thousands homeless".
RESULT_STATES = frozenset(
    {
        "dead",
        "injured",
        "wounded",
        "hurt",
        "homeless",
        "missing",
        "stranded",
        "displaced",
        "destitute",
        "paralysed",
        "paralyzed",
        "maimed",
        "unconscious",
        "bleeding",
        "ruins",
        "shambles",
        "tatters",
        "rubble",
    }
)


@_withholds(
    "resultative-leave",
    "The bombing left at least 20 people dead and dozens wounded.",
    "'Leave' with an object and the state it ends in ('left 20 people dead', 'left thousands homeless', "
    "'left the town in ruins') tells what an act or a disaster did to its victims: no one withdrew from "
    "anywhere. Not coded as a withdrawal (the act that did it is coded where it is told).",
)
def resultative_leave(doc: "ArticleDoc", cand: "Candidate") -> bool:
    verb = trigger_of(doc, cand)
    if cand.plover != "RETREAT" or verb.lemma_.lower() != "leave":
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return False
    after = objects[0].i
    # the state hangs on the verb ("oprd", "acomp", a bare "in ruins") or on the object ("hundreds ... dead")
    for token in list(verb.children) + list(objects[0].subtree):
        if token.i <= after:
            continue
        if token.lower_ in RESULT_STATES:
            return True
        if token.dep_ == "prep" and token.lower_ == "in" and any(o.lower_ in RESULT_STATES for o in token.children):
            return True
    return False


# Verbs of force that, with "back" and no one aimed at, answer a critic: "shot back", "fired back".
RETORT_VERBS = frozenset({"shoot", "fire", "hit", "strike"})
AIMED_PREPS = frozenset({"at", "on", "against", "into", "toward", "towards"})


@_withholds(
    "retort",
    '"We will not resign," the minister shot back.',
    "A verb of force with 'back' that is aimed at no one ('shot back', 'fired back', 'hit back') and "
    "that a quotation or a speech verb ('fired back, saying ...') goes with is a reply in words: no one "
    "fired. Not coded as force (the words are the quote stage's). 'Soldiers shot back at the gunmen' "
    "(aimed, no speech verb beside it) and 'fired back' with no words in the sentence stay.",
)
def retort(doc: "ArticleDoc", cand: "Candidate") -> bool:
    verb = trigger_of(doc, cand)
    if cand.plover not in ("ASSAULT", "COERCE") or verb.lemma_.lower() not in RETORT_VERBS:
        return False
    children = list(verb.children)
    if not any(c.lower_ == "back" and c.dep_ in ("advmod", "prt") for c in children):
        return False
    if _says(verb):  # "fired back at critics, saying ...": words, even when aimed at someone
        return True
    if any(c.dep_ == "dobj" for c in children) or any(_aimed(c) for c in children):
        return False
    return _quoted(doc, verb)


def _aimed(child: "Token") -> bool:
    """A phrase that names where force went ("at the gunmen", "on the town"), not when ("on Monday")."""
    return (
        child.dep_ == "prep"
        and child.lower_ in AIMED_PREPS
        and any(o.ent_type_ not in ("DATE", "TIME") for o in child.children if o.dep_ == "pobj")
    )


def _says(verb: "Token") -> bool:
    """A speech participle or complement beside the verb ("fired back, saying ...")."""
    from diurna.quotes.lexicon import SPEECH_VERBS

    return any(c.dep_ in ("advcl", "ccomp", "xcomp") and c.lemma_.lower() in SPEECH_VERBS for c in verb.children)


def _quoted(doc: "ArticleDoc", verb: "Token") -> bool:
    """A quotation in the verb's sentence ('"We have nothing to hide," the minister shot back'), as the
    quote stage found it (doc.quotes is the authority on what is quoted)."""
    sent = verb.sent
    return any(sent.start_char <= q.content.start < sent.end_char for q in doc.quotes)


# Nouns of fighting that political copy uses for contests: "the battle for the nomination".
CONTEST_NOUNS = frozenset(
    {"battle", "battles", "fight", "fights", "war", "wars", "struggle", "showdown", "duel", "feud"}
)
# What makes the fight one fought with other means: "a legal battle", "the primary fight".
NONVIOLENT_DOMAINS = frozenset(
    {
        "legal",
        "court",
        "courtroom",
        "judicial",
        "constitutional",
        "political",
        "electoral",
        "election",
        "primary",
        "campaign",
        "nomination",
        "leadership",
        "succession",
        "budget",
        "trade",
        "tariff",
        "price",
        "bidding",
        "custody",
        "ratings",
        "verbal",
        "diplomatic",
        "bureaucratic",
        "procedural",
        "ideological",
        "propaganda",
        "media",
        "messaging",
        "funding",
        "spending",
        "policy",
        "partisan",
        "turf",
        "power",
    }
)
# Prizes of a political contest: "the battle for the nomination", "a fight over the speakership".
POLITICAL_PRIZES = frozenset(
    {
        "nomination",
        "presidency",
        "leadership",
        "seat",
        "seats",
        "votes",
        "vote",
        "voters",
        "delegates",
        "election",
        "ballot",
        "office",
        "chairmanship",
        "speakership",
        "majority",
        "budget",
        "bill",
        "legislation",
        "law",
        "funding",
        "policy",
    }
)
# Sectors of those who fight with arms: a battle between two of them may be a real one.
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "COP", "SPY", "INS", "IMG"})


@_withholds(
    "figurative-contest",
    "The yearlong battle between the two candidates for the nomination exposed rifts in the party.",
    "A noun of fighting ('battle', 'fight', 'war', 'struggle') that names a contest fought with other "
    "means is no act of force: one of a domain without arms ('a legal battle', 'the primary fight', "
    "'a trade war'), one for a political prize ('the battle for the nomination / for the seat'), or one "
    "whose two parties are persons, none of them armed ('the battle between Clinton and Sanders'). "
    "Not coded as ASSAULT; 'the battle between the army and the rebels for the city' stays.",
)
def figurative_contest(doc: "ArticleDoc", cand: "Candidate") -> bool:
    noun = trigger_of(doc, cand)
    if cand.plover != "ASSAULT" or noun.pos_ not in ("NOUN", "PROPN") or noun.lower_ not in CONTEST_NOUNS:
        return False
    if any(c.dep_ in ("amod", "compound", "nmod") and c.lower_ in NONVIOLENT_DOMAINS for c in noun.children):
        return True
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "over"):
            if any(o.lower_ in POLITICAL_PRIZES for o in prep.children):
                return True
    return _unarmed_persons(doc, cand)


def _armed_party(doc: "ArticleDoc", cand: "Candidate") -> bool:
    """Whether a party of the candidate is of an armed sector (a real attack may go with words)."""
    parties = [doc.actor(a.actor_id) for a in (cand.source, cand.target) if a is not None]
    return any(p is not None and p.sector in ARMED_SECTORS for p in parties)


def _unarmed_persons(doc: "ArticleDoc", cand: "Candidate") -> bool:
    """Whether both parties are persons of political life (office holders, opposition, lawmakers,
    parties: two candidates, two leaders) and the sentence tells no bodily harm. "A man attacked the
    mayor with a knife" is an assault: a civilian or a person of no known sector may strike anyone,
    and a weapon or a wound says the attack was physical (review15)."""
    parties = [doc.actor(a.actor_id) for a in (cand.source, cand.target) if a is not None]
    political = len(parties) == 2 and all(
        p is not None and p.kind == "person" and p.sector in POLITICAL_SECTORS for p in parties
    )
    return political and not _bodily_harm(trigger_of(doc, cand))


# Sectors of political life, whose "attacks" on each other are most often words.
POLITICAL_SECTORS = frozenset({"GOV", "OPP", "LEG", "PTY", "ELI"})
# Words that tell an attack was on the body: a weapon, a blow, a wound.
BODILY_HARM = frozenset(
    """knife gun pistol rifle machete axe hammer bullet bullets stab shoot shot punch kick hit beat
    wound injure hurt die kill hospital blood acid""".split()
)


def _bodily_harm(trigger: "Token") -> bool:
    """The trigger's sentence names a weapon, a blow or a wound."""
    return any(t.lemma_.lower() in BODILY_HARM or t.lower_ in BODILY_HARM for t in trigger.sent)


# Verbs of winning, and what is won at the polls rather than on a field.
WINNING_VERBS = frozenset({"beat", "defeat", "trounce", "rout", "edge", "outpoll", "thrash"})
ELECTION_NOUNS = frozenset(
    {
        "election",
        "elections",
        "primary",
        "primaries",
        "caucus",
        "caucuses",
        "vote",
        "voting",
        "poll",
        "polls",
        "ballot",
        "runoff",
        "run-off",
        "race",
        "contest",
        "debate",
        "referendum",
        "matchup",
        "match-up",
        "convention",
        "nomination",
    }
)
NOT_PARTIES = frozenset({"expectations", "odds", "predictions", "forecasts", "deadline", "record"})


@_withholds(
    "election-contest",
    "The governor beat the incumbent senator in the Democratic primary on Tuesday.",
    "A verb of winning ('beat', 'defeat') in an election, a primary, a caucus, a poll or a debate, "
    "one whose object is no party ('beat expectations'), or one between two unarmed persons, is a "
    "contest won at the polls: no act of force (docs/annotation.md: 'X won the election' is not coded). "
    "'The army defeated the rebels' stays.",
)
def election_contest(doc: "ArticleDoc", cand: "Candidate") -> bool:
    verb = trigger_of(doc, cand)
    if cand.plover != "ASSAULT" or verb.pos_ != "VERB" or verb.lemma_.lower() not in WINNING_VERBS:
        return False
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "during"):
            if any(o.dep_ == "pobj" and o.lower_ in ELECTION_NOUNS for o in child.children):
                return True
        if child.dep_ == "dobj" and child.lower_ in NOT_PARTIES:
            return True
    return _unarmed_persons(doc, cand)


RALLY_NOUNS = frozenset({"rally", "rallies"})


@_withholds(
    "campaign-rally",
    "Thousands of supporters attended the senator's rally in Ohio on Tuesday.",
    "A rally named as one person's own ('a Trump rally', 'the senator's rallies', 'his rally') whose "
    "protester would be that person is a politician's meeting with supporters: no protest against "
    "anyone. Not coded; a rally of a crowd or a group ('a rally of opposition supporters') stays.",
)
def campaign_rally(doc: "ArticleDoc", cand: "Candidate") -> bool:
    noun = trigger_of(doc, cand)
    if cand.plover != "PROTEST" or noun.lower_ not in RALLY_NOUNS or cand.source is None:
        return False
    source = doc.actor(cand.source.actor_id)
    if source is None or source.kind != "person":
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("against", "over") for c in noun.children):
        return False  # "Imran Khan's rally against the government": a protest
    owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "nmod")]
    return any(doc.actor_at_token(o.i) == source.id for o in owners)


# Verbs of force or seizure, and the abstract things they take in figures: "struck a conciliatory tone",
# "captured the support of voters", "seized the initiative".
TAKING_VERBS = frozenset({"strike", "capture", "seize", "grab", "hit"})
ABSTRACT_OBJECTS = frozenset(
    {
        "tone",
        "note",
        "notes",
        "chord",
        "balance",
        "pose",
        "posture",
        "support",
        "allegiance",
        "loyalty",
        "frustration",
        "anger",
        "imagination",
        "attention",
        "mood",
        "spirit",
        "essence",
        "heart",
        "hearts",
        "momentum",
        "initiative",
        "opportunity",
        "moment",
        "headlines",
        "spotlight",
        "limelight",
        "nomination",
        "votes",
        "vote",
        "title",
        "lead",
        "jackpot",
        "nerve",
    }
)


@_withholds(
    "abstract-object",
    "The president struck a conciliatory tone in his speech on Tuesday.",
    "A verb of force or seizure ('strike', 'capture', 'seize', 'grab', 'hit') whose direct object is an "
    "abstract thing ('struck a conciliatory tone / a chord', 'captured the support of voters', 'seized "
    "the initiative', 'grabbed the headlines') is a figure: no one is hit or held. Not coded; 'captured "
    "the town', 'seized weapons' stay.",
)
def abstract_object(doc: "ArticleDoc", cand: "Candidate") -> bool:
    verb = trigger_of(doc, cand)
    if cand.plover not in ("ASSAULT", "COERCE") or verb.pos_ != "VERB" or verb.lemma_.lower() not in TAKING_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.lower_ in ABSTRACT_OBJECTS and not _of_a_place(doc, o) for o in objects)


def _of_a_place(doc: "ArticleDoc", noun: "Token") -> bool:
    """ "the heart of Kyiv", "the heart of the city": a place's centre, which missiles do strike (the
    places stage says what is a place: the small model may tag a city a person)."""
    from diurna.places.lexicon import is_place_noun

    def placed(token: "Token") -> bool:
        return any(r.token_start <= token.i < r.token_end for r in doc.place_mentions)

    return any(
        placed(o)
        or o.ent_type_ in ("GPE", "LOC", "FAC")
        or (o.pos_ == "PROPN" and o.ent_type_ != "NORP")  # "the heart of Kyiv" (tagged a person)
        or is_place_noun(o.lemma_.lower())
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
    )


# Words that make an attack one of words: "a scathing attack on the minister", "personal attacks".
VERBAL_MODIFIERS = frozenset(
    {
        "scathing",
        "blistering",
        "stinging",
        "withering",
        "verbal",
        "rhetorical",
        "personal",
        "scurrilous",
        "vitriolic",
        "sharp",
        "harsh",
        "pointed",
        "veiled",
        "thinly-veiled",
        "inflammatory",
        "partisan",
        "political",
        "written",
        "twitter",
        "online",
        "media",
        "ad",
        "hominem",
    }
)
ATTACK_NOUNS = frozenset({"attack", "attacks", "assault", "broadside", "tirade", "onslaught"})
# What one criticises, not what one hits: "an attack on the plan / his record / the ruling".
CRITICISED_THINGS = frozenset(
    {
        "plan",
        "plans",
        "budget",
        "policy",
        "policies",
        "decision",
        "decisions",
        "proposal",
        "proposals",
        "bill",
        "law",
        "laws",
        "report",
        "idea",
        "ideas",
        "remarks",
        "comments",
        "comment",
        "record",
        "statement",
        "speech",
        "strategy",
        "approach",
        "claim",
        "claims",
        "campaign",
        "decree",
        "reform",
        "reforms",
        "position",
        "stance",
        "rhetoric",
        "leadership",
        "handling",
        "response",
        "ruling",
        "verdict",
        "character",
        "integrity",
        "credibility",
        "scandal",
        "scandals",
        "judiciary",
        "press",
        "media",
        "democracy",
        "freedom",
        "rights",
        "constitution",
        "proceedings",
        "inquiry",
        "investigation",
        "impeachment",
    }
)
# Participles that make the attack said: "launched an attack on X, calling him a liar".
SAYING_PARTICIPLES = frozenset({"call", "accuse", "brand", "describe", "say", "label", "dub"})


@_retypes(
    "verbal-attack",
    "The opposition leader launched a scathing attack on the prime minister, calling him a liar.",
    "An attack noun that a word of speech modifies ('a scathing / blistering / personal attack'), that "
    "is aimed at a thing one criticises ('an attack on the budget plan / his record / the ruling'), or "
    "whose verb goes on with the words ('launched an attack on X, calling him a liar') is criticism: "
    "so is an attack, noun or verb, between two persons none of whom is armed ('Trump attacked Romney', "
    "'her attack on Sanders in the debate'): "
    "ACCUSE (CAMEO 111), with the same parties, not an act of force. The verb 'attack' has the same "
    "reading in the lexicon (a plan, a record as its object).",
)
def verbal_attack(doc: "ArticleDoc", cand: "Candidate") -> Optional["Candidate"]:
    word = trigger_of(doc, cand)
    if cand.plover != "ASSAULT":
        return None
    is_noun = word.pos_ in ("NOUN", "PROPN") and word.lower_ in ATTACK_NOUNS
    is_verb = word.pos_ == "VERB" and word.lemma_.lower() == "attack"
    said = is_noun and _said_attack(word) and not _armed_party(doc, cand)  # "attack on the army base, saying"
    if not said and not ((is_noun or is_verb) and _unarmed_persons(doc, cand)):
        return None
    return replace(cand, plover="ACCUSE", cameo="111", mode=codes.mode_for("ACCUSE", "111"))


def _said_attack(noun: "Token") -> bool:
    if any(c.dep_ in ("amod", "compound", "nmod") and c.lower_ in VERBAL_MODIFIERS for c in noun.children):
        return True
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "against"):
            if any(o.lower_ in CRITICISED_THINGS for o in prep.children):
                return True
    verb = noun.head
    return (
        noun.dep_ == "dobj"
        and verb.pos_ == "VERB"
        and any(c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in SAYING_PARTICIPLES for c in verb.children)
    )


def withholding_sense(doc: "ArticleDoc", cand: "Candidate") -> Optional[str]:
    """The first sense rule that withholds the candidate (a figure, no act), or None."""
    return next((name for name, withholds in WITHHOLDING if enabled(name) and withholds(doc, cand)), None)


def right_sense(doc: "ArticleDoc", cand: "Candidate") -> "Candidate":
    """The candidate with the type the first applicable sense rule gives it (unchanged when none does)."""
    for name, retypes in RETYPING:
        if enabled(name):
            retyped = retypes(doc, cand)
            if retyped is not None:
                return retyped  # its extraction rule kept: the verb's lexicon sense of criticism keeps its own
    return cand
