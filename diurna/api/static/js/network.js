// Actor network under the shared filters: who acts on whom. One node per actor (a generic actor such
// as "police" is one node per country), one arrow per (source, target) pair; the arrow's width grows
// with the logarithm of its events, so 10,000 and 20,000 still look different, and its colour is their
// mean Goldstein score (red conflict, amber neutral, green cooperation). Clicking an actor opens its profile.
import { api, clickable, el, formatNumber, go, goldsteinColour, svg } from "./dom.js";
import { exportBar } from "./exporting.js";
import { apiFilters, filterBar, filterParams, filtersFrom, scopeText } from "./filters.js";

const W = 960, H = 640, MARGIN = 40, LABEL_ROOM = 110;

export async function renderNetwork(view, _parts, params) {
  const minEvents = Math.max(1, Number.parseInt(params.get("min_events") || "1", 10) || 1);
  const limit = Math.min(1000, Math.max(1, Number.parseInt(params.get("limit") || "150", 10) || 150));
  const filters = filtersFrom(params);
  currentFilters = filters;
  const [rawEdges, form] = await Promise.all([api("/api/network", { ...apiFilters(filters), limit, min_events: minEvents }),
    filterBar("network", filters, { min_events: minEvents === 1 ? "" : minEvents, limit: limit === 150 ? "" : limit })]);
  // Nodes are keyed by actor and, for generic actors, country (the API tells them apart).
  const edges = rawEdges.map((e) => ({ ...e, source_node: nodeId(e.source_key, e.source_country),
    target_node: nodeId(e.target_key, e.target_country),
    source_label: label(e.source_name, e.source_country), target_label: label(e.target_name, e.target_country) }));
  heaviest = Math.max(1, ...edges.map((e) => e.events));
  view.append(el("h2", { text: "Actor network" }), form, controls(filters, minEvents, limit),
    el("p", { class: "muted small", text: scopeText(filters) }));
  if (!edges.length) {
    view.append(el("p", { class: "empty", text: "No events with both a source and a target match." }));
    view.dataset.nodes = "0";
    return;
  }
  const nodes = nodesOf(edges);
  layout(nodes, edges);
  fitToView(nodes);
  const drawn = drawNetwork(nodes, edges);
  view.append(el("div", { class: "chart-row" }, drawn, legend(edges)), exportBar("network", () => rawEdges, drawn));
  view.dataset.nodes = String(nodes.size);
  view.dataset.edges = String(edges.length);
}

const nodeId = (key, country) => key + (country ? "@" + country : "");
const label = (name, country) => name + (country ? ` (${country})` : "");
let heaviest = 1;
let currentFilters = {};     // the heaviest pair drawn: edge widths are scaled to it

function controls(filters, minEvents, limit) {
  const form = el("form", { class: "filters", id: "network-form" },
    el("label", {}, "At least … events per pair", el("input", { type: "number", name: "min_events", min: 1, value: minEvents, size: 4 })),
    el("label", {}, "At most … pairs", el("input", { type: "number", name: "limit", min: 1, max: 1000, value: limit, size: 5 })),
    el("div", { class: "buttons" }, el("button", { type: "submit", text: "Redraw" })));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    go("network", { ...filterParams(filters), min_events: data.min_events, limit: data.limit });
  });
  return form;
}

function nodesOf(edges) {
  const nodes = new Map();
  const node = (id, key, name) => {
    if (!nodes.has(id)) nodes.set(id, { id, key, name, out: 0, in: 0 });
    return nodes.get(id);
  };
  for (const e of edges) {
    node(e.source_node, e.source_key, e.source_label).out += e.events;
    node(e.target_node, e.target_key, e.target_label).in += e.events;
  }
  return nodes;
}

// Each connected group of actors is laid out on its own, then the groups are packed in rows, biggest
// first: separate stories stay readable instead of drifting to the edges of one shared simulation.
// Labels keep their size when the drawing is scaled down to fit, so each group is given room for its
// labels at the scale it will be drawn at: packed again, with more room, until the room survives the
// scaling (else a name ran into the next group's circles).
function layout(nodes, edges) {
  const groups = components(nodes, edges).map((members) => {
    const list = [...members];
    forceLayout(list, edges.filter((e) => members.has(nodes.get(e.source_node))), nodes);
    for (const n of list) { n.fx = n.x; n.fy = n.y; }
    return list;
  });
  let room = 1;
  for (let attempt = 0; attempt < 4; attempt++) {
    for (const n of nodes.values()) { n.x = n.fx; n.y = n.fy; }
    packRows(groups.map((list) => box(list, room)));
    const scale = fitScale([...nodes.values()]).scale;
    if (scale * room >= 0.95) break;
    room = 1 / scale;
  }
}

function components(nodes, edges) {
  const parent = new Map([...nodes.values()].map((n) => [n, n]));
  const find = (n) => { while (parent.get(n) !== n) { parent.set(n, parent.get(parent.get(n))); n = parent.get(n); } return n; };
  for (const e of edges) parent.set(find(nodes.get(e.source_node)), find(nodes.get(e.target_node)));
  const groups = new Map();
  for (const n of nodes.values()) {
    const root = find(n);
    if (!groups.has(root)) groups.set(root, new Set());
    groups.get(root).add(n);
  }
  return [...groups.values()].sort((a, b) => b.size - a.size);
}

// A small force simulation (Fruchterman–Reingold with cooling): every pair of nodes repels, every
// edge pulls its ends together. Nodes start on a circle in a fixed order, so the same data always
// gives the same picture.
const IDEAL = 70;            // the preferred edge length, in drawing units
function forceLayout(list, edges, nodes) {
  const spread = IDEAL * Math.sqrt(list.length);
  list.forEach((n, i) => {
    // from the top, so a pair stands one above the other and their labels (written rightwards) do not collide
    const angle = Math.PI / 2 + (2 * Math.PI * i) / list.length;
    n.x = spread * Math.cos(angle);
    n.y = spread * Math.sin(angle);
  });
  const steps = list.length > 300 ? 150 : 300;
  for (let step = 0; step < steps; step++) {
    const temperature = spread * 0.2 * (1 - step / steps) + 0.5;
    for (const n of list) { n.dx = -n.x * 0.01; n.dy = -n.y * 0.01; }
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i], b = list[j];
        const dx = a.x - b.x || 0.01, dy = a.y - b.y || 0.01, d = Math.max(Math.hypot(dx, dy), 1);
        const force = (IDEAL * IDEAL) / d;
        a.dx += (dx / d) * force; a.dy += (dy / d) * force;
        b.dx -= (dx / d) * force; b.dy -= (dy / d) * force;
      }
    }
    for (const e of edges) {
      const a = nodes.get(e.source_node), b = nodes.get(e.target_node);
      if (a === b) continue;
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(Math.hypot(dx, dy), 1);
      const force = (d * d) / IDEAL;
      a.dx += (dx / d) * force; a.dy += (dy / d) * force;
      b.dx -= (dx / d) * force; b.dy -= (dy / d) * force;
    }
    for (const n of list) {
      const moved = Math.max(Math.hypot(n.dx, n.dy), 1e-9), limited = Math.min(moved, temperature);
      n.x += (n.dx / moved) * limited;
      n.y += (n.dy / moved) * limited;
    }
  }
}

// A group's extent, with room for the labels written to the right of its nodes (`room` times their
// width in drawing units: the layout is scaled by about 1 / room afterwards).
function box(list, room) {
  const x0 = Math.min(...list.map((n) => n.x)) - 25 * room, y0 = Math.min(...list.map((n) => n.y)) - 25 * room;
  const x1 = Math.max(...list.map((n) => n.x + room * (8 + 6 * n.name.length)));
  const y1 = Math.max(...list.map((n) => n.y)) + 25 * room;
  return { list, x0, y0, width: x1 - x0, height: y1 - y0 };
}

// Shelf packing: boxes left to right in rows as wide as the widest box or the square root of the total area.
function packRows(boxes) {
  const area = boxes.reduce((sum, b) => sum + b.width * b.height, 0);
  const rowWidth = Math.max(Math.sqrt(area * (W / H)), ...boxes.map((b) => b.width));
  let x = 0, y = 0, rowHeight = 0;
  for (const b of boxes) {
    if (x > 0 && x + b.width > rowWidth) { x = 0; y += rowHeight; rowHeight = 0; }
    for (const n of b.list) { n.x += x - b.x0; n.y += y - b.y0; }
    x += b.width;
    rowHeight = Math.max(rowHeight, b.height);
  }
}

// How the packed layout is scaled into the drawing (never enlarging it more than twice).
function fitScale(list) {
  const xs = list.map((n) => n.x), ys = list.map((n) => n.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (W - 2 * MARGIN - LABEL_ROOM) / Math.max(x1 - x0, 1), sy = (H - 2 * MARGIN) / Math.max(y1 - y0, 1);
  return { x0, x1, y0, y1, scale: Math.min(sx, sy, 2) };
}

function fitToView(nodes) {
  const list = [...nodes.values()];
  const { x0, x1, y0, y1, scale } = fitScale(list);
  const offsetX = MARGIN + (W - 2 * MARGIN - LABEL_ROOM - (x1 - x0) * scale) / 2;
  const offsetY = MARGIN + (H - 2 * MARGIN - (y1 - y0) * scale) / 2;
  for (const n of list) { n.x = offsetX + (n.x - x0) * scale; n.y = offsetY + (n.y - y0) * scale; }
}

// Logarithmic scales: at high volume a square root still saturates, a logarithm keeps ordering visible.
const radius = (n) => 4 + 14 * Math.log1p(n.in + n.out) / Math.log1p(2 * heaviest);
const width = (events) => 1 + 11 * Math.log1p(events) / Math.log1p(heaviest);

function drawNetwork(nodes, edges) {
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, id: "network-svg", role: "img",
    "aria-label": `actor network: ${nodes.size} actors, ${edges.length} pairs` });
  const pairs = new Set(edges.map((e) => e.source_node + "\u0000" + e.target_node));
  const edgeLayer = svg("g", { class: "edges" }), nodeLayer = svg("g", { class: "nodes" });
  for (const e of edges) {
    const s = nodes.get(e.source_node), t = nodes.get(e.target_node);
    if (s === t) continue;
    // When both directions exist, each arrow bends to its own side so neither hides the other.
    const bend = pairs.has(e.target_node + "\u0000" + e.source_node) ? 0.18 : 0;
    const colour = goldsteinColour(e.mean_goldstein);
    const tip = `${e.source_label} → ${e.target_label}: ${e.events} events, mean Goldstein ${formatNumber(e.mean_goldstein)}`;
    edgeLayer.append(svg("g", { class: "edge" }, arrow(s, t, bend, width(e.events), colour), svg("title", { text: tip })));
  }
  for (const n of nodes.values()) {
    const open = () => go("actor/" + encodeURIComponent(n.key), filterParams(currentFilters));
    const g = svg("g", { class: "node", transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`, "data-key": n.key, "data-node": n.id },
      svg("circle", { r: radius(n) }),
      svg("text", { x: radius(n) + 3, y: 4, text: n.name }),
      svg("title", { text: `${n.name} (${n.key}): ${n.out} events as source, ${n.in} as target — click for its profile` }));
    nodeLayer.append(clickable(g, open));
  }
  root.append(edgeLayer, nodeLayer);
  return root;
}

// A quadratic curve from the edge of s to the edge of t, with a filled arrowhead at t.
function arrow(s, t, bend, strokeWidth, colour) {
  const dx = t.x - s.x, dy = t.y - s.y, d = Math.max(Math.hypot(dx, dy), 1);
  const cx = (s.x + t.x) / 2 - dy * bend, cy = (s.y + t.y) / 2 + dx * bend;
  const head = 6 + strokeWidth;
  // Leave the curve where it meets each circle; the tangent at the end points from (cx,cy) to t.
  const ux = (t.x - cx) / Math.hypot(t.x - cx, t.y - cy), uy = (t.y - cy) / Math.hypot(t.x - cx, t.y - cy);
  const vx = (cx - s.x) / Math.hypot(cx - s.x, cy - s.y), vy = (cy - s.y) / Math.hypot(cx - s.x, cy - s.y);
  const sx = s.x + vx * radius(s), sy = s.y + vy * radius(s);
  const tipX = t.x - ux * radius(t), tipY = t.y - uy * radius(t);
  const baseX = tipX - ux * head, baseY = tipY - uy * head;
  const f = (v) => v.toFixed(1);
  return [
    svg("path", { d: `M${f(sx)},${f(sy)} Q${f(cx)},${f(cy)} ${f(baseX)},${f(baseY)}`, fill: "none", stroke: colour,
      "stroke-width": strokeWidth, "stroke-opacity": 0.75, class: "edge-line" }),
    svg("polygon", { fill: colour, points: [[tipX, tipY], [baseX - uy * head * 0.5, baseY + ux * head * 0.5],
      [baseX + uy * head * 0.5, baseY - ux * head * 0.5]].map(([px, py]) => `${f(px)},${f(py)}`).join(" ") }),
  ];
}

function legend(edges) {
  const scale = svg("svg", { width: 220, height: 150, viewBox: "0 0 220 150", id: "network-legend", role: "img",
    "aria-label": "legend: colour is mean Goldstein, width grows with the logarithm of the number of events" });
  const gradient = svg("linearGradient", { id: "goldstein-scale", x1: 0, x2: 1, y1: 0, y2: 0 });
  for (let v = -10; v <= 10; v += 5) gradient.append(svg("stop", { offset: `${(v + 10) * 5}%`, "stop-color": goldsteinColour(v) }));
  scale.append(svg("defs", {}, gradient),
    svg("text", { x: 10, y: 16, class: "panel-title", text: "mean Goldstein" }),
    svg("rect", { x: 10, y: 24, width: 200, height: 12, fill: "url(#goldstein-scale)" }),
    svg("text", { x: 10, y: 50, class: "tick", text: "−10 conflict" }),
    svg("text", { x: 210, y: 50, class: "tick", "text-anchor": "end", text: "+10 cooperation" }),
    svg("text", { x: 10, y: 78, class: "panel-title", text: "events per pair (log scale)" }));
  const most = Math.max(...edges.map((e) => e.events));
  [1, Math.max(2, Math.round(most / 2)), most].filter((v, i, all) => all.indexOf(v) === i && v <= Math.max(most, 1))
    .forEach((events, i) => {
      const y = 96 + i * 18;
      scale.append(svg("line", { x1: 10, x2: 60, y1: y, y2: y, stroke: "#6b7280", "stroke-width": width(events) }),
        svg("text", { x: 70, y: y + 4, class: "tick", text: String(events) }));
    });
  return el("div", { class: "side-legend" }, scale,
    el("p", { class: "muted small", text: "Arrows point from source to target; click an actor for its profile." }));
}
