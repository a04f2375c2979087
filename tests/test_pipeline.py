"""The pipeline object itself: warm-up (what Ray workers call at start-up), publication dates, and
strings repaired for every caller."""
import datetime as dt

from diurna.document import ArticleDoc
from diurna.ingest.base import IngestError, RawArticle
from diurna.pipeline import Pipeline

ARTICLE = ("ANKARA - Turkish President Recep Tayyip Erdogan on Tuesday accused Israel of war crimes in Gaza, "
           "and his foreign minister said Ankara would recall its ambassador.")


def test_warm_up_forgets_its_own_timings_and_leaves_later_coding_unchanged(pipeline):
    cold = pipeline.code_text(ARTICLE, "2024-05-07").to_record()
    warmed = Pipeline(stages=pipeline.stages)
    warmed.warm_up()
    assert set(warmed.timings.values()) == {0.0}
    after = warmed.code_text(ARTICLE, "2024-05-07").to_record()
    assert after.model_dump() == cold.model_dump()
    assert after.events, "the article reports an accusation"


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
        [doc] = _coded(pipeline, RawArticle(origin="a.jsonl@line 1", text=ARTICLE, date=date),
                       default_pubdate="2024-05-07")
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
    raws = [RawArticle(origin="w.jsonl@line %d" % i, text=ARTICLE + (" POISON" if i == 2 else " Report %d." % i))
            for i in range(1, 4)]
    items = list(Pipeline(stages=pipeline.stages, default_pubdate="2024-05-07", batch_size=8)(raws))
    assert [type(i).__name__ for i in items] == ["ArticleDoc", "IngestError", "ArticleDoc"]
    assert items[1].position == "line 2" and "the parser failed" in items[1].message
