// Dyad view: cooperation against conflict between two actors or countries over time, both
// directions: event counts as bars (cooperation up, conflict down) and Goldstein sums as lines.
import { api, el, formatNumber, go, svg } from "./dom.js";
import { exportBar } from "./exporting.js";
import { apiFilters, filterBar, filterParams, filtersFrom, scopeText, suggestActors } from "./filters.js";

const FREQUENCIES = ["day", "week", "month", "year"];
const MAX_FILLED_PERIODS = 600;     // beyond this, empty periods are not drawn (the bars would be slivers)
const COLOURS = {
  "a->b": { cooperation: "#15803d", conflict: "#b91c1c", goldstein: "#1d4ed8" },
  "b->a": { cooperation: "#86efac", conflict: "#fca5a5", goldstein: "#60a5fa" },
};

export async function renderDyad(view, _parts, params) {
  const filters = filtersFrom(params);
  let a = params.get("a") || "", b = params.get("b") || "";
  if (!a || !b) {
    // With nothing chosen yet, start from the busiest pair under the filters; a country is taken
    // with its roll-up (JPN: the state, its government, military, officials and groups), the widest
    // reading, not the state alone (kb:japan).
    const [top] = await api("/api/network", { ...apiFilters(filters), limit: 1 });
    const rolledUp = (key, code) => (code && /^[A-Z]{3}$/.test(code) ? code : key);
    if (top) { a = a || rolledUp(top.source_key, top.source_code); b = b || rolledUp(top.target_key, top.target_code); }
  }
  const freq = FREQUENCIES.includes(params.get("freq")) ? params.get("freq") : "month";
  view.append(el("h2", { text: "Dyad: cooperation and conflict over time" }),
    await filterBar("dyad", filters, { a, b, freq }),
    dyadForm({ a, b, freq }, filters),
    el("p", { class: "muted small", text: scopeText(filters) + " A CAMEO country code (JPN) rolls up the " +
      "country's state, government, military, officials and groups; an actor key (kb:japan) is that actor alone." }));
  if (!a || !b) {
    view.append(el("p", { class: "empty", text: "Choose two actors or countries (a name, a CAMEO code such as IRN, or a suggestion)." }));
    return;
  }
  const [points, nameA, nameB] = await Promise.all([api("/api/dyads", { ...apiFilters(filters), a, b, freq }),
    displayName(a), displayName(b)]);
  const names = { a: nameA, b: nameB };
  if (!points.length) {
    view.append(el("p", { class: "empty", id: "dyad-empty", text: `No events between ${names.a} and ${names.b}.` }));
  } else {
    const drawn = drawChart(points, freq, names);
    view.append(el("div", { id: "dyad-chart" }, drawn), legend(names), summary(points, names),
      exportBar("dyad", () => points.map((p) => ({ a, b, ...p })), drawn));
  }
  view.dataset.points = String(points.length);
}

function dyadForm(state, filters) {
  const form = el("form", { class: "filters", id: "dyad-form" },
    el("label", {}, "Actor or country A", el("input", { type: "search", name: "a", list: "dyad-actor-options",
      value: state.a, required: true, size: 24 })),
    el("label", {}, "Actor or country B", el("input", { type: "search", name: "b", list: "dyad-actor-options",
      value: state.b, required: true, size: 24 })),
    el("datalist", { id: "dyad-actor-options" }),
    el("label", {}, "Per", el("select", { name: "freq" }, FREQUENCIES.map((f) =>
      el("option", { value: f, text: f, selected: f === state.freq })))),
    el("div", { class: "buttons" },
      el("button", { type: "submit", text: "Show" }),
      el("button", { type: "button", class: "secondary", text: "Swap A and B", onclick: () => {
        const data = Object.fromEntries(new FormData(form));
        go("dyad", { ...filterParams(filters), ...data, a: data.b, b: data.a });
      } })));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    go("dyad", { ...filterParams(filters), a: data.a.trim(), b: data.b.trim(), freq: data.freq });
  });
  suggestActors(form.querySelector("input[name=a]"), form.querySelector("#dyad-actor-options"));
  return form;
}

// An actor key's name ("kb:japan" is Japan); a code or a word is shown as written.
async function displayName(value) {
  if (!value.includes(":")) return value;
  const [actor] = await api("/api/actors", { q: value, limit: 1 }).catch(() => []);
  return actor && actor.key === value ? actor.name : value;
}

// Every period between the first and the last, so quiet periods show as gaps rather than vanish.
export function periodRange(first, last, freq) {
  const out = [];
  const date = new Date(first + "T00:00:00Z");
  const stop = new Date(last + "T00:00:00Z");
  while (date <= stop && out.length <= MAX_FILLED_PERIODS) {
    out.push(date.toISOString().slice(0, 10));
    if (freq === "day") date.setUTCDate(date.getUTCDate() + 1);
    else if (freq === "week") date.setUTCDate(date.getUTCDate() + 7);
    else if (freq === "month") date.setUTCMonth(date.getUTCMonth() + 1);
    else date.setUTCFullYear(date.getUTCFullYear() + 1);
  }
  return out;
}

function periodsOf(points, freq) {
  const present = [...new Set(points.map((p) => p.period))].sort();
  const all = periodRange(present[0], present[present.length - 1], freq);
  return all.length > MAX_FILLED_PERIODS ? { periods: present, filled: false } : { periods: all, filled: true };
}

function periodLabel(period, freq) {
  return freq === "year" ? period.slice(0, 4) : freq === "month" ? period.slice(0, 7) : period;
}

// Round tick values covering 0..max (whole numbers only for counts).
function ticks(max, count = 4, whole = false) {
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw || 1));
  let step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) || raw;
  if (whole) step = Math.max(1, Math.round(step));
  const top = Math.max(step, Math.ceil(max / step - 1e-9) * step);
  const values = [];
  for (let v = step; v <= top + 1e-9; v += step) values.push(Number(v.toPrecision(12)));
  return { step, values, top };
}

function drawChart(points, freq, names) {
  const { periods, filled } = periodsOf(points, freq);
  const index = new Map(periods.map((p, i) => [p, i]));
  const W = 960, left = 56, right = 16, top = 24;
  const countH = 260, gap = 48, goldH = 150, bottom = 40;
  const H = top + countH + gap + goldH + bottom;
  const plotW = W - left - right, slot = plotW / periods.length;
  const barW = Math.max(1.5, Math.min(26, slot * 0.38));
  const x = (i) => left + (i + 0.5) * slot;

  const counts = ticks(Math.max(1, ...points.map((p) => Math.max(p.cooperation, p.conflict))), 4, true);
  const mid = top + countH / 2, perCount = (countH / 2) / counts.top;
  const golds = ticks(Math.max(1, ...points.map((p) => Math.abs(p.goldstein_sum))), 2);
  const goldMid = top + countH + gap + goldH / 2, perGold = (goldH / 2) / golds.top;

  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, id: "dyad-svg", role: "img",
    "aria-label": `cooperation and conflict between ${names.a} and ${names.b} per ${freq}` });
  // Axes and gridlines: counts above and below the middle line, Goldstein sums in the lower panel.
  for (const v of counts.values) {
    for (const sign of [-1, 1]) {
      const y = mid + sign * v * perCount;
      root.append(svg("line", { x1: left, x2: W - right, y1: y, y2: y, class: "grid" }),
        svg("text", { x: left - 6, y: y + 4, class: "tick", "text-anchor": "end", text: String(v) }));
    }
  }
  for (const v of [-golds.top, 0, golds.top]) {
    const y = goldMid - v * perGold;
    root.append(svg("line", { x1: left, x2: W - right, y1: y, y2: y, class: v === 0 ? "axis" : "grid" }),
      svg("text", { x: left - 6, y: y + 4, class: "tick", "text-anchor": "end", text: formatNumber(v) }));
  }
  root.append(svg("line", { x1: left, x2: W - right, y1: mid, y2: mid, class: "axis" }),
    svg("text", { x: left, y: top - 8, class: "panel-title", text: "events: cooperation ↑   conflict ↓" }),
    svg("text", { x: left, y: top + countH + gap - 8, class: "panel-title", text: "Goldstein sum" }));

  for (const [direction, shift] of [["a->b", -1], ["b->a", 0]]) {
    const colour = COLOURS[direction];
    const label = direction === "a->b" ? `${names.a} → ${names.b}` : `${names.b} → ${names.a}`;
    const line = [];
    const mine = new Map(points.filter((q) => q.direction === direction).map((q) => [q.period, q]));
    // A period without events has a Goldstein sum of 0: where every period is drawn, the line passes through it.
    if (filled) {
      periods.forEach((period, i) => {
        if (!mine.has(period)) line.push([x(i), goldMid, null]);
      });
    }
    for (const p of mine.values()) {
      const i = index.get(p.period);
      if (i === undefined) continue;
      const bx = x(i) + shift * barW;
      const tip = `${label}, ${periodLabel(p.period, freq)}: ${p.events} events, ${p.cooperation} cooperative, ` +
        `${p.conflict} conflictual, Goldstein sum ${formatNumber(p.goldstein_sum)}`;
      if (p.cooperation) root.append(svg("rect", { x: bx, y: mid - p.cooperation * perCount, width: barW,
        height: p.cooperation * perCount, fill: colour.cooperation, class: "bar " + direction }, svg("title", { text: tip })));
      if (p.conflict) root.append(svg("rect", { x: bx, y: mid, width: barW, height: p.conflict * perCount,
        fill: colour.conflict, class: "bar " + direction }, svg("title", { text: tip })));
      line.push([x(i), goldMid - p.goldstein_sum * perGold, tip]);
    }
    line.sort((u, v) => u[0] - v[0]);
    if (line.length > 1) root.append(svg("polyline", { points: line.map(([px, py]) => `${px},${py}`).join(" "),
      fill: "none", stroke: colour.goldstein, "stroke-width": 2, "stroke-dasharray": direction === "b->a" ? "5 3" : null }));
    for (const [px, py, tip] of line.filter((point) => point[2])) {
      root.append(svg("circle", { cx: px, cy: py, r: 3.5, fill: colour.goldstein }, svg("title", { text: tip })));
    }
  }
  const every = Math.max(1, Math.ceil(periods.length / 12));
  periods.forEach((p, i) => {
    if (i % every === 0) root.append(svg("text", { x: x(i), y: H - bottom + 18, class: "tick", "text-anchor": "middle",
      text: periodLabel(p, freq) }));
  });
  return root;
}

function legend(names) {
  const swatch = (colour, text) => {
    const mark = el("span", { class: "swatch" });
    mark.style.setProperty("--swatch", colour);
    return el("span", {}, mark, text);
  };
  return el("p", { class: "legend", id: "dyad-legend" },
    swatch(COLOURS["a->b"].cooperation, `${names.a} → ${names.b} cooperative`),
    swatch(COLOURS["a->b"].conflict, `${names.a} → ${names.b} conflictual`),
    swatch(COLOURS["b->a"].cooperation, `${names.b} → ${names.a} cooperative`),
    swatch(COLOURS["b->a"].conflict, `${names.b} → ${names.a} conflictual`),
    swatch(COLOURS["a->b"].goldstein, `Goldstein sum ${names.a} → ${names.b}`),
    swatch(COLOURS["b->a"].goldstein, `Goldstein sum ${names.b} → ${names.a} (dashed)`));
}

function summary(points, names) {
  const rows = [["a->b", `${names.a} → ${names.b}`], ["b->a", `${names.b} → ${names.a}`]].map(([direction, label]) => {
    const mine = points.filter((p) => p.direction === direction);
    const sum = (key) => mine.reduce((total, p) => total + p[key], 0);
    return el("tr", {}, el("th", { scope: "row", text: label }), el("td", { class: "number", text: sum("events") }),
      el("td", { class: "number", text: sum("cooperation") }), el("td", { class: "number", text: sum("conflict") }),
      el("td", { class: "number", text: formatNumber(sum("goldstein_sum")) }));
  });
  return el("table", { id: "dyad-summary", class: "compact" },
    el("thead", {}, el("tr", {}, ["Direction", "Events", "Cooperative", "Conflictual", "Goldstein sum"]
      .map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, rows));
}
