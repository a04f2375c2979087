// Event table: filters (dates, actor, country, type, QuadClass), pages, CSV download.
import { api, el } from "./dom.js";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
  "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const PAGE = 50;

export async function renderEvents(view) {
  const state = { offset: 0 };
  const form = el("form", { class: "filters", id: "event-filters" },
    el("label", {}, "From", el("input", { type: "date", name: "start" })),
    el("label", {}, "To", el("input", { type: "date", name: "end" })),
    el("label", {}, "Actor", el("input", { type: "text", name: "actor", placeholder: "name, KB id or CAMEO code" })),
    el("label", {}, "Country", el("input", { type: "text", name: "country", placeholder: "ISO3, e.g. IRN", size: 6 })),
    el("label", {}, "Type", el("select", { name: "type", multiple: true, size: 4 },
      TYPES.map((t) => el("option", { value: t, text: t })))),
    el("label", {}, "QuadClass", el("select", { name: "quad_class" }, el("option", { value: "", text: "any" }),
      [1, 2, 3, 4].map((q) => el("option", { value: q, text: q })))),
    el("button", { type: "submit", text: "Filter" }));
  const summary = el("p", { class: "muted", id: "event-count" });
  const download = el("a", { class: "button", id: "event-csv", text: "Download CSV" });
  const table = el("table", { id: "event-table" });
  const pager = el("div", { class: "pager" });
  view.append(el("h2", { text: "Events" }), form, el("div", { class: "pager" }, summary, download), table, pager);

  function filters() {
    const data = new FormData(form);
    const params = {};
    for (const key of ["start", "end", "actor", "country", "quad_class"]) params[key] = data.get(key) || "";
    params.type = data.getAll("type");
    return params;
  }

  async function load() {
    const params = { ...filters(), limit: PAGE, offset: state.offset };
    const page = await api("/api/events", params);
    const csv = new URL("/api/events", window.location.origin);
    for (const [k, v] of Object.entries({ ...filters(), format: "csv", limit: 10000 })) {
      if (Array.isArray(v)) v.forEach((x) => csv.searchParams.append(k, x)); else if (v !== "") csv.searchParams.set(k, v);
    }
    download.href = csv.pathname + csv.search;
    summary.textContent = `${page.total} events` + (page.total ? ` (showing ${page.offset + 1}–${page.offset + page.events.length})` : "");
    table.replaceChildren(
      el("thead", {}, el("tr", {}, ["Date", "Type", "Source", "Target", "Trigger", "Place", "Goldstein", "Article"]
        .map((h) => el("th", { text: h })))),
      el("tbody", {}, page.events.map((e) => el("tr", {
        class: "event-row", "data-type": e.type,
        onclick: () => { window.location.hash = "#/article/" + encodeURIComponent(e.article_id); },
      },
      el("td", { text: e.date || "" }),
      el("td", { class: "quad-" + e.quad_class, text: e.type + (e.polarity === "negated" ? " (negated)" : "") }),
      el("td", { text: e.source_name || "" }), el("td", { text: e.target_name || "" }),
      el("td", { text: e.trigger || "" }), el("td", { text: e.place_name || "" }),
      el("td", { text: e.goldstein ?? "" }), el("td", { text: e.article_title || e.article_id })))));
    pager.replaceChildren(
      el("button", { type: "button", disabled: state.offset === 0, text: "Previous",
        onclick: () => { state.offset = Math.max(0, state.offset - PAGE); load(); } }),
      el("button", { type: "button", disabled: state.offset + PAGE >= page.total, text: "Next",
        onclick: () => { state.offset += PAGE; load(); } }));
    view.dataset.rows = String(page.events.length);
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); state.offset = 0; load(); });
  await load();
}
