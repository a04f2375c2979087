"""The toponym gold sets of tests/places/toponyms/ (issue 22's acceptance measure): every row has the
columns and values the README documents, offsets point at the surface in the article's text, and the
scorer (scripts/eval_toponyms.py) counts what the README says it counts."""

from __future__ import annotations

import collections
import json
import re
from types import SimpleNamespace

import pytest

GOLD_FILES = ("polnear_train_gold.tsv", "realtext_gold.tsv", "opennews_gold.tsv")


@pytest.fixture(scope="module")
def ev(load_script):
    return load_script("eval_toponyms")


def _rows(ev, name):
    return ev.read_gold(ev.GOLD_DIR / name)


@pytest.mark.parametrize("name", GOLD_FILES)
def test_every_row_has_the_documented_columns_and_values(ev, name):
    with open(ev.GOLD_DIR / name, encoding="utf-8") as f:
        assert tuple(f.readline().rstrip("\n").split("\t")) == ev.COLUMNS
    rows = _rows(ev, name)
    assert rows
    spans = collections.defaultdict(list)
    for row in rows:
        where = "%s %s:%s %r" % (name, row["article"], row["start"], row["surface"])
        assert None not in row and all(row[c] is not None for c in ev.COLUMNS), where
        start, end = int(row["start"]), int(row["end"])
        assert 0 <= start < end and end - start == len(row["surface"]), where
        assert row["surface"] == row["surface"].strip(), where
        assert row["level"] in ev.LEVELS, where
        assert bool(row["lat"]) == bool(row["lon"]), where
        if row["lat"]:
            assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, where
        if row["level"] == "none":
            assert not (row["country"] or row["geonameid"] or row["lat"]), where
        else:
            assert re.fullmatch(r"[A-Z]{3}", row["country"]), where
            assert re.fullmatch(r"(\d+(\|\d+)*)?", row["geonameid"]), where
        if row["level"] == "country":
            assert row["geonameid"], where
        spans[row["article"]].append((start, end))
    for article, found in spans.items():
        found.sort()
        overlapping = [(a, b) for a, b in zip(found, found[1:]) if b[0] < a[1]]
        assert not overlapping, (name, article, overlapping)


@pytest.mark.parametrize(
    "name, gold_set_name, id_prefix",
    [("realtext_gold.tsv", "realtext", None), ("opennews_gold.tsv", "opennews", "on-")],
)
def test_a_real_text_gold_is_big_enough_and_split_as_its_event_set(ev, load_script, name, gold_set_name, id_prefix):
    rows = _rows(ev, name)
    gold_set = ev.GoldSet(gold_set_name, rows, texts={})
    toponyms = [r for r in rows if r["level"] != "none"]
    assert len(toponyms) >= 300  # issue 22's acceptance asks for at least 300 toponyms in context
    splits = collections.Counter(gold_set.split(r["article"]) for r in toponyms)
    assert set(splits) == {"tune", "frozen"} and min(splits.values()) >= 100, splits
    split_of = load_script("eval_realtext").split_of
    assert all(gold_set.split(r["article"]) == split_of(r["article"]) for r in rows)
    if id_prefix is not None:  # the repository's own set
        assert all(r["article"].startswith(id_prefix) for r in rows)


def test_every_opennews_surface_is_its_text_span(ev):
    # The texts are in the repository (eval/opennews), so this never skips on a clone of it.
    gold_set = ev.load_opennews(ev.REPO / "eval" / "opennews")
    assert len(gold_set.texts) == len({r["article"] for r in gold_set.rows}) >= 100
    assert ev.surface_problems(gold_set) == []


def test_the_opennews_gold_is_what_its_committed_decisions_compile_to(load_script):
    # The annotator's name -> place decisions and the script that turns them into rows are committed:
    # the gold file must be exactly their output, so a hand edit of either cannot drift silently.
    compiler = load_script("compile_toponym_gold")
    gold_dir = compiler.REPO / "tests" / "places" / "toponyms"
    decisions = compiler.parse(gold_dir / "opennews_decisions.txt")
    rows = []
    for article, decided in decisions.items():
        manifest = json.loads((compiler.DATA / "manifest" / ("%s.json" % article)).read_text(encoding="utf-8"))
        text = (compiler.DATA / manifest["file"]).read_text(encoding="utf-8")
        rows += ["\t".join(map(str, row)) for row in compiler.compile_article(article, decided, text)]
    lines = (gold_dir / "opennews_gold.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[1:] == rows


def test_a_hyphen_compound_or_an_organisation_name_gives_no_toponym(load_script):
    compiler = load_script("compile_toponym_gold")
    text = "Iran-backed rebels met the Kenya Airways board in Iran; Thailand-Iran talks went on."
    decided = {"map": {"Iran": "130758", "Kenya": "192950"}, "skip_phr": ["Kenya Airways"]}
    surfaces = [(row[1], row[3]) for row in compiler.compile_article("x", decided, text)]
    assert surfaces == [(50, "Iran"), (65, "Iran")]


def test_one_split_keeps_only_its_articles_texts(ev):
    split_of = ev.eval_realtext.split_of
    tune = next(a for a in ("on-a-01", "on-a-02", "on-a-04") if split_of(a) == "tune")
    frozen = next(a for a in ("on-a-03", "on-a-08", "on-a-09") if split_of(a) == "frozen")
    rows = [dict(zip(ev.COLUMNS, (a, "0", "4", "Mali", "2453866", "", "", "MLI", "country"))) for a in (tune, frozen)]
    gold_set = ev.GoldSet("opennews", rows, texts={tune: "Mali", frozen: "Mali"})
    kept = ev.only_split(gold_set, "tune")
    assert [r["article"] for r in kept.rows] == [tune] and set(kept.texts) == {tune}
    assert set(ev.only_split(gold_set, "frozen").texts) == {frozen}
    assert len(ev.only_split(gold_set, "all").rows) == 2
    assert ev.in_split("dev", "tune") and not ev.in_split("frozen", "tune")


def test_one_half_keeps_only_its_tune_articles(ev):
    half_of = ev.eval_realtext.half_of
    names = ("on-a-01", "on-a-02", "on-a-04", "on-a-05", "on-a-06", "on-a-07")
    a = next(n for n in names if half_of(n) == "A")
    b = next(n for n in names if half_of(n) == "B")
    rows = [dict(zip(ev.COLUMNS, (n, "0", "4", "Mali", "2453866", "", "", "MLI", "country"))) for n in (a, b)]
    gold_set = ev.GoldSet("opennews", rows, texts={a: "Mali", b: "Mali"})
    kept = ev.only_half(gold_set, "A")
    assert [r["article"] for r in kept.rows] == [a] and set(kept.texts) == {a}
    assert set(ev.only_half(gold_set, "B").texts) == {b}


def test_every_polnear_surface_is_its_text_span(ev, shared_dir):
    assert ev.surface_problems(ev.load_polnear(shared_dir)) == []


def test_a_shifted_offset_or_a_missing_text_is_reported(ev):
    row = dict(zip(ev.COLUMNS, ("a1", "4", "10", "Bamako", "2460596", "12.6", "-7.98", "MLI", "place")))
    shifted = dict(row, start="5", end="11")
    other = dict(row, article="a2")
    gold_set = ev.GoldSet("realtext", [row, shifted, other], texts={"a1": "In: Bamako, Mali"})
    problems = ev.surface_problems(gold_set)
    assert len(problems) == 2
    assert "a1:5" in problems[0] and "a2" in problems[1]


def _place(geonameid, country, lat=None, lon=None, feature="city"):
    return SimpleNamespace(name="x", geonameid=geonameid, country=country, lat=lat, lon=lon, feature=feature)


def test_scoring_counts_exact_country_unresolved_and_false_geocodes(ev):
    def row(start, geonameid, lat, lon, country, level):
        return dict(zip(ev.COLUMNS, ("rt-x", str(start), str(start + 1), "X", geonameid, lat, lon, country, level)))

    rows = [
        row(0, "2460596", "12.6091", "-7.9752", "MLI", "place"),  # right id
        row(2, "", "12.6091", "-7.9752", "MLI", "place"),  # no id, a point 11 km away: exact
        row(4, "2460596", "12.6091", "-7.9752", "MLI", "place"),  # a town abroad
        row(6, "", "", "", "SOM", "place"),  # country only: not scored for exact
        row(8, "51537", "", "", "SOM", "country"),  # unresolved
        row(10, "", "", "", "", "none"),  # "Western" given a region: a false geocode
    ]
    predictions = {
        "rt-x": [
            (0, 1, _place(2460596, "MLI", 12.6, -7.97)),
            (2, 3, _place(1, "MLI", 12.65, -8.07)),
            (4, 5, _place(2, "USA", 40.0, -75.0)),
            (6, 7, _place(3, "SOM", 2.0, 45.0)),
            (10, 11, _place(4, "UGA", 1.0, 32.0, feature="region")),
        ]
    }
    gold_set = ev.GoldSet("realtext", rows, texts={})
    tally, errors = collections.defaultdict(collections.Counter), []
    ev.score(gold_set, predictions, tally, errors)
    total = ev.summed(tally)
    assert (total["toponyms"], total["locatable"]) == (5, 4)
    assert (total["exact"], total["country"], total["unresolved"]) == (2, 3, 1)
    assert (total["negatives"], total["false_geocodes"]) == (1, 1)
    assert len(errors) == 3  # the town abroad, the unresolved country, the false geocode
    split = ev.eval_realtext.split_of("rt-x")
    assert ev.summed(tally, split=split, level="place")["toponyms"] == 4
    lines = ev.report(tally, ["realtext"], {"realtext": ("tune", "frozen")})
    total_row = next(line for line in lines if line.startswith("realtext all"))
    assert "2/4" in total_row and "3/5" in total_row and "1/5" in total_row
    not_country = next(line for line in lines[lines.index(total_row) :] if "not country" in line)
    assert "2/3" in not_country and "3/4" in not_country and "0/4" in not_country
