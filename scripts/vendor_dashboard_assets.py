"""Vendor the dashboard's map outlines: Natural Earth 110m countries from the npm package world-atlas
(ISC licence; the data is public domain), converted once from TopoJSON to compact GeoJSON-like paths.

    bash scripts/vendor_dashboard_assets.sh     # needs npm and the npm registry; writes diurna/api/static/vendor/
"""

from __future__ import annotations

import json
import pathlib
import shutil
import subprocess
import tarfile
import tempfile

OUT = pathlib.Path(__file__).resolve().parent.parent / "diurna" / "api" / "static" / "vendor"
PACKAGE = "world-atlas@2.0.2"


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


def countries(topology: dict) -> list[dict]:
    arcs = decode_arcs(topology)
    out = []
    for geom in topology["objects"]["countries"]["geometries"]:
        polygons = geom.get("arcs", [])
        if geom["type"] == "Polygon":
            polygons = [polygons]
        rings = [ring(arcs, r) for polygon in polygons for r in polygon]
        out.append({"name": geom.get("properties", {}).get("name"), "rings": rings})
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, capture_output=True)
        archive = next(pathlib.Path(tmp).glob("world-atlas-*.tgz"))
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        package = pathlib.Path(tmp) / "package"
        topology = json.loads((package / "countries-110m.json").read_text(encoding="utf-8"))
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "countries-110m.json").write_text(
            json.dumps(countries(topology), separators=(",", ":")), encoding="utf-8"
        )
        shutil.copy(package / "LICENSE", OUT / "LICENSE.world-atlas")
    print("wrote", OUT / "countries-110m.json")


if __name__ == "__main__":
    main()
