"""Subjects the parse lost, and the words before a verb that name them: the parse repairs the
stages share, so that "who is the subject of this verb" means one thing everywhere.

The small English model misreads news prose in a few recurring ways: a surname that is also a modal
or an adverb ('Will urged'), a social-media handle read as an auxiliary, a relative clause that
swallows the subject ('Mr. Buckley, who had failed ..., called for'), a subject hung on the
paragraph before ('...the U.S.\n\nHaniyeh, for his part, said'), an apposition taken for the
subject of the clause before. Each function below names one such misreading and gives back the
token that is the subject, or None. The quote stage climbs from a reporting verb to its speaker
through them (quotes/reported.py: subject_of); the event stage can ask the same for its sources.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from diurna.nlp.syntax import crosses_paragraph

if TYPE_CHECKING:
    from spacy.tokens import Token

# Entity labels of when, not who: '"..." Tuesday, hours after ...', 'Here's Clinton in December 1992:'.
WHEN_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})


def first_name_in(after: list["Token"], verb: "Token") -> Optional["Token"]:
    """The head of the first noun phrase in the frame before the verb: the last word of a run of
    proper nouns ('Seth McKee') or nouns ('the conference speaker'); a possessor ('Trump's campaign
    manager Kellyanne Conway') is passed over."""
    words = [t for t in after if t.i < verb.i]
    k = 0
    while k < len(words):
        tok = words[k]
        if tok.ent_type_ in WHEN_ENTITIES:
            return None  # '"..." Tuesday, hours after ...': a date is when, not who
        if nameish(tok) or (tok.pos_ == "PRON" and tok.lower_ in ("he", "she", "they", "we", "i")):
            j = k
            while tok.pos_ != "PRON" and j + 1 < len(words) and nameish(words[j + 1]):
                j += 1
            if j + 1 < len(words) and words[j + 1].tag_ == "POS":
                k = j + 2
                continue
            return words[j]
        if not (tok.is_punct or tok.dep_ in ("det", "amod", "compound", "poss") or tok.pos_ == "ADJ"):
            return None
        k += 1
    return None


def nameish(tok: "Token") -> bool:
    """A noun, or a capitalised word inside the sentence that the tagger took for something else:
    '"...," said Skelly' tags the unfamiliar surname as an adverb."""
    return tok.pos_ in ("PROPN", "NOUN") or (
        tok.is_title
        and tok.is_alpha
        and not tok.is_sent_start
        and tok.pos_ in ("ADV", "ADJ", "X", "VERB", "INTJ")
        and tok.dep_ not in ("amod",)
    )


def name_after(verb: "Token", stop: "Token") -> Optional["Token"]:
    """'Continued Stone: "..."' / 'Said the senator:': an inverted frame names the speaker after the verb."""
    names = [t for t in verb.doc[verb.i + 1 : stop.i]]
    if names and all(t.pos_ in ("PROPN", "NOUN", "DET", "ADJ") or t.dep_ in ("compound", "amod", "det") for t in names):
        last = names[-1]
        return last if last.pos_ in ("PROPN", "NOUN") else None
    return None


def stranded_subject(verb: "Token") -> Optional["Token"]:
    """A subject the parser hung on the previous paragraph ("...the U.S.\n\nHaniyeh, for his part, said"):
    a noun at the start of the verb's paragraph whose head lies across the break."""
    doc = verb.doc
    for tok in doc[max(0, verb.i - 12) : verb.i]:
        if crosses_paragraph(tok, verb) or tok.is_space:
            continue
        if tok.pos_ in ("PROPN", "NOUN", "PRON") and crosses_paragraph(tok, tok.head):
            while tok.i + 1 < verb.i and doc[tok.i + 1].pos_ == "PROPN" and tok.pos_ == "PROPN":
                tok = doc[tok.i + 1]
            return tok
        return None
    return None


def agent_of(verb: "Token") -> Optional["Token"]:
    """The 'by X' of a passive verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


# Verbs of perception and memory: their object is the subject of the -ing scene after it, which is
# no reported content ('remember Carter going on TV', 'saw Lee standing on the stage').
PERCEPTION_VERBS = frozenset("remember see watch hear imagine picture recollect".split())


def seen_doing(verb: "Token") -> Optional["Token"]:
    """'Voters saw Senator Lee standing on the stage, telling the crowd ...': a participle after a
    scene seen or remembered ('saw X doing') continues what X does; X is its subject."""
    head = verb.head
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj") or head.lemma_.lower() not in PERCEPTION_VERBS:
        return None
    for scene in head.children:
        if scene.dep_ == "ccomp" and scene.tag_ == "VBG" and head.i < scene.i < verb.i:
            return next((c for c in scene.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")), None)
    return None


def _finite_without_subject(verb: "Token") -> bool:
    """A past or -s form the parser gave no subject: someone the parse lost said it."""
    return verb.tag_ in ("VBD", "VBZ") and not any(c.dep_.startswith("nsubj") for c in verb.children)


def name_misread_as_modifier(verb: "Token") -> Optional["Token"]:
    """'Citing the attack, Will urged ...', 'Told of the lean, Early described it as ...': a surname
    that is also a modal or an adverb, tagged as one; a capitalised word inside the sentence right
    before a finite verb that has no subject (a modal never precedes a past or -s form) is its subject."""
    if verb.i == 0 or not _finite_without_subject(verb):
        return None
    prev = verb.doc[verb.i - 1]
    if prev.head.i != verb.i or prev.dep_ not in ("aux", "advmod") or not prev.is_title or prev.i == verb.sent.start:
        return None
    before = verb.doc[prev.i - 1]
    if before.text in (".", "!", "?", ":", ";") or before.is_space or before.is_quote and not before.whitespace_:
        return None
    return prev


def name_before_a_date(verb: "Token") -> Optional["Token"]:
    """'Bannon, who Beck on Wednesday called "a horrible ... human being"': the parser, lost in the
    relative clause, leaves the verb without a subject; a name right before the date right before the
    verb is who did it."""
    doc = verb.doc
    if not _finite_without_subject(verb):
        return None
    i = verb.i - 1
    while i > verb.sent.start and doc[i].ent_type_ in ("DATE", "TIME"):
        i -= 1
    if i == verb.i - 1:
        return None
    if doc[i].lower_ in ("on", "in", "last", "this", "earlier", "late"):
        i -= 1
    name = doc[i]
    return name if name.pos_ == "PROPN" and name.ent_type_ in ("PERSON", "ORG", "NORP") else None


def handle_misread_as_modifier(verb: "Token") -> Optional["Token"]:
    """'Hours later @realDonaldTrump tweeted ...': the tagger reads a social-media handle as an
    auxiliary; a handle right before the verb is who did it (and 'Hours' is no subject)."""
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if prev is None or not prev.text.startswith("@") or len(prev.text) < 3 or prev.head.i != verb.i:
        return None
    return prev if prev.dep_ in ("aux", "auxpass", "advmod", "npadvmod", "dep") else None


def name_before_relative(verb: "Token") -> Optional["Token"]:
    """'when Mr. Buckley, who had failed to win his party's nomination, called for ...': a finite verb
    the parser hung on the relative clause's (or participle's) last noun; its subject is the name the
    clause is about."""
    doc = verb.doc
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBZ", "VBN") or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_.startswith("nsubj") or c.dep_ == "agent" for c in verb.children):
        return None
    if verb.tag_ == "VBN" and not _active_participle(verb):
        return None
    if verb.head.pos_ == "PROPN" and verb.head.dep_ in ("ROOT", "nsubj"):
        # 'Beruff, a Scott ally, called the standards "strong."', 'De Blasio, speaking on WOR710,
        # called Trump a "blowhard," and said ...': the name the verb hangs on is its subject
        return verb.head
    relative = verb.head
    while relative.dep_ != "relcl" and relative.head.i != relative.i and relative.i > verb.i - 40:
        relative = relative.head
    if (
        relative.dep_ == "relcl"
        and relative.head.pos_ in ("PROPN", "NOUN")
        and any(c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that") for c in relative.children)
    ):
        return relative.head
    if relative.tag_ in ("VBG", "VBN") and doc[relative.i - 1].text == ",":
        # 'Sen. Ted Cruz, writing as @SenTedCruz, called ...': the parser made the participle the
        # clause and hung the finite verb on its object; the participle's subject is the verb's
        return next(
            (c for c in relative.children if c.dep_ == "nsubj" and c.i < relative.i and c.pos_ in ("PROPN", "NOUN")),
            None,
        )
    return None


def _active_participle(verb: "Token") -> bool:
    """A past form tagged as a participle but used as the finite verb: it has an object and no 'by'
    agent ('X, who served ..., called Trump's statements "childish."'), and the sentence has no
    other main verb or joins it to one with 'and' ('De Blasio, ..., called Trump a "blowhard," and
    said ...'); unlike a reduced passive ('Smith, called "the architect" by his allies, said ...')."""
    if not any(c.dep_ in ("dobj", "oprd", "ccomp") for c in verb.children):
        return False
    if verb.sent.root.pos_ not in ("VERB", "AUX"):
        return True
    return any(c.dep_ == "cc" and c.i > verb.i for c in verb.head.children)


def nearest_subject_first(verb: "Token") -> list["Token"]:
    """The verb's children, with two subjects in the order nearest first: in '"That, unfortunately,"
    he said, "is part of ..."' the parser hangs both "That" (quoted) and "he" on "said"."""
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if len(subjects) < 2:
        return children
    subjects.sort(key=lambda c: (c.i > verb.i, abs(verb.i - c.i)))
    return subjects + [c for c in children if c.dep_ != "nsubj"]


def impersonal_main_clause(verb: "Token") -> bool:
    """'It was a potent one-two punch, as Mrs. Clinton echoed the criticism, saying ...': a main clause
    whose subject is 'it' or 'there' names nobody who could say what the participle reports."""
    return any(c.dep_ in ("nsubj", "expl") and c.lower_ in ("it", "there") for c in verb.children)


def nearer_clause_subject(verb: "Token") -> Optional["Token"]:
    """'..., when protesters interrupted her speech, shouting "..."': a shout hung on the main verb
    belongs to the clause that ends right before it, whose subject raised their voice."""
    doc = verb.doc
    i = verb.i - 1
    if i < 1 or doc[i].text != ",":
        return None
    clause = doc[i - 1]
    while clause.head.i != clause.i and not is_verb(clause) and clause.head.i < verb.i:
        clause = clause.head
    if not is_verb(clause) or clause.i == verb.head.i or clause.dep_ not in ("relcl", "advcl", "conj", "ccomp"):
        return None
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or crosses_paragraph(subject, verb):
        return None
    return subject


def name_read_as_root(root: "Token") -> Optional["Token"]:
    """'Trump defended eminent domain, calling it ...': the tagger read the sentence's first name as
    a common noun and its verb as an adjective on the object; the name is the subject."""
    doc = root.doc
    if root.pos_ not in ("NOUN", "PROPN") or not root.is_title or root.i + 1 >= len(doc):
        return None
    verb = doc[root.i + 1]
    if verb.tag_ not in ("VBD", "VBN") or verb.dep_ not in ("amod", "acl") or verb.head.i < root.i:
        return None
    return root


def subject_of_listed_clause(root: "Token") -> Optional["Token"]:
    """'Walsh backs tax relief, opposes cuts and recalled the shutdown': in a list of verb phrases
    the parser may read the first, with the subject, as a clause hung on the second; the first
    clause's subject (a name or noun opening the sentence) is the subject of them all."""
    doc = root.doc
    for child in root.children:
        # ('Clinton, exasperated, famously responded:' -- the name hung on the participle between)
        if child.dep_ not in ("ccomp", "parataxis") or child.i > root.i or crosses_paragraph(child, root):
            continue
        if doc[child.right_edge.i].text != "," and not (
            child.right_edge.i + 1 < root.i and doc[child.right_edge.i + 1].text == ","
        ):
            continue
        subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
        if (
            subject is not None
            and subject.pos_ in ("PROPN", "NOUN")
            and subject.i < child.i
            and subject.left_edge.i == root.sent.start
            and not doc[root.sent.start].is_quote
        ):
            return subject
    return None


def subject_taken_by_relative(verb: "Token") -> Optional["Token"]:
    """'Sanders, meanwhile, who sits at zero endorsements, said ...': the parser read the name and its
    relative clause as a clause of its own before the verb; the name is the subject."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i < verb.i and not crosses_paragraph(child, verb):
            subjects = [c for c in child.children if c.dep_ == "nsubj"]
            names = [c for c in subjects if c.pos_ in ("PROPN", "NOUN") and c.left_edge.i == child.left_edge.i]
            if names and any(c.tag_ == "WP" for c in subjects):
                return names[0]
    return None


def phrase_just_before(verb: "Token") -> Optional["Token"]:
    """A main verb the parser left without a subject ('..., a White House official who spoke
    anonymously said Wednesday', the official hung on the clause before as an apposition): the
    noun phrase that ends right before the verb, its nearest head that is not an object."""
    doc = verb.doc
    end = verb.i - 1
    while end >= 0 and doc[end].is_punct and doc[end].text in (",", "\u2014", "\u2013"):
        end -= 1
    if end < 0 or doc[end].text in (".", "!", "?", ":", ";") or crosses_paragraph(doc[end], verb):
        return None
    best = None
    for tok in doc[max(0, verb.i - 40) : verb.i]:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("appos", "nsubj", "npadvmod", "dep", "conj"):
            continue
        right = tok.right_edge.i
        while right > tok.i and doc[right].is_punct:
            right -= 1
        if right == end and not crosses_paragraph(tok, verb) and (best is None or tok.left_edge.i > best.left_edge.i):
            best = tok
    return best


def verb_holding(noun: "Token") -> Optional["Token"]:
    """The verb a noun is the object of, directly or through a preposition ("sent an email to supporters")."""
    if noun.dep_ in ("dobj", "dative"):
        return noun.head if is_verb(noun.head) else None
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and is_verb(noun.head.head):
        return noun.head.head
    return None


def relative_pronoun(verb: "Token") -> Optional["Token"]:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in ("who", "that", "which"):
            return child
    return None


def is_verb(tok: "Token") -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def misread_subject(verb: "Token") -> Optional["Token"]:
    """The subject of a verb whose own subject the tagger misread as something else (a modal, an
    auxiliary, a relative clause's noun, a date's neighbour, a scene seen)."""
    return (
        name_misread_as_modifier(verb)
        or handle_misread_as_modifier(verb)
        or name_before_relative(verb)
        or name_before_a_date(verb)
        or seen_doing(verb)
    )


def subject_of_lost_root(root: "Token") -> Optional["Token"]:
    """The subject of a sentence's main verb that the parser left without one: the phrase right before
    it, a name taken by a relative clause, a name read as the root, the subject of a listed clause."""
    return (
        phrase_just_before(root)
        or subject_taken_by_relative(root)
        or name_read_as_root(root)
        or subject_of_listed_clause(root)
    )
