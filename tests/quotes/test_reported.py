"""Reported-speech cues read from the parse (diurna.quotes.reported) and relays (diurna.quotes.relays)."""
from diurna.quotes.relays import quoted_as_saying, relay_statements
from diurna.quotes.reported import find_cues


def _cues(nlp, text, with_beliefs=True):
    doc = nlp(text)
    return [(doc[c.cue_start:c.cue_end].text, c.speaker.text if c.speaker is not None else None,
             doc[c.content_start:c.content_end].text) for c in find_cues(doc, with_beliefs)]


def test_said_that_clause(nlp):
    assert ("said", "Lula", "that Brazil would host the summit") in _cues(
        nlp, "Brazilian President Lula said that Brazil would host the summit.")


def test_clause_before_the_cue(nlp):
    cues = _cues(nlp, "The border will reopen next week, officials said.")
    assert ("said", "officials", "The border will reopen next week") in cues


def test_called_on_takes_object_and_infinitive(nlp):
    cues = _cues(nlp, "The minister called on the rebels to lay down their arms.")
    assert any(c[0] == "called on" and c[1] == "minister" and c[2].endswith("to lay down their arms") for c in cues)


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
