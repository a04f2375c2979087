"""The dashboard in a real headless Chromium (Debian's chromium + chromedriver, driven by Selenium):
every view renders real data, filters change the results, the seed article's quotes and events are
highlighted, stored markup stays text, and the browser logs no error (issue 8)."""
from __future__ import annotations

import os
import pathlib
import shutil
import socket
import threading
import time

import pytest

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from diurna.cli import main  # noqa: E402

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="Debian chromium and chromium-driver are not installed "
                                       "(scripts/install_browser.sh installs them)")

ARTICLES = {
    "talks.txt": "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on "
                 "Thursday, and the two leaders agreed to resume regular security talks.",
    "clash.txt": "Chinese coast guard ships fired water cannon at a Philippine supply boat near a disputed shoal on "
                 "Sunday, the Philippine military said.",
    "rally.txt": "Thousands of protesters marched in Manila on Friday to denounce China's actions in the South China "
                 "Sea. \"We will not be bullied,\" said one of the organisers.",
    "markup.txt": "<script>window.__pwned = 1</script><b>bold</b> Police in Dhaka arrested dozens of opposition "
                  "activists on Sunday, a party spokesman said.",
}
VIEWS = ["events", "article", "dyad", "network", "map", "paste"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, shared_dir_or_none):
    import uvicorn

    from diurna.api import Settings, create_app

    root = tmp_path_factory.mktemp("dashboard")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    db = str(root / "store.duckdb")
    assert main(["ingest", str(corpus), "--db", db, "--pubdate", "2024-03-24", "--no-progress"]) == 0
    if shared_dir_or_none is not None:
        seed = shared_dir_or_none / "seed" / "rouhani-haniyeh-2017.txt"
        assert main(["ingest", str(seed), "--db", db, "--pubdate", "2017-12-11", "--no-progress"]) == 0
    port = free_port()
    config = uvicorn.Config(create_app(Settings(db=db)), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.1)
    assert uv.started, "the server did not start"
    yield "http://127.0.0.1:%d" % port
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def shared_dir_or_none():
    path = pathlib.Path(__file__).resolve().parents[2].parent / "shared"
    return path if (path / "seed" / "rouhani-haniyeh-2017.txt").is_file() else None


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium.webdriver.chrome.service import Service
    os.environ["SE_OFFLINE"] = "true"             # Selenium Manager must not try to download a driver
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,1000", "--user-data-dir=%s" % tmp_path_factory.mktemp("chromium-profile")):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("screenshots")
    extra = os.environ.get("DIURNA_SCREENSHOTS")     # e.g. docs/screenshots, to refresh the docs' pictures
    yield folder, pathlib.Path(extra) if extra else None


def open_view(browser, url: str):
    browser.get(url)
    WebDriverWait(browser, 60).until(
        lambda d: d.find_element(By.ID, "view").get_attribute("data-ready") == "true")
    return browser.find_element(By.ID, "view")


def shoot(browser, screenshots, name: str) -> None:
    folder, extra = screenshots
    browser.save_screenshot(str(folder / ("%s.png" % name)))
    if extra is not None:
        extra.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(extra / ("%s.png" % name)))


def severe_logs(browser) -> list[str]:
    return [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def test_event_table_renders_and_filters_change_it(server, browser, screenshots):
    view = open_view(browser, server + "/#/events")
    rows = view.find_elements(By.CSS_SELECTOR, "#event-table tbody tr")
    assert rows, "the event table shows the stored events"
    total = browser.find_element(By.ID, "event-count").text
    browser.find_element(By.NAME, "country").send_keys("CHN")
    browser.find_element(By.CSS_SELECTOR, "#event-filters button[type=submit]").click()
    WebDriverWait(browser, 30).until(lambda d: d.find_element(By.ID, "event-count").text != total)
    filtered = view.find_elements(By.CSS_SELECTOR, "#event-table tbody tr")
    assert 0 < len(filtered) < len(rows)
    assert "country=CHN" in browser.find_element(By.ID, "event-csv").get_attribute("href")
    shoot(browser, screenshots, "events")
    assert severe_logs(browser) == []


def test_article_view_highlights_the_seed_quotes_and_events(server, browser, screenshots, shared_dir_or_none):
    if shared_dir_or_none is None:
        pytest.skip("../shared (the seed article) is not beside this clone")
    import json
    import urllib.request
    articles = json.load(urllib.request.urlopen(server + "/api/articles?q=haniyeh"))
    view = open_view(browser, server + "/#/article/" + articles[0]["id"])
    quotes = view.find_elements(By.CSS_SELECTOR, "#article-text .quote")
    triggers = view.find_elements(By.CSS_SELECTOR, "#article-text .trigger")
    mentions = view.find_elements(By.CSS_SELECTOR, "#article-text .mention")
    assert len(quotes) >= 11 and len(triggers) >= 10 and len(mentions) >= 20
    listed = browser.find_element(By.ID, "article-quotes").text
    assert "strongly condemns this U.S. move" in listed
    # the event stated inside Rouhani's quote is highlighted inside the quote's highlight
    assert any(t.text.startswith("condemns") for t in view.find_elements(By.CSS_SELECTOR, "#article-text .quote .trigger"))
    triggers[0].click()
    record = browser.find_element(By.ID, "inspector-json").text
    assert '"type"' in record and '"trigger"' in record
    shoot(browser, screenshots, "article")
    assert severe_logs(browser) == []


def test_stored_markup_stays_text(server, browser):
    import json
    import urllib.request
    articles = json.load(urllib.request.urlopen(server + "/api/articles?q=dhaka"))
    view = open_view(browser, server + "/#/article/" + articles[0]["id"])
    text = view.find_element(By.ID, "article-text").text
    assert "<script>window.__pwned = 1</script><b>bold</b>" in text
    assert browser.execute_script("return window.__pwned === undefined")
    assert view.find_elements(By.CSS_SELECTOR, "#article-text b") == []


def test_dyad_network_and_map_views_render_data(server, browser, screenshots):
    view = open_view(browser, server + "/#/dyad")
    assert view.find_element(By.ID, "dyad-form")
    form_a = browser.find_element(By.NAME, "a")
    form_a.clear()
    form_a.send_keys("CHN")
    form_b = browser.find_element(By.NAME, "b")
    form_b.clear()
    form_b.send_keys("PHL")
    browser.find_element(By.CSS_SELECTOR, "#dyad-form button").click()
    WebDriverWait(browser, 30).until(lambda d: d.find_element(By.ID, "view").get_attribute("data-points") not in (None, "0"))
    assert view.find_elements(By.CSS_SELECTOR, "#dyad-svg rect")
    shoot(browser, screenshots, "dyad")

    view = open_view(browser, server + "/#/network")
    assert int(view.get_attribute("data-nodes")) >= 2
    assert view.find_elements(By.CSS_SELECTOR, "#network-svg line.edge")
    shoot(browser, screenshots, "network")

    view = open_view(browser, server + "/#/map")
    assert len(view.find_elements(By.CSS_SELECTOR, "#map-svg path.country")) > 150
    assert int(view.get_attribute("data-places")) >= 1
    shoot(browser, screenshots, "map")
    assert severe_logs(browser) == []


def test_paste_page_codes_text_on_the_spot(server, browser, screenshots):
    view = open_view(browser, server + "/#/paste")
    browser.find_element(By.NAME, "text").send_keys(
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Monday. "
        "\"Europe must stand together,\" Scholz told reporters.")
    browser.find_element(By.CSS_SELECTOR, "#paste-form button").click()
    WebDriverWait(browser, 120).until(lambda d: d.find_element(By.ID, "view").get_attribute("data-coded") == "true")
    assert view.find_elements(By.CSS_SELECTOR, "#article-text .mention")
    assert view.find_elements(By.CSS_SELECTOR, "#article-quotes li")
    shoot(browser, screenshots, "paste")
    assert severe_logs(browser) == []
