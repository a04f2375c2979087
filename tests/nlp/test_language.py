"""Non-English articles are skipped with a reason; English news, even short, is coded."""

from __future__ import annotations

from diurna.ingest.base import IngestError, RawArticle
from diurna.nlp.language import detect, non_english
from diurna.pipeline import prepare
from diurna.records import Article

GERMAN = (
    "Die Bundesregierung hat am Dienstag neue Sanktionen gegen mehrere Unternehmen angekündigt, "
    "die nach Angaben des Wirtschaftsministeriums Waffenlieferungen unterstützt haben sollen."
)
SPANISH = (
    "El Gobierno de Colombia y el grupo guerrillero firmaron el jueves un acuerdo de alto el fuego "
    "que entrará en vigor la próxima semana, según informó la cancillería en un comunicado."
)
ENGLISH = (
    "The government of Colombia and the guerrilla group signed a ceasefire agreement on Thursday "
    "that will take effect next week, the foreign ministry said in a statement."
)


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


# Scripts other than Latin: the language identifier needs spaces (MIN_WORDS) and confidence; the
# script decides on its own, whatever the length (issue 23).
NON_LATIN = {
    "Arabic": "قال الرئيس المصري يوم الاثنين إن مصر ستواصل دعم الشعب الفلسطيني وإن المفاوضات مستمرة في القاهرة",
    "Chinese (Han)": "中国外交部发言人周一表示，中国将继续支持巴勒斯坦人民的正义事业，并呼吁立即停火。",
    "Cyrillic": "Президент России в понедельник встретился с премьер-министром Индии в Москве.",
    "Devanagari": "भारत के प्रधानमंत्री ने सोमवार को नई दिल्ली में नेपाल के प्रधानमंत्री से मुलाकात की।",
    "Hebrew": "ראש הממשלה נפגש ביום שני עם נשיא צרפת בירושלים כדי לדון בהסכם החדש.",
    "Korean (Hangul)": "대통령은 월요일 서울에서 일본 총리와 만나 무역 문제를 논의했다고 밝혔다.",
}


def test_text_in_a_non_latin_script_is_not_english_and_says_which_script():
    for script, text in NON_LATIN.items():
        found = non_english(text)
        assert found is not None and found.script == script, (script, found)
        assert ("written in %s script" % script) in found.reason()


def test_english_with_foreign_names_in_their_own_script_is_english():
    text = ENGLISH + " The minister, Сергей Лавров (Sergei Lavrov), did not comment."
    assert non_english(text) is None


def test_prepare_skips_arabic_naming_the_script():
    result = prepare(RawArticle(origin="wire.jsonl@line 2", text=NON_LATIN["Arabic"]), "2024-01-09")
    assert isinstance(result, IngestError) and result.kind == "skipped"
    assert "written in Arabic script" in result.message
