"""What the dashboard's browser tests share (tests/api/test_browser*.py): the news they store, the
server and browser set-up, and waiting for a view. Fixtures using these are in tests/api/conftest.py."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
import urllib.parse
import urllib.request

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
NO_BROWSER = "Debian chromium and chromium-driver are not installed (scripts/install_browser.sh installs them)"

# News written for these tests. The flag emoji before the first mention puts astral characters
# (two UTF-16 units each in JS, one code point each in Python) ahead of every offset in its article.
ARTICLES = {
    "talks.txt": "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on "
    "Thursday, and the two leaders agreed to resume regular security talks.",
    "clash.txt": "Chinese coast guard ships fired water cannon at a Philippine supply boat near a disputed shoal on "
    "Sunday, the Philippine military said.",
    "rally.txt": "Thousands of protesters marched in Manila on Friday to denounce China's actions in the South China "
    'Sea. "We will not be bullied," said one of the organisers.',
    "flags.txt": "🇵🇭🇯🇵 Philippine President Ferdinand Marcos met Japanese Foreign Minister Yoko Kamikawa in "
    'Manila on Saturday. "Our partnership has never been stronger," Marcos told reporters.',
    "markup.txt": '<script>alert(1)</script><img src=x onerror="window.__pwned=1"><b>bold</b> Police in Dhaka '
    "arrested dozens of opposition activists on Sunday, a party spokesman said.",
}
# What the dashboard counts unless its "Counting: everything reported" switch is on (filters.js).
ACTUAL = {"modality": "actual", "polarity": "asserted"}
STORED_MARKUP = '<script>alert(1)</script><img src=x onerror="window.__pwned=1"><b>bold</b>'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """The API and dashboard over the store at `db`, on a loopback port, in a thread."""

    def __init__(self, db: str):
        import uvicorn

        from diurna.api import Settings, create_app

        self.port = free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        config = uvicorn.Config(create_app(Settings(db=db)), host="127.0.0.1", port=self.port, log_level="warning")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def start(self) -> "Server":
        self._thread.start()
        deadline = time.monotonic() + 60
        while not self._server.started and time.monotonic() < deadline and self._thread.is_alive():
            time.sleep(0.1)
        assert self._server.started, "the server did not start"
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


def chromium(profile_dir: str, width: int = 1400, height: int = 1000):
    import os

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not try to download a driver
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=%d,%d" % (width, height),
        "--force-device-scale-factor=1",
        "--user-data-dir=%s" % profile_dir,
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)


def get_json(server: str, path: str, **params):
    query = urllib.parse.urlencode(params, doseq=True)
    with urllib.request.urlopen(server + path + ("?" + query if query else ""), timeout=30) as response:
        return json.load(response)


def wait_ready(browser, timeout: float = 60):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, timeout).until(lambda d: d.find_element(By.ID, "view").get_attribute("data-ready") == "true")
    view = browser.find_element(By.ID, "view")
    # JS values that leaked into the page as text are rendering bugs
    text = view.text
    assert "[object " not in text and "undefined" not in text and "NaN" not in text
    assert not {"null", "false", "true"} & {line.strip() for line in text.splitlines()}
    return view


def open_view(browser, url: str):
    """A freshly loaded page at `url`. (Going from one #address to another in the same page only fires
    hashchange, and the wait could see the previous view's data-ready.)"""
    browser.get("about:blank")
    browser.get(url)
    return wait_ready(browser)


def after_click(browser, element):
    """Click something that changes the address, then wait for the new view."""
    from selenium.webdriver.support.ui import WebDriverWait

    before = browser.current_url
    element.click()
    WebDriverWait(browser, 30).until(lambda d: d.current_url != before)
    return wait_ready(browser)


def article_id(server: str, words: str) -> str:
    found = get_json(server, "/api/articles", q=words)
    assert found, "the test store holds the article about %r" % words
    return found[0]["id"]


def rows(view):
    from selenium.webdriver.common.by import By

    return view.find_elements(By.CSS_SELECTOR, "#event-table tbody tr")
