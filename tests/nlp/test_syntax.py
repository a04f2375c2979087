"""The shared syntax helpers (diurna/nlp/syntax.py)."""

from __future__ import annotations

from diurna.nlp.syntax import is_passive, is_reduced_passive


def _token(nlp, text, word):
    return next(t for t in nlp(text) if t.text == word)


def test_a_participle_modifying_its_patient_is_a_reduced_passive(nlp):
    assert is_reduced_passive(_token(nlp, "Police released the activists detained by soldiers.", "detained"))
    assert is_reduced_passive(_token(nlp, "Mediators announced a deal brokered by Qatar.", "brokered"))


def test_finite_and_active_verbs_are_not_reduced_passives(nlp):
    assert not is_reduced_passive(_token(nlp, "Soldiers detained the activists on Monday.", "detained"))
    passive = _token(nlp, "The activists were detained by soldiers.", "detained")
    assert is_passive(passive) and not is_reduced_passive(passive)


def test_reduced_passive_codes_agent_and_patient(code):
    doc = code("Police released the activists detained by soldiers on Monday.", "2024-06-19")
    names = {a.id: a.name.lower() for a in doc.actors}
    assert any(
        e.type == "COERCE" and names.get(e.source) == "soldiers" and names.get(e.target) == "activists"
        for e in doc.events
    )


def test_a_participle_with_its_own_object_is_a_misread_finite_verb(nlp):
    text = (
        "BAGHDAD (Reuters) - Iraqi security forces killed at least four anti-government protesters on Thursday "
        "as they sought to push them back to their main camp in central Baghdad, police and medics said."
    )
    killed = _token(nlp, text, "killed")
    assert killed.dep_ == "acl" and killed.tag_ == "VBN"  # the misreading this test is about
    assert not is_reduced_passive(killed)
