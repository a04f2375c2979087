"""CAMEO codes and their PLOVER v2 equivalents, Goldstein values and quad classes.

The table is `data/cameo_plover.tsv`, built by `scripts/build_event_dictionaries.py` from the
CAMEO→PLOVER 2021 table and the Phoenix Goldstein values (see docs/events.md for the rows
diurna changes and why).
"""

from __future__ import annotations

import csv
import functools
import pathlib
from dataclasses import dataclass
from typing import Optional

DATA = pathlib.Path(__file__).resolve().parent / "data"

# Quad class per PLOVER type, as the v2 codebook states it under each category
# (CONCEDE is verbal cooperation there; the PLV pair data puts it with material cooperation).
QUAD_CLASS = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}

# The CAMEO code an event gets when only its PLOVER type is known (e.g. relabelled by the
# classifier): the CAMEO cue category's general code.
DEFAULT_CAMEO = {
    "AGREE": "030",
    "CONSULT": "040",
    "SUPPORT": "051",
    "CONCEDE": "080",
    "COOPERATE": "060",
    "AID": "070",
    "RETREAT": "084",
    "REQUEST": "100",
    "ACCUSE": "111",
    "REJECT": "120",
    "THREATEN": "130",
    "PROTEST": "140",
    "SANCTION": "160",
    "MOBILIZE": "150",
    "COERCE": "170",
    "ASSAULT": "190",
}


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    plover: Optional[str]  # None: PLOVER drops the code (statements, comments)
    mode: Optional[str]
    goldstein: Optional[float]


@functools.lru_cache(maxsize=1)
def table() -> dict[str, CameoCode]:
    with open(DATA / "cameo_plover.tsv", encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return {
            r["cameo"]: CameoCode(
                r["cameo"],
                r["label"],
                r["plover"] or None,
                r["mode"] or None,
                float(r["goldstein"]) if r["goldstein"] else None,
            )
            for r in rows
        }


def lookup(code: str | None) -> CameoCode | None:
    """The row for a CAMEO code; a 4-digit code unknown to the table falls back to its parent."""
    if not code:
        return None
    rows = table()
    return rows.get(code) or rows.get(code[:3])


def plover_type(code: str | None) -> str | None:
    row = lookup(code)
    return row.plover if row else None


def goldstein(code: str | None) -> float | None:
    row = lookup(code)
    return row.goldstein if row else None


def quad_class(plover: str) -> int:
    return QUAD_CLASS[plover]


def cameo_for(plover: str, code: str | None) -> str:
    """`code` when it codes the `plover` type, else the type's general CAMEO code."""
    return code if code and plover_type(code) == plover else DEFAULT_CAMEO[plover]


def mode_for(plover: str, code: str | None) -> str | None:
    row = lookup(code)
    return row.mode if row and row.plover == plover else None
