// Map of event places over bundled Natural Earth country outlines (no tiles, no network).
import { api, el, svg } from "./dom.js";

const W = 960, H = 480;
const project = ([lon, lat]) => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];

// A ring that crosses the antimeridian (Russia, Fiji) is split there instead of drawn across the map.
function ringPath(ring) {
  let d = "", previous = null;
  for (const point of ring) {
    const [x, y] = project(point).map((v) => v.toFixed(1));
    d += (previous === null || Math.abs(point[0] - previous[0]) > 180 ? "M" : "L") + x + "," + y;
    previous = point;
  }
  return d;
}

export async function renderMap(view) {
  const [countries, places] = await Promise.all([
    fetch("/static/vendor/countries-110m.json").then((r) => r.json()), api("/api/places", { limit: 1000 })]);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, id: "map-svg" });
  for (const country of countries) {
    const d = country.rings.map(ringPath).join("");
    root.append(svg("path", { d, class: "country" }, svg("title", { text: country.name || "" })));
  }
  const max = Math.max(1, ...places.map((p) => p.events));
  const located = places.filter((p) => p.lat !== null && p.lon !== null);
  for (const p of located) {
    const [x, y] = project([p.lon, p.lat]);
    root.append(svg("circle", { cx: x, cy: y, r: 3 + 12 * Math.sqrt(p.events / max), class: "place" },
      svg("title", { text: `${p.name} (${p.country || "?"}): ${p.events} events` })));
  }
  view.append(el("h2", { text: "Where events happen" }),
    el("p", { class: "muted", text: `${located.length} places; circle area grows with the number of events.` }), root);
  view.dataset.places = String(located.length);
}
