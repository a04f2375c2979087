// Actor network: who acts on whom. Edge width = events, colour = mean Goldstein (red conflict, green cooperation).
import { api, el, goldsteinColour, svg } from "./dom.js";

export async function renderNetwork(view) {
  const edges = await api("/api/network", { limit: 150 });
  view.append(el("h2", { text: "Actor network" }),
    el("p", { class: "muted", text: "Edge width: number of events. Colour: mean Goldstein score, red (conflict) to green (cooperation)." }));
  if (!edges.length) { view.append(el("p", { text: "No events with both a source and a target yet." })); return; }
  const W = 900, H = 600;
  const nodes = new Map();
  for (const e of edges) {
    nodes.set(e.source_key, nodes.get(e.source_key) || { key: e.source_key, name: e.source_name, degree: 0 });
    nodes.set(e.target_key, nodes.get(e.target_key) || { key: e.target_key, name: e.target_name, degree: 0 });
    nodes.get(e.source_key).degree += e.events; nodes.get(e.target_key).degree += e.events;
  }
  const list = [...nodes.values()];
  list.forEach((n, i) => { const a = 2 * Math.PI * i / list.length; n.x = W / 2 + 220 * Math.cos(a); n.y = H / 2 + 220 * Math.sin(a); });
  layout(list, edges, nodes, W, H);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, id: "network-svg" });
  for (const e of edges) {
    const s = nodes.get(e.source_key), t = nodes.get(e.target_key);
    root.append(svg("line", { x1: s.x, y1: s.y, x2: t.x, y2: t.y, stroke: goldsteinColour(e.mean_goldstein),
      "stroke-width": Math.min(12, 1 + e.events), "stroke-opacity": 0.75, class: "edge" },
    svg("title", { text: `${e.source_name} → ${e.target_name}: ${e.events} events, mean Goldstein ${e.mean_goldstein?.toFixed(1)}` })));
  }
  for (const n of list) {
    root.append(svg("g", { class: "node", transform: `translate(${n.x},${n.y})` },
      svg("circle", { r: Math.min(18, 4 + Math.sqrt(n.degree) * 2) }), svg("text", { x: 8, y: 4, text: n.name })));
  }
  view.append(root);
  view.dataset.nodes = String(list.length);
}

// A small force simulation: springs on edges, repulsion between all nodes, pull to the centre.
function layout(list, edges, nodes, W, H) {
  for (let step = 0; step < 300; step++) {
    const cool = 1 - step / 300;
    for (const n of list) { n.dx = (W / 2 - n.x) * 0.01; n.dy = (H / 2 - n.y) * 0.01; }
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      const a = list[i], b = list[j];
      let dx = a.x - b.x, dy = a.y - b.y; const d2 = Math.max(dx * dx + dy * dy, 25);
      const f = 2500 / d2; dx *= f / Math.sqrt(d2); dy *= f / Math.sqrt(d2);
      a.dx += dx; a.dy += dy; b.dx -= dx; b.dy -= dy;
    }
    for (const e of edges) {
      const a = nodes.get(e.source_key), b = nodes.get(e.target_key);
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(Math.hypot(dx, dy), 1), f = (d - 110) * 0.02;
      a.dx += dx / d * f; a.dy += dy / d * f; b.dx -= dx / d * f; b.dy -= dy / d * f;
    }
    for (const n of list) {
      n.x = Math.max(20, Math.min(W - 120, n.x + Math.max(-20, Math.min(20, n.dx)) * cool));
      n.y = Math.max(20, Math.min(H - 20, n.y + Math.max(-20, Math.min(20, n.dy)) * cool));
    }
  }
}
