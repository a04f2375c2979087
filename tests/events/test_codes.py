"""CAMEO -> PLOVER table, Goldstein values and quad classes (diurna/events/codes.py)."""

from __future__ import annotations

import pytest

from diurna.events import codes
from diurna.records import PLOVER_TYPES


@pytest.fixture(scope="module")
def build_script(load_script):
    return load_script("build_event_dictionaries")


@pytest.mark.parametrize(
    "cameo,plover,mode",
    [
        ("041", "CONSULT", "phone"),
        ("042", "CONSULT", "visit"),
        ("051", "SUPPORT", None),
        ("0841", "RETREAT", "release"),
        ("111", "ACCUSE", "disapprove"),
        ("1246", "REJECT", "yield"),
        ("173", "COERCE", "arrest"),
        ("186", "ASSAULT", "targeted"),  # 'assassinate' is not a v2 mode
        ("163", "SANCTION", "discontinue"),  # v2 manual: sanctions are SANCTION
        ("020", "REQUEST", None),
        ("026", "REQUEST", "meet"),  # CAMEO appeals are requests in v2
    ],
)
def test_cameo_maps_to_plover_v2(cameo, plover, mode):
    assert codes.plover_type(cameo) == plover
    assert codes.mode_for(plover, cameo) == mode


def test_statements_are_dropped():
    assert codes.plover_type("010") is None
    assert codes.plover_type("013") is None


def test_every_mapped_mode_is_a_v2_mode_of_its_type(build_script):
    for row in codes.table().values():
        if row.mode is not None:
            assert row.mode in build_script.V2_MODES[row.plover], row


def test_build_script_reproduces_the_committed_files(build_script, shared_dir, tmp_path):
    build_script.main(["--shared", str(shared_dir), "--out", str(tmp_path)])
    for name in ("cameo_plover.tsv", "cameo_verbs.json.gz"):
        assert (tmp_path / name).read_bytes() == (codes.DATA / name).read_bytes(), name


def test_unknown_four_digit_code_falls_back_to_parent():
    assert codes.lookup("1419") == codes.lookup("141")


def test_goldstein_and_quad():
    assert codes.goldstein("190") == -10.0
    assert codes.goldstein("040") == 1.0
    assert {codes.quad_class(t) for t in PLOVER_TYPES} == {1, 2, 3, 4}
    assert codes.quad_class("CONCEDE") == 1 and codes.quad_class("SANCTION") == 4


def test_every_type_has_a_default_code_of_that_type():
    for plover in PLOVER_TYPES:
        assert codes.plover_type(codes.DEFAULT_CAMEO[plover]) == plover, plover
        assert codes.cameo_for(plover, "010") == codes.DEFAULT_CAMEO[plover]
