// Article view: the text with its records highlighted in place — actor mentions underlined in one
// colour per actor, places dotted, event triggers marked with their PLOVER type, quotes shaded and
// labelled with their speaker. Clicking a highlight (or a legend or list entry) shows its JSON record.
import { api, categoricalColour, clickable, el, formatNumber, go, showJSON, whenShown } from "./dom.js";

const ARTICLES_PAGE = 50;

export async function renderArticles(view, _parts, params) {
  const q = params.get("q") || "";
  const offset = Math.max(0, Number.parseInt(params.get("offset") || "0", 10) || 0);
  const list = await api("/api/articles", { limit: ARTICLES_PAGE, offset, q });
  const search = el("input", { type: "search", name: "q", value: q, placeholder: "words in the title or text", size: 30 });
  const form = el("form", { class: "filters", id: "article-search" }, el("label", {}, "Search", search),
    el("div", { class: "buttons" }, el("button", { type: "submit", text: "Search" })));
  form.addEventListener("submit", (event) => { event.preventDefault(); go("articles", { q: search.value.trim() }); });
  const rows = list.map((a) => clickable(el("tr", {},
    el("td", { class: "nowrap", text: a.published || "" }),
    el("td", {}, el("strong", { text: a.title || firstLine(a.snippet) }), el("div", { class: "muted small", text: a.snippet })),
    el("td", { text: a.source || "" }),
    el("td", { class: "number", text: a.events }), el("td", { class: "number", text: a.quotes }),
    el("td", { text: a.dup_group && a.dup_group !== a.id ? "copy" : "" })),
  () => go("article/" + encodeURIComponent(a.id))));
  view.append(el("h2", { text: "Articles" }), form,
    rows.length ? el("table", { id: "article-table" },
      el("thead", {}, el("tr", {}, ["Published", "Article", "Source", "Events", "Quotes", "Duplicate"]
        .map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, rows)) : el("p", { class: "empty", text: "No stored article matches." }),
    el("div", { class: "pager" },
      el("button", { type: "button", disabled: offset === 0, text: "‹ Newer",
        onclick: () => go("articles", { q, offset: Math.max(0, offset - ARTICLES_PAGE) || "" }) }),
      el("button", { type: "button", disabled: list.length < ARTICLES_PAGE, text: "Older ›",
        onclick: () => go("articles", { q, offset: offset + ARTICLES_PAGE }) })));
  view.dataset.rows = String(list.length);
}

export async function renderArticle(view, [id], params) {
  const doc = await api("/api/articles/" + encodeURIComponent(id));
  showDocument(view, doc);
  const wanted = params.get("event");
  if (wanted) whenShown(() => select(view.ownerDocument.getElementById("article-text"), wanted, "Event",
    doc.events.find((e) => e.id === wanted), true));
}

function firstLine(text) {
  const line = (text || "").split("\n").find((l) => l.trim()) || "";
  return line.length > 90 ? line.slice(0, 90) + "…" : line;
}

// One highlight per record mention. Offsets in the contract are Python string offsets, that is
// code points, while JS strings index UTF-16 units: the text is split into code points first.
function annotations(doc) {
  const actors = new Map(doc.actors.map((a) => [a.id, a]));
  const name = (id) => actors.get(id)?.name;
  const items = [];
  for (const q of doc.quotes) {
    items.push({ kind: "quote", id: q.id, start: q.content.start, end: q.content.end, record: q, label: "Quote",
      speaker: name(q.speaker) || "unattributed",
      title: `quote (${q.kind}) by ${name(q.speaker) || "an unattributed speaker"}` +
        (q.via.length ? ", via " + q.via.map(name).join(", ") : "") });
  }
  doc.actors.forEach((a, index) => {
    for (const m of a.mentions) {
      items.push({ kind: "mention", id: a.id, start: m.start, end: m.end, record: a, label: "Actor",
        colour: categoricalColour(index),
        title: a.name + (a.code ? ` [${a.code}]` : "") });
    }
  });
  for (const p of doc.places) {
    for (const m of p.mentions) {
      items.push({ kind: "place", id: p.id, start: m.start, end: m.end, record: p, label: "Place",
        title: `place: ${p.name}` + (p.country ? ` (${p.country})` : "") });
    }
  }
  for (const e of doc.events) {
    items.push({ kind: "trigger", id: e.id, start: e.trigger.start, end: e.trigger.end, record: e, label: "Event",
      title: `${e.type}: ${name(e.source) || "?"} → ${name(e.target) || "—"}` +
        (e.polarity === "negated" ? " (negated)" : "") + (e.modality !== "actual" ? ` (${e.modality})` : "") });
  }
  return items.filter((item) => item.start < item.end);
}

// Nesting from the outside in: a quote holds mentions, a mention may hold a place, a trigger is innermost.
const NESTING = ["trigger", "place", "mention", "quote"];

function highlightedText(doc) {
  const chars = Array.from(doc.article.text);
  const items = annotations(doc).filter((item) => item.end <= chars.length);
  const bounds = [...new Set([0, chars.length, ...items.flatMap((i) => [i.start, i.end])])].sort((a, b) => a - b);
  const container = el("div", { class: "article-text", id: "article-text", lang: doc.article.language || "en" });
  for (let b = 0; b + 1 < bounds.length; b++) {
    const [start, end] = [bounds[b], bounds[b + 1]];
    const covering = items.filter((it) => it.start <= start && it.end >= end);
    let node = document.createTextNode(chars.slice(start, end).join(""));
    for (const kind of NESTING) {
      // Several mentions can cover one stretch ("Iranian" inside "Iranian President X"):
      // the shortest is innermost; each outer one is drawn a little lower (data-depth).
      const layers = covering.filter((it) => it.kind === kind).sort((x, y) => (x.end - x.start) - (y.end - y.start));
      layers.forEach((item, depth) => { node = wrap(container, item, node, start, end, depth, layers.slice(depth + 1)); });
    }
    container.append(node);
  }
  return container;
}

function wrap(container, item, child, start, end, depth, enclosing) {
  const span = el("span", { class: "hl " + item.kind, "data-id": item.id, "data-start": item.start, title: item.title }, child);
  if (item.kind === "mention") span.style.setProperty("--actor", item.colour);
  if (depth) span.dataset.depth = String(Math.min(depth, 3));
  // Labels go once per record, not once per piece: the speaker before a quote, the type after a trigger.
  // A quote inside another quote of the same speaker (a quoted phrase within reported speech) needs no
  // second label.
  if (item.kind === "quote" && start === item.start) {
    span.classList.add("quote-start");
    if (!enclosing.some((outer) => outer.speaker === item.speaker)) span.dataset.speaker = item.speaker;
  }
  if (item.kind === "trigger" && end === item.end) { span.classList.add("trigger-end"); span.dataset.type = item.record.type; }
  span.addEventListener("click", (event) => {
    event.stopPropagation();
    select(container, item.id, item.label, item.record, false);
  });
  return span;
}

// Shows a record's JSON and marks every highlight that belongs to it.
function select(container, id, label, record, scroll) {
  if (!container || !record) return;
  for (const node of container.querySelectorAll(".selected")) node.classList.remove("selected");
  const parts = [...container.querySelectorAll(".hl")].filter((node) => node.dataset.id === id);
  for (const node of parts) node.classList.add("selected");
  if (scroll && parts.length) parts[0].scrollIntoView({ block: "center" });
  showJSON(`${label} ${id}`, record, recordNames);
}

// Names for the record panel: the ids of the article on show, of its actors, places and events.
let recordNames = new Map();
function namesOf(doc) {
  const names = new Map([[doc.article.id, doc.article.title || doc.article.id]]);
  for (const a of doc.actors) names.set(a.id, a.name);
  for (const p of doc.places) names.set(p.id, p.name + (p.country ? ` (${p.country})` : ""));
  for (const e of doc.events) names.set(e.id, `${e.type} “${e.trigger.text}”`);
  return names;
}

export function showDocument(view, doc) {
  recordNames = namesOf(doc);
  const actors = new Map(doc.actors.map((a) => [a.id, a]));
  const name = (id) => actors.get(id)?.name;
  const a = doc.article;
  const text = highlightedText(doc);
  const pick = (label, record) => () => select(text, record.id, label, record, true);
  view.append(...[
    el("h2", { id: "article-title", text: a.title || firstLine(a.text) || "Article " + a.id }),
    el("p", { class: "muted" }, [a.published, a.source, a.id].filter(Boolean).join(" · "),
      a.url ? [" · ", el("a", { href: safeUrl(a.url), rel: "noopener noreferrer nofollow", text: a.url })] : null),
    kindLegend(),
    el("div", { class: "legend", id: "actor-legend", "aria-label": "actors" }, doc.actors.map((actor, index) => {
      const entry = clickable(el("span", { class: "actor-key", text: actor.name + (actor.code ? ` (${actor.code})` : ""),
        title: `${actor.mentions.length} mentions` }), pick("Actor", actor));
      entry.style.setProperty("--actor", categoricalColour(index));
      return entry;
    })),
    text,
    el("h3", { text: `Events (${doc.events.length})` }),
    el("ol", { id: "article-events", class: "records" }, doc.events.map((e) => clickable(el("li", {},
      el("span", { class: "type quad-" + e.quad_class, text: e.type }),
      ` ${name(e.source) || "?"} → ${name(e.target) || "—"} · “${e.trigger.text}” · ${e.date.start}` +
        (e.date.end !== e.date.start ? "…" + e.date.end : "") +
        (e.goldstein !== null ? ` · Goldstein ${formatNumber(e.goldstein)}` : ""),
      e.polarity === "negated" ? el("span", { class: "qualifier", text: " negated" }) : null,
      e.modality !== "actual" ? el("span", { class: "qualifier", text: " " + e.modality }) : null,
      e.attributed_to ? el("span", { class: "muted", text: ` (claimed by ${name(e.attributed_to)})` }) : null),
    pick("Event", e)))),
    el("h3", { text: `Quotes (${doc.quotes.length})` }),
    el("ol", { id: "article-quotes", class: "records" }, doc.quotes.map((q) => clickable(el("li", {},
      el("strong", { text: (name(q.speaker) || "unattributed") + ": " }), `“${q.content.text}”`,
      el("span", { class: "muted", text: ` ${q.kind}` + (q.cue ? `, “${q.cue.text}”` : "") +
        (q.via.length ? ", via " + q.via.map(name).join(", ") : "") })),
    pick("Quote", q)))),
    doc.places.length ? [el("h3", { text: `Places (${doc.places.length})` }),
      el("ul", { id: "article-places", class: "records" }, doc.places.map((p) => clickable(el("li", {},
        `${p.name}` + (p.country ? ` (${p.country})` : "") + ` · ${p.feature}` +
          (p.lat !== null ? ` · ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}` : "")),
      () => go("events", { place: p.geonameid ?? p.name }))))] : null,
  ].flat().filter(Boolean));
  view.dataset.article = a.id;
}

function kindLegend() {
  return el("p", { class: "legend kinds" },
    el("span", { class: "hl mention sample", text: "actor mention" }),
    el("span", { class: "hl place sample", text: "place" }),
    el("span", { class: "hl trigger trigger-end sample", "data-type": "TYPE", text: "event trigger" }),
    el("span", { class: "hl quote quote-start sample", "data-speaker": "speaker", text: "quote" }),
    el("span", { class: "muted", text: "click any of them for its record" }));
}

// Only web links become links: a stored "javascript:" URL must not run when clicked.
function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
