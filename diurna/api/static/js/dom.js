// DOM helpers. Everything from the data goes in through textContent or attributes, never innerHTML:
// article text may hold markup (`<script>` included) and must stay text.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

export async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((v) => url.searchParams.append(key, v));
    else if (value !== "" && value !== null && value !== undefined) url.searchParams.set(key, value);
  }
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail ? JSON.stringify(body.detail) : response.statusText);
  return body;
}

export function showJSON(record) {
  const aside = document.getElementById("inspector");
  document.getElementById("inspector-json").textContent = JSON.stringify(record, null, 2);
  aside.hidden = false;
}

export function errorBox(error) {
  return el("p", { class: "error", text: "Error: " + error.message });
}

// A stable colour per key, for actors.
export function colourFor(key) {
  let h = 0;
  for (const ch of String(key)) h = (h * 31 + ch.codePointAt(0)) >>> 0;
  return `hsl(${h % 360}, 65%, 45%)`;
}

export function goldsteinColour(value) {
  if (value === null || value === undefined) return "#999";
  const t = Math.max(-10, Math.min(10, value)) / 10;          // -1 conflict .. +1 cooperation
  const red = Math.round(t < 0 ? 200 : 200 * (1 - t));
  const green = Math.round(t > 0 ? 160 : 160 * (1 + t));
  return `rgb(${red}, ${green}, 60)`;
}
