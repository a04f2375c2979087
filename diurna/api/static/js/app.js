// The dashboard: a hash router over the views. An address such as "#/events?country=IRN" holds the
// whole state of a view, so the back button, reloads and shared links all work. Each view renders
// into <main id="view">, which carries data-view and, once rendered, data-ready="true".
import { renderEvents } from "./events.js";
import { renderActor } from "./actor.js";
import { renderArticle, renderArticles } from "./article.js";
import { renderDyad } from "./dyad.js";
import { renderNetwork } from "./network.js";
import { renderMap } from "./map.js";
import { renderPaste } from "./paste.js";
import { renderClusters, renderCluster } from "./clusters.js";
import { renderTimeline } from "./timeline.js";
import { afterRender, api, errorBox, hideInspector, toSearchParams } from "./dom.js";
import { filterParams, filtersFrom } from "./filters.js";

const ROUTES = {
  events: renderEvents, actor: renderActor, article: renderArticle, articles: renderArticles, dyad: renderDyad,
  network: renderNetwork, map: renderMap, paste: renderPaste, clusters: renderClusters, cluster: renderCluster,
  timeline: renderTimeline,
};
// Views that take the shared filters: their menu links carry the current ones along.
const FILTERED = new Set(["events", "timeline", "clusters", "dyad", "network", "map"]);

let renderCount = 0;   // a slow view must not draw over the one the user has moved on to

function parseHash() {
  const hash = window.location.hash.replace(/^#\/?/, "");
  const [path, query = ""] = hash.split("?", 2);
  const [name, ...rest] = (path || "events").split("/");
  return { name: name in ROUTES ? name : "events", parts: rest.map(decodeURIComponent), params: new URLSearchParams(query) };
}

async function route() {
  const { name, parts, params } = parseHash();
  const mine = ++renderCount;
  const view = document.getElementById("view");
  const target = document.createElement("div");
  const shared = toSearchParams(filterParams(filtersFrom(params))).toString();
  for (const link of document.querySelectorAll("nav a")) {
    if (FILTERED.has(link.dataset.view)) link.setAttribute("href", "#/" + link.dataset.view + (shared ? "?" + shared : ""));
    const active = link.dataset.view === name || (name === "article" && link.dataset.view === "articles") ||
      (name === "actor" && link.dataset.view === "network") || (name === "cluster" && link.dataset.view === "clusters");
    link.classList.toggle("active", active);
    if (active) link.setAttribute("aria-current", "page"); else link.removeAttribute("aria-current");
  }
  view.dataset.ready = "false";
  view.setAttribute("aria-busy", "true");
  const loading = document.getElementById("loading");
  loading.hidden = false;
  hideInspector();
  try {
    await ROUTES[name](target, parts, params);
  } catch (error) {
    target.append(errorBox(error));
  }
  if (mine !== renderCount) return;
  loading.hidden = true;
  view.replaceChildren(...target.childNodes);
  for (const key of Object.keys(view.dataset)) delete view.dataset[key];
  // readyAt: milliseconds from the page's navigation to this view drawn (benchmarks/bench_dashboard.py)
  Object.assign(view.dataset, target.dataset, { view: name, ready: "true", readyAt: String(Math.round(performance.now())) });
  view.removeAttribute("aria-busy");
  for (const callback of afterRender.splice(0)) callback();
}

document.getElementById("inspector-close").addEventListener("click", hideInspector);
document.getElementById("inspector-raw").addEventListener("change", (event) => {
  document.getElementById("inspector-json").hidden = !event.target.checked;
  document.getElementById("inspector-fields").hidden = event.target.checked;
});
document.addEventListener("keydown", (event) => { if (event.key === "Escape") hideInspector(); });
window.addEventListener("hashchange", route);
api("/api/health").then((h) => { document.getElementById("version").textContent = "v" + h.version; }).catch(() => {});
route();
