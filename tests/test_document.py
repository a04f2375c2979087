"""The working document's lookups over mentions answer what a scan of every mention answers, and
stay current when the mention list grows; the time budget's deadline."""

from __future__ import annotations

from diurna.document import ArticleDoc, Deadline, MentionRef, PlaceRef
from diurna.records import Article

# nested and equal-length mentions: "the Iranian president" (0-3) holds "Iranian" (1-2)
MENTIONS = [
    MentionRef("a", 0, 20, 0, 3, "description"),
    MentionRef("b", 4, 11, 1, 2, "adjective"),
    MentionRef("c", 30, 35, 6, 7, "name"),
    MentionRef("d", 30, 35, 6, 7, "alias"),
    MentionRef("a", 40, 42, 9, 10, "pronoun"),
    MentionRef("c", 50, 60, 12, 14, "name"),
]


def scan_at(mentions, i):
    best = None
    for m in mentions:
        if m.token_start <= i < m.token_end and (
            best is None or m.token_end - m.token_start < best.token_end - best.token_start
        ):
            best = m
    return best


def test_mention_at_token_is_the_shortest_and_first_covering_mention():
    doc = ArticleDoc(article=Article(id="x", text="t"), mentions=list(MENTIONS))
    for i in range(-1, 16):
        assert doc.mention_at_token(i) is scan_at(MENTIONS, i)
    assert doc.mention_at_token(6).actor_id == "c"  # of two equal mentions, the first
    assert doc.actor_at_token(1) == "b"


def test_the_index_follows_mentions_added_after_it_was_built():
    doc = ArticleDoc(article=Article(id="x", text="t"), mentions=list(MENTIONS[:2]))
    assert doc.mention_at_token(6) is None
    doc.mentions.extend(MENTIONS[2:])
    assert doc.mention_at_token(6) is MENTIONS[2]


def test_mentions_by_actor_and_by_position_keep_the_list_order():
    doc = ArticleDoc(article=Article(id="x", text="t"), mentions=list(MENTIONS))
    look = doc.mention_index()
    assert look.of_actor("a") == [MENTIONS[0], MENTIONS[4]] and look.of_actor("zz") == []
    for lo in range(0, 15):
        for hi in range(lo, 16):
            assert look.starting_in(lo, hi) == [m for m in MENTIONS if lo <= m.token_start < hi]


# "the Gaza Strip" (0-3) holds "Gaza" (1-2), recorded after it; "Rafah" (5-6) twice
PLACE_MENTIONS = [
    PlaceRef("strip", 0, 14, 0, 3),
    PlaceRef("gaza", 4, 8, 1, 2),
    PlaceRef("rafah", 20, 25, 5, 6),
    PlaceRef("rafah2", 20, 25, 5, 6),
]


def test_place_at_token_is_the_first_covering_place_mention_and_follows_the_list():
    doc = ArticleDoc(article=Article(id="x", text="t"), place_mentions=list(PLACE_MENTIONS[:1]))
    assert doc.place_at_token(5) is None
    doc.place_mentions.extend(PLACE_MENTIONS[1:])
    for i in range(-1, 8):
        first = next((p.place_id for p in PLACE_MENTIONS if p.token_start <= i < p.token_end), None)
        assert doc.place_at_token(i) == first
    assert (doc.place_at_token(1), doc.place_at_token(5)) == ("strip", "rafah")


def test_a_deadline_passes_after_its_seconds_and_names_the_stage_it_passed_in():
    now = [100.0]
    deadline = Deadline(2.0, clock=lambda: now[0])
    deadline.stage = "quotes"
    assert not deadline.passed()
    now[0] = 102.5
    assert deadline.passed(grace=0.5) is False  # within half the budget again
    assert deadline.cut_in is None  # a grace check names no stage
    assert deadline.passed() and deadline.cut_in == "quotes"
    deadline.stage = "events"
    assert deadline.passed() and deadline.cut_in == "quotes"
    doc = ArticleDoc(article=Article(id="x", text="t"))
    assert not doc.out_of_time()  # no deadline: never out of time
    doc.deadline = deadline
    assert doc.out_of_time()
