// Dyad view: cooperation vs conflict over time, counts and Goldstein sums, both directions.
import { api, el, svg } from "./dom.js";

export async function renderDyad(view) {
  const actors = await api("/api/actors", { limit: 200 });
  const options = el("datalist", { id: "actor-options" }, actors.map((a) => el("option", { value: a.code || a.name, text: a.name })));
  const form = el("form", { class: "filters", id: "dyad-form" },
    el("label", {}, "Actor or country A", el("input", { name: "a", list: "actor-options", required: true,
      value: actors[0]?.code || actors[0]?.name || "" })),
    el("label", {}, "Actor or country B", el("input", { name: "b", list: "actor-options", required: true,
      value: actors[1]?.code || actors[1]?.name || "" })),
    el("label", {}, "Per", el("select", { name: "freq" }, ["day", "week", "month", "year"].map((f) =>
      el("option", { value: f, text: f, selected: f === "month" })))),
    el("button", { type: "submit", text: "Show" }));
  const chart = el("div", { id: "dyad-chart" });
  view.append(el("h2", { text: "Dyad: cooperation and conflict over time" }), options, form, chart);

  async function load() {
    const data = new FormData(form);
    const points = await api("/api/dyads", { a: data.get("a"), b: data.get("b"), freq: data.get("freq") });
    chart.replaceChildren(points.length ? drawChart(points) : el("p", { class: "muted", text: "No events between these two." }));
    view.dataset.points = String(points.length);
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
  await load();
}

function drawChart(points) {
  const periods = [...new Set(points.map((p) => p.period))].sort();
  const W = 900, H = 320, M = 40, bw = Math.max(4, Math.min(40, (W - 2 * M) / periods.length / 4));
  const maxCount = Math.max(1, ...points.map((p) => Math.max(p.cooperation, p.conflict)));
  const maxG = Math.max(1, ...points.map((p) => Math.abs(p.goldstein_sum)));
  const x = (i) => M + (i + 0.5) * (W - 2 * M) / periods.length;
  const mid = H / 2;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, id: "dyad-svg" },
    svg("line", { x1: M, x2: W - M, y1: mid, y2: mid, class: "axis" }));
  const series = [["a->b", -1.5], ["b->a", 0.5]];
  for (const [direction, shift] of series) {
    const line = [];
    for (const p of points.filter((q) => q.direction === direction)) {
      const i = periods.indexOf(p.period), cx = x(i) + shift * bw;
      const up = (p.cooperation / maxCount) * (mid - M), down = (p.conflict / maxCount) * (mid - M);
      root.append(svg("rect", { x: cx, y: mid - up, width: bw, height: up, fill: direction === "a->b" ? "#16a34a" : "#86efac" },
        svg("title", { text: `${direction} ${p.period}: ${p.cooperation} cooperative` })));
      root.append(svg("rect", { x: cx, y: mid, width: bw, height: down, fill: direction === "a->b" ? "#dc2626" : "#fca5a5" },
        svg("title", { text: `${direction} ${p.period}: ${p.conflict} conflictual` })));
      line.push(`${x(i)},${mid - (p.goldstein_sum / maxG) * (mid - M)}`);
    }
    if (line.length) root.append(svg("polyline", { points: line.join(" "), fill: "none",
      stroke: direction === "a->b" ? "#1d4ed8" : "#93c5fd", "stroke-width": 2 }));
  }
  periods.forEach((p, i) => root.append(svg("text", { x: x(i) - 20, y: H - 8, text: p })));
  root.append(svg("text", { x: M, y: 14, text: "cooperation ↑ (A→B dark, B→A light) · Goldstein sum line" }));
  root.append(svg("text", { x: M, y: H - 24, text: "conflict ↓" }));
  return root;
}
