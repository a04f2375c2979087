"""The office rules (diurna/actors/offices.py): each rule's own example, and the exclusions."""

from __future__ import annotations

import pytest

from diurna.actors.offices import (
    CABINET_MEMBER,
    DEFENCE_MINISTER,
    FOREIGN_MINISTER,
    HEAD_OF_GOVERNMENT,
    HEAD_OF_STATE,
    classify,
    head_office,
    rule_for,
    rules,
)


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.name)
def test_each_rule_decides_its_example(rule):
    assert rule_for(rule.example) == rule.name
    assert classify(rule.example) == rule.office


@pytest.mark.parametrize(
    "label, office",
    [
        ("Prime Minister", HEAD_OF_GOVERNMENT),
        ("Taoiseach", HEAD_OF_GOVERNMENT),
        ("Chairman of the Cabinet of Ministers (Prime Minister)", HEAD_OF_GOVERNMENT),
        ("President", HEAD_OF_STATE),
        ("Chairman of the Presidency", HEAD_OF_STATE),
        ("Minister of Foreign Affairs", FOREIGN_MINISTER),
        ("Secretary of State for Foreign, Commonwealth and Development Affairs", FOREIGN_MINISTER),
        ("Minister for the Armed Forces", DEFENCE_MINISTER),
        ("Secretary of Defense", DEFENCE_MINISTER),
        ("Secretary of State for Scotland", CABINET_MEMBER),
        ("Minister of Agriculture, Food and Rural Affairs", CABINET_MEMBER),
        # not an office the KB keeps: presiding officers, deputies, regional heads, judges
        ("President of the National Assembly", None),
        ("President of the Senate", None),
        ("Deputy Prime Minister", None),
        ("Premier of the Western Cape", None),
        ("Supreme Court Justice", None),
        ("Chief of the Defence Staff", None),
    ],
)
def test_labels_from_cabinet_lists(label, office):
    assert classify(label) == office


def test_the_country_name_after_a_title_is_the_list_s_own():
    assert classify("Prime Minister of Montenegro", ["Montenegro"]) == HEAD_OF_GOVERNMENT
    # another entity's prime minister is not the country's head of government
    assert classify("Prime Minister of Republika Srpska", ["Bosnia and Herzegovina"]) is None


def test_a_rule_can_be_switched_off():
    assert classify("Secretary of State", disabled=["us_secretary_of_state"]) == CABINET_MEMBER


def test_head_office_of_a_listed_head():
    assert head_office("Prime Minister of Japan") == HEAD_OF_GOVERNMENT
    assert head_office("Federal Chancellor of Germany") == HEAD_OF_GOVERNMENT
    assert head_office("President of Senegal") == HEAD_OF_STATE
    assert head_office("Emir of the State of Qatar") == HEAD_OF_STATE
