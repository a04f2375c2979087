// Map of event places: one circle per place (area grows with its events) over the bundled Natural
// Earth 110m country outlines, in an equirectangular projection. No tiles and no network: the base
// layer is /static/vendor/countries-110m.json (scripts/vendor_dashboard_assets.sh makes it).
import { PLOVER_TYPES, api, clickable, el, go, svg } from "./dom.js";
import { filtersFrom } from "./events.js";

const W = 960, H = 480;
const MAX_RADIUS = 18, MIN_RADIUS = 3;
const project = ([lon, lat]) => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];
let outlines = null;         // fetched once per page load

// A ring that crosses the antimeridian (Russia, Fiji) is broken there instead of drawn across the map.
function ringPath(ring) {
  let d = "", previous = null;
  for (const point of ring) {
    const [x, y] = project(point);
    d += (previous === null || Math.abs(point[0] - previous[0]) > 180 ? "M" : "L") + x.toFixed(1) + "," + y.toFixed(1);
    previous = point;
  }
  return d;
}

async function countryOutlines() {
  if (!outlines) {
    const response = await fetch("/static/vendor/countries-110m.json");
    if (!response.ok) throw new Error("the bundled country outlines are missing");
    outlines = await response.json();
  }
  return outlines;
}

export async function renderMap(view, _parts, params) {
  const filters = filtersFrom(params);
  const [countries, places] = await Promise.all([countryOutlines(), api("/api/places", { ...filters, limit: 2000 })]);
  const located = places.filter((p) => p.lat !== null && p.lon !== null);
  const tooltip = el("div", { class: "tooltip", id: "map-tooltip", hidden: true });
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, id: "map-svg", role: "img",
    "aria-label": `map of ${located.length} event places` }, graticule());
  root.append(svg("g", { class: "countries" }, countries.map((country) =>
    svg("path", { d: country.rings.map(ringPath).join(""), class: "country" }, svg("title", { text: country.name || "" })))));
  const max = Math.max(1, ...located.map((p) => p.events));
  const radius = (events) => MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(events / max);
  // Big circles first, so a small place near a big one stays on top and clickable.
  const circles = [...located].sort((x, y) => y.events - x.events).map((p) => {
    const [x, y] = project([p.lon, p.lat]);
    const text = `${p.name}${p.country ? " (" + p.country + ")" : ""}: ${p.events} event${p.events === 1 ? "" : "s"}`;
    const circle = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: radius(p.events).toFixed(1), class: "place",
      "data-name": p.name, "aria-label": text,
      onmouseenter: () => showTip(tooltip, text, x, y), onmouseleave: () => { tooltip.hidden = true; },
      onfocus: () => showTip(tooltip, text, x, y), onblur: () => { tooltip.hidden = true; } },
    svg("title", { text }));
    return clickable(circle, () => go("events", { ...filters, place: p.geonameid ?? p.name }));
  });
  root.append(svg("g", { class: "places" }, circles), sizeLegend(max, radius));
  view.append(el("h2", { text: "Where events happen" }), mapForm(filters),
    el("p", { class: "muted", text: `${located.length} places` +
      (places.length > located.length ? ` (${places.length - located.length} without coordinates)` : "") +
      ". Circle area grows with the number of events; click a place for its events." }),
    el("div", { class: "map-frame" }, root, tooltip),
    placeTable(places));
  view.dataset.places = String(located.length);
}

function showTip(tooltip, text, x, y) {
  tooltip.textContent = text;
  tooltip.hidden = false;
  tooltip.style.setProperty("--x", `${(x / W) * 100}%`);
  tooltip.style.setProperty("--y", `${(y / H) * 100}%`);
}

// Lines every 30 degrees, and the equator a little stronger, to read positions against.
function graticule() {
  const g = svg("g", { class: "graticule" });
  for (let lon = -150; lon <= 150; lon += 30) {
    const [x] = project([lon, 0]);
    g.append(svg("line", { x1: x, x2: x, y1: 0, y2: H }));
  }
  for (let lat = -60; lat <= 60; lat += 30) {
    const [, y] = project([0, lat]);
    g.append(svg("line", { x1: 0, x2: W, y1: y, y2: y, class: lat === 0 ? "equator" : null }));
  }
  return g;
}

function sizeLegend(max, radius) {
  const values = [...new Set([1, Math.round(max / 4), max])].filter((v) => v >= 1);
  const g = svg("g", { class: "size-legend", transform: `translate(16, ${H - 16 - 2 * MAX_RADIUS * values.length})` });
  values.forEach((v, i) => {
    const cy = i * 2 * MAX_RADIUS + MAX_RADIUS;
    g.append(svg("circle", { cx: MAX_RADIUS, cy, r: radius(v), class: "place legend-place" }),
      svg("text", { x: 2 * MAX_RADIUS + 6, y: cy + 4, class: "tick", text: `${v} event${v === 1 ? "" : "s"}` }));
  });
  return g;
}

function mapForm(filters) {
  const form = el("form", { class: "filters", id: "map-filters" },
    el("label", {}, "From", el("input", { type: "date", name: "start", value: filters.start })),
    el("label", {}, "To", el("input", { type: "date", name: "end", value: filters.end })),
    el("label", {}, "Actor", el("input", { type: "search", name: "actor", value: filters.actor, size: 18,
      placeholder: "name, KB id, CAMEO code" })),
    el("label", {}, "Type", el("select", { name: "type" }, el("option", { value: "", text: "any" }),
      PLOVER_TYPES.map((t) => el("option", { value: t, text: t, selected: filters.type.includes(t) })))),
    el("div", { class: "buttons" }, el("button", { type: "submit", text: "Show" })));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    go("map", { start: data.start, end: data.end, actor: data.actor.trim(), type: data.type });
  });
  return form;
}

function placeTable(places) {
  if (!places.length) return el("p", { class: "empty", text: "No event has a place under these filters." });
  return el("details", { class: "place-list" }, el("summary", { text: `All ${places.length} places` }),
    el("table", { id: "place-table", class: "compact" },
      el("thead", {}, el("tr", {}, ["Place", "Country", "Kind", "Events"].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, places.map((p) => el("tr", {}, el("td", { text: p.name }), el("td", { text: p.country || "" }),
        el("td", { text: p.feature || "" }), el("td", { class: "number", text: p.events }))))));
}
