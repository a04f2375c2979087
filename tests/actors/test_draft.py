"""Coding a KB person the article calls out of office (diurna/actors/draft.py, rule
title-out-of-office; diurna/actors/mentions.py, rule former-office-title)."""

from __future__ import annotations

from diurna.actors.draft import TITLE_OUT_OF_OFFICE
from diurna.actors.mentions import FORMER_OFFICE_TITLE
from diurna.actors.rules import switched_off


def _actor(doc, word):
    return next(a for a in doc.actors if any(word in m.text.lower() for m in a.mentions))


def test_a_former_office_holder_is_coded_as_elite_whatever_the_kb_dates_say(code):
    # the KB's presidency of Atambayev runs to 2020-11; he left office in 2017
    text = "Former Kyrgyz President Almazbek Atambayev was arrested at his compound outside Bishkek."
    doc = code(text, "2019-08-08")
    assert _actor(doc, "atambayev").code == "KGZELI"
    with switched_off(TITLE_OUT_OF_OFFICE):
        assert _actor(code(text, "2019-08-08"), "atambayev").code == "KGZGOV"


def test_former_binds_to_its_own_title_only(code):
    # "former" of one title does not make another title past; "former activist" is not an office
    doc = code("A former general and President Prabowo Subianto spoke in Jakarta.", "2025-03-01")
    assert _actor(doc, "prabowo").code == "IDNGOV"
    text = "Former Ecuadorian vice president Jorge Glas was arrested in Quito."
    assert _actor(code(text, "2024-04-06"), "glas").code == "ECUELI"
    doc = code("Former activist Nizomiddin Nasriddinov was jailed.", "2024-01-01")
    assert not (_actor(doc, "nasriddinov").code or "").endswith("ELI")
    with switched_off(FORMER_OFFICE_TITLE):
        assert _actor(code(text, "2024-04-06"), "glas").code == "ECUGOV"


def test_an_opposition_leader_the_kb_lists_in_office_is_opposition(code):
    doc = code("Venezuelan opposition leader Juan Guaido left for Colombia.", "2023-04-25")
    assert _actor(doc, "guaido").code == "VENOPP"
    doc = code("President Nicolas Maduro spoke in Caracas.", "2023-04-25")
    assert _actor(doc, "maduro").code == "VENGOV"
