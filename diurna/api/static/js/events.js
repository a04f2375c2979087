// Event table under the shared filters (filters.js), pages of 50 with the total, and downloads of
// every selected event (streamed by the server: CSV, JSON, GeoJSON; nothing is capped).
import { QUAD_NAMES, api, clickable, el, formatNumber, go, toSearchParams } from "./dom.js";
import { apiFilters, filterBar, filterParams, filtersFrom, scopeText } from "./filters.js";

export { filtersFrom };
const PAGE = 50;

export async function renderEvents(view, _parts, params) {
  const filters = filtersFrom(params);
  const offset = Math.max(0, Number.parseInt(params.get("offset") || "0", 10) || 0);
  const [page, form] = await Promise.all([
    api("/api/events", { ...apiFilters(filters), limit: PAGE, offset }),
    filterBar("events", filters),
  ]);
  view.append(el("h2", { text: "Events" }), form,
    el("div", { class: "toolbar" },
      el("p", { class: "muted", id: "event-count", text: countText(page) }),
      downloads("event", "/api/events/download", apiFilters(filters), page.total)),
    el("p", { class: "muted small", id: "scope-note", text: scopeText(filters) }),
    page.events.length ? eventTable(page.events) : el("p", { class: "empty", text: "No event matches these filters." }),
    pager(filters, page));
  view.dataset.rows = String(page.events.length);
  view.dataset.total = String(page.total);
}

// Links that download every row the filters select, in each format the server streams.
export function downloads(id, path, params, total) {
  const link = (format, label) => el("a", { class: "button secondary", id: `${id}-${format}`, download: "",
    href: path + "?" + toSearchParams({ ...params, format }).toString(), text: label,
    title: `all ${total} rows these filters select` });
  return el("span", { class: "downloads" }, link("csv", "CSV"), link("json", "JSON"), link("geojson", "GeoJSON"));
}

function countText(page) {
  if (!page.total) return "0 events";
  return `${page.total} events · showing ${page.offset + 1}–${page.offset + page.events.length}`;
}

export function eventTable(events) {
  const head = ["Date", "Type", "Source", "Target", "Trigger", "Place", "Goldstein", "Article"];
  return el("table", { id: "event-table" },
    el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, events.map(eventRow)));
}

function eventRow(e) {
  const row = el("tr", { class: "event-row", "data-id": e.id, "data-type": e.type, title: e.sentence || "" },
    el("td", { class: "nowrap", title: dateTitle(e) }, dateText(e)),
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

// A date as precise as the text gave it: "2024-03" for a month, "2024" for a year, never a made-up day.
export function dateText(e) {
  const date = e.date || "";
  if (!date) return el("span", { class: "muted", text: "undated" });
  const shown = { month: date.slice(0, 7), year: date.slice(0, 4), years: date.slice(0, 4) + "…" }[e.date_granularity];
  if (shown) return [shown, el("span", { class: "granularity", text: " " + e.date_granularity })];
  if (e.date_granularity === "week") return [el("span", { class: "granularity", text: "week of " }), date];
  if (e.date_granularity === "season") return [date.slice(0, 7), el("span", { class: "granularity", text: " season" })];
  if (e.date_granularity === "before") return [el("span", { class: "granularity", text: "before " }), date];
  return date;
}

function dateTitle(e) {
  if (!e.date) return "the text gives no date";
  return `${e.date}${e.date_end && e.date_end !== e.date ? " to " + e.date_end : ""} (${e.date_granularity || "day"})` +
    (e.date_text ? `: “${e.date_text}”` : ", the publication date");
}

function qualifiers(e) {
  const notes = [];
  if (e.polarity === "negated") notes.push("negated");
  if (e.modality && e.modality !== "actual") notes.push(e.modality);
  if (e.attributed_to_name) notes.push("claimed by " + e.attributed_to_name);
  if (e.dup_group && e.dup_group !== e.article_id) notes.push("in a copy");
  return notes.length ? el("span", { class: "qualifier", text: " " + notes.join(", ") }) : null;
}

function actorCell(name, code) {
  if (!name) return el("span", { class: "muted", text: "—" });
  return [name, code ? el("span", { class: "code", text: " " + code }) : null];
}

function pager(filters, page) {
  const to = (offset) => () => go("events", { ...filterParams(filters), offset: offset || "" });
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
