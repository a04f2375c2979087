// Map of event places under the shared filters: one circle per place (area grows with its events)
// over the bundled Natural Earth 110m country outlines, each country shaded by the events that
// happened in it (a choropleth), in an equirectangular projection with zoom. No tiles and no network:
// the base layer is /static/vendor/countries-110m.json (scripts/vendor_dashboard_assets.sh makes it).
// The counts say how many of the selected events have a place at all ("N of M events placed").
import { PLOVER_TYPES, api, categoricalColour, clickable, el, go, svg } from "./dom.js";
import { exportBar } from "./exporting.js";
import { apiFilters, filterBar, filterParams, filtersFrom, scopeText } from "./filters.js";

// The places with the most events that are drawn and listed; the text says how many there are in all
// (a few thousand circles already take the browser a second to draw).
const PLACES_SHOWN = 2000;

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
  const wanted = apiFilters(filters);
  const [countries, places, summary, form] = await Promise.all([countryOutlines(),
    api("/api/places", { ...wanted, limit: PLACES_SHOWN }), api("/api/map", wanted), filterBar("map", filters)]);
  const located = places.filter((p) => p.lat !== null && p.lon !== null);
  const byType = params.get("colour") === "type";
  const typeColour = (type) => categoricalColour(Math.max(0, PLOVER_TYPES.indexOf(type)));
  const tooltip = el("div", { class: "tooltip", id: "map-tooltip", hidden: true });
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, id: "map-svg", role: "img",
    "aria-label": `map of ${located.length} event places` }, graticule());
  const perCountry = new Map(summary.countries.map((c) => [c.country, c.events]));
  const most = Math.max(1, ...perCountry.values());
  root.append(svg("g", { class: "countries" }, countries.map((country) => {
    const n = perCountry.get(country.iso3) || 0;
    const text = `${country.name || ""}: ${n} event${n === 1 ? "" : "s"} happened here`;
    const path = svg("path", { d: country.rings.map(ringPath).join(""), class: "country" + (n ? " shaded" : ""),
      "data-iso3": country.iso3 || "", "data-events": n }, svg("title", { text }));
    if (n) path.style.fill = shade(n, most);     // a style, because the stylesheet's fill outranks an attribute
    return n ? clickable(path, () => go("events", { ...filterParams(filters), place_country: country.iso3 })) : path;
  })));
  const max = Math.max(1, ...located.map((p) => p.events));
  const radius = (events) => MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(events / max);
  // Big circles first, so a small place near a big one stays on top and clickable.
  const circles = [...located].sort((x, y) => y.events - x.events).map((p) => {
    const [x, y] = project([p.lon, p.lat]);
    const text = `${p.name}${p.country ? " (" + p.country + ")" : ""}: ${p.events} event${p.events === 1 ? "" : "s"}` +
      (p.top_type ? `, mostly ${p.top_type}` : "");
    const circle = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: radius(p.events).toFixed(1), class: "place",
      "data-name": p.name, "data-type": p.top_type || "", "aria-label": text,
      onmouseenter: () => showTip(tooltip, text, x, y), onmouseleave: () => { tooltip.hidden = true; },
      onfocus: () => showTip(tooltip, text, x, y), onblur: () => { tooltip.hidden = true; } },
    svg("title", { text }));
    if (byType) circle.style.fill = typeColour(p.top_type);
    return clickable(circle, () => go("events", { ...filterParams(filters), place: p.geonameid ?? p.name }));
  });
  const layer = svg("g", { class: "zoom-layer" }, ...root.childNodes);
  layer.append(svg("g", { class: "places" }, circles));
  root.replaceChildren(layer, sizeLegend(max, radius));
  const placedText = `${summary.placed} of ${summary.events} events placed` +
    ` (${summary.events - summary.placed} without a place with coordinates); ` +
    `${summary.with_country} with a country of the event, shaded`;
  view.append(el("h2", { text: "Where events happen" }), form,
    el("p", { id: "map-count", text: placedText }),
    el("p", { class: "muted small", text: scopeText(filters) + ` ${summary.places_total} place${summary.places_total === 1 ? "" : "s"}` +
      (summary.places_total > located.length ? `, the ${located.length} with the most events drawn` : "") +
      ". Circle area grows with a place's events, a country's shade with the events that happened in it; " +
      "click either for its events." }),
    el("div", { class: "toolbar" }, zoomControls(root),
      el("label", {}, "Circles coloured ", el("select", { id: "map-colour", onchange: (event) =>
        go("map", { ...filterParams(filters), colour: event.target.value }) },
      el("option", { value: "", text: "one colour" }),
      el("option", { value: "type", text: "by main event type", selected: byType })))),
    ...(byType ? [typeLegend(located, typeColour)] : []),
    el("div", { class: "map-frame" }, root, tooltip),
    exportBar("map", () => places, root),
    placeTable(places));
  view.dataset.places = String(located.length);
  view.dataset.placed = String(summary.placed);
  view.dataset.events = String(summary.events);
}

// The types that are some place's main type, with their colours.
function typeLegend(places, colour) {
  const types = PLOVER_TYPES.filter((t) => places.some((p) => p.top_type === t));
  return el("p", { class: "legend", id: "map-type-legend" }, types.map((t) => {
    const mark = el("span", { class: "swatch" });
    mark.style.setProperty("--swatch", colour(t));
    return el("span", {}, mark, t);
  }));
}

// Light to dark blue on a square-root scale, so a country with a few events still shows.
function shade(n, most) {
  const t = Math.sqrt(n / most);
  return `hsl(215, 70%, ${(92 - 52 * t).toFixed(0)}%)`;
}

// Zoom by buttons (and the mouse wheel): the view box narrows around the centre; drag to pan.
function zoomControls(root) {
  let scale = 1, cx = W / 2, cy = H / 2;
  const apply = () => {
    const w = W / scale, h = H / scale;
    cx = Math.min(W - w / 2, Math.max(w / 2, cx));
    cy = Math.min(H - h / 2, Math.max(h / 2, cy));
    root.setAttribute("viewBox", `${(cx - w / 2).toFixed(1)} ${(cy - h / 2).toFixed(1)} ${w.toFixed(1)} ${h.toFixed(1)}`);
    root.dataset.zoom = String(scale);
  };
  const zoom = (factor) => { scale = Math.min(16, Math.max(1, scale * factor)); apply(); };
  root.addEventListener("wheel", (event) => { event.preventDefault(); zoom(event.deltaY < 0 ? 1.5 : 1 / 1.5); }, { passive: false });
  let drag = null;
  root.addEventListener("pointerdown", (event) => { drag = [event.clientX, event.clientY]; });
  root.addEventListener("pointerup", () => { drag = null; });
  root.addEventListener("pointerleave", () => { drag = null; });
  root.addEventListener("pointermove", (event) => {
    if (!drag || scale === 1) return;
    const box = root.getBoundingClientRect();
    cx -= ((event.clientX - drag[0]) / box.width) * (W / scale);
    cy -= ((event.clientY - drag[1]) / box.height) * (H / scale);
    drag = [event.clientX, event.clientY];
    apply();
  });
  return el("div", { class: "buttons", id: "map-zoom" },
    el("button", { type: "button", class: "secondary", text: "Zoom in", onclick: () => zoom(2) }),
    el("button", { type: "button", class: "secondary", text: "Zoom out", onclick: () => zoom(0.5) }),
    el("button", { type: "button", class: "secondary", text: "Whole world", onclick: () => { scale = 1; apply(); } }));
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

function placeTable(places) {
  if (!places.length) return el("p", { class: "empty", text: "No event has a place under these filters." });
  return el("details", { class: "place-list" }, el("summary", { text: places.length === 1 ? "The place" : `All ${places.length} places drawn` }),
    el("table", { id: "place-table", class: "compact" },
      el("thead", {}, el("tr", {}, ["Place", "Country", "Kind", "Events"].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, places.map((p) => el("tr", {}, el("td", { text: p.name }), el("td", { text: p.country || "" }),
        el("td", { text: p.feature || "" }), el("td", { class: "number", text: p.events }))))));
}
