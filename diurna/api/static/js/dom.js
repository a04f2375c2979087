// DOM helpers. Everything from the data goes in through textContent or attributes, never innerHTML:
// article text may hold markup (`<script>` included) and must stay text.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  return appendAll(node, children);
}

const SVG_NS = "http://www.w3.org/2000/svg";
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  return appendAll(node, children);
}

function appendAll(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Makes a non-button element act like one for keyboard users too (Enter or Space).
export function clickable(node, handler) {
  node.setAttribute("tabindex", "0");
  node.setAttribute("role", "button");
  node.addEventListener("click", handler);
  node.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); handler(event); }
  });
  return node;
}

// Query parameters from an object whose values are strings, numbers or arrays (repeated keys);
// empty values are left out so URLs stay short and shareable.
export function toSearchParams(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) if (v !== "" && v !== null && v !== undefined) search.append(key, String(v));
  }
  return search;
}

// A server that cannot be reached (stopped, or the network is down) is said so, not "Failed to fetch".
export class ServerDown extends Error {}

export async function api(path, params = {}) {
  const query = toSearchParams(params).toString();
  let response;
  try {
    response = await fetch(path + (query ? "?" + query : ""), { headers: { Accept: "application/json" } });
  } catch {
    throw new ServerDown("The diurna server cannot be reached: it may have stopped. Start it again " +
      "(diurna serve) and reload this page.");
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(describeError(body, response));
  return body;
}

// FastAPI's validation errors come as a list of {loc, msg}: say which field and why.
export function describeError(body, response) {
  const detail = body && body.detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) return detail.map((d) => `${(d.loc || []).slice(-1)[0] || "request"}: ${d.msg}`).join("; ");
  return `${response.status} ${response.statusText}`;
}

// The address of a view with its state: "#/events?country=IRN&type=ACCUSE".
export function viewHash(path, params = {}) {
  const query = toSearchParams(params).toString();
  return "#/" + path + (query ? "?" + query : "");
}

// Work a view can only do once its nodes are in the page (scrolling to a record); the router runs
// these after it swaps the rendered view in.
export const afterRender = [];
export function whenShown(callback) { afterRender.push(callback); }

export function go(path, params = {}) {
  window.location.hash = viewHash(path, params);
}

// The record panel on the right; while it is open the page narrows so it hides nothing. It shows the
// record's fields with ids replaced by names (`names`: id -> name); a switch shows the raw JSON.
export function showJSON(title, record, names = new Map()) {
  document.getElementById("inspector-title").textContent = title;
  document.getElementById("inspector-json").textContent = JSON.stringify(record, null, 2);
  document.getElementById("inspector-fields").replaceChildren(...Object.entries(record).flatMap(([key, value]) => [
    el("dt", { text: key.replaceAll("_", " ") }), el("dd", {}, readable(value, names))]));
  document.getElementById("inspector").hidden = false;
  document.body.classList.add("inspecting");
}

function readable(value, names) {
  if (value === null || value === undefined || value === "") return el("span", { class: "muted", text: "—" });
  if (typeof value === "string" && names.has(value)) return [names.get(value), el("span", { class: "code", text: " " + value })];
  if (Array.isArray(value)) {
    if (!value.length) return el("span", { class: "muted", text: "none" });
    return value.map((v, i) => [i ? "; " : "", readable(v, names)]);
  }
  if (typeof value === "object") {
    if ("granularity" in value) {
      const span = value.end && value.end !== value.start ? `${value.start} to ${value.end}` : value.start || "undated";
      return `${span} (${value.granularity})` + (value.text ? ` “${value.text}”` : "");
    }
    if ("start" in value && "end" in value) {
      return [value.text ? `“${value.text}” ` : "", el("span", { class: "code", text: `${value.start}–${value.end}` })];
    }
    return Object.entries(value).map(([k, v], i) => [i ? ", " : "", `${k}: `, readable(v, names)]);
  }
  return String(value);
}

export function hideInspector() {
  document.getElementById("inspector").hidden = true;
  document.body.classList.remove("inspecting");
}

export function errorBox(error) {
  if (error instanceof ServerDown) return el("p", { class: "error server-down", role: "alert", text: error.message });
  return el("p", { class: "error", role: "alert", text: "Error: " + error.message });
}

// Distinct colours for the n-th item of a list (the actors of an article): ten hand-picked ones that
// stay apart on a white page, then golden-angle hues in two lightnesses.
const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
  "#7f7f7f", "#bcbd22"];
export function categoricalColour(index) {
  if (index < PALETTE.length) return PALETTE[index];
  const n = index - PALETTE.length;
  return `hsl(${((n * 137.508) % 360).toFixed(0)}, 65%, ${n % 2 ? 32 : 48}%)`;
}

// Goldstein -10 (conflict, red) .. 0 (amber) .. +10 (cooperation, green).
export function goldsteinColour(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return "#9ca3af";
  const t = Math.max(-10, Math.min(10, value)) / 10;
  const hue = 60 + 60 * t;          // 0 red, 60 amber, 120 green
  return `hsl(${hue.toFixed(0)}, 70%, 40%)`;
}

export const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

export const PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

// Actor suggestions for a text input: the value is the store's actor key (exact), the label its name.
export function actorOptions(id, actors) {
  return el("datalist", { id }, actors.map((a) => el("option", {
    value: a.key, label: `${a.name}${a.code ? " · " + a.code : ""} (${a.as_source + a.as_target} events)` })));
}

export function formatNumber(value, digits = 1) {
  return value === null || value === undefined ? "" : Number(value).toFixed(digits).replace(/\.0+$/, "");
}
