"""Reported-speech cues read from the parse (diurna.quotes.reported) and relays (diurna.quotes.relays)."""

from diurna.quotes.relays import quoted_as_saying, relay_statements
from diurna.quotes.reported import find_cues


def _cues(nlp, text, with_beliefs=True):
    doc = nlp(text)
    return [
        (
            doc[c.cue_start : c.cue_end].text,
            c.speaker.text if c.speaker is not None else None,
            doc[c.content_start : c.content_end].text,
        )
        for c in find_cues(doc, with_beliefs)
    ]


def test_said_that_clause(nlp):
    assert ("said", "Lula", "that Brazil would host the summit") in _cues(
        nlp, "Brazilian President Lula said that Brazil would host the summit."
    )


def test_clause_before_the_cue(nlp):
    cues = _cues(nlp, "The border will reopen next week, officials said.")
    assert ("said", "officials", "The border will reopen next week") in cues


def test_called_on_takes_object_and_infinitive(nlp):
    cues = _cues(nlp, "The minister called on the rebels to lay down their arms.")
    assert any(c[0] == "called on" and c[1] == "minister" and c[2].endswith("to lay down their arms") for c in cues)


def test_a_time_after_the_object_is_no_request(nlp):
    cues = _cues(nlp, "The minister called the plan a disaster on Monday.")
    assert not any(c[2] == "Monday" for c in cues)
    assert any(c[0] == "called" and c[1] == "minister" and "a disaster" in c[2] for c in cues)


def test_urged_takes_object_and_infinitive(nlp):
    cues = _cues(nlp, "The envoy urged both sides to return to the table.")
    assert ("urged", "envoy", "both sides to return to the table") in cues


def test_participle_takes_the_main_subject(nlp):
    cues = _cues(nlp, "The president condemned the attack, adding that the culprits would be punished.")
    assert ("adding", "president", "that the culprits would be punished") in cues


def test_according_to_names_its_object(nlp):
    cues = _cues(nlp, "According to the ministry, twelve soldiers were wounded.")
    assert ("According to", "ministry", "twelve soldiers were wounded") in cues


def test_beliefs_can_be_turned_off(nlp):
    text = "Analysts believe that the central bank will cut rates."
    assert any(c[0] == "believe" for c in _cues(nlp, text))
    assert not any(c[0] == "believe" for c in _cues(nlp, text, with_beliefs=False))


def test_expletive_it_has_no_speaker(nlp):
    cues = _cues(nlp, "It was reported that the talks had collapsed.")
    assert ("reported", None, "that the talks had collapsed") in cues


def test_a_verb_without_content_is_no_cue(nlp):
    assert _cues(nlp, "The minister said nothing and left the room.") == []


def test_quoted_as_saying(nlp):
    doc = nlp("State television quoted the general as saying the offensive was over.")
    saying = next(t for t in doc if t.lower_ == "saying")
    speaker, relay = quoted_as_saying(saying)
    assert speaker.text == "general" and relay.text == "television"


def test_remarks_quoted_by_a_medium(nlp):
    doc = nlp("The minister's remarks were carried by the state news agency IRNA.")
    statements = list(relay_statements(doc))
    assert len(statements) == 1
    assert statements[0].speaker.text == "minister" and statements[0].relay.text == "IRNA"


# ---- rules for parses that go wrong; the parse is given, so the tests do not depend on the model


def _parsed(nlp, rows, ents=None):
    """A Doc from (word, head index, dep, POS, tag, lemma) rows: a fixed parse of one sentence;
    `ents` maps a word's index to its entity label."""
    from spacy.tokens import Doc

    words, heads, deps, pos, tags, lemmas = zip(*rows)
    iob = [("B-" + ents[i]) if ents and i in ents else "O" for i in range(len(words))] if ents else None
    return Doc(
        nlp.vocab,
        words=list(words),
        heads=list(heads),
        deps=list(deps),
        pos=list(pos),
        tags=list(tags),
        lemmas=list(lemmas),
        ents=iob,
    )


def _cue_triples(doc):
    return [
        (
            doc[c.cue_start : c.cue_end].text,
            c.speaker.text if c.speaker is not None else None,
            doc[c.content_start : c.content_end].text,
        )
        for c in find_cues(doc)
    ]


def test_that_clause_hung_on_a_noun_is_the_verbs_content(nlp):
    # "Osei told members at a hearing that the budget was stretched ." -- the parser made the
    # that-clause a relative clause of "hearing"
    doc = _parsed(
        nlp,
        [
            ("Osei", 1, "nsubj", "PROPN", "NNP", "Osei"),
            ("told", 1, "ROOT", "VERB", "VBD", "tell"),
            ("members", 1, "dobj", "NOUN", "NNS", "member"),
            ("at", 1, "prep", "ADP", "IN", "at"),
            ("a", 5, "det", "DET", "DT", "a"),
            ("hearing", 3, "pobj", "NOUN", "NN", "hearing"),
            ("that", 9, "mark", "SCONJ", "IN", "that"),
            ("the", 8, "det", "DET", "DT", "the"),
            ("budget", 9, "nsubj", "NOUN", "NN", "budget"),
            ("was", 5, "relcl", "AUX", "VBD", "be"),
            ("stretched", 9, "acomp", "ADJ", "JJ", "stretched"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
    )
    assert ("told", "Osei", "that the budget was stretched") in _cue_triples(doc)


def test_a_relative_that_is_no_content_clause(nlp):
    # "Osei told members about a plan that cuts taxes ." -- "that" is the relative pronoun here
    doc = _parsed(
        nlp,
        [
            ("Osei", 1, "nsubj", "PROPN", "NNP", "Osei"),
            ("told", 1, "ROOT", "VERB", "VBD", "tell"),
            ("members", 1, "dobj", "NOUN", "NNS", "member"),
            ("about", 1, "prep", "ADP", "IN", "about"),
            ("a", 5, "det", "DET", "DT", "a"),
            ("plan", 3, "pobj", "NOUN", "NN", "plan"),
            ("that", 7, "nsubj", "PRON", "WDT", "that"),
            ("cuts", 5, "relcl", "VERB", "VBZ", "cut"),
            ("taxes", 7, "dobj", "NOUN", "NNS", "tax"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
    )
    assert not any(c[0] == "told" for c in _cue_triples(doc))


def test_the_one_prompted_to_say_is_the_speaker(nlp):
    # "It was so calm that Ellison was prompted to say that it was polite ."
    doc = _parsed(
        nlp,
        [
            ("It", 1, "nsubj", "PRON", "PRP", "it"),
            ("was", 1, "ROOT", "AUX", "VBD", "be"),
            ("so", 3, "advmod", "ADV", "RB", "so"),
            ("calm", 1, "acomp", "ADJ", "JJ", "calm"),
            ("that", 7, "mark", "SCONJ", "IN", "that"),
            ("Ellison", 7, "nsubjpass", "PROPN", "NNP", "Ellison"),
            ("was", 7, "auxpass", "AUX", "VBD", "be"),
            ("prompted", 3, "ccomp", "VERB", "VBN", "prompt"),
            ("to", 9, "aux", "PART", "TO", "to"),
            ("say", 7, "xcomp", "VERB", "VB", "say"),
            ("that", 12, "mark", "SCONJ", "IN", "that"),
            ("it", 12, "nsubj", "PRON", "PRP", "it"),
            ("was", 9, "ccomp", "AUX", "VBD", "be"),
            ("polite", 12, "acomp", "ADJ", "JJ", "polite"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
    )
    assert ("say", "Ellison", "that it was polite") in _cue_triples(doc)


def test_saying_the_noun_starts_the_content_not_an_inverted_speaker(nlp):
    # 'Ruiz criticized him , saying the leader " has no interest . "'
    doc = _parsed(
        nlp,
        [
            ("Ruiz", 1, "nsubj", "PROPN", "NNP", "Ruiz"),
            ("criticized", 1, "ROOT", "VERB", "VBD", "criticize"),
            ("him", 1, "dobj", "PRON", "PRP", "he"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("saying", 1, "advcl", "VERB", "VBG", "say"),
            ("the", 6, "det", "DET", "DT", "the"),
            ("leader", 8, "nsubj", "NOUN", "NN", "leader"),
            ('"', 8, "punct", "PUNCT", "``", '"'),
            ("has", 4, "ccomp", "VERB", "VBZ", "have"),
            ("no", 10, "det", "DET", "DT", "no"),
            ("interest", 8, "dobj", "NOUN", "NN", "interest"),
            (".", 1, "punct", "PUNCT", ".", "."),
            ('"', 1, "punct", "PUNCT", "''", '"'),
        ],
    )
    assert ("saying", "Ruiz", 'the leader " has no interest') in _cue_triples(doc)


def test_a_clause_hung_on_a_later_quotation_keeps_its_own_subject(nlp):
    # 'Chen offered him , tweeting , " you really are a bully . "' -- the parser hung the whole
    # frame on the quoted "are" as a clausal complement
    from diurna.quotes.reported import subject_of

    doc = _parsed(
        nlp,
        [
            ("Chen", 1, "nsubj", "PROPN", "NNP", "Chen"),
            ("offered", 9, "ccomp", "VERB", "VBD", "offer"),
            ("him", 1, "dobj", "PRON", "PRP", "he"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("tweeting", 1, "advcl", "VERB", "VBG", "tweet"),
            (",", 9, "punct", "PUNCT", ",", ","),
            ('"', 9, "punct", "PUNCT", "``", '"'),
            ("you", 9, "nsubj", "PRON", "PRP", "you"),
            ("really", 9, "advmod", "ADV", "RB", "really"),
            ("are", 9, "ROOT", "AUX", "VBP", "be"),
            ("a", 11, "det", "DET", "DT", "a"),
            ("bully", 9, "attr", "NOUN", "NN", "bully"),
            (".", 9, "punct", "PUNCT", ".", "."),
            ('"', 9, "punct", "PUNCT", "''", '"'),
        ],
    )
    assert subject_of(doc[4]).text == "Chen"


def test_name_before_an_apposition_speaks_a_verb_tagged_as_participle(nlp):
    cues = _cues(nlp, "Brandt, a Merkel ally, called Germany\u2019s budget rules \u201crigid.\u201d")
    assert any(c[0] == "called" and c[1] == "Brandt" for c in cues)


def test_name_before_a_relative_clause_speaks_the_verb_after_it(nlp):
    cues = _cues(
        nlp,
        "Paul Segura, who served as Jeb Bush's campaign manager during the 2016 race, called "
        'Cruz\'s remarks on Monday "reckless."',
    )
    assert any(c[0] == "called" and c[1] == "Segura" for c in cues)


def test_a_reduced_passive_with_its_agent_is_not_the_name_speaking(nlp):
    cues = _cues(nlp, 'Okafor, called "the architect of the deal" by his allies, said the vote would pass.')
    assert not any(c[0] == "called" and c[1] == "Okafor" for c in cues)
    assert any(c[0] == "said" and c[1] == "Okafor" for c in cues)


def test_the_object_of_a_causing_verb_speaks(nlp):
    cues = _cues(nlp, 'The ruling prompted the senator to call the court "out of touch."')
    assert any(c[0] == "call" and c[1] == "senator" for c in cues)


def test_a_name_before_a_date_is_the_subject_the_parse_lost(nlp):
    # 'Aides mocked the plan , which Hale on Friday called " a fraud . "' -- the parser read "Hale"
    # as the relative clause's verb and left "called" without a subject
    doc = _parsed(
        nlp,
        [
            ("Aides", 1, "nsubj", "NOUN", "NNS", "aide"),
            ("mocked", 1, "ROOT", "VERB", "VBD", "mock"),
            ("the", 3, "det", "DET", "DT", "the"),
            ("plan", 1, "dobj", "NOUN", "NN", "plan"),
            (",", 3, "punct", "PUNCT", ",", ","),
            ("which", 6, "nsubj", "PRON", "WDT", "which"),
            ("Hale", 3, "relcl", "PROPN", "NNP", "Hale"),
            ("on", 6, "prep", "ADP", "IN", "on"),
            ("Friday", 7, "pobj", "PROPN", "NNP", "Friday"),
            ("called", 1, "advcl", "VERB", "VBD", "call"),
            ('"', 12, "punct", "PUNCT", "``", '"'),
            ("a", 12, "det", "DET", "DT", "a"),
            ("fraud", 9, "oprd", "NOUN", "NN", "fraud"),
            (".", 1, "punct", "PUNCT", ".", "."),
            ('"', 1, "punct", "PUNCT", "''", '"'),
        ],
        ents={6: "PERSON", 8: "DATE"},
    )
    assert any(c[0] == "called" and c[1] == "Hale" for c in _cue_triples(doc))
