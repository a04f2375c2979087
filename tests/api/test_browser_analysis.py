"""The analysts' views (issue 24) in headless Chromium over a hand-built newsroom whose answers are
known (tests/store/store_factory.analyst_corpus): one filter set kept in the address and carried
across views, the "what happened" default and its switch, real-world events counted once, the
timeline and its drag, the map's placed count, downloads of everything, the record panel, loading,
empty and server-down states, and an 800 px window."""

from __future__ import annotations

import csv
import io
import json
import urllib.request

import pytest

webdriver = pytest.importorskip("selenium.webdriver")
from dashboard_browser import (  # noqa: E402
    ACTUAL,
    CHROMEDRIVER,
    CHROMIUM,
    NO_BROWSER,
    Server,
    after_click,
    get_json,
    open_view,
    rows,
    wait_ready,
)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402
from store_factory import ANALYST_COUNTS  # noqa: E402

pytestmark = [
    pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason=NO_BROWSER),
    pytest.mark.usefixtures("no_console_errors"),
]


def test_what_happened_is_the_default_and_a_switch_counts_everything(newsroom, browser):
    view = open_view(browser, newsroom + "/#/events")
    assert int(view.get_attribute("data-total")) == ANALYST_COUNTS["actual_asserted"]
    assert "events that happened" in view.find_element(By.ID, "scope-note").text
    types = {row.get_attribute("data-type") for row in rows(view)}
    assert "AID" not in types and "THREATEN" not in types  # the intended pledge, the denied threat
    browser.find_element(By.CSS_SELECTOR, "#scope option[value=all]").click()
    view = after_click(browser, browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]"))
    assert "scope=all" in browser.current_url
    assert int(view.get_attribute("data-total")) == ANALYST_COUNTS["mentions"]
    qualifiers = view.find_element(By.ID, "event-table").text
    assert "intended" in qualifiers and "negated" in qualifiers
    # a year-dated event shows its year, not a made-up first of January
    assert "2028 year" in qualifiers and "2028-01-01" not in qualifiers
    box = browser.find_element(By.NAME, "include_duplicates")
    box.click()
    view = after_click(browser, browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]"))
    assert int(view.get_attribute("data-total")) == ANALYST_COUNTS["with_copies"]
    assert "in a copy" in view.find_element(By.ID, "event-table").text


def test_filters_live_in_the_address_and_follow_the_menu_to_every_view(newsroom, browser):
    view = open_view(browser, newsroom + "/#/events?outlet=Daily%20Nation&place_country=KEN")
    expected = get_json(newsroom, "/api/events", outlet="Daily Nation", place_country="KEN", **ACTUAL)["total"]
    assert int(view.get_attribute("data-total")) == expected == 2
    for name in ("timeline", "clusters", "map", "network", "dyad"):
        link = browser.find_element(By.CSS_SELECTOR, 'nav a[data-view="%s"]' % name)
        assert "outlet=Daily+Nation" in link.get_attribute("href") and "place_country=KEN" in link.get_attribute("href")
    view = after_click(browser, browser.find_element(By.CSS_SELECTOR, 'nav a[data-view="map"]'))
    assert view.get_attribute("data-view") == "map" and view.get_attribute("data-placed") == "2"
    assert browser.find_element(By.NAME, "place_country").get_attribute("value") == "KEN"
    assert browser.find_element(By.NAME, "outlet").get_attribute("value") == "Daily Nation"


def test_downloads_hold_every_selected_event_in_three_formats(newsroom, browser):
    view = open_view(browser, newsroom + "/#/events?scope=all&include_duplicates=true")
    total = int(view.get_attribute("data-total"))
    assert total == ANALYST_COUNTS["with_copies"]
    with urllib.request.urlopen(view.find_element(By.ID, "event-csv").get_attribute("href"), timeout=30) as r:
        assert r.headers["X-Total-Count"] == str(total)
        assert len(list(csv.DictReader(io.StringIO(r.read().decode("utf-8"))))) == total
    with urllib.request.urlopen(view.find_element(By.ID, "event-json").get_attribute("href"), timeout=30) as r:
        assert len(json.load(r)) == total
    with urllib.request.urlopen(view.find_element(By.ID, "event-geojson").get_attribute("href"), timeout=30) as r:
        features = json.load(r)["features"]
    assert len(features) == total and sum(f["geometry"] is not None for f in features) == 3  # placed, copy included


def test_clusters_view_counts_each_happening_once_with_its_reports(newsroom, browser, shoot):
    view = open_view(browser, newsroom + "/#/clusters")
    page = get_json(newsroom, "/api/clusters", **ACTUAL)
    assert view.get_attribute("data-total") == str(page["total"]) == "5"
    assert view.get_attribute("data-mentions") == str(ANALYST_COUNTS["actual_asserted"])
    assert "5 real-world events (from 7 event mentions)" in view.find_element(By.ID, "cluster-count").text
    accusation = next(c for c in page["clusters"] if c["type"] == "ACCUSE")
    row = view.find_element(By.CSS_SELECTOR, '#cluster-table tr[data-id="%s"]' % accusation["id"])
    cells = [td.text for td in row.find_elements(By.TAG_NAME, "td")]
    assert cells[5:9] == ["2", "3", "2", "2024-03-04"]  # reports, outlets, mentions, earliest report
    shoot("clusters")
    # at least two independent reports: the total is the rows' count (it was 98 with no rows)
    browser.find_element(By.CSS_SELECTOR, "#min-articles option[value='2']").click()
    view = wait_ready(browser)
    WebDriverWait(browser, 30).until(lambda d: "min_articles=2" in d.current_url)
    view = wait_ready(browser)
    assert view.get_attribute("data-total") == "2" and len(view.find_elements(By.CSS_SELECTOR, ".cluster-row")) == 2
    # the wire-copies switch shows each happening's copies
    view = open_view(browser, newsroom + "/#/clusters?include_duplicates=true")
    assert "Copies" in view.find_element(By.CSS_SELECTOR, "#cluster-table thead").text
    view = after_click(
        browser, view.find_element(By.CSS_SELECTOR, '#cluster-table tr[data-id="%s"]' % accusation["id"])
    )
    assert view.get_attribute("data-view") == "cluster" and view.get_attribute("data-mentions") == "3"
    assert "Every mention (3, 1 in copies)" in view.text and "earliest report 2024-03-04" in view.text


def test_an_empty_selection_says_so_in_every_view(newsroom, browser):
    for name, words in (
        ("events", "No event matches"),
        ("clusters", "No real-world event"),
        ("timeline", "No dated event"),
        ("map", "0 of 0 events placed"),
        ("network", "No events with both a source and a target match"),
        ("dyad?a=KEN&b=ETH", "No events between KEN and ETH"),
        ("actor/kb:kenya", "No events."),
    ):
        view = open_view(
            browser, newsroom + "/#/%s%sstart=1990-01-01&end=1990-12-31" % (name, "&" if "?" in name else "?")
        )
        assert words in view.text, name


def test_timeline_stacks_by_quadclass_or_type_and_a_drag_sets_the_dates(newsroom, browser, shoot):
    view = open_view(browser, newsroom + "/#/timeline?freq=week&scope=all")
    data = get_json(newsroom, "/api/timeline", freq="week")
    assert view.get_attribute("data-total") == str(data["total"]) == str(ANALYST_COUNTS["mentions"])
    bars = view.find_elements(By.CSS_SELECTOR, "#timeline-svg rect.bar")
    assert len(bars) == len(data["points"]) and sum(p["events"] for p in data["points"]) == data["total"]
    # the month-dated protest and the year-dated pledge are coarser than a week: said, not hidden
    assert "2 dated only to a month or coarser" in view.find_element(By.ID, "timeline-count").text
    view = open_view(browser, newsroom + "/#/timeline?freq=day&by=type")
    keys = {bar.get_attribute("data-key") for bar in view.find_elements(By.CSS_SELECTOR, "#timeline-svg rect.bar")}
    assert keys == {"ACCUSE", "CONSULT", "ASSAULT", "COERCE", "PROTEST"}
    shoot("timeline")
    # drag from the first bar of February to the last bar: the range becomes the shared date filter
    chart = browser.find_element(By.ID, "timeline-svg")
    first = next(
        b for b in view.find_elements(By.CSS_SELECTOR, "rect.bar") if b.get_attribute("data-period") == "2024-02-09"
    )
    last = [
        b for b in view.find_elements(By.CSS_SELECTOR, "rect.bar") if b.get_attribute("data-period") == "2024-03-03"
    ][0]
    before = browser.current_url
    webdriver.ActionChains(browser).move_to_element(first).click_and_hold().move_to_element(last).release().perform()
    WebDriverWait(browser, 30).until(lambda d: d.current_url != before)
    view = wait_ready(browser)
    assert "start=2024-02-09" in browser.current_url and "end=2024-03-03" in browser.current_url
    assert (
        chart is not None
        and int(view.get_attribute("data-total"))
        == get_json(newsroom, "/api/timeline", start="2024-02-09", end="2024-03-03", **ACTUAL)["total"]
        == 6
    )


def test_map_says_how_many_events_are_placed_shades_countries_and_zooms(newsroom, browser, shoot):
    view = open_view(browser, newsroom + "/#/map")
    summary = get_json(newsroom, "/api/map", **ACTUAL)
    assert view.find_element(By.ID, "map-count").text.startswith(
        "%d of %d events placed" % (summary["placed"], summary["events"])
    )
    kenya = view.find_element(By.CSS_SELECTOR, '#map-svg path.country[data-iso3="KEN"]')
    assert kenya.get_attribute("data-events") == "2" and "shaded" in kenya.get_attribute("class")
    svg = browser.find_element(By.ID, "map-svg")
    browser.find_element(By.XPATH, "//button[text()='Zoom in']").click()
    assert svg.get_attribute("data-zoom") == "2" and svg.get_attribute("viewBox") != "0 0 960 480"
    shoot("map")
    # Nairobi's circle lies over Kenya: the country is clicked where the circle is not
    before = browser.current_url
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', { bubbles: true }))", kenya)
    WebDriverWait(browser, 30).until(lambda d: d.current_url != before)
    view = wait_ready(browser)
    assert view.get_attribute("data-view") == "events" and "place_country=KEN" in browser.current_url
    assert int(view.get_attribute("data-total")) == 2


def test_network_tells_generic_actors_of_two_countries_apart(newsroom, browser):
    view = open_view(browser, newsroom + "/#/network")
    police = view.find_elements(By.CSS_SELECTOR, '#network-svg .node[data-key="name:COP:police"]')
    assert sorted(n.get_attribute("data-node") for n in police) == ["name:COP:police@CHL", "name:COP:police@KEN"]
    assert {n.text for n in police} == {"police (CHL)", "police (KEN)"}


def test_record_panel_names_what_ids_stand_for_with_a_raw_json_switch(newsroom, browser):
    ident = get_json(newsroom, "/api/articles", q="Kenya accused Ethiopia")[0]["id"]
    view = open_view(browser, newsroom + "/#/article/" + ident)
    view.find_element(By.CSS_SELECTOR, "#article-text .trigger").click()
    fields = browser.find_element(By.ID, "inspector-fields")
    assert fields.is_displayed() and "Kenya" in fields.text and "Ethiopia" in fields.text
    raw = browser.find_element(By.ID, "inspector-json")
    assert not raw.is_displayed()
    browser.find_element(By.ID, "inspector-raw").click()
    assert raw.is_displayed() and not fields.is_displayed()
    assert json.loads(raw.text)["source"].startswith("act_")


def test_loading_and_server_down_states(tmp_path, browser):
    from store_factory import analyst_corpus

    from diurna.store import Store

    db = str(tmp_path / "store.duckdb")
    with Store(db) as store:
        store.write(analyst_corpus()[:1])
    server = Server(db).start()
    browser.get("about:blank")
    browser.get(server.url + "/#/events")
    # the page says it is loading until the view is drawn, then hides that
    assert browser.find_element(By.ID, "loading").text == "Loading…" or wait_ready(browser)
    wait_ready(browser)
    assert not browser.find_element(By.ID, "loading").is_displayed()
    server.stop()
    browser.execute_script("window.location.hash = '#/clusters'")
    view = wait_ready(browser)
    assert "cannot be reached" in view.find_element(By.CSS_SELECTOR, ".server-down").text
    browser.get_log("browser")  # the refused connections are this test's point


def test_usable_at_800_pixels(newsroom, browser, shoot):
    ident = get_json(newsroom, "/api/articles", q="Kenya accused Ethiopia")[0]["id"]
    browser.set_window_size(800, 900)
    try:
        for name in (
            "clusters",
            "timeline",
            "map",
            "network",
            "dyad?a=KEN&b=ETH",
            "actor/kb:kenya",
            "articles",
            "article/" + ident,
            "paste",
            "events?scope=all",
        ):
            open_view(browser, newsroom + "/#/" + name)
            width = browser.execute_script("return document.documentElement.scrollWidth")
            assert width <= 800, "%s is %d px wide in an 800 px window" % (name, width)
        shoot("events-800px")
    finally:
        browser.set_window_size(1400, 1000)


def test_charts_and_tables_export_csv_json_png_and_a_permalink(newsroom, browser):
    for name, address in (
        ("timeline", "timeline?freq=day"),
        ("dyad", "dyad?a=KEN&b=ETH"),
        ("network", "network"),
        ("map", "map"),
        ("clusters", "clusters"),
    ):
        view = open_view(browser, newsroom + "/#/" + address)
        bar = view.find_element(By.ID, name + "-exports")
        assert [b.text for b in bar.find_elements(By.TAG_NAME, "button")][:2] == ["CSV", "JSON"], name
        assert bar.find_element(By.CLASS_NAME, "permalink").get_attribute("href") == browser.current_url
    # what the buttons save, made by the same code in the page: the rows as CSV, the chart as PNG
    open_view(browser, newsroom + "/#/timeline?freq=day")
    made = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        import('/static/js/exporting.js').then(async ({ toCSV, chartPNG }) => {
          const csv = toCSV([{ period: '2024-03-03', key: '=1+1', events: 2 }, { period: 'a,"b"', key: '-3', events: 1 }]);
          const png = await chartPNG(document.getElementById('timeline-svg'));
          const head = new Uint8Array(await png.slice(0, 4).arrayBuffer());
          done({ csv, type: png.type, size: png.size, head: Array.from(head) });
        }).catch((error) => done({ error: String(error) }));
    """)
    assert "error" not in made, made
    assert made["csv"] == 'period,key,events\r\n2024-03-03,\'=1+1,2\r\n"a,""b""",-3,1\r\n'
    assert made["type"] == "image/png" and made["size"] > 5000 and made["head"] == [0x89, 0x50, 0x4E, 0x47]


def test_dyad_starts_from_the_busiest_pair_rolled_up_to_its_countries(newsroom, browser):
    # the busiest pair is Kenya -> Ethiopia (kb:kenya, kb:ethiopia): the dyad reads it as KEN and ETH,
    # so the presidents' meeting (KENGOV -> ETHGOV) counts too, not the two states' accusation alone
    view = open_view(browser, newsroom + "/#/dyad")
    assert browser.find_element(By.NAME, "a").get_attribute("value") == "KEN"
    assert browser.find_element(By.NAME, "b").get_attribute("value") == "ETH"
    points = get_json(newsroom, "/api/dyads", a="KEN", b="ETH", **ACTUAL)
    assert sum(p["events"] for p in points if p["direction"] == "a->b") == 4
    assert "KEN → ETH 4" in view.find_element(By.ID, "dyad-summary").text
    narrow = get_json(newsroom, "/api/dyads", a="kb:kenya", b="kb:ethiopia", **ACTUAL)
    assert sum(p["events"] for p in narrow if p["direction"] == "a->b") == 2


def test_map_colours_circles_by_their_main_event_type(newsroom, browser):
    view = open_view(browser, newsroom + "/#/map?scope=all&colour=type")
    places = get_json(newsroom, "/api/places")
    circle = view.find_element(By.CSS_SELECTOR, "#map-svg .places circle")
    assert circle.get_attribute("data-type") == places[0]["top_type"] in ("ACCUSE", "COERCE", "AID")
    assert circle.value_of_css_property("fill") != "rgba(29, 78, 216, 0.55)"  # not the one-colour fill
    assert places[0]["top_type"] in view.find_element(By.ID, "map-type-legend").text


# What the page's network receives is rewritten in the page to the volumes of a large store (the
# busiest pairs of 200,000 articles are ~22,000 and ~11,000 events): the drawing must still tell them
# apart, where a width proportional to the events, capped, drew both alike.
HIGH_VOLUME = """
const original = window.fetch;
window.fetch = async (input, init) => {
  const response = await original(input, init);
  if (!String(input).includes('/api/network')) return response;
  const edges = (await response.json()).sort((a, b) => b.events - a.events);
  const volumes = [21970, 10985, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1];
  edges.forEach((edge, i) => { edge.events = volumes[Math.min(i, volumes.length - 1)]; });
  return new Response(JSON.stringify(edges), { status: 200, headers: { 'Content-Type': 'application/json' } });
};
window.location.hash = '#/network?limit=149';
"""


def test_network_weights_keep_distinguishing_at_high_volume_and_every_actor_is_labelled(newsroom, browser):
    open_view(browser, newsroom + "/#/network")
    browser.execute_script(HIGH_VOLUME)
    WebDriverWait(browser, 30).until(
        lambda d: (
            "limit=149" in d.current_url
            and d.find_element(By.ID, "view").get_attribute("data-ready") == "true"
            and d.find_elements(By.CSS_SELECTOR, "#network-svg .edge")
        )
    )
    drawn = browser.execute_script("""
        return [...document.querySelectorAll('#network-svg .edge')].map((edge) => ({
          events: Number(/: (\\d+) events/.exec(edge.querySelector('title').textContent)[1]),
          width: Number(edge.querySelector('.edge-line').getAttribute('stroke-width')) }));
    """)
    assert len(drawn) >= 4 and max(e["events"] for e in drawn) == 21970
    by_events = sorted(drawn, key=lambda e: e["events"])
    for lighter, heavier in zip(by_events, by_events[1:]):
        if heavier["events"] > lighter["events"]:
            assert heavier["width"] > lighter["width"], (lighter, heavier)
    width = {e["events"]: e["width"] for e in drawn}
    assert width[21970] - width[10985] >= 0.5  # the two busiest pairs do not look alike
    assert "21970" in browser.find_element(By.ID, "network-legend").text
    # every actor is named beside its circle, in type at least 10 px high, and no two names overlap
    labels = browser.execute_script("""
        return [...document.querySelectorAll('#network-svg .node')].map((node) => {
          const text = node.querySelector('text'), box = text.getBoundingClientRect();
          return { name: text.textContent, size: parseFloat(getComputedStyle(text).fontSize),
                   box: [box.left, box.top, box.right, box.bottom] };
        });
    """)
    assert labels and all(label["name"].strip() and label["size"] >= 10 for label in labels)
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            apart = a["box"][2] <= b["box"][0] or b["box"][2] <= a["box"][0]
            apart = apart or a["box"][3] <= b["box"][1] or b["box"][3] <= a["box"][1]
            assert apart, (a["name"], b["name"])
