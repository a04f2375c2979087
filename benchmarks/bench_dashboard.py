"""Dashboard benchmark (issue 24): every API call the dashboard makes, and every view rendered in
headless Chromium, timed against a store built by bench_store.py.

    nice .venv/bin/python benchmarks/bench_store.py --articles 200000 --db /tmp/store200k.duckdb
    nice .venv/bin/python benchmarks/bench_dashboard.py --db /tmp/store200k.duckdb [--repeat 3] [--no-browser]

API calls go through the real app in process (FastAPI's TestClient: routing, validation, the query and
JSON encoding; no network), each REPEAT times, median reported, with the dashboard's default filters
(modality actual, polarity asserted) and with a typical narrowing filter. Views are loaded in Debian's
headless Chromium from a server on a loopback port: the time from navigation to the view's
data-ready mark (every API call of the view answered and drawn), as the page itself measures it
(performance.now() when the view is drawn: Selenium's own round trips are not counted), median of
REPEAT fresh loads.
Targets: API calls <= 0.5 s, views <= 1 s.

On a shared machine the figures depend on the load: the run starts and ends with a reference query
whose idle time is recorded in docs/evaluation.md ("Store": count events, country RUS, 2024: 0.203 s
idle), so a reader can see how loaded the machine was.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time

DEFAULT = {"modality": "actual", "polarity": "asserted"}
NARROW = {**DEFAULT, "country": "RUS", "start": "2024-01-01", "end": "2024-12-31"}


def api_calls(base: dict) -> list[tuple[str, dict]]:
    return [
        ("/api/events", {**base, "limit": 50}),
        ("/api/clusters", {**base, "limit": 50, "min_articles": 1}),
        ("/api/clusters", {**base, "limit": 50, "min_articles": 2}),
        ("/api/timeline", {**base, "freq": "month"}),
        ("/api/timeline", {**base, "freq": "day", "by": "type"}),
        ("/api/map", base),
        ("/api/places", {**base, "limit": 5000}),
        ("/api/network", {**base, "limit": 150}),
        ("/api/dyads", {**base, "a": "USA", "b": "CHN", "freq": "month"}),
        ("/api/actors", {"limit": 300}),
        ("/api/outlets", {}),
        ("/api/actors/kb:country_usa", {**base, "limit": 100}),
    ]


VIEWS = ["events", "timeline", "clusters", "map", "network", "dyad?a=USA&b=CHN", "actor/kb:country_usa", "articles"]


def reference(db: str, repeat: int) -> None:
    from diurna.store import Store

    with Store(db, read_only=True) as store:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            store.count_events(country="RUS", start="2024-01-01", end="2024-12-31")
            times.append(time.perf_counter() - t0)
    print("reference: count events, country RUS, 2024 (0.203 s idle): %.3f s" % statistics.median(times))


def time_api(db: str, repeat: int) -> None:
    from fastapi.testclient import TestClient

    from diurna.api import Settings, create_app

    with TestClient(create_app(Settings(db=db))) as client:
        client.get("/api/health")
        for label, base in (("default filters", DEFAULT), ("country=RUS, 2024", NARROW)):
            print("API, %s:" % label)
            for path, params in api_calls(base):
                times = []
                for _ in range(repeat):
                    t0 = time.perf_counter()
                    r = client.get(path, params=params)
                    times.append(time.perf_counter() - t0)
                    assert r.status_code == 200, (path, r.status_code, r.text[:200])
                shown = "&".join("%s=%s" % kv for kv in params.items() if kv[0] not in DEFAULT)
                print(
                    "  %-62s %6.3f s  [target <= 0.5 s]"
                    % (path + ("?" + shown if shown else ""), statistics.median(times))
                )


def time_views(db: str, repeat: int) -> None:
    sys.path.insert(0, "tests/api")
    from dashboard_browser import Server, chromium
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    server = Server(db).start()
    with tempfile.TemporaryDirectory() as profile:
        browser = chromium(profile)
        try:
            for filters in ("", "country=RUS&start=2024-01-01&end=2024-12-31"):
                print("views%s:" % (", " + filters if filters else ", default filters"))
                for view in VIEWS:
                    url = server.url + "/#/" + view + (("&" if "?" in view else "?") + filters if filters else "")
                    times = []
                    for _ in range(repeat):
                        browser.get("about:blank")
                        browser.get(url)
                        WebDriverWait(browser, 120).until(
                            lambda d: d.find_element(By.ID, "view").get_attribute("data-ready") == "true"
                        )
                        drawn = browser.find_element(By.ID, "view").get_attribute("data-ready-at")
                        times.append(int(drawn) / 1000)
                    print("  %-40s %6.3f s  [target <= 1 s]" % (view, statistics.median(times)))
        finally:
            browser.quit()
            server.stop()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True, help="a store made by benchmarks/bench_store.py")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-browser", action="store_true", help="time the API calls only")
    args = ap.parse_args(argv)
    reference(args.db, args.repeat)
    time_api(args.db, args.repeat)
    if not args.no_browser:
        time_views(args.db, args.repeat)
    reference(args.db, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
