"""RSS and Atom feeds: one article per item; broken feeds keep their good items, with a warning."""

from __future__ import annotations

from ingest_fixtures import PROTEST, PROTEST_MORE, SANCTIONS, TALKS, TALKS_MORE

from diurna.ingest.base import IngestError, RawArticle
from diurna.ingest.feed import read_feed
from diurna.pipeline import prepare
from diurna.records import Article

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Example Wire: World</title>
  <link>https://wire.example.org/world</link>
  <description>World news</description>
  <item>
    <title>Andes water talks</title>
    <link>https://wire.example.org/andes</link>
    <guid isPermaLink="false">wire-andes-1</guid>
    <pubDate>Mon, 04 Mar 2024 22:15:00 -0500</pubDate>
    <description>Short teaser about the talks.</description>
    <content:encoded><![CDATA[<p>%s</p><p>%s</p>]]></content:encoded>
  </item>
  <item>
    <title>Teachers march in Nairobi</title>
    <link>https://wire.example.org/nairobi</link>
    <pubDate>Wed, 06 Mar 2024 14:00:00 +0300</pubDate>
    <description>&lt;p&gt;%s&lt;/p&gt;</description>
  </item>
%s
</channel>
</rss>
"""


def _rss(tmp_path, extra_items="", name="world.rss"):
    path = tmp_path / name
    path.write_text(RSS % (TALKS, TALKS_MORE, PROTEST, extra_items), encoding="utf-8")
    return str(path)


def test_rss_items_become_articles_with_link_date_title_and_feed_source(tmp_path):
    path = _rss(tmp_path)
    first, second = read_feed(path)
    assert first.text == TALKS + "\n" + TALKS_MORE  # full content preferred to the teaser
    assert first.url == "https://wire.example.org/andes"
    assert first.date == "2024-03-04"  # the publisher's local day, not UTC's
    assert first.title == "Andes water talks" and first.source == "Example Wire: World"
    assert first.origin == path + "@item 1"
    assert second.text == PROTEST and second.origin == path + "@item 2"
    assert isinstance(prepare(second), Article)


def test_atom_entries_use_content_and_published_dates(tmp_path):
    path = tmp_path / "updates.atom"
    path.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Brussels Desk</title>
  <id>urn:example:brussels</id>
  <updated>2024-03-08T09:00:00Z</updated>
  <entry>
    <title>EU freezes assets of six officials</title>
    <id>urn:example:brussels:1</id>
    <link rel="alternate" href="https://desk.example.org/eu-assets"/>
    <published>2024-03-07T16:20:00+01:00</published>
    <updated>2024-03-08T08:00:00+01:00</updated>
    <content type="html">&lt;p&gt;%s&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Teachers threaten strike</title>
    <id>urn:example:brussels:2</id>
    <updated>2024-03-08T07:00:00Z</updated>
    <summary>%s</summary>
  </entry>
</feed>"""
        % (SANCTIONS, PROTEST_MORE),
        encoding="utf-8",
    )
    first, second = read_feed(str(path))
    assert (first.text, first.url, first.date, first.source) == (
        SANCTIONS,
        "https://desk.example.org/eu-assets",
        "2024-03-07",
        "Brussels Desk",
    )
    assert second.text == PROTEST_MORE and second.date == "2024-03-08"
    assert second.url is None  # no link: the id is then a hash of the text


def test_an_item_with_missing_fields_is_kept_and_one_without_text_is_an_error(tmp_path):
    path = _rss(
        tmp_path,
        extra_items="""
  <item><description>%s</description></item>
  <item><title>Headline only</title><link>https://wire.example.org/empty</link></item>
  <item><guid>wire-no-link-7</guid><description>%s</description></item>"""
        % (SANCTIONS, PROTEST_MORE),
    )
    items = list(read_feed(path))
    assert [type(item) for item in items] == [RawArticle, RawArticle, RawArticle, IngestError, RawArticle]
    bare = items[2]
    assert bare.text == SANCTIONS and bare.title is None and bare.url is None and bare.date is None
    error = items[3]
    assert error.path == path and error.position == "item 4" and "neither content nor a summary" in error.message
    assert items[4].url is None  # a guid that is not a web address is not taken for a link


def test_a_malformed_feed_keeps_the_good_items_with_a_warning_naming_the_line(tmp_path):
    path = _rss(tmp_path, extra_items="<item><title>Broken & unescaped</title><description>x</description></item>")
    items = list(read_feed(path))
    warnings = [item for item in items if isinstance(item, IngestError)]
    assert len(warnings) == 1 and warnings[0].kind == "warning"
    assert warnings[0].position and warnings[0].position.startswith("line ")
    assert [a.title for a in items if isinstance(a, RawArticle)][:2] == [
        "Andes water talks",
        "Teachers march in Nairobi",
    ]


def test_a_file_that_is_not_a_feed_is_an_error(tmp_path):
    path = tmp_path / "notes.rss"
    path.write_text("Minutes of the meeting, not a feed at all.\n", encoding="utf-8")
    [error] = read_feed(str(path))
    assert isinstance(error, IngestError) and error.kind == "error" and "not a readable" in error.message


def test_empty_and_binary_feeds_are_errors(tmp_path):
    empty = tmp_path / "empty.rss"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.atom"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    assert "empty" in next(read_feed(str(empty))).message
    assert "JPEG" in next(read_feed(str(binary))).message


def test_a_feed_without_items_is_a_warning(tmp_path):
    path = tmp_path / "quiet.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>', encoding="utf-8"
    )
    [warning] = read_feed(str(path))
    assert warning.kind == "warning" and "no items" in warning.message


def _feed_with_date(tmp_path, pub_date: str):
    path = tmp_path / "dated.rss"
    path.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><item><title>T</title>"
        "<pubDate>%s</pubDate><description>%s</description></item></channel></rss>" % (pub_date, TALKS),
        encoding="utf-8",
    )
    return list(read_feed(str(path)))


def test_an_impossible_pubdate_is_a_warning_not_the_next_valid_day(tmp_path):
    """feedparser rolls 2017-13-45 over into 2018-01-01; diurna refuses the date and says so."""
    warning, article = _feed_with_date(tmp_path, "2017-13-45")
    assert warning.kind == "warning" and warning.position == "item 1" and "'2017-13-45'" in warning.message
    assert article.date is None


def test_pubdates_at_the_ends_of_the_calendar_keep_the_article(tmp_path):
    for date in ("Mon, 01 Jan 0001 00:00:00 GMT", "9999-12-31"):
        warning, article = _feed_with_date(tmp_path, date)
        assert "outside the publication dates" in warning.message and article.date is None and article.text


def test_dates_in_forms_only_feedparser_reads_are_still_used(tmp_path):
    [article] = _feed_with_date(tmp_path, "Tuesday, March 5 2024")
    assert article.date == "2024-03-05"
