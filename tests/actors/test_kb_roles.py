"""Dated offices (roles.py), the Wikidata term merging (wikidata.py) and the built KB's roles.

The last tests read the shipped KB: their expected values come from its own office terms (any
term the data dates to the day must be what `role_on` and `holders` answer on that day), plus the
two cases issue #21 names (Sall, president of Senegal in 2024-02; Yoon, of South Korea 2022-05 to
2025-04), which the data must agree with.
"""

from __future__ import annotations

import random

import pytest

from diurna.actors.offices import CABINET_MEMBER, FOREIGN_MINISTER, HEAD_OF_GOVERNMENT, HEAD_OF_STATE
from diurna.actors.roles import UN_MEMBERS, OfficeTerm, RoleTable, both_heads, coverage
from diurna.actors.wikidata import NEWEST, RawTerm, merge_terms


def _term(qid, office, start, end, precision="dd", country="FRD", seen="2022-07-01", name=""):
    return RawTerm(country, office, qid, name or qid, start, end, precision, "label", "test", seen=seen)


def test_un_members_are_the_193():
    assert len(UN_MEMBERS) == 193 and "SSD" in UN_MEMBERS and "PSE" not in UN_MEMBERS


def test_year_precise_boundaries_are_not_certain():
    term = OfficeTerm("FRD", HEAD_OF_STATE, "x", "X", "2012-04-02", "2025-01-01", "dy")
    assert term.holds_on("2024-02-15") and not term.certain_on("2024-02-15")
    assert term.certain_on("2023-06-01")
    assert not term.holds_on("2025-01-01")


def test_a_term_is_certain_only_until_a_source_last_showed_it():
    term = OfficeTerm("FRD", HEAD_OF_STATE, "x", "X", "2019-01-01", None, "dd", seen="2022-07-01")
    assert term.certain_on("2022-06-30") and not term.certain_on("2023-01-01") and term.holds_on("2023-01-01")


def test_presidential_system_head_of_state_governs():
    table = RoleTable([OfficeTerm("KEN", HEAD_OF_STATE, "p", "P", "2013-04-09", None)])
    assert [t.kb_id for t in table.holders("KEN", HEAD_OF_GOVERNMENT, "2020-01-01")] == ["p"]
    table.add(OfficeTerm("KEN", HEAD_OF_GOVERNMENT, "pm", "PM", "2008-04-17", "2013-04-09"))
    assert table.holders("KEN", HEAD_OF_GOVERNMENT, "2020-01-01") == []  # a PM office existed...
    table.hog_abolished["KEN"] = "2013-04-09"  # ...until it was abolished
    assert [t.kb_id for t in table.holders("KEN", HEAD_OF_GOVERNMENT, "2020-01-01")] == ["p"]


def test_coverage_counts_members_with_a_holder():
    table = RoleTable(
        [
            OfficeTerm("SEN", HEAD_OF_STATE, "a", "A", "2012-04-02", None),
            OfficeTerm("SEN", HEAD_OF_GOVERNMENT, "b", "B", "2022-01-01", None, "yy"),
            OfficeTerm("FRA", HEAD_OF_STATE, "c", "C", "2017-05-14", None),
        ]
    )
    rows = coverage(table, "2022-06-01", members=["SEN", "FRA", "USA"])
    assert rows[HEAD_OF_STATE].known == ["FRA", "SEN"] and rows[HEAD_OF_STATE].missing == ["USA"]
    # France has no head-of-government term in this table: its president counts (presidential rule);
    # Senegal's starts in 2022 by year only, so it is not certain on a day of 2022
    assert rows[HEAD_OF_GOVERNMENT].known == ["FRA", "SEN"] and rows[HEAD_OF_GOVERNMENT].certain == ["FRA"]
    assert both_heads(table, "2022-06-01", members=["SEN", "FRA", "USA"]) == ["FRA", "SEN"]


def test_one_stint_listed_per_cabinet_keeps_its_latest_end():
    merged = merge_terms(
        [
            _term("Q1", HEAD_OF_GOVERNMENT, "2010-10-14", "2012-11-05"),
            _term("Q1", HEAD_OF_GOVERNMENT, "2010-10-14", None),
            _term("Q1", HEAD_OF_GOVERNMENT, "2010-10-14", "2017-10-26"),
        ]
    )
    assert [(t.start, t.end) for t in merged] == [("2010-10-14", None)]


def test_a_year_precise_successor_closes_an_open_term_at_the_end_of_its_year():
    merged = merge_terms(
        [
            _term("Q1", HEAD_OF_STATE, "2012-04-02", None),
            _term("Q2", HEAD_OF_STATE, "2024-01-01", None, "yy", seen=NEWEST),
        ]
    )
    first = next(t for t in merged if t.qid == "Q1")
    assert (first.end, first.precision, first.end_inferred) == ("2025-01-01", "dy", True)


def test_a_day_precise_successor_closes_on_its_first_day():
    merged = merge_terms(
        [_term("Q1", HEAD_OF_STATE, "2017-05-10", None), _term("Q2", HEAD_OF_STATE, "2022-05-10", None)]
    )
    assert next(t for t in merged if t.qid == "Q1").end == "2022-05-10"


def test_a_head_the_newest_list_no_longer_shows_ends_in_the_year_last_seen():
    merged = merge_terms(
        [
            _term("Q1", HEAD_OF_GOVERNMENT, "2022-01-01", None, "yy", seen="2022-10-10"),
            _term("Q9", HEAD_OF_GOVERNMENT, "2021-01-01", None, "yy", seen=NEWEST, country="OTH"),
            _term("Q8", HEAD_OF_GOVERNMENT, "2020-01-01", "2023-01-01", "yy", seen=NEWEST),
        ]
    )
    assert next(t for t in merged if t.qid == "Q1").end == "2023-01-01"


def test_a_post_ends_when_its_holder_becomes_head_or_stops_being_head():
    merged = merge_terms(
        [
            _term("Q1", FOREIGN_MINISTER, "2021-09-15", None),
            _term("Q1", HEAD_OF_GOVERNMENT, "2022-09-06", "2022-10-25"),
            _term("Q2", HEAD_OF_GOVERNMENT, "2019-07-24", "2022-09-06"),
            _term("Q2", CABINET_MEMBER, "2019-07-26", None),
        ]
    )
    ends = {(t.qid, t.office): (t.end, t.end_inferred) for t in merged}
    assert ends[("Q1", FOREIGN_MINISTER)] == ("2022-09-06", True)
    assert ends[("Q2", CABINET_MEMBER)] == ("2022-09-06", True)


def test_cabinet_members_are_not_closed_by_each_other():
    merged = merge_terms(
        [_term("Q1", CABINET_MEMBER, "2019-01-01", None), _term("Q2", CABINET_MEMBER, "2020-01-01", None)]
    )
    assert all(t.end is None for t in merged)


# ---- the shipped KB -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kb():
    from diurna.actors.kb import default_kb

    return default_kb()


def test_every_dataset_has_a_licence(kb):
    datasets = {s["dataset"]: s["licence"] for s in kb.sources}
    assert {"phoenix", "everypolitician", "world-leaders", "ucdp", "partyfacts"} <= set(datasets)
    assert all(licence for licence in datasets.values())


def test_day_dated_terms_are_what_the_kb_answers(kb):
    """For a sample of the data's own day-precise terms, on their first day and on the day before
    their end: the holder's CAMEO code is the country's GOV and `holders` names them."""
    terms = [
        t
        for t in kb.offices.terms
        if t.precision == "dd"
        and t.start
        and t.start >= "2015-01-01"
        and t.office in (HEAD_OF_STATE, HEAD_OF_GOVERNMENT)
    ]
    assert len(terms) > 200
    for term in random.Random(21).sample(terms, 40):
        actor = kb.actors[term.kb_id]
        if kb.offices.terms_of(term.kb_id)[0].country != term.country:
            continue  # a co-prince or a realm's monarch: coded as their own country
        assert actor.role_on(term.start).code.startswith(term.country), term
        assert term.kb_id in [t.kb_id for t in kb.offices.holders(term.country, term.office, term.start)], term


def test_issue_examples_sall_and_yoon(kb):
    from diurna.actors.kb import roles_on

    (sall,) = kb.lookup("Macky Sall")
    assert sall.role_on("2024-02-15").code == "SENGOV"
    assert ("SEN", HEAD_OF_STATE) in {(t.country, t.office) for t in roles_on(sall.id, "2024-02-15")}
    (yoon,) = kb.lookup("Yoon Suk Yeol")
    before = yoon.role_on("2022-05-01")  # before his inauguration on 2022-05-10: not yet president
    assert before is None or before.code != "KORGOV"
    for day in ("2022-05-10", "2023-06-01", "2025-03-01"):
        assert yoon.role_on(day).code == "KORGOV"
        assert yoon.id in [t.kb_id for t in kb.offices.holders("KOR", HEAD_OF_STATE, day)]


def test_armed_groups_and_parties(kb):
    (m23,) = kb.lookup("M23")
    assert m23.role_on("2024-01-01").code == "CODREB"
    (dream,) = kb.lookup("Georgian Dream")
    assert dream.role_on("2024-01-01").code == "GEOPTY"


def test_cli_coverage(capsys):
    import json

    from diurna.cli import main

    assert main(["actors", "--coverage", "2025-01-01", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["un_members"] == 193
    for office in (HEAD_OF_STATE, HEAD_OF_GOVERNMENT):
        row = out["offices"][office]
        assert row["known"] + len(row["missing"]) == 193 and row["certain"] <= row["known"]
    assert main(["actors", "holders", "SEN", "--date", "2024-02-15"]) == 0
    assert "Macky Sall" in capsys.readouterr().out


def test_overlay_can_add_an_office(tmp_path):
    from diurna.actors.kb import KnowledgeBase
    from diurna.actors.overlay import OverlayError, apply_overlay, read_overlay

    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors: [{id: new_pm, name: Ann Example, kind: person, roles: [{code: FRAGOV, from: 2024-01-02, office: hog}]}]",
        encoding="utf-8",
    )
    kb = KnowledgeBase()
    apply_overlay(kb, read_overlay(path))
    assert [t.kb_id for t in kb.offices.holders("FRA", HEAD_OF_GOVERNMENT, "2024-06-01")] == ["new_pm"]
    path.write_text("actors: [{id: x, name: X, roles: [{code: FRDGOV, office: chief}]}]", encoding="utf-8")
    with pytest.raises(OverlayError, match="office must be one of"):
        read_overlay(path)


def test_a_bare_surname_is_the_sitting_office_holder_not_a_former_one():
    from diurna.actors import default_kb

    kb = default_kb()
    holders = [a for a in kb.actors.values() if a.kind == "person" and a.name.lower().endswith(" orban")]
    assert len(holders) >= 2  # Viktor Orban (Hungary) and Ludovic Orban (Romania): the case is real
    assert kb.by_surname("Orban", "2024-07-02").name == "Viktor Orban"


def test_the_dictionaries_open_roles_end_with_the_dated_term():
    """close_roles_the_offices_end: an open dictionary role of the office's country, begun before the
    person's last dated term ended, ends with it; one begun after, or of a person still in office,
    stays open."""
    from diurna.actors.kb import KBActor, KnowledgeBase, close_roles_the_offices_end
    from diurna.actors.phoenix import Role

    kb = KnowledgeBase()
    kb.add(
        KBActor(
            "ousted",
            "A Ousted",
            "person",
            ("a ousted",),
            (Role("FRDGOV", "1987-10-15", "2014-10-31"), Role("FRDGOV", "1987-10-15"), Role("FRDELI")),
        )
    )
    kb.add(
        KBActor(
            "later",
            "B Later",
            "person",
            ("b later",),
            (Role("FRDGOV", "2001-01-01", "2005-01-01"), Role("FRDGOV", "2010-01-01")),
        )
    )
    kb.add(KBActor("sitting", "C Sitting", "person", ("c sitting",), (Role("FRDGOV", "2019-01-01"),)))
    kb.offices.add(OfficeTerm("FRD", HEAD_OF_STATE, "ousted", "A Ousted", "1987-10-15", "2014-10-31"))
    kb.offices.add(OfficeTerm("FRD", FOREIGN_MINISTER, "later", "B Later", "2001-01-01", "2005-01-01"))
    kb.offices.add(OfficeTerm("FRD", HEAD_OF_STATE, "sitting", "C Sitting", "2019-01-01", None))
    assert close_roles_the_offices_end(kb) == 1
    assert kb.actors["ousted"].role_on("2015-06-01").code == "FRDELI"
    assert kb.actors["ousted"].role_on("2014-10-30").code == "FRDGOV"
    assert kb.actors["later"].role_on("2012-01-01").code == "FRDGOV"  # another office the data lacks
    assert kb.actors["sitting"].role_on("2024-01-01").code == "FRDGOV"


@pytest.mark.parametrize(
    "name, day, code",
    [
        # leaders of the 2005-2015 stories, on a day in office and a day after (issue #21, ninth session)
        ("Blaise Compaore", "2014-10-30", "BFAGOV"),
        ("Blaise Compaore", "2015-06-01", "BFAELI"),
        ("Abdoulaye Wade", "2012-01-31", "SENGOV"),
        ("Abdoulaye Wade", "2013-01-31", "SENELI"),
        ("Laurent Gbagbo", "2011-03-01", "CIVGOV"),
        ("Laurent Gbagbo", "2012-03-01", "CIVELI"),
        ("Mohamed Morsi", "2013-01-04", "EGYGOV"),
        ("Mohamed Morsi", "2013-08-04", "EGYELI"),
        ("Viktor Yanukovych", "2013-12-01", "UKRGOV"),
        ("Viktor Yanukovych", "2014-03-24", "UKRELI"),
        # his term's end is inferred from his successor's start (the Factbook last showed him in
        # office in 2017-03), which is known to the day: roles-end-with-dated-offices ends the role there
        ("Robert Mugabe", "2019-01-01", "ZWEELI"),
        ("Jens Stoltenberg", "2012-01-01", "NORGOV"),
        ("Jens Stoltenberg", "2023-02-03", "IGOWSTNAT"),
        ("Imran Khan", "2014-08-31", "PAKOPP"),
        ("Imran Khan", "2020-01-01", "PAKGOV"),
        ("Abdrabbuh Mansur Hadi", "2019-09-15", "YEMGOV"),
        ("Qasem Soleimani", "2020-01-03", "IRNMIL"),
    ],
)
def test_roles_by_date_of_older_stories(kb, name, day, code):
    actors = [a for a in kb.lookup(name) if a.kind == "person"]
    assert len(actors) == 1 and actors[0].role_on(day).code == code


def test_an_end_only_inferred_from_a_successor_leaves_the_role_open():
    """roles-end-with-dated-offices: an end no source dates (the term was last seen open, its end
    guessed from the next holder known to the year) ends no dictionary role; a successor's start
    known to the day does."""
    from diurna.actors.kb import KBActor, KnowledgeBase, close_roles_the_offices_end
    from diurna.actors.phoenix import Role

    kb = KnowledgeBase()
    kb.add(KBActor("guessed", "D Guessed", "person", ("d guessed",), (Role("FRDGOV", "1999-03-01"),)))
    kb.add(KBActor("dated", "E Dated", "person", ("e dated",), (Role("FRDGOV", "1999-03-01"),)))
    kb.offices.add(
        OfficeTerm(
            "FRD", HEAD_OF_STATE, "guessed", "D Guessed", "1999-03-01", "2008-06-01", precision="dy", seen="2007-01-01"
        )
    )
    kb.add(KBActor("sworn", "F Sworn", "person", ("f sworn",), (Role("FRDGOV", "1999-03-01"),)))
    kb.offices.add(OfficeTerm("FRD", HEAD_OF_STATE, "sworn", "F Sworn", "1999-03-01", "2008-06-01", seen="2007-01-01"))
    kb.offices.add(OfficeTerm("FRD", HEAD_OF_GOVERNMENT, "dated", "E Dated", "1999-03-01", "2008-06-01"))
    assert close_roles_the_offices_end(kb) == 2
    assert kb.actors["guessed"].role_on("2012-01-01").code == "FRDGOV"
    for ended in ("dated", "sworn"):
        role = kb.actors[ended].role_on("2012-01-01")
        assert role is None or role.code != "FRDGOV"


def test_the_dated_offices_rule_can_be_switched_off(monkeypatch):
    """The load-time pass is a named rule: off, the built file's roles are read as stored."""
    from diurna.actors.kb import KB_RULES, ROLES_END_WITH_DATED_OFFICES, KnowledgeBase

    assert ROLES_END_WITH_DATED_OFFICES in KB_RULES.rules
    calls = []
    monkeypatch.setattr("diurna.actors.kb.close_roles_the_offices_end", lambda kb: calls.append(kb) or 0)
    KnowledgeBase.load(overlays=[])
    with KB_RULES.switched_off(ROLES_END_WITH_DATED_OFFICES):
        KnowledgeBase.load(overlays=[])
    assert len(calls) == 1
