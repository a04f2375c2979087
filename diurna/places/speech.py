"""What an act of speech says is its topic, not its scene (issue 22): an act of speech happens where
the speaker is, so a place in its object, its content clause or its prepositional complement does not
place it ("urged firms to stay away from installations in the UAE", "threatened to withdraw the
Republika Srpska from national institutions"). The place rules of `clause.py` ask these two questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diurna.nlp.syntax import is_infinitive
from diurna.places.scene import SPEECH_ACTS
from diurna.rules import RuleSet

if TYPE_CHECKING:
    from spacy.tokens import Token

# Named rules of acts of speech (DIURNA_PLACE_SPEECH_RULES_OFF=name,name switches one off).
SPEECH_RULES = RuleSet("speech place rule", env="DIURNA_PLACE_SPEECH_RULES_OFF")
RULES, _register, enabled, switched_off = SPEECH_RULES.parts()

ADDRESSEE = _register(
    "addressee-is-no-scene",
    "The envoy urged the militias in Libya to lay down their arms. -> urged: no place",
    "An act of speech that asks its addressee to do something ('urged X to', 'called on X to') happens "
    "where the speaker is: a place that says where the addressee is (its object, its 'on'/'to' complement) "
    "is where the asked act would happen and does not place the asking, even as the clause's own phrase - "
    "the test `elsewhere_in_sentence` applies (`in_what_is_said`).",
)
STATEMENT_SCENE = _register(
    "statement-keeps-its-scene",
    "The minister said in Geneva on Friday, after the parliament in Oslo had voted the bill down. -> voted: not Geneva",
    "Where a statement was made ('said in Geneva', 'officials in Baku said') is the statement's place, not "
    "that of another event told in a clause beside it ('after ...', 'while ...'); only what the statement "
    "says (its content clause) may take its scene. An act at the same time just outside it "
    "('while supporters protested outside the ministry') keeps the statement's scene.",
)

REPORTED_GUESS = _register(
    "reported-act-takes-no-guessed-place",
    "Riots broke out in Nairobi on Monday. A union leader said riot officers were beating marchers. "
    "-> beating: no place (not the story's country the learned chooser would add)",
    "An act told in what someone reports ('said officers were beating marchers', 'said he was poisoned') "
    "is placed only by a rule that reads a place for it; the learned chooser may not add a place no "
    "rule found (the story's most-named place or country, `learned:mention`): where the reported act "
    "happened is the report's to say, and on held-out text such guesses were wrong more often than right.",
)

# What an act of speech says and to whom: its object, its clause, its prepositional complements
# ("called on", "blamed on", "spoke about"; "accused of" is `paths.py`'s rule). Its adjuncts ("After
# talks in Doha, the sides agreed", "Meeting in Brussels, the leaders demanded") and subject stay, and
# so does "for", a purpose as often as what is asked ("welcomed Blinken for discussions in Beijing").
SAID = {"dobj", "ccomp", "xcomp", "dative", "attr", "oprd"}
SAID_PREPOSITIONS = {"on", "to", "against", "about", "over", "with"}
SAID_CLAUSES = {"ccomp", "xcomp"}
# A commitment is placed where what it commits to is to be done: "has agreed to set up field hospitals
# in Louisiana", "agreed to set up the institute in Barcelona" (PLV train's event places).
COMMITTING = {"agree", "pledge", "promise", "vow"}


def _spoken(trigger: Token) -> bool:
    lemma = trigger.lemma_.lower()
    return lemma in SPEECH_ACTS and lemma not in COMMITTING


def object_of_what_is_said(governor: Token, preps: list, relation: str, trigger: Token) -> bool:
    """ "threatened to withdraw the Republika Srpska from national institutions", "asked the Russian
    ambassador to leave the country": the bare object of the clause an act of speech says is what it
    is about, not where it was said. (A locative there stays: "agree to truce in Doha", as parsed.)"""
    if preps or relation != "dobj" or governor.i == trigger.i or not _spoken(trigger):
        return False
    return any(child.dep_ in SAID_CLAUSES and governor in child.subtree for child in trigger.children)


def in_what_is_said(head: Token, trigger: Token) -> bool:
    """An act of speech happens where the speaker is; a place in what it says is the topic, not the
    scene: "urged civilians to stay away from installations in the UAE", "called on members to deliver
    assistance in Afghanistan", "voted to demand that Russia stop its offensive in Ukraine", "blamed
    such attacks on proxies in Iraq", "denied a request by U.S. officials in Moscow"."""
    if not _spoken(trigger):
        return False
    return any(
        (child.dep_ in SAID or child.dep_ == "prep" and child.lower_ in SAID_PREPOSITIONS) and head in child.subtree
        for child in trigger.children
    )


def addressed_in_speech(head: Token, trigger: Token) -> bool:
    """`in_what_is_said` for the trigger's own clause (`ADDRESSEE`), when the act asks its addressee to
    do something ("urged armed groups in Libya to disarm", "called on the government of Chad to free"):
    the addressee's place is where the asked act is to happen, not where the asking was. An audience
    told something ("told reporters in Kyiv") may be where the speaker is: not this rule's."""
    return enabled(ADDRESSEE) and asks_to_act(trigger) and in_what_is_said(head, trigger)


def asks_to_act(trigger: Token) -> bool:
    """Does the act ask its addressee to do something: an infinitive the parser hangs as its open
    complement ("urged the militias to disarm") or, after a prepositional addressee, as an adverbial
    clause ("called on the government of Chile to refrain": "refrain" an advcl of "call")?"""
    return any(
        child.dep_ == "xcomp" or child.dep_ == "advcl" and is_infinitive(child) and _addressed_by_preposition(trigger)
        for child in trigger.children
    )


def _addressed_by_preposition(trigger: Token) -> bool:
    """The addressee named in an "on"/"to" phrase ("called on X", "appealed to X")."""
    return any(child.dep_ == "prep" and child.lower_ in ("on", "to") for child in trigger.children)


# Verbs that report what someone said, as opposed to acts done by speaking (ordering, declaring,
# demanding): "the governor ordered a curfew in Kano after gangs looted shops" is a scene in Kano.
REPORTING = {
    "say",
    "tell",
    "add",
    "announce",
    "confirm",
    "claim",
    "state",
    "report",
    "note",
    "explain",
    "insist",
    "deny",
    "acknowledge",
    "admit",
    "reveal",
    "write",
    "tweet",
    "post",
    "comment",
    "remark",
    "reply",
    "respond",
    "stress",
    "emphasize",
    "emphasise",
    "argue",
    "allege",
    "assert",
    "maintain",
    "contend",
    "testify",
    "disclose",
    "accuse",
}


def scene_of_another_statement(governor: Token, trigger: Token) -> bool:
    """(`STATEMENT_SCENE`) Is `governor` a verb reporting speech (`REPORTING`) other than the trigger, and the trigger in a
    clause beside it (an adverbial clause: "said in Geneva, after the parliament voted", "officials in
    Baku said ..., while Yerevan accused"; an adverbial clause with its own subject anywhere on the way up)
    rather than in what it says ("In Ankara, officials said Turkey
    would retaliate")? Then a place of the statement is not the trigger's."""
    if not enabled(STATEMENT_SCENE) or governor.i == trigger.i or governor.lemma_.lower() not in REPORTING:
        return False
    token = trigger
    while token.head.i != token.i and token.i != governor.i:
        if token.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            # beside the statement itself; or a contrast the parser hung on the content's verb ("said an
            # attack killed 13 while Yerevan accused"). "said police arrested 20 after gangs looted shops"
            # is what was said, and keeps the statement's scene.
            beside = token.head.i == governor.i or any(
                c.dep_ == "mark" and c.lower_ in CONTRAST for c in token.children
            )
            return beside and not at_the_speakers_door(token)
        token = token.head
    return False


# Words by which a clause says its act is right beside where the statement is made.
NEAR_SCENE = {"outside", "nearby", "near"}


def at_the_speakers_door(clause: Token) -> bool:
    """Is a clause beside a statement an act at the same moment just outside it ("said in Caracas ...,
    while opposition supporters protested outside the ministry")? A simultaneous clause ('while', 'as')
    whose act is placed by 'outside', 'near' or 'nearby' and that names no place of its own: the speaker
    answers what happens around them, so the statement's scene is the act's. Any other beside clause
    ("after troops shelled a border village", "while the rebels attacked a base in the north") is told
    from elsewhere."""
    simultaneous = any(c.dep_ == "mark" and c.lower_ in SIMULTANEOUS for c in clause.children)
    near = any(c.lower_ in NEAR_SCENE and c.dep_ in ("prep", "advmod") for c in clause.children)
    names_a_place = any(t.ent_type_ in ("GPE", "LOC") for t in clause.subtree)
    return simultaneous and near and not names_a_place


SIMULTANEOUS = {"while", "as", "whilst"}
CONTRAST = {"while", "whereas", "whilst"}


def in_a_report(trigger: Token) -> bool:
    """(`REPORTED_GUESS`) Is the trigger inside the content clause of a verb reporting speech
    (`REPORTING`): "officials said two suspects were arrested"?"""
    if not enabled(REPORTED_GUESS):
        return False
    token = trigger
    while token.head.i != token.i:
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in REPORTING:
            return True
        token = token.head
    return False
