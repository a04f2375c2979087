"""Fixtures of the dashboard's browser tests: the servers over two test stores and one headless
Chromium for the whole session (starting either takes seconds). Screenshots of every view go to
the test run's temporary folder, and also to $DIURNA_SCREENSHOTS (e.g. docs/screenshots) when set."""

from __future__ import annotations

import os
import pathlib
import shutil

import pytest
from dashboard_browser import ARTICLES, CHROMEDRIVER, CHROMIUM, NO_BROWSER, Server, chromium


@pytest.fixture(scope="session")
def seed_path(request):
    """The seed article from ../shared (conftest's shared_dir), or None when it is not beside the clone."""
    try:
        shared = request.getfixturevalue("shared_dir")
    except pytest.skip.Exception:
        return None
    path = shared / "seed" / "rouhani-haniyeh-2017.txt"
    return path if path.is_file() else None


@pytest.fixture(scope="session")
def server(tmp_path_factory, seed_path):
    """The dashboard over a store of news coded by the real pipeline (ARTICLES, and the seed)."""
    from diurna.cli import main

    root = tmp_path_factory.mktemp("dashboard")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    db = str(root / "store.duckdb")
    assert main(["ingest", str(corpus), "--db", db, "--pubdate", "2024-03-24", "--no-progress"]) == 0
    if seed_path is not None:
        assert main(["ingest", str(seed_path), "--db", db, "--pubdate", "2017-12-11", "--no-progress"]) == 0
    running = Server(db).start()
    yield running.url
    running.stop()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip(NO_BROWSER)
    driver = chromium(str(tmp_path_factory.mktemp("chromium-profile")))
    yield driver
    driver.quit()


@pytest.fixture
def no_console_errors(browser):
    """The test ends with a clean browser log: no script error, failed request or CSP violation."""
    browser.get_log("browser")  # drop what earlier tests left
    yield
    errors = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


@pytest.fixture(scope="session")
def shoot(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("screenshots")
    extra = os.environ.get("DIURNA_SCREENSHOTS")
    extra_folder = pathlib.Path(extra) if extra else None

    def save(name: str) -> pathlib.Path:
        path = folder / ("%s.png" % name)
        browser.execute_script("window.scrollTo(0, 0)")
        browser.save_screenshot(str(path))
        assert path.stat().st_size > 10_000, "a screenshot of a rendered view is not blank"
        if extra_folder is not None:
            extra_folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, extra_folder / path.name)
        return path

    return save


@pytest.fixture(scope="session")
def newsroom(tmp_path_factory):
    """The dashboard over the hand-built newsroom of tests/store/store_factory.py (analyst_corpus):
    known counts for copies, modalities, outlets, clusters and the timeline."""
    from store_factory import analyst_corpus

    from diurna.store import Store

    db = str(tmp_path_factory.mktemp("newsroom") / "store.duckdb")
    with Store(db) as store:
        store.write(analyst_corpus())
    running = Server(db).start()
    yield running.url
    running.stop()
