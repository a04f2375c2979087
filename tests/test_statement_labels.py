"""data/polnear_statements (scripts/compile_statement_labels.py) and how scripts/train_statements.py
aligns a labelled PolNeAR attribution with a statement of the quote stage. The labels carry no article
text: offsets and types only; the PolNeAR texts are read from ../shared when present."""

from __future__ import annotations

import json
import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[1]
LABELS = REPO / "data" / "polnear_statements" / "labels.jsonl"
POLNEAR = REPO.parent / "shared" / "data" / "polnear" / "train"
KEYS = {"id", "article", "type", "target", "target_is", "source_is_actor", "labeller", "queue_rank", "target_unfound"}


@pytest.fixture(scope="module")
def compiler(load_script):
    return load_script("compile_statement_labels")


def test_a_target_is_the_occurrence_nearest_the_cue(compiler):
    text = "Smith said Jones lied. Later Jones answered.\nIn May Smith accused Jones again."
    cue = text.index("accused")
    lo, hi = compiler.shown_window(text, cue - 9, cue + 20)
    assert text[lo:hi].strip().startswith("In May")  # the paragraph, not the one before
    start, end = compiler.locate(text, "jones", cue, lo, hi)
    assert text[start:end] == "Jones" and start > cue


def test_a_target_differing_only_in_apostrophe_style_is_found(compiler):
    text = "The senator criticised O\u2019Brien on Monday."
    start, end = compiler.locate(text, "O'Brien", text.index("criticised"), 0, len(text))
    assert text[start:end] == "O\u2019Brien"
    assert compiler.locate(text, "Murphy", 0, 0, len(text)) is None


def test_the_compiled_labels_hold_ids_types_and_offsets_only():
    rows = [json.loads(line) for line in LABELS.open(encoding="utf-8")]
    assert rows
    for r in rows:
        assert set(r) <= KEYS
        assert r["type"] in {
            "ACCUSE",
            "REJECT",
            "REQUEST",
            "THREATEN",
            "SUPPORT",
            "AGREE",
            "CONCEDE",
            "CONSULT",
            "OTHER",
            "NONE",
        }
        for span in (r["target"], r["target_is"]):
            assert span is None or (len(span) == 2 and all(isinstance(x, int) for x in span) and span[0] < span[1])


@pytest.mark.skipif(not (POLNEAR / "gold.jsonl").is_file(), reason="PolNeAR train not available in ../shared")
def test_every_label_is_a_polnear_train_attribution_and_its_target_lies_in_its_article():
    gold = {json.loads(line)["id"] for line in (POLNEAR / "gold.jsonl").open(encoding="utf-8")}
    for r in (json.loads(line) for line in LABELS.open(encoding="utf-8")):
        assert r["id"] in gold and r["id"].split("-")[0] == r["article"]
        if r["target"]:
            assert r["target"][1] <= len((POLNEAR / "articles" / (r["article"] + ".txt")).read_text(encoding="utf-8"))


def test_an_attribution_is_aligned_by_its_content_then_by_its_cue(load_script, monkeypatch):
    monkeypatch.setenv("DIURNA_STATEMENTS", "0")  # the trainer sets it on import: restored after the test
    trainer = load_script("train_statements")
    near = {"content": [100, 160], "cue": [90, 94]}
    other = {"content": [300, 340], "cue": [290, 294]}
    by_content = {"content": {"spans": [[105, 150]]}, "cue": {"spans": [[400, 404]]}}
    assert trainer.align([other, near], by_content) is near
    by_cue = {"content": {"spans": [[500, 600]]}, "cue": {"spans": [[291, 293]]}}
    assert trainer.align([near, other], by_cue) is other
    nowhere = {"content": {"spans": [[700, 800]]}, "cue": {"spans": [[690, 694]]}}
    assert trainer.align([near, other], nowhere) is None


def test_a_type_threshold_is_chosen_where_its_added_events_are_right_often_enough(load_script, monkeypatch):
    monkeypatch.setenv("DIURNA_STATEMENTS", "0")
    trainer = load_script("train_statements")

    def read(p_accuse, right, p_reject=0.0, rule="content-about"):
        s = {"right": {t: 0 for t in trainer.TYPES}, "per_type": {t: {"rule": rule} for t in trainer.TYPES}}
        s["right"]["ACCUSE"] = right
        return (s, {}, {"ACCUSE": p_accuse, "REJECT": p_reject})

    # over 0.6 three of three right, 0.5-0.6 one of three, under 0.5 none
    readings = [read(0.9, 1), read(0.8, 1), read(0.65, 1), read(0.55, 0), read(0.52, 0), read(0.51, 1)]
    readings += [read(0.3, 0)] * 5 + [read(0.1, 0, p_reject=0.9)] * 3
    chosen, per_rule, gain = trainer.select_thresholds(readings, 0.7)
    assert chosen["ACCUSE"] == 0.6 and abs(gain - 3 * 0.3) < 1e-9 and per_rule == {}
    assert chosen["REJECT"] == 1.01  # its three readings are all wrong: never added


def test_a_target_rule_gets_its_own_threshold_where_enough_of_its_events_are_right(load_script, monkeypatch):
    monkeypatch.setenv("DIURNA_STATEMENTS", "0")
    trainer = load_script("train_statements")

    def read(p, right, rule):
        s = {"right": {t: 0 for t in trainer.TYPES}, "per_type": {t: {"rule": rule} for t in trainer.TYPES}}
        s["right"]["ACCUSE"] = right
        return (s, {}, {"ACCUSE": p})

    # the cue's object: nine of ten right from 0.4; the content's actors: right one time in three
    cue = [read(0.45, 1, "cue-object")] * 9 + [read(0.42, 0, "cue-object")]
    about = [read(0.45, k % 3 == 0, "content-about") for k in range(12)]
    chosen, per_rule, _ = trainer.select_thresholds(cue + about, 0.7)
    assert per_rule == {"ACCUSE": {"cue-object": 0.4}} and chosen["ACCUSE"] == 1.01


@pytest.mark.parametrize(
    "line,why",
    [('{"id": "0001-E1", "type": "NONE"', "not a JSON label"), ('{"id": "9999-E1", "type": "NONE"}', "no attribution")],
)
def test_a_broken_label_line_is_refused_with_its_file_and_line(compiler, tmp_path, line, why):
    polnear = tmp_path / "polnear"
    (polnear / "articles").mkdir(parents=True)
    (polnear / "articles" / "0001.txt").write_text("Smith said Jones lied.", encoding="utf-8")
    span = {"start": 0, "end": 5, "spans": [[0, 5]]}
    attribution = {"id": "0001-E1", "article": "0001", "source": span, "cue": span, "content": span}
    (polnear / "gold.jsonl").write_text(json.dumps(attribution) + "\n", encoding="utf-8")
    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "p.jsonl").write_text('{"id": "0001-E1", "type": "NONE"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"p\.jsonl:2: .*" + why):
        compiler.compile_labels(labels, polnear)
