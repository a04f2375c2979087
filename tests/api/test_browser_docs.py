"""/docs in headless Chromium: the vendored Swagger UI 5 renders diurna's OpenAPI 3.1 document with
no network and under the dashboard's Content-Security-Policy, and lists every operation (issue 24:
the bundled Swagger UI 4.15 showed "Unable to render this definition")."""

from __future__ import annotations

import pytest

pytest.importorskip("selenium.webdriver")
from dashboard_browser import CHROMEDRIVER, CHROMIUM, NO_BROWSER, get_json  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

pytestmark = [
    pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason=NO_BROWSER),
    pytest.mark.usefixtures("no_console_errors"),
]


def test_docs_page_lists_every_operation_of_the_openapi_document(server, browser, shoot):
    spec = get_json(server, "/openapi.json")
    assert spec["openapi"].startswith("3.1")
    expected = {(method.upper(), path) for path, item in spec["paths"].items() for method in item}
    assert len(expected) >= 12
    browser.get("about:blank")
    browser.get(server + "/docs")
    WebDriverWait(browser, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".opblock"))
    shown = {
        (
            block.find_element(By.CSS_SELECTOR, ".opblock-summary-method").text.strip(),
            block.find_element(By.CSS_SELECTOR, ".opblock-summary-path").get_attribute("data-path"),
        )
        for block in browser.find_elements(By.CSS_SELECTOR, ".opblock")
    }
    assert shown == expected
    page = browser.find_element(By.TAG_NAME, "body").text
    assert "Unable to render" not in page and "diurna" in page
    # an operation opens with its parameters: the shared filters are documented on /api/timeline
    block = browser.find_element(By.CSS_SELECTOR, "#operations-default-timeline_api_timeline_get .opblock-summary")
    block.click()
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "tr[data-param-name=modality]"))
    shoot("docs")
