"""The readers of the KB's public datasets (wikidata.py, groups.py) on small files written here."""

from __future__ import annotations

import json

from diurna.actors.country_names import iso3_of
from diurna.actors.groups import GroupReport, drop_shared_names, read_partyfacts, read_ucdp, usable_name
from diurna.actors.offices import FOREIGN_MINISTER, HEAD_OF_GOVERNMENT, HEAD_OF_STATE
from diurna.actors.wikidata import abolished_heads_of_government, read_everypolitician, read_world_leaders


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_country_names_of_the_sources():
    assert iso3_of("theCzechRepublic") == "CZE"
    assert iso3_of("People's Republic of China") == "CHN"
    assert iso3_of("Russia (Soviet Union)") == "RUS"
    assert iso3_of("Kingdom of the Netherlands") == "NLD"
    assert iso3_of("Freedonia") is None


def test_cabinet_list_terms_and_an_abolished_office(tmp_path):
    folder = tmp_path / "kenya"
    _write(folder / "meta.json", json.dumps({"jurisdiction": {"name": "Kenya", "id": "Q114"}}))
    _write(
        folder / "holders21.csv",
        "position,person,personID,start,end\n"
        "President,Uhuru Kenyatta,Q196070,2013-04-09,2022-09-13\n"
        "Prime Minister,Raila Odinga,Q57662,2008-04-17,2013-04-09\n"
        "Cabinet Secretary for Foreign Affairs,Raychelle Omamo,Q7299077,2020-01,\n"
        "Speaker of the National Assembly,Justin Muturi,Q6317040,2013-03-28,2022-09-08\n"
        "Deputy President,William Ruto,Q195725,2013-04-09,2022-09-13\n",
    )
    _write(
        folder / "positions.csv",
        "id,position,country,jurisdiction,deputy,list,start,end,before,after,enwiki\n"
        "Q14784066,President of Kenya,Q114,Q114,,,,,,,\n"
        "Q2736951,Prime Minister of Kenya,Q114,Q114,,,1963-12-12,2013-04-09,,,\n",
    )
    terms = {t.qid: t for t in read_everypolitician(folder, seen="2022-08-03")}
    assert set(terms) == {"Q196070", "Q57662", "Q7299077"}  # no speaker, no deputy
    assert (terms["Q196070"].office, terms["Q196070"].country, terms["Q196070"].precision) == (
        HEAD_OF_STATE,
        "KEN",
        "dd",
    )
    assert terms["Q57662"].office == HEAD_OF_GOVERNMENT
    assert (terms["Q7299077"].office, terms["Q7299077"].start) == (FOREIGN_MINISTER, "2020-01-01")
    assert abolished_heads_of_government(folder) == ("KEN", "2013-04-09")


def test_world_list_rows(tmp_path):
    path = _write(
        tmp_path / "abc.csv",
        "countryid,country,position,positionLabel,officeholder,officeholderLabel,start_year,end_year\n"
        "Q884,South Korea,Q6296418,President of South Korea,Q21001,Moon Jae-in,2017,2022\n"
        "Q17,Japan,Q274948,Prime Minister of Japan,Q359480,Fumio Kishida,2021,\n"
        "Q766,Jamaica,Q1472951,Governor-General of Jamaica,Q109147,Patrick Allen,2009,\n"
        "Q756617,Kingdom of Denmark,Q18341329,monarch of Denmark,Q2667498,Horik II,854,\n"
        "Q142,France,Q191954,President of the French Republic,Q3052772,Q3052772,2017,\n",
    )
    terms = {t.qid: t for t in read_world_leaders(path, seen="2022-10-10")}
    assert set(terms) == {"Q21001", "Q359480", "Q3052772"}  # no governor-general, no 9th-century king
    assert (terms["Q21001"].start, terms["Q21001"].end, terms["Q21001"].precision) == ("2017-01-01", "2023-01-01", "yy")
    assert terms["Q359480"].office == HEAD_OF_GOVERNMENT and terms["Q359480"].end is None
    assert terms["Q3052772"].name == ""  # a label that is only the QID names nobody


def test_ucdp_groups_active_since_2015(tmp_path):
    folder = tmp_path / "ucdp"
    _write(
        folder / "ucdp-actor-221.csv",
        "ActorId,NameData,NameOrig,NameOrigFullEng,NewNameFullEng,Org,Location,Version\n"
        "1160,M23,M23,March 23 Movement,,1,DR Congo (Zaire),22.1\n"
        "999,Old Front,Old Front,n/a,,1,Angola,22.1\n"
        "141,Government of India,Government of India,n/a,,4,India,22.1\n",
    )
    _write(
        folder / "ucdp-prio-acd-221.csv",
        "conflict_id,side_a_id,side_b_id,year\n1,1,1160,2022\n2,1,999,1998\n3,141,5,2020\n",
    )
    groups = read_ucdp(folder, GroupReport())
    assert [(g.key, g.code, g.names) for g in groups] == [("ucdp_1160", "CODREB", ["M23", "March 23 Movement"])]


def test_main_parties_and_their_names(tmp_path):
    path = _write(
        tmp_path / "core.csv",
        "country,partyfacts_id,technical,name_short,name,name_english,name_other,year_first,year_last,share\n"
        "GEO,2988,,KODS,K'art'uli ots'neba,Georgian Dream – Democratic Georgia,,2012,,54.9\n"
        "GEO,2145,,BP,Bloki Progresi,Bloc Progress,,1995,1995,1.4\n"
        "FRD,1,,THE,Triumph Heritage Empowerment,Triumph Heritage Empowerment Party,,2001,,9.0\n",
    )
    report = GroupReport()
    parties = {p.key: p for p in read_partyfacts(path, report)}
    assert set(parties) == {"pf_2988", "pf_1"}  # a 1.4 % party of 1995 is not a main party
    assert "Georgian Dream" in parties["pf_2988"].names and parties["pf_2988"].code == "GEOPTY"
    kept = drop_shared_names(list(parties.values()), report)
    assert all("THE" not in p.names for p in kept)  # "The junta in Niger" must stay a junta


def test_usable_names():
    assert usable_name("Georgian Dream") and usable_name("Likud") and usable_name("PKK")
    assert not usable_name("THE") and not usable_name("Together") and not usable_name("IS")
