"""Non-English articles are skipped with a reason; English news, even short, is coded."""
from __future__ import annotations

from diurna.ingest.base import IngestError, RawArticle
from diurna.nlp.language import detect, non_english
from diurna.pipeline import prepare
from diurna.records import Article

GERMAN = ("Die Bundesregierung hat am Dienstag neue Sanktionen gegen mehrere Unternehmen angekündigt, "
          "die nach Angaben des Wirtschaftsministeriums Waffenlieferungen unterstützt haben sollen.")
SPANISH = ("El Gobierno de Colombia y el grupo guerrillero firmaron el jueves un acuerdo de alto el fuego "
           "que entrará en vigor la próxima semana, según informó la cancillería en un comunicado.")
ENGLISH = ("The government of Colombia and the guerrilla group signed a ceasefire agreement on Thursday "
           "that will take effect next week, the foreign ministry said in a statement.")


def test_german_and_spanish_news_are_recognised():
    assert non_english(GERMAN).code == "de"
    assert non_english(SPANISH).code == "es"


def test_english_news_is_english():
    assert non_english(ENGLISH) is None
    assert detect(ENGLISH).code == "en"


def test_a_short_english_headline_is_not_skipped():
    assert non_english("Kenya and Ethiopia sign border deal") is None


def test_prepare_skips_a_foreign_article_naming_the_language_and_the_record():
    result = prepare(RawArticle(origin="wire.jsonl@line 4", text=GERMAN), "2024-01-09")
    assert isinstance(result, IngestError)
    assert result.kind == "skipped" and result.path == "wire.jsonl" and result.position == "line 4"
    assert "'de'" in result.message
    assert isinstance(prepare(RawArticle(origin="wire.jsonl@line 5", text=ENGLISH), "2024-01-09"), Article)
