"""The actor package's coreference API for later stages (diurna/actors/speaking.py): who a speaking
pronoun stands for, given what the actor stage resolved."""

from __future__ import annotations

from diurna.actors.speaking import antecedent, gender_fits, speaking_pronoun


def _pronoun(doc, word, nth=0):
    return [t for t in doc.spacy_doc if t.lower_ == word][nth]


def test_an_unresolved_he_is_the_nearest_earlier_person_of_his_gender(code):
    doc = code("Kenyan President William Ruto met Finance Minister Grace Wanjiru on Tuesday. He said taxes would fall.")
    actor = doc.actor(antecedent(doc, _pronoun(doc, "he"), quoted=()))
    assert actor is not None and "Ruto" in actor.name


def test_she_skips_a_man_named_after_her(code):
    doc = code("Finance Minister Grace Wanjiru met President William Ruto on Tuesday. She said taxes would fall.")
    she = _pronoun(doc, "she")
    actor = doc.actor(antecedent(doc, she, quoted=()))
    assert actor is not None and "Wanjiru" in actor.name
    assert gender_fits(doc, actor.id, she)


def test_a_speaking_he_is_not_someone_named_only_inside_the_quotation(code):
    text = 'Senator Ted Cruz spoke after the debate. "I don\'t know if Donald realizes this," he said.'
    doc = code(text)
    he = _pronoun(doc, "he")
    quoted = [(q.content.start, q.content.end) for q in doc.quotes if q.kind == "direct"]
    donald = next((a for a in doc.actors if "Donald" in a.name), None)
    if donald is not None:  # the actor stage may have linked "he" to Donald, named in the quotation
        actor = doc.actor(speaking_pronoun(doc, he, donald.id, quoted))
        assert actor is not None and "Cruz" in actor.name
    speaker = next(q for q in doc.quotes if "Donald realizes" in q.content.text).speaker
    assert "Cruz" in doc.actor(speaker).name
