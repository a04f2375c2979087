"""Trigger dictionaries: diurna's own lexicon (data/triggers.yaml) and the PETRARCH2 CAMEO verbs.

`TriggerLexicon.verb_sense(token)` answers "what event, if any, does this verb report, given the
words around it?" and `noun_sense(token)` the same for nominal events. The diurna lexicon is
consulted first; the CAMEO verb dictionary (PETRARCH2, compiled by
scripts/build_event_dictionaries.py) covers the verbs it does not list, by PETRARCH-style
pattern matching on the parse (object words, prepositional phrases, subject words).
"""

from __future__ import annotations

import functools
import gzip
import json
import pathlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

import yaml

from diurna.events import codes
from diurna.nlp.syntax import (
    for_clause,
    is_infinitive,
    is_passive,
    is_reduced_passive,
    particle_objects,
    relative_antecedent,
)
from diurna.places.lexicon import is_place_noun

if TYPE_CHECKING:
    from spacy.tokens import Token

DATA = pathlib.Path(__file__).resolve().parent / "data"

DEFAULT_TARGET_PREPS = ("with", "against", "on", "to", "at", "toward", "towards", "from")
OBJECT_DEPS = ("dobj", "dative", "attr", "oprd")


@dataclass(frozen=True)
class Sense:
    """One coded meaning of a trigger word, with what the context must show for it to apply."""

    lemma: str
    pos: str  # "verb" | "noun"
    cameo: str
    plover: str
    mode: Optional[str]
    frame: str = "direct"
    prt: Optional[str] = None
    prep: Optional[str] = None
    pobj: tuple[str, ...] = ()
    obj: tuple[str, ...] = ()
    mod: tuple[str, ...] = ()  # nouns: a modifier the noun must have ("martial law")
    unless_obj: tuple[str, ...] = ()
    unless_subj: tuple[str, ...] = ()  # the sense does not apply when the subject has one of these words
    subj: tuple[str, ...] = ()  # the sense applies only when the subject has one of these words ("protesters gathered")
    obj_prep: Optional[str] = None  # a preposition on the verb or on its object ("warned X of Y")
    modal_ccomp: bool = False  # a finite complement with will/would ("warned X it would Y")
    obj_place: bool = False  # the direct object is a place: a town, a base, a named territory ("seized the town")
    negated_only: bool = False  # an event only when negated ("will not hesitate to strike"): the negation is the act
    obj_words: tuple[str, ...] = ()  # a word one of which the object's phrase must contain ("persona non grata")
    unless_obj_words: tuple[str, ...] = ()  # not when the object's phrase has one ("missiles targeting X")
    predicate: tuple[str, ...] = ()  # a word right after the verb, said of its object ("let free the prisoners")
    unless_prep: tuple[str, ...] = ()  # not when the verb has one of these prepositions ("departed with X")
    unless_aimed: tuple[str, ...] = ()  # not when one of these names where it went, open water aside ("into Ukraine")
    petrarch_otherwise: bool = False  # when no sense of the lemma fits, ask the PETRARCH2 dictionary
    xcomp: bool = False
    none: bool = False  # this context reports no event ("seized on the report")
    by_agent: bool = False  # who acts decides force or coercion ("police raided" vs "militants raided")
    reciprocal: bool = False
    theme: bool = False  # the direct object is what is given/moved, not the target
    owner: bool = False  # the object's owner is the target ("froze their assets", "the bank's reserves")
    transitive: bool = False  # only done to someone: a direct object or a passive ("dispersed the crowd")
    targets: tuple[str, ...] = DEFAULT_TARGET_PREPS
    origin: str = "diurna"  # "diurna" lexicon or "petrarch2" verb dictionary

    @property
    def specificity(self) -> int:
        return sum(
            bool(x)
            for x in (
                self.prt,
                self.prep,
                self.pobj,
                self.obj,
                self.mod,
                self.xcomp,
                self.obj_prep,
                self.modal_ccomp,
                self.obj_place,
                self.subj,
                self.obj_words,
                self.predicate,
                self.transitive,
            )
        )


# The sense keys that list words (triggers.yaml); each must list quoted strings.
LIST_KEYS = (
    "obj",
    "mod",
    "pobj",
    "targets",
    "unless_obj",
    "unless_subj",
    "subj",
    "obj_words",
    "unless_obj_words",
    "predicate",
    "unless_prep",
    "unless_aimed",
)


def _sense_from_yaml(lemma: str, pos: str, raw: dict) -> Sense:
    # YAML 1.1 reads a bare `on`/`off` as a boolean: insist on strings so a missed quote is an error
    for key in ("prep", "prt", "obj_prep"):
        if key in raw and not isinstance(raw[key], str):
            raise ValueError("triggers.yaml: %s %r: %s must be a quoted string" % (pos, lemma, key))
    for key in LIST_KEYS:
        if any(not isinstance(x, str) for x in raw.get(key) or ()):
            raise ValueError("triggers.yaml: %s %r: %s must list quoted strings" % (pos, lemma, key))
    cameo = str(raw["cameo"])
    plover = raw.get("plover") or codes.plover_type(cameo)
    if plover is None:
        raise ValueError("triggers.yaml: %s %r codes %s, which has no PLOVER type" % (pos, lemma, cameo))
    mode = raw["mode"] if "mode" in raw else codes.mode_for(plover, cameo)
    targets = raw.get("targets")
    return Sense(
        lemma=lemma,
        pos=pos,
        cameo=cameo,
        plover=plover,
        mode=mode,
        frame=raw.get("frame", "direct"),
        prt=raw.get("prt"),
        prep=raw.get("prep"),
        pobj=tuple(raw.get("pobj", ())),
        obj=tuple(raw.get("obj", ())),
        mod=tuple(raw.get("mod", ())),
        unless_obj=tuple(raw.get("unless_obj", ())),
        none=bool(raw.get("none", False)),
        by_agent=bool(raw.get("by_agent", False)),
        unless_subj=tuple(raw.get("unless_subj", ())),
        subj=tuple(raw.get("subj", ())),
        obj_prep=raw.get("obj_prep"),
        modal_ccomp=bool(raw.get("modal_ccomp", False)),
        obj_place=bool(raw.get("obj_place", False)),
        obj_words=tuple(raw.get("obj_words", ())),
        unless_obj_words=tuple(raw.get("unless_obj_words", ())),
        predicate=tuple(raw.get("predicate", ())),
        negated_only=bool(raw.get("negated_only", False)),
        unless_prep=tuple(raw.get("unless_prep", ())),
        unless_aimed=tuple(raw.get("unless_aimed", ())),
        petrarch_otherwise=bool(raw.get("petrarch_otherwise", False)),
        xcomp=bool(raw.get("xcomp", False)),
        reciprocal=bool(raw.get("reciprocal", False)),
        theme=bool(raw.get("theme", False)),
        owner=bool(raw.get("owner", False)),
        transitive=bool(raw.get("transitive", False)),
        targets=DEFAULT_TARGET_PREPS if targets is None else tuple(targets),
    )


# ------------------------------------------------------------------ reading the parse


def _noun_fits(sense: Sense, noun: "Token") -> bool:
    """A noun sense's conditions: a modifier word (`mod`), a preposition with its object's words."""
    if sense.mod and not any(
        c.dep_ in ("amod", "compound") and _words(c) & set(sense.mod) for c in noun.children if c.i < noun.i
    ):
        return False
    if sense.prep:
        objs = prep_objects(noun).get(sense.prep, [])
        if not objs or (sense.pobj and not any(_words(o) & set(sense.pobj) for o in objs)):
            return False
    return True


def _words(token: "Token") -> set[str]:
    return {token.lemma_.lower(), token.lower_}


def lemma_candidates(token: "Token") -> list[str]:
    """The token's lemma, then base forms guessed from its spelling: the statistical lemmatizer
    sometimes errs on news verbs ("staged" -> "stag")."""
    word = token.lower_
    out = [token.lemma_.lower(), word]
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)] + repl)
    return list(dict.fromkeys(out))


def lexicon_type(lexicon: "TriggerLexicon", token: "Token") -> Optional[str]:
    """The PLOVER type diurna's lexicon gives the verb's lemma in its first sense, whatever the
    context (a feature of the learned detector: "fire" is violence even without "at"). None for a lemma
    whose senses only add uses to the PETRARCH2 dictionary (petrarch_otherwise): "burn" is a protest with
    a flag as its object, not whatever is burned ("burned photos of the victims")."""
    for word in lemma_candidates(token):
        if word in lexicon.verbs:
            senses = lexicon.verbs[word]
            return None if any(s.petrarch_otherwise for s in senses) else senses[0].plover
    return None


def in_list(token: "Token", words) -> bool:
    return any(w in words for w in lemma_candidates(token))


def particles(token: "Token") -> set[str]:
    """The verb's particles; "pulled out of the town": the parser reads "out" as a preposition whose
    own object is a further "of" phrase, but it is the particle of "pull out"."""
    return {c.lower_ for c in token.children if c.dep_ == "prt"} | {
        c.lower_
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in ADVERB_PARTICLES and not any(g.dep_ == "pobj" for g in c.children)
    }


ADVERB_PARTICLES = frozenset({"out", "back", "off", "down", "up", "away"})
# Heads of quantity phrases whose "of" object is what the verb acts on ("swapped hundreds of prisoners").
QUANTITY_NOUNS = frozenset(
    """hundreds dozens thousands scores tens millions number numbers group groups contingent batch
    convoy unit units team teams shipment shipments tonnes tons load loads crowd crowds""".split()
)


# Heads of partitive phrases ("many of the towns", "parts of the city", "the rest of its bases"): the
# part stands for the whole its "of" phrase names (rule partitive-object).
PARTITIVE_HEADS = frozenset(
    """many some most several all part parts much each both half majority rest remainder few""".split()
)


def is_partitive(token: "Token") -> bool:
    """A part taken out of what its "of" phrase names ("many of the towns", "parts of the city"), under
    the rule partitive-object: the phrase is what a verb acts on, as for a quantity head."""
    return token.lower_ in PARTITIVE_HEADS and token.pos_ in ("NOUN", "PRON", "ADJ", "NUM") and _partitive_rule()


def _partitive_rule() -> bool:
    """Whether the construction rule partitive-object is on (constructions.py imports this module)."""
    from diurna.events import constructions

    return constructions.enabled(constructions.PARTITIVE_OBJECT)


PLACE_ENTITIES = ("GPE", "LOC", "FAC")


def _particle_object_rule() -> bool:
    """Whether the construction rule particle-object is on (constructions.py imports this module)."""
    from diurna.events import constructions

    return constructions.enabled(constructions.PARTICLE_OBJECT)


def is_place(token: "Token") -> bool:
    """A named place (a GPE, LOC or FAC entity) or a common noun the places stage's lexicon names a
    place ("took the town", "overran the base")."""
    return token.ent_type_ in PLACE_ENTITIES or is_place_noun(token.lemma_.lower()) or is_place_noun(token.lower_)


def object_heads(token: "Token") -> list["Token"]:
    """The direct objects, read through quantity heads ("hundreds of prisoners" -> prisoners), and the
    object of a particle the parser read as a preposition ("sent in troops", rule particle-object)."""
    objs = direct_objects(token)
    if not objs and _particle_object_rule():
        objs = particle_objects(token)
    return objs + [
        o
        for obj in objs
        if obj.lower_ in QUANTITY_NOUNS or obj.like_num or is_partitive(obj)
        for o in prep_objects(obj).get("of", [])
    ]


def prep_objects(token: "Token") -> dict[str, list["Token"]]:
    """Preposition lemma -> its objects, for prepositions governed by `token` (agent 'by' included)."""
    out: dict[str, list["Token"]] = {}
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.pos_ == "ADP":
            objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            # "to the Israeli regime and to the U.S.": a conjoined preposition repeats the first
            for conj in child.conjuncts:
                objs.extend(g for g in conj.children if g.dep_ == "pobj")
            out.setdefault(child.lower_, []).extend(objs)
    return out


def merged_preps(token: "Token", complement: Optional[str], only: tuple[str, ...]) -> dict[str, list["Token"]]:
    """The token's prepositional objects, and, for the prepositions in `only`, those its `complement`
    preposition's object governs ("a suspension of aid to Egypt": the recipient hangs on the aid), the
    token's own first. Only the listed ones: a complement's by/from agent is not the token's."""
    preps = prep_objects(token)
    for obj in preps.get(complement, []) if complement else []:
        for prep, objs in prep_objects(obj).items():
            if prep in only:
                preps.setdefault(prep, objs)
    return preps


def direct_objects(token: "Token") -> list["Token"]:
    objs = [c for c in token.children if c.dep_ in ("dobj", "dative")]
    if any(c.dep_ == "auxpass" for c in token.children):
        objs += [c for c in token.children if c.dep_ == "nsubjpass"] or _controller_of_passive(token)
    elif is_reduced_passive(token):
        objs.append(token.head)  # "the activists detained by police": the activists
    return objs


def _controller_of_passive(verb: "Token") -> list["Token"]:
    """ "(Castillo,) who is being held after being arrested by police", "was killed after being shot":
    a subjectless passive gerund or infinitive under a clause is done to that clause's subject."""
    node = verb
    for _ in range(3):
        if node.dep_ not in ("pcomp", "pobj", "prep", "advcl", "xcomp"):
            return []
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
    return []


def has_complement(token: "Token") -> bool:
    """An infinitival complement: "agreed to meet", "urged X to act" (spaCy: xcomp, or a ccomp with "to")."""
    return any(c.dep_ == "xcomp" or (c.dep_ == "ccomp" and is_infinitive(c)) for c in token.children)


MODALS_OF_INTENT = ("will", "would", "'ll", "shall", "wo")


def modal_complement(token: "Token") -> Optional["Token"]:
    """A finite clausal complement with will/would: "warned Seoul (that) it would retaliate"."""
    for child in token.children:
        if (
            child.dep_ == "ccomp"
            and child.pos_ in ("VERB", "AUX")
            and any(a.dep_ == "aux" and a.lower_ in MODALS_OF_INTENT for a in child.children)
        ):
            return child
    return None


def passive_agents(token: "Token") -> list["Token"]:
    """The objects of a passive verb's "by" phrase, its doers ("was surrounded by protesters", "an officer
    surrounded by protesters"): a sense's subject condition is about the doer (passive-doer)."""
    if not _passive_doer_rule():
        return []
    return [o for c in token.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]


def _passive_doer_rule() -> bool:
    from diurna.events.constructions import PASSIVE_DOER, enabled

    return enabled(PASSIVE_DOER)


def subject_words(token: "Token") -> set[str]:
    """Words of the verb's doer: its subject (of the governing verb for a conjoined or controlled one),
    or a passive's "by" phrase (passive-doer)."""
    agents = passive_agents(token)
    if agents:
        # "was surrounded by protesters", "an officer surrounded by protesters": the doer is the agent
        return {w for a in agents for t in a.subtree for w in _words(t)}
    node = token
    for _ in range(4):
        subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and node.dep_ == "relcl" and all(s.lower_ in ("who", "which", "that") for s in subj):
            # "the hotel that houses the delegation": the relative pronoun stands for its noun
            return _words(relative_antecedent(node))
        if subj:
            return {w for s in subj for t in s.subtree for w in _words(t)}
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            return _words(node.head)  # "protesters demanding ...": the participle's subject is its noun
        if node.dep_ not in ("conj", "xcomp", "advcl") or node.head.i == node.i:
            break
        node = node.head
    return set()


def _with_conjuncts(objects: list["Token"]) -> list["Token"]:
    """The objects and their conjuncts: "used water cannon and tear gas", "seized towns and arsenals"
    meet an object condition by any of the coordinated objects."""
    return objects + [c for o in objects for c in o.conjuncts if c not in objects]


# Where a fired missile lands without hitting anyone: "fired two missiles into the sea", "into the
# Pacific", "launched a rocket into orbit" (not aimed, unlike "into Ukraine", "on the capital").
OPEN_WATER = frozenset("""sea seas ocean oceans waters gulf strait bay pacific atlantic air sky space orbit""".split())


def aimed_at_somewhere(token: "Token", preps: tuple[str, ...]) -> bool:
    """The verb (or its object: "missiles on Kyiv") sends what it fires through one of `preps` to a
    place or party: not a date ("on Monday") and not open water ("into the sea")."""
    for owner in [token] + direct_objects(token):
        for prep, objs in prep_objects(owner).items():
            if prep not in preps:
                continue
            for o in objs:
                if o.ent_type_ in ("DATE", "TIME"):
                    continue
                if not any(_words(t) & OPEN_WATER for t in o.subtree if t.i <= o.i):
                    return True
    return False


def _object_predicate(verb: "Token", words: tuple[str, ...]) -> bool:
    """Whether a word of `words` right after the verb is said of its object ("let free the prisoners",
    "let free some 74 leaders"): the parse makes it the verb's clause or a modifier of the verb's own
    direct object. Not a modifier of a clause's subject ("let free markets decide": markets decide)."""
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if nxt is None or not _words(nxt) & set(words):
        return False
    said_of_object = nxt.head == verb and nxt.dep_ in ("ccomp", "xcomp", "oprd", "acomp")
    return said_of_object or (nxt.dep_ == "amod" and nxt.head.dep_ == "dobj" and nxt.head.head == verb)


def _applies(sense: Sense, token: "Token") -> bool:
    if sense.prt and sense.prt not in particles(token):
        return False
    if sense.prep:
        # "called Machado on Friday": a date is not the preposition's argument
        objs = [o for o in prep_objects(token).get(sense.prep, []) if o.ent_type_ not in ("DATE", "TIME")]
        if not objs and sense.prep == "for":
            # "called for Manama to release the prisoners": the parser may make "for" the mark of
            # the requested clause; its subject is then what the preposition governs
            objs = [s for c in token.children if for_clause(c) for s in c.children if s.dep_ == "nsubj"]
        if not objs:
            return False
        if sense.pobj and not any(_words(o) & set(sense.pobj) for o in objs):
            return False
    if sense.obj and not any(_words(o) & set(sense.obj) for o in _with_conjuncts(object_heads(token))):
        return False
    if sense.unless_obj and any(_words(o) & set(sense.unless_obj) for o in object_heads(token)):
        return False
    if sense.unless_subj and subject_words(token) & set(sense.unless_subj):
        return False
    if sense.subj and not subject_words(token) & set(sense.subj):
        return False
    if sense.obj_prep:
        owners = [token] + direct_objects(token)
        objs = [o for w in owners for o in prep_objects(w).get(sense.obj_prep, [])]
        if not objs or (sense.pobj and not any(_words(o) & set(sense.pobj) for o in objs)):
            return False
    if sense.modal_ccomp and modal_complement(token) is None:
        return False
    if sense.obj_place and not any(is_place(o) for o in _with_conjuncts(object_heads(token))):
        return False
    if sense.unless_prep and set(prep_objects(token)) & set(sense.unless_prep):
        return False
    if sense.unless_aimed and aimed_at_somewhere(token, sense.unless_aimed):
        return False
    if sense.obj_words and not any(
        _words(t) & set(sense.obj_words)
        for c in token.children
        if c.dep_ in OBJECT_DEPS + ("xcomp", "ccomp")
        for t in c.subtree
    ):
        return False
    if sense.unless_obj_words and any(
        _words(t) & set(sense.unless_obj_words) for o in object_heads(token) for t in o.subtree
    ):
        return False
    if sense.predicate and not _object_predicate(token, sense.predicate):
        return False
    if sense.xcomp and not has_complement(token):
        return False
    if sense.transitive and not direct_objects(token):
        return False  # "the crowd dispersed": an intransitive use acts on no one
    return True


# ------------------------------------------------------------------ PETRARCH2 verb patterns


@dataclass
class _VerbDictionary:
    synsets: dict[str, set[str]]
    verbs: dict[str, list[dict]]
    blocks: list[dict]

    def _term_ok(self, term: str, words: set[str]) -> bool:
        if term.startswith("&"):
            members = self.synsets.get(term.rstrip("_"), set())
            return any(m.split()[-1] in words for m in members)
        return term in words

    def code(self, token: "Token") -> tuple[str | None, int]:
        """(CAMEO code or None, number of pattern words that matched) for a verb token: the most
        specific matching pattern of the verb's blocks, else the verb line's own code."""
        entries = self.verbs.get(token.lemma_.lower())
        if not entries:
            return None, 0
        right = _region_words(token, after=True)
        left = _region_words(token, after=False)
        preps = {p: {w for o in objs for t in o.subtree for w in _words(t)} for p, objs in prep_objects(token).items()}
        passive = is_passive(token)
        best_score, best_code = 0, None
        bare_code = None
        for entry in entries:
            if entry["particles"] and not set(entry["particles"]) <= (particles(token) | right):
                continue
            if bare_code is None:
                bare_code = entry["passive"] if passive else entry["code"]
            for pattern in self.blocks[entry["block"]]["patterns"]:
                score = self._pattern_score(pattern, left, right, preps)
                if score is not None and score > best_score:  # ties: the first pattern in the file
                    best_score, best_code = score, pattern["passive"] if passive else pattern["code"]
        code = best_code if best_score else bare_code
        if code in (None, "---"):
            return None, 0
        return code, best_score

    def _pattern_score(self, pattern: dict, left: set[str], right: set[str], preps: dict[str, set[str]]) -> int | None:
        score = 0
        for term in pattern["post"]:
            if not self._term_ok(term, right):
                return None
            score += 1
        for term in pattern["pre"]:
            if not self._term_ok(term, left):
                return None
            score += 1
        for prep, terms in pattern["preps"]:
            if prep not in preps or not all(self._term_ok(t, preps[prep]) for t in terms):
                return None
            score += 1 + len(terms)
        return score if score else None


def _region_words(token: "Token", after: bool) -> set[str]:
    """Words of the verb's own arguments on one side (objects/complements, or the subject)."""
    words: set[str] = set()
    for child in token.children:
        if after and child.i > token.i and child.dep_ in OBJECT_DEPS + ("xcomp", "acomp", "prt", "advmod"):
            for t in child.subtree:
                words |= _words(t)
        if not after and child.i < token.i and child.dep_ in ("nsubj", "nsubjpass"):
            for t in child.subtree:
                words |= _words(t)
    return words


@functools.lru_cache(maxsize=1)
def _verb_dictionary() -> _VerbDictionary:
    with gzip.open(DATA / "cameo_verbs.json.gz", "rt", encoding="utf-8") as fh:
        raw = json.load(fh)
    return _VerbDictionary({k: set(v) for k, v in raw["synsets"].items()}, raw["verbs"], raw["blocks"])


# ------------------------------------------------------------------ the lexicon


@dataclass
class TriggerLexicon:
    verbs: dict[str, list[Sense]]
    nouns: dict[str, list[Sense]]
    light_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    negative_evaluations: frozenset[str]
    use_petrarch: bool = True
    _petrarch: Optional[_VerbDictionary] = field(default=None, repr=False)
    positive_evaluations: frozenset[str] = frozenset()
    # verbs that continue or step up an act named by their object noun (intensified-act), each with
    # the particle it needs ("" = none): ("step", "up"), ("intensify", "")
    continuing_verbs: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    @functools.lru_cache(maxsize=1)
    def load(cls) -> "TriggerLexicon":
        raw = yaml.safe_load((DATA / "triggers.yaml").read_text(encoding="utf-8"))
        verbs = {lemma: [_sense_from_yaml(lemma, "verb", s) for s in senses] for lemma, senses in raw["verbs"].items()}
        nouns = {lemma: [_sense_from_yaml(lemma, "noun", s) for s in senses] for lemma, senses in raw["nouns"].items()}
        return cls(
            verbs,
            nouns,
            frozenset(raw["light_verbs"]),
            frozenset(raw["speech_verbs"]),
            frozenset(raw["negative_evaluations"]),
            _petrarch=_verb_dictionary(),
            positive_evaluations=frozenset(raw.get("positive_evaluations", ())),
            continuing_verbs=frozenset((verb, str(prt)) for verb, prt in (raw.get("continuing_verbs") or {}).items()),
        )

    def is_continuing_verb(self, verb: "Token") -> bool:
        """Whether the verb continues or steps up the act its object names ("intensified its shelling",
        "stepped up attacks"), with the particle the list asks for: "kept the protest away" is no
        "kept up the protest"."""
        wanted = {"", *particles(verb)}
        return any((lemma, prt) in self.continuing_verbs for lemma in lemma_candidates(verb) for prt in wanted)

    def verb_sense(self, token: "Token") -> Sense | None:
        """The best-fitting sense of a verb in context, or None when it reports no PLOVER event."""
        lemma = next((w for w in lemma_candidates(token) if w in self.verbs), token.lemma_.lower())
        if lemma in self.verbs:
            fitting = [s for s in self.verbs[lemma] if _applies(s, token)]
            if fitting:
                best = max(fitting, key=lambda s: (s.specificity, s.none))  # max keeps the first of equals
                return None if best.none else best
            if self.use_petrarch and any(s.petrarch_otherwise for s in self.verbs[lemma]):
                return self._petrarch_sense(token)
            return None
        if in_list(token, self.speech_verbs) or in_list(token, self.light_verbs) or not self.use_petrarch:
            return None
        return self._petrarch_sense(token)

    def says_no_event(self, token: "Token") -> bool:
        """Whether the verb's best-fitting sense names its context, word by word, as no event ("put the
        party in a delicate position", "appointed as minister"): `verb_sense` is None for it, as for a
        verb the lexicon does not code, but here the lexicon has said so (no-event-sense)."""
        lemma = next((w for w in lemma_candidates(token) if w in self.verbs), None)
        fitting = [s for s in self.verbs[lemma] if _applies(s, token)] if lemma is not None else []
        best = max(fitting, key=lambda s: (s.specificity, s.none)) if fitting else None
        # only a context named word by word: a bare "seized on" also fits "seized the tanker on suspicion"
        return best is not None and best.none and bool(best.pobj or best.obj)

    def _petrarch_sense(self, token: "Token") -> Sense | None:
        code, matched = self._petrarch.code(token)
        plover = codes.plover_type(code)
        if plover is None:
            return None
        return Sense(
            lemma=token.lemma_.lower(),
            pos="verb",
            cameo=code,
            plover=plover,
            mode=codes.mode_for(plover, code),
            origin="petrarch2" if matched == 0 else "petrarch2+pattern",
        )

    def noun_sense(self, token: "Token") -> Sense | None:
        """The most specific sense of a noun whose conditions the phrase meets ("state" only in "state
        of emergency", "law" only as "martial law")."""
        for key in (token.lower_, token.lemma_.lower()):
            if key in self.nouns:
                fitting = [s for s in self.nouns[key] if _noun_fits(s, token)]
                return max(fitting, key=lambda s: s.specificity) if fitting else None
        return None

    def is_negative_evaluation(self, token: "Token") -> bool:
        return bool(_words(token) & self.negative_evaluations)

    def is_positive_evaluation(self, token: "Token") -> bool:
        return bool(_words(token) & self.positive_evaluations)
