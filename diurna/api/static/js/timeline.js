// Event-volume timeline under the shared filters: event mentions per day, week or month, stacked by
// QuadClass or PLOVER type. Dragging across the chart sets the date range of every view (the start
// of the first period to the end of the last); the From/To fields do the same from the keyboard.
// Undated events and events dated more coarsely than a bar are counted in the text, not hidden.
import { PLOVER_TYPES, QUAD_NAMES, api, categoricalColour, el, go, svg } from "./dom.js";
import { exportBar } from "./exporting.js";
import { apiFilters, filterBar, filterParams, filtersFrom, scopeText } from "./filters.js";

const FREQS = ["day", "week", "month"];
const QUAD_COLOURS = { 1: "#4ade80", 2: "#15803d", 3: "#f59e0b", 4: "#b91c1c", "?": "#9ca3af" };
const W = 960, H = 300, LEFT = 56, RIGHT = 16, TOP = 16, BOTTOM = 36;
const MAX_BARS = 1500;     // more periods than this: the view asks for a coarser step

export async function renderTimeline(view, _parts, params) {
  const filters = filtersFrom(params);
  const freq = FREQS.includes(params.get("freq")) ? params.get("freq") : "month";
  const by = params.get("by") === "type" ? "type" : "quad_class";
  const keep = { freq: freq === "month" ? "" : freq, by: by === "quad_class" ? "" : by };
  const [data, form] = await Promise.all([
    api("/api/timeline", { ...apiFilters(filters), freq, by }),
    filterBar("timeline", filters, keep),
  ]);
  const choose = (key, values, current, label) => el("label", {}, label, el("select", { name: key, id: "timeline-" + key,
    onchange: (event) => go("timeline", { ...filterParams(filters), ...keep, [key]: event.target.value }) },
  values.map(([value, text]) => el("option", { value, text, selected: value === current }))));
  view.append(el("h2", { text: "Event volume over time" }), form,
    el("div", { class: "toolbar" },
      choose("freq", FREQS.map((f) => [f, f]), freq, "Per "),
      choose("by", [["quad_class", "QuadClass"], ["type", "event type"]], by, "Stacked by "),
      el("p", { class: "muted", id: "timeline-count", text: countText(data) })),
    el("p", { class: "muted small", text: scopeText(filters) }));
  if (!data.points.length) {
    view.append(el("p", { class: "empty", text: "No dated event matches these filters." }));
  } else {
    const periods = periodsOf(data.points, freq);
    if (periods.length > MAX_BARS) {
      view.append(el("p", { class: "empty", text: `More than ${MAX_BARS} ${freq}s are too many bars: choose a coarser step or a shorter range.` }));
    } else {
      const drawn = chart(data, periods, freq, by, filters, keep);
      view.append(el("div", { id: "timeline-chart" }, drawn), legend(data, by),
        exportBar("timeline", () => data.points.map((p) => ({ period: p.period, [by]: p.key, events: p.events })), drawn),
        el("p", { class: "muted small", text: "Drag across the chart to set the date range of every view." }));
    }
  }
  view.dataset.total = String(data.total);
  view.dataset.points = String(data.points.length);
}

function countText(data) {
  const parts = [`${data.total} events`];
  if (data.undated) parts.push(`${data.undated} undated (not drawn)`);
  if (data.coarser) parts.push(`${data.coarser} dated only to a ${coarsest(data)} or coarser, drawn at its first day`);
  const shown = Object.entries(data.granularities).map(([g, n]) => `${n} ${g}`).join(", ");
  return parts.join(" · ") + (shown ? ` · date precision: ${shown}` : "");
}

function coarsest(data) {
  const order = { week: 7, month: 31, season: 92, year: 366, years: 3660, before: 3660 };
  const step = { day: 1, week: 7, month: 31 }[data.freq];
  return Object.keys(data.granularities).filter((g) => (order[g] || 0) > step)
    .sort((a, b) => order[a] - order[b])[0] || "coarser period";
}

// Every period from the first to the last (quiet ones too), stopping past MAX_BARS.
function periodsOf(points, freq) {
  const present = [...new Set(points.map((p) => p.period))].sort();
  const out = [];
  const date = new Date(present[0] + "T00:00:00Z"), stop = new Date(present[present.length - 1] + "T00:00:00Z");
  while (date <= stop && out.length <= MAX_BARS) {
    out.push(date.toISOString().slice(0, 10));
    if (freq === "day") date.setUTCDate(date.getUTCDate() + 1);
    else if (freq === "week") date.setUTCDate(date.getUTCDate() + 7);
    else date.setUTCMonth(date.getUTCMonth() + 1);
  }
  return out;
}

function keysOf(data, by) {
  const present = new Set(data.points.map((p) => p.key));
  const order = by === "type" ? PLOVER_TYPES : ["1", "2", "3", "4"];
  return [...order.filter((k) => present.has(k)), ...[...present].filter((k) => !order.includes(k)).sort()];
}

function colourOf(key, by) {
  return by === "type" ? categoricalColour(Math.max(0, PLOVER_TYPES.indexOf(key))) : QUAD_COLOURS[key] || "#9ca3af";
}

function labelOf(key, by) {
  return by === "type" ? key : `${key} · ${QUAD_NAMES[key] || "no QuadClass"}`;
}

// The last day of a period, for a range that ends with it.
function periodEnd(period, freq) {
  const date = new Date(period + "T00:00:00Z");
  if (freq === "day") return period;
  if (freq === "week") date.setUTCDate(date.getUTCDate() + 6);
  else { date.setUTCMonth(date.getUTCMonth() + 1); date.setUTCDate(0); }
  return date.toISOString().slice(0, 10);
}

function chart(data, periods, freq, by, filters, keep) {
  const keys = keysOf(data, by);
  const index = new Map(periods.map((p, i) => [p, i]));
  const stacks = periods.map(() => ({}));
  for (const p of data.points) if (index.has(p.period)) stacks[index.get(p.period)][p.key] = p.events;
  const totals = stacks.map((s) => Object.values(s).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM, slot = plotW / periods.length;
  const y = (v) => TOP + plotH - (v / max) * plotH;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, id: "timeline-svg", role: "img",
    "aria-label": `events per ${freq}, stacked by ${by === "type" ? "event type" : "QuadClass"}` });
  for (const v of [0, Math.round(max / 2), max]) {
    root.append(svg("line", { x1: LEFT, x2: W - RIGHT, y1: y(v), y2: y(v), class: v ? "grid" : "axis" }),
      svg("text", { x: LEFT - 6, y: y(v) + 4, class: "tick", "text-anchor": "end", text: String(v) }));
  }
  const bars = svg("g", { class: "bars" });
  periods.forEach((period, i) => {
    let base = 0;
    for (const key of keys) {
      const n = stacks[i][key];
      if (!n) continue;
      bars.append(svg("rect", { x: (LEFT + i * slot + slot * 0.1).toFixed(2), width: Math.max(0.8, slot * 0.8).toFixed(2),
        y: y(base + n).toFixed(2), height: (y(base) - y(base + n)).toFixed(2), fill: colourOf(key, by),
        class: "bar", "data-period": period, "data-key": key },
      svg("title", { text: `${period}${freq === "day" ? "" : " (" + freq + ")"}: ${n} ${labelOf(key, by)} of ${totals[i]} events` })));
      base += n;
    }
  });
  root.append(bars);
  const every = Math.max(1, Math.ceil(periods.length / 10));
  periods.forEach((p, i) => {
    if (i % every === 0) root.append(svg("text", { x: LEFT + (i + 0.5) * slot, y: H - BOTTOM + 16, class: "tick",
      "text-anchor": "middle", text: freq === "month" ? p.slice(0, 7) : p }));
  });
  brush(root, periods, slot, freq, (start, end) => go("timeline", { ...filterParams(filters), ...keep, start, end, offset: "" }));
  return root;
}

// Drag to select periods: a shaded band follows the pointer; releasing sets the date range.
function brush(root, periods, slot, freq, done) {
  const band = svg("rect", { class: "brush", y: TOP, height: H - TOP - BOTTOM, x: 0, width: 0, visibility: "hidden" });
  root.append(band);
  const periodAt = (event) => {
    const box = root.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * W;
    return Math.min(periods.length - 1, Math.max(0, Math.floor((x - LEFT) / slot)));
  };
  let from = null;
  const draw = (a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    band.setAttribute("x", (LEFT + lo * slot).toFixed(2));
    band.setAttribute("width", ((hi - lo + 1) * slot).toFixed(2));
    band.setAttribute("visibility", "visible");
  };
  root.addEventListener("pointerdown", (event) => {
    from = periodAt(event);
    draw(from, from);
    event.preventDefault();
  });
  root.addEventListener("pointermove", (event) => { if (from !== null) draw(from, periodAt(event)); });
  const finish = (event) => {
    if (from === null) return;
    const to = periodAt(event);
    const [lo, hi] = from <= to ? [from, to] : [to, from];
    from = null;
    done(periods[lo], periodEnd(periods[hi], freq));
  };
  root.addEventListener("pointerup", finish);
  root.addEventListener("pointerleave", (event) => { if (from !== null) finish(event); });
}

function legend(data, by) {
  const sums = new Map();
  for (const p of data.points) sums.set(p.key, (sums.get(p.key) || 0) + p.events);
  return el("p", { class: "legend", id: "timeline-legend" }, keysOf(data, by).map((key) => {
    const mark = el("span", { class: "swatch" });
    mark.style.setProperty("--swatch", colourOf(key, by));
    return el("span", {}, mark, `${labelOf(key, by)}: ${sums.get(key)}`);
  }));
}
