"""The CIA World Factbook reader (factbook.py) on entries as the Factbook writes them, and the KB's
coverage of heads of state and government that it brings."""

from __future__ import annotations

import pytest

from diurna.actors.factbook import (
    holder_name,
    principal_clause,
    read_factbook,
    terms_from_sightings,
    took_office,
)
from diurna.actors.offices import HEAD_OF_GOVERNMENT, HEAD_OF_STATE
from diurna.actors.wikidata import RawTerm, merge_terms


@pytest.mark.parametrize(
    "text, clause",
    [
        (
            "King CHARLES III (since 8 September 2022); represented by Governor General Rodney WILLIAMS (since 2014)",
            "King CHARLES III (since 8 September 2022)",
        ),
        (
            "President Emmanuel MACRON (since 14 May 2017), represented by High Commissioner Eric SPITZ",
            "President Emmanuel MACRON (since 14 May 2017)",
        ),
        (
            "King WACHIRALONGKON; also spelled Vajiralongkorn (since 1 December 2016)",
            "King WACHIRALONGKON (since 1 December 2016)",
        ),
        ("Premier Dr. Ellis WEBSTER (since 30 June 2020)&nbsp;", "Premier Dr. Ellis WEBSTER (since 30 June 2020)"),
        (
            "President AZALI Assoumani (since 26 May 2016); note - the president is both",
            "President AZALI Assoumani (since 26 May 2016)",
        ),
    ],
)
def test_principal_clause(text, clause):
    assert principal_clause(text) == clause


@pytest.mark.parametrize(
    "clause, date",
    [
        ("Prime Minister Keir STARMER (Labor) (since 5 July 2024)", ("2024-07-05", "d")),
        (
            "Prime Minister ABIY Ahmed Ali (since April 2018, began a new five-year term on 4 October 2021)",
            ("2018-04-01", "d"),
        ),
        ("Chairman of the Presidency Zeljko KOMSIC (chairman since 16 July 2023", ("2023-07-16", "d")),
        ("President of the Swiss Confederation Ignazio CASSIS (since1 January 2022)", ("2022-01-01", "d")),
        ("Prime Minister Hamed BAKAYOKO (since 30 July2020)", ("2020-07-30", "d")),
        ("President Denis SASSOU-Nguesso (since 1997)", ("1997-01-01", "y")),
        ("President Masoud PEZESHKIAN (assumed office on 30 July 2024)", ("2024-07-30", "d")),
        ("President Adama BARROW", (None, "d")),
    ],
)
def test_took_office(clause, date):
    assert took_office(clause) == date


@pytest.mark.parametrize(
    "clause, full, short",
    [
        ("Prime Minister Keir STARMER (Labor) (since 5 July 2024)", "Keir Starmer", "Keir Starmer"),
        ("President Nayib Armando BUKELE Ortez (since 1 June 2019)", "Nayib Armando Bukele Ortez", "Nayib Bukele"),
        ("President Luis Alberto LACALLE POU (since 1 March 2020)", "Luis Alberto Lacalle Pou", "Luis Lacalle Pou"),
        ("President YOON Suk Yeol (since 10 May 2022)", "Yoon Suk Yeol", "Yoon Suk Yeol"),
        ("President XI Jinping (since 14 March 2013)", "Xi Jinping", "Xi Jinping"),
        ("King CHARLES III (since 8 September 2022)", "Charles III", "Charles III"),
        (
            "Sultan and Prime Minister HAITHAM bin Tariq Al Said (since 11 January 2020)",
            "Haitham bin Tariq Al Said",
            "Haitham bin Tariq Al Said",
        ),
        ("Transition President Capt. Ibrahim TRAORE (since 6 October 2022)", "Ibrahim Traore", "Ibrahim Traore"),
        (
            "President of the CNSP Brig. Gen. Abdourahamane TIANI (since 28 July 2023)",
            "Abdourahamane Tiani",
            "Abdourahamane Tiani",
        ),
        (
            "President of the Government (Prime Minister-equivalent) Pedro SANCHEZ PEREZ-CASTEJON (since 2 June 2018)",
            "Pedro Sanchez Perez-Castejon",
            "Pedro Sanchez Perez-Castejon",
        ),
        ("Queen of Australia ELIZABETH II (since 6 February 1952)", "Elizabeth II", "Elizabeth II"),
        (
            "Chairman of the Cabinet of Ministers Adylbek KASYMALIYEV (since 18 December 2024)",
            "Adylbek Kasymaliyev",
            "Adylbek Kasymaliyev",
        ),
        ("President Alberto Ángel FERNÁNDEZ (since 10 December 2019)", "Alberto Ángel Fernández", "Alberto Fernández"),
        ("Prime Minister (vacant)", "", ""),
    ],
)
def test_holder_name(clause, full, short):
    assert holder_name(clause)[:2] == (full, short)


def _snapshot(folder, day, rows):
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["file,country,field,text"] + ['%s,x,%s,"%s"' % (f, field, text) for f, field, text in rows]
    (folder / ("%s-c0ffee.csv" % day)).write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_read_factbook_snapshots(tmp_path):
    folder = tmp_path / "factbook"
    _snapshot(
        folder,
        "2022-11-30",
        [
            ("europe/uk.json", "chief of state", "King CHARLES III (since 8 September 2022)"),
            (
                "europe/uk.json",
                "head of government",
                "Prime Minister Rishi SUNAK (Conservative) (since 25 October 2022)",
            ),
            ("africa/zi.json", "head of government", "President Emmerson Dambudzo MNANGAGWA (since 24 November 2017)"),
            ("africa/ga.json", "head of government", "Vice President Mohammed JALLOW (since 23 February 2024)"),
            ("north-america/gl.json", "chief of state", "King FREDERIK X of Denmark (since 14 January 2024)"),
        ],
    )
    _snapshot(
        folder,
        "2024-07-31",
        [("europe/uk.json", "head of government", "Prime Minister Keir STARMER (Labor) (since 5 July 2024)")],
    )
    sunak_wd = RawTerm("GBR", HEAD_OF_GOVERNMENT, "Q7389", "Rishi Sunak", "2022-10-25", None, "dd", "PM", "wd")
    terms, president_governs = read_factbook(tmp_path, {}, [sunak_wd])
    by_name = {(t.qid, t.office): t for t in terms}
    # a holder the Wikidata lists know keeps their id; the Factbook's next holder ends the term
    sunak = by_name[("Q7389", HEAD_OF_GOVERNMENT)]
    assert (sunak.start, sunak.end, sunak.end_inferred) == ("2022-10-25", "2024-07-05", True)
    starmer = by_name[("fb:GBR:keir_starmer", HEAD_OF_GOVERNMENT)]
    assert (starmer.name, starmer.start, starmer.end, starmer.seen) == (
        "Keir Starmer",
        "2024-07-05",
        None,
        "2024-07-31",
    )
    assert by_name[("fb:GBR:charles_iii", HEAD_OF_STATE)].start == "2022-09-08"
    # no term for a territory (Greenland) nor for a deputy named as head of government (The Gambia)
    assert {t.country for t in terms} == {"GBR"}
    # Zimbabwe's head of government is its president
    assert president_governs == {"ZWE": "2022-11-30"}


def _seen(qid, start, seen):
    return RawTerm("SLV", HEAD_OF_STATE, qid, qid, start, None, "dd", "President", "factbook", seen=seen, sighted=seen)


def test_a_holder_back_after_an_acting_one_starts_when_seen_again():
    sightings = [
        _seen("bukele", "2019-06-01", "2023-11-30"),
        _seen("rodriguez", "2023-12-01", "2023-12-30"),
        _seen("rodriguez", "2023-12-01", "2024-05-30"),
        _seen("bukele", "2019-06-01", "2024-06-27"),
        _seen("bukele", "2019-06-01", "2025-01-30"),
    ]
    runs = [(t.qid, t.start, t.end) for t in terms_from_sightings(sightings)]
    assert runs == [
        ("bukele", "2019-06-01", "2023-12-01"),
        ("rodriguez", "2023-12-01", "2024-06-27"),
        ("bukele", "2024-06-27", None),
    ]


def test_a_later_sighting_keeps_a_term_open_that_a_year_list_closed():
    """The 2026 Wikidata list gives Bulgaria's president 2017-2022 (his second term is missing);
    the Factbook showed him in office until 2025: the year-precise end does not close the term."""
    cabinet = RawTerm(
        "BGR", HEAD_OF_STATE, "Q1", "Rumen Radev", "2017-01-22", None, "dd", "President", "wd", seen="2022-08-01"
    )
    factbook = RawTerm(
        "BGR",
        HEAD_OF_STATE,
        "Q1",
        "",
        "2017-01-22",
        None,
        "dd",
        "President",
        "fb",
        seen="2025-11-30",
        sighted="2025-11-30",
    )
    year_list = RawTerm(
        "BGR",
        HEAD_OF_STATE,
        "Q1",
        "Rumen Radev",
        "2017-01-01",
        "2023-01-01",
        "yy",
        "President",
        "wl",
        seen="2026-01-01",
    )
    (term,) = merge_terms([cabinet, factbook, year_list])
    assert term.end is None and term.sighted == "2025-11-30"
    (term,) = merge_terms([cabinet, year_list])
    assert term.end == "2023-01-01"  # without a later sighting the list's end stands


def test_an_open_sighting_does_not_outlast_a_dated_end():
    factbook = RawTerm(
        "KOR",
        HEAD_OF_GOVERNMENT,
        "Q2",
        "",
        "2015-06-18",
        None,
        "dd",
        "PM",
        "fb",
        seen="2017-03-29",
        sighted="2017-03-29",
    )
    cabinet = RawTerm("KOR", HEAD_OF_GOVERNMENT, "Q2", "Hwang Kyo-ahn", "2015-06-18", "2017-05-11", "dd", "PM", "wd")
    (term,) = merge_terms([factbook, cabinet])
    assert term.end == "2017-05-11"


def test_shipped_kb_covers_the_heads_of_un_members():
    """The issue's goal (>= 0.95 on 2025-01-01) on the committed KB, and the heads of 2022-2024
    that no Wikidata list had (docs/evaluation.md, issue #21)."""
    from diurna.actors import default_kb
    from diurna.actors.roles import UN_MEMBERS, both_heads

    kb = default_kb()
    assert len(both_heads(kb.offices, "2025-01-01")) / len(UN_MEMBERS) >= 0.95
    assert len(both_heads(kb.offices, "2015-01-01")) / len(UN_MEMBERS) >= 0.90
    names = {t.name for t in kb.offices.holders("GBR", HEAD_OF_GOVERNMENT, "2023-06-01")}
    assert names == {"Rishi Sunak"}
    assert {t.name for t in kb.offices.holders("PER", HEAD_OF_STATE, "2024-03-01")} == {"Dina Boluarte"}


def test_a_person_keeps_every_spelling_the_lists_give():
    """Merged terms keep one name; the person goes by all (a surname only the longer form has)."""
    from diurna.actors.enrich import EnrichReport, add_office_holders
    from diurna.actors.kb import KnowledgeBase

    kb = KnowledgeBase()
    term = RawTerm("HND", HEAD_OF_STATE, "Q5", "Juan Orlando Hernández", "2014-01-27", "2022-01-27", "dd", "P", "fb")
    spellings = {"Q5": ["Juan Orlando Hernández Alvarado", "Juan Orlando Hernández"]}
    add_office_holders(kb, [term], EnrichReport(), spellings)
    (actor,) = kb.lookup("Juan Orlando Hernandez Alvarado")
    assert kb.lookup("Juan Orlando Hernández") == [actor] and actor.name == "Juan Orlando Hernández"
