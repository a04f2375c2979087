"""The Phoenix reader, CAMEO codes, the KB's dated roles and the YAML overlay."""

from __future__ import annotations

import pytest

from diurna.actors.codes import join_code, split_code
from diurna.actors.kb import KBActor, KnowledgeBase, name_key
from diurna.actors.overlay import OverlayError, apply_overlay, read_overlay
from diurna.actors.phoenix import Role, parse_date, parse_role, read_actor_file, read_agent_file

ACTORS = """\
# a dictionary written for this test
FREEDONIA_  [FRD]
+FREEDONIAN
+FREEDONIANS

RUFUS_T._FIREFLY_  # CountryInfo.txt
+PRESIDENT_FIREFLY
+FIREFLY
\t[FRDELI 600101-330101]
\t[FRDGOV 330101-<!-- not a comment on purpose -->
\t[FRDGOV 19330101-19351231]
\t[FRDELI]
NO_ROLE_HERE_
SYLVANIAN_LIBERATION_FRONT [SYLREB] [IMGREB >20100101]
LAST_ENTRY_ [FRDMED]"""

AGENTS = """\
!PERSON! = MAN, WOMAN
SPOKES!PERSON! [~GOV]
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
ARMY [~MIL]
"""


def test_dates_follow_petrarch_century_pivot():
    assert parse_date("300101") == "2030-01-01"  # 00-30 is 20YY, as the dictionaries write it
    assert parse_date("310101") == "1931-01-01"
    assert parse_date("20130804") == "2013-08-04"
    assert parse_date("2004017") is None


def test_role_date_forms():
    assert parse_role("USAGOV", ">090120") == Role("USAGOV", "2009-01-20", None)
    assert parse_role("USAGOV", "<090120") == Role("USAGOV", None, "2009-01-20")
    role = parse_role("USAGOV", "090120-170120")
    assert role.holds_on("2009-01-20") and role.holds_on("2017-01-19") and not role.holds_on("2017-01-20")
    assert parse_role("X", "12-34") is None


def test_actor_file_entries_synonyms_and_roles(tmp_path):
    path = tmp_path / "Phoenix.Countries.actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    entries = read_actor_file(path)
    by_name = {e.phrases[0]: e for e in entries}
    assert by_name["FREEDONIA_"].phrases == ["FREEDONIA_", "FREEDONIAN", "FREEDONIANS"]
    firefly = by_name["RUFUS_T._FIREFLY_"]
    assert firefly.person_hint and "FIREFLY" in firefly.phrases
    assert [r.code for r in firefly.roles] == ["FRDELI", "FRDGOV", "FRDELI"]  # the unreadable role is skipped
    assert "NO_ROLE_HERE_" not in by_name
    assert [r.code for r in by_name["SYLVANIAN_LIBERATION_FRONT"].roles] == ["SYLREB", "IMGREB"]
    assert "LAST_ENTRY_" in by_name  # PETRARCH drops a file's last entry; we do not


def test_agent_file_substitutions_and_plurals(tmp_path):
    path = tmp_path / "agents.txt"
    path.write_text(AGENTS, encoding="utf-8")
    agents = {a.phrase: a for a in read_agent_file(path)}
    assert agents["spokesman"].code == "~GOV" and agents["spokeswoman"].plural == "spokeswomen"
    assert agents["police"].plural is None
    assert agents["attorney general"].plural == "attorneys general"
    assert agents["army"].plural == "armies"


@pytest.mark.parametrize(
    "code, expected",
    [
        ("IRNGOV", ("IRN", "GOV", "IRNGOV")),
        ("PALREBHMS", ("PSE", "REB", "PSEREBHMS")),  # Palestine is PSE in the output
        ("IGOUNO", (None, "IGO", "IGOUNO")),
        ("MNCUSA", (None, "BUS", "MNCUSA")),
        ("IMGMUSISI", (None, "REB", "IMGMUSISI")),  # an international militarized group: armed, no country
        ("MEAREB", (None, "REB", "MEAREB")),  # a region, not a country
        ("TMPGOV", ("TLS", "GOV", "TLSGOV")),
        ("USA", ("USA", None, "USA")),
    ],
)
def test_split_code(code, expected):
    assert split_code(code) == expected


def test_join_code():
    assert join_code("IRN", "CVL") == "IRNCVL"
    assert join_code(None, "MUS") == "MUS"
    assert join_code(None, None) is None


def test_name_key_agrees_with_spacy_token_spacing():
    assert name_key("Al - Qassam  Brigades") == name_key("AL-QASSAM_BRIGADES") == "al-qassam brigades"
    assert name_key("Israel\u2019s") == "israel's"


def test_first_matching_role_wins():
    actor = KBActor("x", "X", "person", ("x",), (Role("FRDGOV", "2000-01-01", "2005-01-01"), Role("FRDELI")))
    assert actor.role_on("2001-06-01").code == "FRDGOV"
    assert actor.role_on("2006-06-01").code == "FRDELI"


def _small_kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    kb.add(
        KBActor(
            "rufus_firefly",
            "Rufus Firefly",
            "person",
            ("rufus firefly", "firefly", "chicolini"),
            (Role("FRDGOV", "1933-01-01", None),),
        )
    )
    return kb


def test_overlay_corrects_roles_adds_names_and_actors(tmp_path):
    path = tmp_path / "overlay.yaml"
    path.write_text(
        """
actors:
  - id: rufus_firefly
    remove_names: [Chicolini]
    names: [President Firefly]
    roles:
      - {code: FRDGOV, from: 1933-01-01, until: 1936-01-01}
      - FRDELI
  - id: chicolini
    name: Chicolini
    kind: person
    roles: [SYLSPY]
agents:
  - {phrase: grand vizier, code: GOV}
""",
        encoding="utf-8",
    )
    kb = _small_kb()
    apply_overlay(kb, read_overlay(path))
    assert kb.role_on("rufus_firefly", "1940-01-01").code == "FRDELI"
    assert [a.id for a in kb.lookup("President Firefly")] == ["rufus_firefly"]
    assert [a.id for a in kb.lookup("Chicolini")] == ["chicolini"]
    assert kb.agent("grand viziers").code == "~GOV"


@pytest.mark.parametrize(
    "text, message",
    [
        ("actors: [{name: Nobody}]", "needs an `id`"),
        ("actors: [{id: new_one, name: New}]", "needs `roles`"),
        ("actors: [{id: rufus_firefly, roles: [{code: X, from: '2001-13-01'}]}]", "not a YYYY-MM-DD date"),
        ("actors: [{id: rufus_firefly, colour: red}]", "unknown field"),
        ("people: []", "mapping with `actors`"),
    ],
)
def test_bad_overlays_name_the_problem(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OverlayError, match=message):
        apply_overlay(_small_kb(), read_overlay(path))


def test_shipped_kb_loads_with_user_overlay(tmp_path, monkeypatch):
    user = tmp_path / "mine.yaml"
    user.write_text("actors: [{id: hassan_rouhani, roles: [IRNREL]}]", encoding="utf-8")
    monkeypatch.setenv("DIURNA_ACTORS_OVERLAY", str(user))
    kb = KnowledgeBase.load()
    assert kb.role_on("hassan_rouhani", "2017-12-11").code == "IRNREL"  # the user's overlay wins
    assert str(user) in kb.overlays


def test_shipped_kb_dated_roles():
    from diurna.actors import role_on

    assert role_on("hassan_rouhani", "2017-12-11").code == "IRNGOV"
    assert role_on("hassan_rouhani", "2022-01-01").code == "IRNELI"
    assert role_on("donald_trump", "2016-05-01").code == "USAPTY"


def test_shipped_overlay_nationality_adjectives_gangs_and_un_chief(code):
    from diurna.actors import role_on

    assert role_on("antonio_guterres", "2024-01-01").code == "IGOUNO"  # UN Secretary-General since 2017
    assert role_on("antonio_guterres", "2000-01-01").code == "PRTGOV"
    assert role_on("marco_rubio", "2025-06-01").code == "USAGOV"
    assert role_on("marco_rubio", "2020-06-01").code == "USALEG"
    doc = code(
        "The Swedish government condemned the attack. Kazakh police detained two men on Monday. "
        "Turkmen officials declined to comment. Armed bandits killed ten villagers, and gangs blocked the road.",
        "2024-01-01",
    )
    codes = {a.name: a.code for a in doc.actors}
    assert codes["Swedish government"] == "SWEGOV"
    assert codes["Kazakh police"] == "KAZCOP"
    assert codes["Turkmen officials"] == "TKMGOV"
    # the agents file: ~CRM (the country, none in a story of three states, is rule learned-country's)
    sectors = {a.name: a.sector for a in doc.actors}
    assert (sectors["Armed bandits"], sectors["gangs"]) == ("UAF", "UAF")


def test_shipped_overlay_states_current_names(resolve_actors):
    from diurna.actors import default_kb

    kb = default_kb()
    for name, kb_id in [("Timor-Leste", "timor_leste"), ("Guinea-Bissau", "guinea_bissau"), ("Türkiye", "turkey")]:
        assert [a.id for a in kb.lookup(name)] == [kb_id]
    assert [a.id for a in kb.lookup("Eswatini")] == ["swaziland"]  # renamed in 2018
    assert kb.lookup("Timor") == []  # an island of two states, not Indonesia
    doc = resolve_actors("Timor-Leste condemned the decision on Monday.", "2023-09-18")
    assert [a.code for a in doc.actors if a.kind == "country"] == ["TLS"]


def test_cli_lookup(capsys):
    from diurna.cli import main

    assert main(["actors", "lookup", "Rouhani", "--date", "2022-01-01"]) == 0
    out = capsys.readouterr().out
    assert "IRNELI" in out and "hassan_rouhani" in out
    assert main(["actors", "lookup", "No Such Actor Anywhere"]) == 1


def test_an_agent_code_with_a_faith_first_has_the_role_after_it_as_sector():
    from diurna.actors.kb import KB_RULES, Agent

    militant = Agent("armed zealot", "~MUSUAF")
    assert militant.sector == "UAF"  # rule role-after-religion
    assert Agent("imam", "~MUS").sector == "MUS"  # a faith alone is all the code says
    assert Agent("catholic bishop", "~CHRCTH").sector == "CHR"  # a denomination is no role
    with KB_RULES.switched_off("role-after-religion"):
        assert militant.sector == "MUS"


def test_roles_that_their_institution_decides_are_learned_from_the_agent_compounds():
    kb = KnowledgeBase()
    for phrase, code in [
        ("spokesman", "~MED"),
        ("military", "~MIL"),
        ("government", "~GOV"),
        ("military spokesman", "~MIL"),
        ("government spokesman", "~MED"),  # the role's own sector once: no longer the institution's
        ("party", "~PTY"),
        ("leader", "~GOV"),
        ("party leader", "~PTY"),
        ("military leader", "~MIL"),
        ("muslim", "~MUS"),
        ("cleric", "~REL"),
        ("muslim cleric", "~MUS"),  # a faith is no institution: not counted
        ("police", "~COP"),
        ("police cleric", "~COP"),
    ]:
        kb.add_agent(phrase, code, False)
    assert kb.institution_roles == frozenset({"leader"})


def test_party_facts_groupings_marked_no_party_are_no_actors():
    from diurna.actors.kb import LazyActors, drop_no_party_entries

    kb = KnowledgeBase()
    kb.actors = LazyActors(
        [
            [
                "pf_1",
                "Freedonian Independents [no-party]",
                "organization",
                ["freedonian independents [no-party]", "independents"],
                [["FRDPTY", None, None]],
                [],
                "partyfacts:core",
            ],
            [
                "pf_2",
                "Freedonian Party",
                "organization",
                ["freedonian party"],
                [["FRDPTY", None, None]],
                [],
                "partyfacts:core",
            ],
        ]
    )
    kb.by_name = {
        "independents": ("pf_1",),
        "freedonian independents [no-party]": ("pf_1",),
        "freedonian party": ("pf_2",),
    }
    assert drop_no_party_entries(kb) == 1
    assert "pf_1" not in kb.actors and "independents" not in kb.by_name and kb.by_name["freedonian party"] == ("pf_2",)


def test_the_shipped_kb_reads_no_grouping_as_a_party():
    from diurna.actors import default_kb

    assert not default_kb().by_name.get("shi'ite")  # Party Facts' "Shi'ite Religious [no-party]"


def test_shipped_overlay_reads_faith_named_militants_as_the_bare_militant(resolve_actors):
    """The overlay's "militant" is REB (PLOVER's armed opposition); the agents file's compounds with a
    faith ("islamic militant", "jihadist") were unidentified gunmen, UAF."""
    doc = resolve_actors(
        "Somali troops said they had retaken the town from Islamic militants. Jihadists later shelled the "
        "base, and a jihadist was killed.",
        "2021-03-01",
    )
    sectors = {m.text: a.sector for a in doc.actors for m in a.mentions}
    assert sectors["Islamic militants"] == "REB"
    assert sectors["Jihadists"] == "REB"
    assert sectors["jihadist"] == "REB"
