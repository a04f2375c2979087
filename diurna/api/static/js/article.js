// Article view: the text with its records highlighted in place (actor mentions per actor, event
// triggers with their type, quotes with their speaker); clicking one shows its JSON.
import { api, colourFor, el, showJSON } from "./dom.js";

export async function renderArticles(view) {
  const list = await api("/api/articles", { limit: 200 });
  view.append(el("h2", { text: "Articles" }), el("table", { id: "article-table" },
    el("thead", {}, el("tr", {}, ["Published", "Title", "Events", "Quotes"].map((h) => el("th", { text: h })))),
    el("tbody", {}, list.map((a) => el("tr", {
      onclick: () => { window.location.hash = "#/article/" + encodeURIComponent(a.id); } },
    el("td", { text: a.published || "" }), el("td", { text: a.title || a.snippet }),
    el("td", { text: a.events }), el("td", { text: a.quotes }))))));
}

export async function renderArticle(view, [id]) {
  const doc = await api("/api/articles/" + encodeURIComponent(id));
  showDocument(view, doc);
}

// Offsets in the contract are Python string offsets: code points, not UTF-16 units.
function annotations(doc) {
  const actors = new Map(doc.actors.map((a) => [a.id, a]));
  const items = [];
  for (const q of doc.quotes) {
    const speaker = actors.get(q.speaker);
    items.push({ start: q.content.start, end: q.content.end, kind: "quote", record: q,
      title: "quote (" + q.kind + ") by " + (speaker ? speaker.name : "unknown speaker") });
  }
  for (const a of doc.actors) {
    for (const m of a.mentions) items.push({ start: m.start, end: m.end, kind: "mention", record: a, actor: a.id,
      title: a.name + (a.code ? " [" + a.code + "]" : "") });
  }
  for (const e of doc.events) items.push({ start: e.trigger.start, end: e.trigger.end, kind: "trigger", record: e,
    title: e.type + " " + (actors.get(e.source)?.name || "?") + " → " + (actors.get(e.target)?.name || "—") });
  return items;
}

function highlighted(doc) {
  const chars = Array.from(doc.article.text);
  const items = annotations(doc);
  const cuts = new Set([0, chars.length]);
  for (const item of items) { cuts.add(item.start); cuts.add(item.end); }
  const bounds = [...cuts].filter((c) => c >= 0 && c <= chars.length).sort((a, b) => a - b);
  const container = el("div", { class: "article-text", id: "article-text" });
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [start, end] = [bounds[i], bounds[i + 1]];
    const covering = items.filter((it) => it.start <= start && it.end >= end && it.start < it.end);
    let node = document.createTextNode(chars.slice(start, end).join(""));
    // innermost last: quote (outer) > mention > trigger (inner)
    for (const kind of ["trigger", "mention", "quote"]) {
      const item = covering.filter((it) => it.kind === kind).sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
      if (!item) continue;
      const span = el("span", { class: kind, title: item.title, "data-type": kind === "trigger" ? item.record.type : null,
        onclick: (event) => { event.stopPropagation(); showJSON(item.record); } }, node);
      if (kind === "mention") span.style.setProperty("--actor", colourFor(item.actor));
      node = span;
    }
    container.append(node);
  }
  return container;
}

export function showDocument(view, doc) {
  const actors = new Map(doc.actors.map((a) => [a.id, a]));
  const a = doc.article;
  view.append(
    el("h2", { text: a.title || "Article " + a.id }),
    el("p", { class: "muted", text: [a.published, a.source, a.url].filter(Boolean).join(" · ") }),
    el("div", { class: "legend", id: "actor-legend" }, doc.actors.map((actor) => {
      const item = el("span", { text: actor.name + (actor.code ? " (" + actor.code + ")" : ""),
        onclick: () => showJSON(actor) });
      item.style.setProperty("--actor", colourFor(actor.id));
      return item;
    })),
    highlighted(doc),
    el("h3", { text: `Events (${doc.events.length})` }),
    el("ul", { id: "article-events" }, doc.events.map((e) => el("li", { onclick: () => showJSON(e) },
      `${e.type} — ${actors.get(e.source)?.name || "?"} → ${actors.get(e.target)?.name || "—"} · “${e.trigger.text}” · ${e.date.start}`
      + (e.attributed_to ? ` (claimed by ${actors.get(e.attributed_to)?.name})` : "")))),
    el("h3", { text: `Quotes (${doc.quotes.length})` }),
    el("ul", { class: "quotes-list", id: "article-quotes" }, doc.quotes.map((q) => el("li", { onclick: () => showJSON(q) },
      el("strong", { text: (actors.get(q.speaker)?.name || "unattributed") + ": " }),
      "“" + q.content.text + "”",
      q.via.length ? el("span", { class: "muted", text: " via " + q.via.map((v) => actors.get(v)?.name).join(", ") }) : null))));
}
