"""The dashboard's files without a browser: the page obeys its Content-Security-Policy (no inline
script or style), no script puts markup into the page from strings, nothing loads from another
origin, every imported module exists, and the vendored map outlines are sound (issue 8)."""

from __future__ import annotations

import json
import pathlib
import re
from html.parser import HTMLParser

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
STATIC = REPO / "diurna" / "api" / "static"
SCRIPTS = sorted((STATIC / "js").glob("*.js"))


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_index_page_has_no_inline_script_or_style():
    collector = _Collector()
    collector.feed((STATIC / "index.html").read_text(encoding="utf-8"))
    scripts = [attrs for tag, attrs in collector.tags if tag == "script"]
    assert scripts and all(attrs.get("src", "").startswith("/static/") for attrs in scripts)
    assert not [tag for tag, _ in collector.tags if tag == "style"]
    assert not [tag for tag, attrs in collector.tags if "style" in attrs or any(k.startswith("on") for k in attrs)]


def _without_comments(code: str) -> str:
    code = re.sub(r"/\*.*?\*/", "", code, flags=re.S)
    return re.sub(r"(^|\s)//.*$", "", code, flags=re.M)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_scripts_never_parse_strings_as_markup(script):
    # Data reaches the page through textContent and attributes only (dom.js `el`/`svg`); these
    # sinks would turn a stored "<script>" or "<img onerror>" into live markup.
    code = _without_comments(script.read_text(encoding="utf-8"))
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        'setAttribute("style"',
        "createContextualFragment",
        "DOMParser",
    ):
        assert sink not in code, "%s uses %s" % (script.name, sink)


@pytest.mark.parametrize("path", [STATIC / "index.html", STATIC / "app.css", *SCRIPTS], ids=lambda p: p.name)
def test_nothing_is_loaded_from_another_origin(path):
    # The dashboard must work with no internet: the only absolute URL allowed is the SVG namespace name.
    urls = set(
        re.findall(r"""(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s"'`)]*""", path.read_text(encoding="utf-8"))
    )
    assert urls <= {"http://www.w3.org/2000/svg"}, "%s refers to %s" % (path.name, urls)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_every_imported_module_exists(script):
    imports = re.findall(r"""from\s+["'](\./[^"']+)["']""", script.read_text(encoding="utf-8"))
    for name in imports:
        assert (script.parent / name).is_file(), "%s imports missing %s" % (script.name, name)


def test_vendored_country_outlines_are_sound():
    countries = json.loads((STATIC / "vendor" / "countries-110m.json").read_text(encoding="utf-8"))
    assert len(countries) >= 170
    assert (STATIC / "vendor" / "LICENSE.world-atlas").is_file()
    codes = [c["iso3"] for c in countries if c["iso3"]]
    assert len(codes) >= 170 and len(set(codes)) == len(codes) and {"JPN", "KOR", "USA", "BRA"} <= set(codes)
    names = [c["name"] for c in countries]
    assert {"Iran", "Philippines", "Brazil", "Australia"} <= set(names)
    for country in countries:
        assert country["rings"], country["name"]
        for ring in country["rings"]:
            assert len(ring) >= 4 and ring[0] == ring[-1], "rings are closed polygons: %s" % country["name"]
            assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring), country["name"]


def test_vendored_swagger_ui_is_version_5_with_its_licence():
    # Swagger UI 4 cannot render an OpenAPI 3.1 document (FastAPI's); the version is recorded with the files.
    folder = REPO / "diurna" / "api" / "docs_page" / "swagger-ui"
    record = (folder / "VENDORED.md").read_text(encoding="utf-8")
    assert re.search(r"Swagger UI 5\.\d+\.\d+", record) and "Apache-2.0" in record
    assert "Apache License" in (folder / "LICENSE").read_text(encoding="utf-8")
    for name in ("swagger-ui-bundle.js", "swagger-ui.css"):
        assert name in record and (folder / name).stat().st_size > 100_000


def test_topojson_arcs_are_delta_decoded_and_joined_into_rings(load_script):
    vendor = load_script("vendor_dashboard_assets")
    # A unit square drawn as two arcs on a grid of 0.5-degree steps, offset to (10, 20); the second
    # arc is used backwards (~1), as TopoJSON does for a border two shapes share.
    topology = {
        "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
        "arcs": [[[0, 0], [2, 0], [0, 2]], [[0, 0], [0, 2], [2, 0]]],
        "objects": {
            "countries": {
                "geometries": [
                    {"type": "Polygon", "id": "392", "arcs": [[0, ~1]], "properties": {"name": "Square"}},
                    {"type": "MultiPolygon", "arcs": [[[0, ~1]], [[0, ~1]]], "properties": {"name": "Twice"}},
                ]
            }
        },
    }
    assert vendor.decode_arcs(topology)[0] == [(10.0, 20.0), (11.0, 20.0), (11.0, 21.0)]
    square, twice = vendor.countries(topology)
    assert square == {
        "iso3": "JPN",  # ISO numeric 392, in the alpha-3 code records use (the map's country shading)
        "name": "Square",
        "rings": [[(10.0, 20.0), (11.0, 20.0), (11.0, 21.0), (10.0, 21.0), (10.0, 20.0)]],
    }
    assert len(twice["rings"]) == 2 and twice["iso3"] is None  # no ISO id (Kosovo, Somaliland)


def test_every_module_is_preloaded_by_the_page():
    # Without the preloads the browser finds the modules import by import (page, app.js, the views,
    # then dom.js and filters.js): three round trips before the first view can ask for its data.
    collector = _Collector()
    collector.feed((STATIC / "index.html").read_text(encoding="utf-8"))
    preloaded = {
        attrs["href"] for tag, attrs in collector.tags if tag == "link" and attrs.get("rel") == "modulepreload"
    }
    assert preloaded == {"/static/js/%s" % script.name for script in SCRIPTS}
