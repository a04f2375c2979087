"""Given-name gender: the table behind linking "she" to Hillary Clinton and not to Donald Trump."""

from __future__ import annotations

from diurna.actors.gender import given_name_gender


def test_full_names_with_a_clear_given_name():
    assert given_name_gender(["Hillary", "Clinton"]) == "female"
    assert given_name_gender(["Donald", "J.", "Trump"]) == "male"
    assert given_name_gender(["Angela", "Merkel"]) == "female"  # added by hand
    assert given_name_gender(["Volodymyr", "Zelensky"]) == "male"  # added by hand


def test_no_gender_from_a_surname_alone_or_a_family_name_first():
    assert given_name_gender(["Kelly"]) is None  # a surname as often as a given name
    assert given_name_gender(["Kim", "Jong", "Un"]) is None
    assert given_name_gender(["Lee", "Hsien", "Loong"]) is None
    assert given_name_gender(["Andrea", "Orlando"]) is None  # a man's name in Italian
    assert given_name_gender(["Qwzx", "Smith"]) is None


def test_build_rules_share_and_family_names(load_script):
    build = load_script("build_given_names")
    male = {"JOHN": 3.0, "JORDAN": 0.05, "KIM": 0.028}
    female = {"MARY": 2.6, "JORDAN": 0.02, "KIM": 0.178}
    last = {"KIM": 0.045, "JORDAN": 0.078, "JOHNSON": 0.81}
    genders = build.decide(male, female, last)
    assert genders["john"] == "male" and genders["mary"] == "female"
    assert "jordan" not in genders  # 71 % male: below the share a pronoun link needs
    assert genders["kim"] == "female"  # a given name more often than a family name
