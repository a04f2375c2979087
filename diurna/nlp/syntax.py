"""Syntax helpers shared by the stages, so that "is passive", "in the main clause" and "across a
paragraph break" mean one thing everywhere (the quote and actor stages had a copy each, or imported
each other's).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Optional

from diurna.nlp.index import index

if TYPE_CHECKING:
    from spacy.tokens import Token

# Dependencies that open a reported or subordinate clause: a token under one of them is not in its
# sentence's main clause.
SUBORDINATE_CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "pcomp", "parataxis"}
)


def first_conjunct(token: "Token") -> "Token":
    """The first of the coordinated words a token is one of ("attacked" in "attacked the base and
    killed two soldiers", "army" in "the army and the police"): where its head, role and clause are."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def is_passive(verb: "Token") -> bool:
    """'was charged', 'were asked by X': the verb has a passive auxiliary or subject."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def is_reduced_passive(verb: "Token") -> bool:
    """ "the activists detained by police", "a deal brokered by Qatar": a past participle modifying the
    noun it is done to, with no auxiliary; the noun is its patient and a by-phrase its agent."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.pos_ in ("NOUN", "PROPN", "PRON")
        # a participle with its own object is a finite verb the parser misread ("BAGHDAD (Reuters) -
        # Iraqi forces killed four protesters"): passives take no direct object
        and not any(c.dep_ == "dobj" for c in verb.children)
    )


def by_agents(verb: "Token") -> list["Token"]:
    """The objects of the verb's own by-phrase ("was detained by soldiers": soldiers)."""
    return [
        g
        for c in verb.children
        if c.dep_ in ("agent", "prep") and c.lower_ == "by"
        for g in c.children
        if g.dep_ in ("pobj", "pcomp")
    ]


def shared_passive_agent(verb: "Token") -> list["Token"]:
    """ "was attacked and wounded by militiamen": coordinated passives share the by-phrase the parser hangs on
    the last one only; for a verb with none of its own, a later conjoined participle's. A conjunct with
    a subject of its own is another clause ("was arrested and police said ..."), whose agent is not shared."""
    for conj in verb.conjuncts:
        if conj.i > verb.i and conj.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            agents = by_agents(conj)
            if agents:
                return agents
    return []


def is_infinitive(verb: "Token") -> bool:
    """ "to meet", "to undergo": the verb has the infinitive marker "to" as its auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def for_clause(token: "Token") -> bool:
    """ "(called) for X to act" parsed as an adverbial clause marked by "for" with X its subject."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children)


def in_main_clause(token: "Token") -> bool:
    """Whether a token belongs to its sentence's main clause rather than to a reported or subordinate
    one ("Haniyeh" in "Haniyeh said Trump was wrong", not "Trump"). A first mention that is not a
    subject ("According to Reuters, ...") counts where it stands."""
    while token.head.i != token.i:
        if token.dep_ in SUBORDINATE_CLAUSE_DEPS:
            return False
        token = token.head
    return True


# Prepositions whose gerund adjunct is done by the subject of the verb they modify ("suspended talks
# after accusing the group", "were hauled away after refusing to assist"). Not "of", "for", "from",
# "as": their gerund is done by the object ("accused X of violating", "blamed X for attacking",
# "dismissed critics as wanting"); not "by" (constructions.by_gerund_head reads it); not "without",
# which says the act was not done ("compensate the victims without asking Japan for contributions").
SUBJECT_GERUND_PREPOSITIONS = frozenset("after before while since upon despite".split())


def grammatical_subjects(verb: "Token", depth: int = 0) -> list["Token"]:
    """The verb's own subject, active or passive ("they" in "they were hauled away"), else that of
    the verb it is conjoined to or an adverbial clause of, whose subject it shares."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if subj or depth > 4 or verb.head.i == verb.i or verb.dep_ not in ("conj", "advcl", "xcomp"):
        return subj
    return grammatical_subjects(verb.head, depth + 1)


def adjunct_gerund_subjects(verb: "Token") -> list["Token"]:
    """ "Colombia suspended peace talks after blaming the rebel group": the subject of a gerund that a
    temporal or concessive preposition hangs on a verb is that verb's subject (a participle adjunct
    the parse gives no subject of its own). [] when the verb is no such gerund."""
    prep = verb.head
    if not (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and prep.dep_ == "prep"
        and prep.lower_ in SUBJECT_GERUND_PREPOSITIONS
        and prep.head.pos_ in ("VERB", "AUX")
    ):
        return []
    return grammatical_subjects(prep.head)


def clause_reporters(verb: "Token") -> list["Token"]:
    """Who reports the clause `verb` heads: the subject of the verb it is the complement of ("Turkiye
    said it would provide", "Thailand recalled its ambassador and said it would expel"), or the
    possessor or by-agent of the noun whose "that" clause it is ("the announcement by France that it
    had suspended", "the North's warning that it won't tolerate"). [] for any other clause."""
    head = verb.head
    if verb.dep_ == "ccomp" and head.pos_ in ("VERB", "AUX"):
        return grammatical_subjects(head)
    if (
        verb.dep_ in ("acl", "ccomp")
        and head.pos_ == "NOUN"
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
    ):
        owners = [c for c in head.children if c.dep_ == "poss"]
        by = [o for c in head.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
        return owners + by
    return []


# Possessive markers: the small model may read "the militia’s raids" (curly apostrophe) as an nmod
# with a case marker rather than a possessor.
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})


# Contracted auxiliaries: "it's", "they're", "we've", "it'd". With a curly apostrophe ("it’s unclear")
# the small model may tag the contraction a full verb with the contraction itself as its lemma.
CONTRACTED_AUXILIARIES = frozenset({"'s", "'re", "'m", "'ve", "'d", "'ll"})


def is_contracted_auxiliary(token: "Token") -> bool:
    """ "’s" of "it’s unclear", "'re" of "they're ready": a form of be, have, will or would, never a
    full verb, whatever tag the parser gave it."""
    return token.lower_.replace("’", "'") in CONTRACTED_AUXILIARIES


def possessors(noun: "Token") -> list["Token"]:
    """The noun's possessors ("Kyiv's accusations", "the militia’s raids"): a poss child, or a
    modifier before it that carries a possessive case marker."""
    return [
        c
        for c in noun.children
        if c.dep_ == "poss"
        or (
            c.i < noun.i
            and c.dep_ in ("nmod", "compound")
            and any(g.dep_ == "case" and g.lower_ in POSSESSIVE_MARKS for g in c.children)
        )
    ]


def coordinated_pair(phrase: "Token") -> Optional[tuple["Token", "Token"]]:
    """'Hamas and Iran', 'Russia and Ukraine': the phrase and its one conjunct when it coordinates
    exactly two (one phrase, or a list of three or more, is no pair). The actor stage reads an
    inclusive 'we' or 'they' after such a subject, or 'the two sides', as both of them."""
    return (phrase, phrase.conjuncts[0]) if len(phrase.conjuncts) == 1 else None


def tree_path(start: "Token", end: "Token") -> Optional[tuple[list["Token"], list["Token"]]]:
    """The way between two tokens in the dependency tree, through their lowest common ancestor:
    the tokens climbed from `start` and the tokens climbed from `end`, each list from its own end
    upward, the common ancestor in neither; None when the two share no ancestor (other sentences).
    The events stage reads its labels as a feature, the places stage its length and the phrases it
    passes through."""
    start_chain = [start, *start.ancestors]
    position = {token.i: k for k, token in enumerate(start_chain)}
    end_side: list["Token"] = []
    for token in [end, *end.ancestors]:
        if token.i in position:
            return start_chain[: position[token.i]], end_side
        end_side.append(token)
    return None


def crosses_paragraph(a: "Token", b: "Token") -> bool:
    """True when a paragraph break lies between two tokens. The parser sometimes hangs the first
    words of a paragraph on the last sentence of the one before (after "U.S." the full stop is
    part of the abbreviation, so no sentence ends there); such arcs are not trusted."""
    lo, hi = (a, b) if a.i < b.i else (b, a)
    return index(a.doc).newline_between(lo.idx, hi.idx)


def quoted_predicate(verb: "Token", longest: int = 8) -> list["Token"]:
    """'called the ICC's decision "outrageous and unacceptable"', 'labelled Mr Lai a "troublemaker"',
    'called protests against his rule "satanic"': the words of a short quotation that opens right after
    the verb's object phrase. The small model hangs such a quoted predicate on the object (as its
    modifier, apposition or a preposition's object) rather than on the verb, so the predicate is not
    among the verb's children; no verb may come between the object and the quotation (a relative
    clause's quotation is its own), and a long quotation is reported speech, not a predicate. The
    quotation is one of the article's quoted passages (diurna.nlp.quotations, the one reading of
    quotation marks), closed within the verb's sentence."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return []
    doc, ix = verb.doc, index(verb.doc)
    quotation = ix.quotation_after(obj.idx)
    if quotation is None or not quotation.closed:
        return []
    opening, _ = ix.tokens_in(quotation.start, quotation.end)
    closing = bisect.bisect_right(ix.token_starts, quotation.end - 1) - 1
    if closing >= verb.sent.end or doc[opening].idx != quotation.start:
        return []  # no quotation closed in this sentence
    if any(t.pos_ in ("VERB", "AUX") or t.text in (";", ":") or t.is_space for t in doc[obj.i + 1 : opening]):
        return []
    if not any(a.i == verb.i for a in doc[opening].ancestors):
        return []  # a quotation the parse does not place under the verb
    first, stop = ix.tokens_in(*quotation.inner(ix.text))
    words = list(doc[first:stop])
    return words if 0 < len(words) <= longest else []


def is_relative_pronoun(token: "Token") -> bool:
    """'who', 'whom', and 'which' or 'that' as a relative determiner ('Hamas, which controls Gaza'),
    heading the subject or object of a relative clause on a noun (the actor stage makes it a mention
    of that noun's actor, coref rule relative-antecedent)."""
    clause = token.head
    if clause.dep_ != "relcl" or clause.head.i == clause.i:
        return False
    if token.lower_ in ("who", "whom"):
        return True
    if not (token.lower_ in ("which", "that") and token.tag_ == "WDT" and token.dep_ in ("nsubj", "nsubjpass", "dobj")):
        return False
    return _relative_stands_by_its_noun(token, clause.head)


_GENERIC_DETERMINERS = frozenset({"any", "every", "each", "no"})
_SETTING_PREPOSITIONS = frozenset({"in", "at", "across", "throughout"})


def _relative_stands_by_its_noun(pronoun: "Token", noun: "Token") -> bool:
    """'which'/'that' is a mention of its noun only when the clause follows that noun's phrase ('Hamas,
    which ...', 'envoys from Qatar, which ...', 'the rebels that ...'): the parser also hangs a clause on
    a noun across another one ('remarks about a judge, an indictment that ...'); nor a noun that is
    a setting ('enacted in New York, which ...') or a generic one ('any company that ...')."""
    k = pronoun.i - 1
    while k >= 0 and pronoun.doc[k].is_punct:
        k -= 1
    before = pronoun.doc[k] if k >= 0 else None
    if before is None or not (
        before.i == noun.i
        or (before.head.i == noun.i and before.dep_ in ("appos", "compound") and before.pos_ == "PROPN")
    ):
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ in _SETTING_PREPOSITIONS:
        return False
    return not any(c.dep_ == "det" and c.lower_ in _GENERIC_DETERMINERS for c in noun.children)


def relative_antecedent(clause: "Token") -> "Token":
    """The noun a relative clause (dep relcl) says something about. The parser hangs a clause after
    coordinated nouns on the first ("scuffles between police and students who demand ..."); with no
    comma before it, a restrictive clause is about the conjunct right before it: the protesters. After
    a comma ("the president and his deputy, who met ...") it stays on the first, which stands for all."""
    head = _person_behind_place(clause, clause.head)
    last = max(head.conjuncts, key=lambda t: t.i, default=None)
    if last is None or last.i < head.i:
        return head
    relative = clause.doc[last.right_edge.i + 1] if last.right_edge.i + 1 < len(clause.doc) else None
    if (
        relative is not None
        and relative.i == clause.left_edge.i
        and relative.lower_ in ("who", "that", "which", "whom")
    ):
        return last
    return head


_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _names_a_place(token: "Token") -> bool:
    """A place name or place noun, a noun a place name stands in apposition to ("the capital Kampala"),
    or a name in apposition to a place noun ("the capital Dakar", which the small model's NER may tag
    as a person: the place noun says what it is)."""
    from diurna.places.lexicon import is_place_noun  # (the places lexicon is data; syntax is imported first)

    return (
        token.ent_type_ in _PLACE_ENTITIES
        or is_place_noun(token.lemma_.lower())
        or any(c.dep_ == "appos" and c.ent_type_ in _PLACE_ENTITIES for c in token.children)
        or (token.dep_ == "appos" and token.pos_ == "PROPN" and is_place_noun(token.head.lemma_.lower()))
    )


def _person_behind_place(clause: "Token", head: "Token") -> "Token":
    """ "supporters in the capital Kampala who are calling on ...", "detained farmers from Kasese who
    were marching": the parser hangs a "who" clause on the place that ends the phrase, but "who"
    speaks of people: the antecedent is the noun the place's phrase locates: the noun its preposition
    hangs on, or the object before it of the verb it hangs on."""
    if clause.left_edge.lower_ not in ("who", "whom") or not _names_a_place(head):
        return head
    node = head
    while node.dep_ == "appos" and node.head.i != node.i:  # "the capital Kampala": the capital
        node = node.head
    if node.dep_ != "pobj" or node.head.dep_ != "prep":
        return head
    holder = node.head.head
    if holder.pos_ in ("NOUN", "PROPN"):
        return holder
    objects = [c for c in holder.children if c.dep_ == "dobj" and c.i < node.head.i]
    return objects[-1] if holder.pos_ == "VERB" and objects else head


def between_parties(objects: list["Token"]) -> list["Token"]:
    """The two sides a 'between' phrase names. With one object and no conjunct of its own, a conjunct
    inside its modifiers is the second side the parser hung too low ("clashes between militiamen loyal
    to the governor and the national army": the army is not loyal to anyone, it is the other side)."""
    if len(objects) != 1 or any(c.dep_ == "conj" for c in objects[0].children):
        return objects
    first = objects[0]
    lower = [t for t in first.subtree if t.dep_ == "conj" and t.head.i != first.i and t.head.pos_ in ("PROPN", "NOUN")]
    return objects + lower[-1:] if lower else objects


# Particles of phrasal verbs that the small parser reads as a preposition governing the verb's own
# object ("sent in troops", "brought in reinforcements": prep/prt "in" with pobj "troops").
PHRASAL_PARTICLES = frozenset({"in", "up"})
# what a preposition's object is when it says where or when, not what the verb acts on
_SETTING_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


def particle_objects(verb: "Token") -> list["Token"]:
    """ "sending in reinforcements", "sent in more troops": the object of a phrasal verb whose particle
    the parser hung as a preposition with the object as its own. Only for an active verb with no
    direct object, the particle right after it, and an object that is no place or time ("fought in
    Kabul", "arrived in May" say where and when)."""
    if any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children) or verb.i + 1 >= len(verb.doc):
        return []
    particle = verb.doc[verb.i + 1]
    if particle.head.i != verb.i or particle.lower_ not in PHRASAL_PARTICLES or particle.dep_ not in ("prep", "prt"):
        return []
    return [g for g in particle.children if g.dep_ == "pobj" and g.ent_type_ not in _SETTING_ENTITIES]


# what an object that refers back to the sentence before is: a pronoun, or a definite noun phrase
BACK_POINTING_PRONOUNS = frozenset({"it", "this", "that", "them", "these", "those"})
_DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def object_points_back(verb: "Token") -> bool:
    """ "rejected the offer", "dismissed the claim", "refused to accept it": the verb's object (or the
    object of its infinitive) is an anaphoric pronoun or a bare definite noun phrase, one that names
    something the story told before. Not an intransitive verb ("accused on Wednesday"), an indefinite
    object ("demanded an inquiry") or a definite one that names its own thing ("condemned the attack
    on the dam", "the offer that Qatar made"), nor a name ("rejected the Minsk accords")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        objects = [g for x in verb.children if x.dep_ == "xcomp" for g in x.children if g.dep_ == "dobj"]
    if len(objects) != 1:
        return False
    obj = objects[0]
    if obj.lower_ in BACK_POINTING_PRONOUNS:
        return True
    if obj.pos_ != "NOUN" or obj.ent_type_:
        return False
    if any(c.dep_ in ("prep", "relcl", "acl", "compound", "poss", "amod", "nummod", "conj") for c in obj.children):
        return False
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS for c in obj.children)


def with_absolute_head(verb: "Token") -> Optional["Token"]:
    """The verb a "with" absolute hangs from ("Protests have gone on for weeks, with students
    demanding reforms" -> "gone"), in either of the parser's readings: the participle as the
    preposition's clause (pcomp, its subject an nsubj) or as a modifier of the preposition's
    object (pobj + acl). None when `verb` heads no such absolute."""
    if verb.tag_ not in ("VBG", "VBN"):
        return None
    prep = (
        verb.head
        if verb.dep_ == "pcomp"
        else verb.head.head
        if verb.dep_ == "acl" and verb.head.dep_ == "pobj"
        else None
    )
    if prep is None or prep.lower_ != "with" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return prep.head
