"""The pipeline object itself: warm-up (what Ray workers call at start-up), the per-article time
budget, publication dates, and strings repaired for every caller."""

import datetime as dt

from diurna.document import ArticleDoc
from diurna.ingest.base import IngestError, RawArticle
from diurna.pipeline import Pipeline

ARTICLE = (
    "ANKARA - Turkish President Recep Tayyip Erdogan on Tuesday accused Israel of war crimes in Gaza, "
    "and his foreign minister said Ankara would recall its ambassador."
)


def test_warm_up_forgets_its_own_timings_and_leaves_later_coding_unchanged(pipeline):
    cold = pipeline.code_text(ARTICLE, "2024-05-07").to_record()
    warmed = Pipeline(stages=pipeline.stages)
    warmed.warm_up()
    assert set(warmed.timings.values()) == {0.0}
    after = warmed.code_text(ARTICLE, "2024-05-07").to_record()
    assert after.model_dump() == cold.model_dump()
    assert after.events, "the article reports an accusation"


# A written article with many quotations and speakers, for the time-budget tests (unit tests of the
# budget's mechanics, not of coding accuracy).
_SPEAKERS = ["Mayor John Smith", "Governor Maria Lopez", "Senator Paul Okafor", "Minister Anna Berg"]
LONG_ARTICLE = "\n\n".join(
    '"We will rebuild the bridge over the %s river before the spring floods arrive," %s said on Monday. '
    "The city council voted to borrow the money after a long debate." % (river, _SPEAKERS[k % len(_SPEAKERS)])
    for k, river in enumerate("Elm Oak Ash Pine Birch Cedar Maple Alder Willow Poplar Larch Spruce".split())
)


class TickingClock:
    """A fake clock that moves one second each time it is read once `ticking` is set."""

    def __init__(self, ticking: bool = True):
        self.now, self.ticking = 0.0, ticking

    def __call__(self) -> float:
        now = self.now
        self.now += 1.0 if self.ticking else 0.0
        return now


class StartTicking:
    """A stage that starts the clock, so that the budget runs out in the stage after it."""

    name = "tick"

    def __init__(self, clock: TickingClock):
        self.clock = clock

    def __call__(self, doc) -> None:
        self.clock.ticking = True


def _valid(doc):
    from diurna.records import ArticleDocument

    record = doc.to_record()
    return ArticleDocument.model_validate_json(record.model_dump_json())


def test_a_tiny_budget_stops_before_any_stage_and_says_so(pipeline):
    tiny = Pipeline(stages=pipeline.stages, time_budget=1e-9)
    doc = tiny.code_text(LONG_ARTICLE, "2024-05-07")
    assert [w for w in doc.warnings if "time budget" in w] == [
        "time budget of 1e-09 s exceeded (DIURNA_TIME_BUDGET); stages not run: "
        + ", ".join(s.name for s in pipeline.stages)
    ]
    record = _valid(doc)
    assert record.article.text == LONG_ARTICLE and not record.actors and not record.quotes and not record.events


def test_a_budget_spent_inside_the_actor_stage_keeps_the_actors_of_the_sentences_read(pipeline):
    full = pipeline.code_text(LONG_ARTICLE, "2024-05-07")
    clock = TickingClock()
    # the clock is read when the budget starts (0 s), before the actor stage (1 s), then before each
    # sentence: 2 s and 3 s for the two sentences of the first paragraph, and 4 s is over the budget
    cut = Pipeline(stages=pipeline.stages, time_budget=3, clock=clock).code_text(LONG_ARTICLE, "2024-05-07")
    assert pipeline.stages[0].name == "actors"
    not_run = "stages not run: " + ", ".join(s.name for s in pipeline.stages[1:])
    assert any("stage 'actors' stopped early" in w and not_run in w for w in cut.warnings), cut.warnings
    record = _valid(cut)
    assert record.actors and not record.quotes
    assert 0 < len(cut.mentions) < len(full.mentions)
    second_paragraph = LONG_ARTICLE.index("\n\n")
    assert all(m.start < second_paragraph for m in cut.mentions)  # the first sentences only


def test_a_budget_spent_inside_the_quote_stage_keeps_whole_quotes_with_their_speakers(pipeline):
    from diurna.quotes import QuoteStage

    full = pipeline.code_text(LONG_ARTICLE, "2024-05-07")
    clock = TickingClock(ticking=False)
    actors = next(s for s in pipeline.stages if s.name == "actors")
    stages = [actors, StartTicking(clock), QuoteStage()]
    cut = Pipeline(stages=stages, time_budget=6, clock=clock).code_text(LONG_ARTICLE, "2024-05-07")
    assert any("stage 'quotes' stopped early" in w for w in cut.warnings), cut.warnings
    record = _valid(cut)
    assert 0 < len(record.quotes) < len(full.quotes)
    by_content = {(q.content.start, q.content.end): q for q in full.quotes}
    for quote in record.quotes:
        assert quote.speaker is not None
        assert by_content[(quote.content.start, quote.content.end)].speaker == quote.speaker


def test_no_budget_and_a_generous_one_give_the_same_records(pipeline):
    unlimited = Pipeline(stages=pipeline.stages, time_budget=0).code_text(LONG_ARTICLE, "2024-05-07")
    generous = Pipeline(stages=pipeline.stages, time_budget=600).code_text(LONG_ARTICLE, "2024-05-07")
    assert unlimited.to_record().model_dump() == generous.to_record().model_dump()
    assert not [w for w in unlimited.warnings + generous.warnings if "time budget" in w]


def test_the_budget_is_read_from_the_environment(monkeypatch):
    from diurna.pipeline import DEFAULT_TIME_BUDGET, time_budget_from_env

    monkeypatch.delenv("DIURNA_TIME_BUDGET", raising=False)
    assert time_budget_from_env() == DEFAULT_TIME_BUDGET
    monkeypatch.setenv("DIURNA_TIME_BUDGET", "2.5")
    assert time_budget_from_env() == 2.5
    monkeypatch.setenv("DIURNA_TIME_BUDGET", "soon")
    try:
        time_budget_from_env()
    except ValueError as exc:
        assert "DIURNA_TIME_BUDGET" in str(exc)
    else:
        raise AssertionError("a budget that is not a number must be refused")


# ---------------------------------------------------------------- publication dates (issue 23)


def _coded(pipeline, raw, **options):
    return list(Pipeline(stages=pipeline.stages, **options)([raw]))


def test_an_undated_article_is_dated_today_and_says_so(pipeline):
    [doc] = _coded(pipeline, RawArticle(origin="a.txt", text=ARTICLE))
    assert doc.article.published == dt.date.today().isoformat() and doc.article.pubdate_assumed
    assert any("no publication date in the article" in w for w in doc.warnings)
    assert doc.to_record().model_dump()["article"]["pubdate_assumed"] is True


def test_a_given_default_is_flagged_but_not_warned_about(pipeline):
    [doc] = _coded(pipeline, RawArticle(origin="a.txt", text=ARTICLE), default_pubdate="2024-05-07")
    assert doc.article.published == "2024-05-07" and doc.article.pubdate_assumed and not doc.warnings
    [own] = _coded(pipeline, RawArticle(origin="a.txt", text=ARTICLE, date="2024-05-06"), default_pubdate="2024-05-07")
    assert own.article.published == "2024-05-06" and not own.article.pubdate_assumed


def test_require_pubdate_refuses_undated_articles_with_an_error(pipeline):
    [error] = _coded(pipeline, RawArticle(origin="wire.jsonl@line 3", text=ARTICLE), require_pubdate=True)
    assert isinstance(error, IngestError) and error.kind == "error" and error.position == "line 3"
    assert "no publication date" in error.message
    [dated] = _coded(pipeline, RawArticle(origin="a.txt", text=ARTICLE, date="2024-05-06"), require_pubdate=True)
    assert isinstance(dated, ArticleDoc)


def test_dates_at_the_ends_of_the_calendar_no_longer_drop_the_article(pipeline):
    for date in ("0001-01-01", "9999-12-31"):
        [doc] = _coded(
            pipeline, RawArticle(origin="a.jsonl@line 1", text=ARTICLE, date=date), default_pubdate="2024-05-07"
        )
        assert isinstance(doc, ArticleDoc) and doc.article.published == "2024-05-07" and doc.events


def test_a_lone_surrogate_from_any_caller_is_repaired_with_a_warning(pipeline):
    items = _coded(pipeline, RawArticle(origin="<text>", text=ARTICLE, title="\ud800"), default_pubdate="2024-05-07")
    warning, doc = items
    assert warning.kind == "warning" and "surrogates" in warning.message
    assert doc.article.title == "\ufffd"


def test_an_article_the_parser_fails_on_is_an_error_and_its_batch_is_still_coded(pipeline, monkeypatch):
    from diurna import nlp

    real_parse = nlp.parse

    def fragile_parse(texts, batch_size=16):
        for text in texts:
            if "POISON" in text:
                raise ValueError("the parser cannot take this text")
        return real_parse(texts, batch_size)

    monkeypatch.setattr(nlp, "parse", fragile_parse)
    raws = [
        RawArticle(origin="w.jsonl@line %d" % i, text=ARTICLE + (" POISON" if i == 2 else " Report %d." % i))
        for i in range(1, 4)
    ]
    items = list(Pipeline(stages=pipeline.stages, default_pubdate="2024-05-07", batch_size=8)(raws))
    assert [type(i).__name__ for i in items] == ["ArticleDoc", "IngestError", "ArticleDoc"]
    assert items[1].position == "line 2" and "the parser failed" in items[1].message


def test_the_default_stages_meet_each_others_contracts():
    from diurna.pipeline import check_contracts, default_stages

    check_contracts(default_stages())  # raises if a stage reads what no earlier stage writes


def test_a_stage_above_the_one_it_depends_on_is_refused():
    import pytest

    from diurna.pipeline import check_contracts, default_stages

    stages = default_stages()
    events = stages.pop()
    with pytest.raises(ValueError, match="'events' requires .*quotes"):
        check_contracts([events] + stages)


def test_a_stage_naming_an_unknown_field_is_refused():
    import pytest

    from diurna.pipeline import check_contracts

    class Odd:
        name, requires, assigns = "odd", ("spacy_doc",), ("sentiment",)

        def __call__(self, doc):
            pass

    with pytest.raises(ValueError, match="sentiment"):
        check_contracts([Odd()])
