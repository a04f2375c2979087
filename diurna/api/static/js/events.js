// Event table: filters (date range, actor, country, PLOVER types, QuadClass), pages of 50, and a CSV
// download of the same selection. The filters live in the address (#/events?country=IRN&type=ACCUSE).
import { PLOVER_TYPES, QUAD_NAMES, actorOptions, api, clickable, el, formatNumber, go, toSearchParams } from "./dom.js";

const PAGE = 50;
const CSV_ROWS = 10000;            // the API's largest page
const FILTER_KEYS = ["start", "end", "actor", "country", "quad_class", "place"];

export function filtersFrom(params) {
  const filters = {};
  for (const key of FILTER_KEYS) filters[key] = params.get(key) || "";
  filters.type = params.getAll("type").filter((t) => PLOVER_TYPES.includes(t));
  return filters;
}

export async function renderEvents(view, _parts, params) {
  const filters = filtersFrom(params);
  const offset = Math.max(0, Number.parseInt(params.get("offset") || "0", 10) || 0);
  const [page, actors] = await Promise.all([
    api("/api/events", { ...filters, limit: PAGE, offset }),
    api("/api/actors", { limit: 300 }),
  ]);
  const form = filterForm(filters, actors);
  view.append(el("h2", { text: "Events" }), form,
    el("div", { class: "toolbar" },
      el("p", { class: "muted", id: "event-count", text: countText(page) }),
      el("a", { class: "button", id: "event-csv", download: "diurna-events.csv", text: "Download CSV",
        href: "/api/events?" + toSearchParams({ ...filters, format: "csv", limit: CSV_ROWS }).toString(),
        title: `the events these filters select (at most ${CSV_ROWS})` })),
    page.events.length ? eventTable(page.events) : el("p", { class: "empty", text: "No event matches these filters." }),
    pager(filters, page));
  view.dataset.rows = String(page.events.length);
  view.dataset.total = String(page.total);
}

function countText(page) {
  if (!page.total) return "0 events";
  return `${page.total} events · showing ${page.offset + 1}–${page.offset + page.events.length}`;
}

function filterForm(filters, actors) {
  const form = el("form", { class: "filters", id: "event-filters" },
    el("label", {}, "From", el("input", { type: "date", name: "start", value: filters.start })),
    el("label", {}, "To", el("input", { type: "date", name: "end", value: filters.end })),
    el("label", {}, "Actor", el("input", { type: "search", name: "actor", list: "event-actor-options",
      value: filters.actor, placeholder: "name, KB id, CAMEO code", size: 22 })),
    actorOptions("event-actor-options", actors),
    el("label", {}, "Country", el("input", { type: "text", name: "country", value: filters.country,
      placeholder: "ISO3", size: 5, maxlength: 3, pattern: "[A-Za-z]{3}", title: "ISO alpha-3 code, e.g. IRN" })),
    el("label", {}, "Place", el("input", { type: "text", name: "place", value: filters.place,
      placeholder: "name or GeoNames id", size: 14 })),
    typePicker(filters.type),
    el("label", {}, "QuadClass", el("select", { name: "quad_class" }, el("option", { value: "", text: "any" }),
      Object.entries(QUAD_NAMES).map(([q, name]) => el("option", { value: q, text: `${q} · ${name}`,
        selected: filters.quad_class === q })))),
    el("div", { class: "buttons" },
      el("button", { type: "submit", text: "Filter" }),
      el("button", { type: "button", class: "secondary", text: "Clear", onclick: () => go("events") })));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const chosen = {};
    for (const key of FILTER_KEYS) chosen[key] = (data.get(key) || "").trim();
    chosen.country = chosen.country.toUpperCase();
    chosen.type = data.getAll("type");
    if (chosen.start && chosen.end && chosen.start > chosen.end) [chosen.start, chosen.end] = [chosen.end, chosen.start];
    go("events", chosen);
  });
  return form;
}

// Sixteen types fit better as a fold-out grid of checkboxes than as a multiple <select>.
function typePicker(chosen) {
  const summary = el("summary", { text: chosen.length ? `Types: ${chosen.join(", ")}` : "Types: any" });
  return el("details", { class: "types", id: "type-picker" }, summary,
    el("div", { class: "type-grid" }, PLOVER_TYPES.map((t) => el("label", {},
      el("input", { type: "checkbox", name: "type", value: t, checked: chosen.includes(t) }), t))));
}

export function eventTable(events) {
  const head = ["Date", "Type", "Source", "Target", "Trigger", "Place", "Goldstein", "Article"];
  return el("table", { id: "event-table" },
    el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, events.map(eventRow)));
}

function eventRow(e) {
  const row = el("tr", { class: "event-row", "data-id": e.id, "data-type": e.type, title: e.sentence || "" },
    el("td", { class: "nowrap", text: e.date || "" }),
    el("td", { class: "quad-" + e.quad_class, title: QUAD_NAMES[e.quad_class] || "" },
      e.type, qualifiers(e)),
    el("td", {}, actorCell(e.source_name, e.source_code)),
    el("td", {}, actorCell(e.target_name, e.target_code)),
    el("td", { text: e.trigger || "" }),
    el("td", { text: e.place_name ? e.place_name + (e.place_country ? " (" + e.place_country + ")" : "") : "" }),
    el("td", { class: "number", text: formatNumber(e.goldstein) }),
    el("td", { text: e.article_title || [e.published, e.article_id].filter(Boolean).join(" · ") }));
  // Opening the article with ?event= scrolls to this event's trigger and shows its record.
  return clickable(row, () => go("article/" + encodeURIComponent(e.article_id), { event: e.id }));
}

function qualifiers(e) {
  const notes = [];
  if (e.polarity === "negated") notes.push("negated");
  if (e.modality && e.modality !== "actual") notes.push(e.modality);
  if (e.attributed_to_name) notes.push("claimed by " + e.attributed_to_name);
  return notes.length ? el("span", { class: "qualifier", text: " " + notes.join(", ") }) : null;
}

function actorCell(name, code) {
  if (!name) return el("span", { class: "muted", text: "—" });
  return [name, code ? el("span", { class: "code", text: " " + code }) : null];
}

function pager(filters, page) {
  const to = (offset) => () => go("events", { ...filters, offset: offset || "" });
  const last = Math.max(0, Math.floor((page.total - 1) / PAGE) * PAGE);
  return el("div", { class: "pager", id: "event-pager" },
    el("button", { type: "button", disabled: page.offset === 0, text: "« First", onclick: to(0) }),
    el("button", { type: "button", disabled: page.offset === 0, text: "‹ Previous",
      onclick: to(Math.max(0, page.offset - PAGE)) }),
    el("span", { class: "muted", text: `page ${Math.floor(page.offset / PAGE) + 1} of ${Math.max(1, Math.ceil(page.total / PAGE))}` }),
    el("button", { type: "button", disabled: page.offset + PAGE >= page.total, text: "Next ›",
      onclick: to(page.offset + PAGE) }),
    el("button", { type: "button", disabled: page.offset >= last, text: "Last »", onclick: to(last) }));
}
