// The dashboard: a hash router over the views; each view renders into <main id="view">.
import { renderEvents } from "./events.js";
import { renderArticle, renderArticles } from "./article.js";
import { renderDyad } from "./dyad.js";
import { renderNetwork } from "./network.js";
import { renderMap } from "./map.js";
import { renderPaste } from "./paste.js";
import { errorBox } from "./dom.js";

const ROUTES = {
  events: renderEvents, article: renderArticle, articles: renderArticles, dyad: renderDyad,
  network: renderNetwork, map: renderMap, paste: renderPaste,
};

async function route() {
  const [name, ...rest] = (window.location.hash.replace(/^#\/?/, "") || "events").split("/");
  const view = document.getElementById("view");
  const render = ROUTES[name] || renderEvents;
  for (const link of document.querySelectorAll("nav a")) link.classList.toggle("active", link.dataset.view === name);
  view.replaceChildren();
  document.getElementById("inspector").hidden = true;
  view.dataset.view = name in ROUTES ? name : "events";
  try {
    await render(view, rest.map(decodeURIComponent));
  } catch (error) {
    view.append(errorBox(error));
  }
  view.dataset.ready = "true";
}

document.getElementById("inspector-close").addEventListener("click", () => {
  document.getElementById("inspector").hidden = true;
});
window.addEventListener("hashchange", () => { document.getElementById("view").dataset.ready = "false"; route(); });
route();
