// The one filter set every view shares, kept in the address: "#/map?country=JPN&start=2024-01-01" and
// "#/events?country=JPN&start=2024-01-01" select the same events, and the menu links carry the filters
// from view to view. The names are the API's own (diurna/api/filters.py), with two switches:
// `scope=all` also counts intended, demanded, hypothetical and negated events (by default only what
// happened: modality actual, polarity asserted), and `include_duplicates=true` counts wire copies too.
import { PLOVER_TYPES, QUAD_NAMES, api, el, go } from "./dom.js";

export const TEXT_KEYS = ["start", "end", "actor", "country", "place_country", "quad_class", "outlet", "place"];
const SWITCHES = ["scope", "include_duplicates", "claimed"];

export function filtersFrom(params) {
  const filters = {};
  for (const key of [...TEXT_KEYS, ...SWITCHES]) filters[key] = params.get(key) || "";
  filters.type = params.getAll("type").filter((t) => PLOVER_TYPES.includes(t));
  return filters;
}

// The filters as the address keeps them (empty values dropped by toSearchParams).
export function filterParams(filters) {
  const out = {};
  for (const key of [...TEXT_KEYS, ...SWITCHES]) out[key] = filters[key] || "";
  out.type = filters.type || [];
  return out;
}

// The filters as the API takes them: the "what happened" default made explicit.
export function apiFilters(filters) {
  const out = filterParams(filters);
  delete out.scope;
  if (filters.scope !== "all") { out.modality = "actual"; out.polarity = "asserted"; }
  return out;
}

// The sentence above every chart and table that says what is counted.
export function scopeText(filters) {
  const parts = [filters.scope === "all" ? "all events, including intended, demanded, hypothetical and negated ones"
    : "events that happened (actual, not negated)"];
  parts.push(filters.include_duplicates === "true" ? "wire copies counted" : "wire copies left out");
  if (filters.claimed === "false") parts.push("claims left out");
  if (filters.claimed === "true") parts.push("claims only");
  return "Counting " + parts.join("; ") + ".";
}

let outlets = null;     // the outlet suggestions, fetched once per page
async function outletOptions() {
  if (!outlets) outlets = api("/api/outlets").catch(() => []);
  return outlets;
}

// The filter form at the top of a view; submitting it keeps the view and its own parameters (`keep`).
export async function filterBar(viewName, filters, keep = {}) {
  const known = await outletOptions();
  const text = (name, label, attrs = {}) => el("label", {}, label, el("input", { name, value: filters[name] || "", ...attrs }));
  const form = el("form", { class: "filters", id: "filters", "aria-label": "filters shared by every view" },
    text("start", "From", { type: "date" }),
    text("end", "To", { type: "date" }),
    text("actor", "Actor", { type: "search", size: 16, list: "actor-options",
      placeholder: "JPN, kb:japan, name", title: "A CAMEO country code rolls up the country's state, government, " +
        "military, officials and groups (JPN); an actor key (kb:japan) is that actor only; a word matches names." }),
    el("datalist", { id: "actor-options" }),
    text("country", "Actor country", { size: 4, maxlength: 3, pattern: "[A-Za-z]{3}", placeholder: "ISO3",
      title: "ISO alpha-3 country of the source or the target" }),
    text("place_country", "Event country", { size: 4, maxlength: 3, pattern: "[A-Za-z]{3}", placeholder: "ISO3",
      title: "ISO alpha-3 country where the event happened" }),
    typePicker(filters.type || []),
    el("label", {}, "QuadClass", el("select", { name: "quad_class" }, el("option", { value: "", text: "any" }),
      Object.entries(QUAD_NAMES).map(([q, name]) => el("option", { value: q, text: `${q} · ${name}`,
        selected: filters.quad_class === q })))),
    el("label", {}, "Outlet", el("input", { name: "outlet", value: filters.outlet || "", size: 12, list: "outlet-options" })),
    el("datalist", { id: "outlet-options" }, known.map((o) => el("option", { value: o.outlet, label: `${o.articles} articles` }))),
    el("label", {}, "Counting", el("select", { name: "scope", id: "scope" },
      el("option", { value: "", text: "what happened" }),
      el("option", { value: "all", text: "everything reported", selected: filters.scope === "all" }))),
    el("label", {}, "Claims", el("select", { name: "claimed" },
      el("option", { value: "", text: "included" }),
      el("option", { value: "false", text: "left out", selected: filters.claimed === "false" }),
      el("option", { value: "true", text: "only", selected: filters.claimed === "true" }))),
    el("label", { class: "check" }, el("input", { type: "checkbox", name: "include_duplicates", value: "true",
      checked: filters.include_duplicates === "true" }), "wire copies"),
    el("input", { type: "hidden", name: "place", value: filters.place || "" }),
    el("div", { class: "buttons" },
      el("button", { type: "submit", text: "Filter" }),
      el("button", { type: "button", class: "secondary", text: "Clear", onclick: () => go(viewName, keep) })));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const chosen = {};
    for (const key of [...TEXT_KEYS, ...SWITCHES]) chosen[key] = (data.get(key) || "").trim();
    for (const key of ["country", "place_country"]) chosen[key] = chosen[key].toUpperCase();
    chosen.type = data.getAll("type");
    if (chosen.start && chosen.end && chosen.start > chosen.end) [chosen.start, chosen.end] = [chosen.end, chosen.start];
    go(viewName, { ...keep, ...chosen });
  });
  suggestActors(form.querySelector("input[name=actor]"), form.querySelector("#actor-options"));
  return form;
}

// Actor suggestions (the store's busiest actors) load when an actor field is first focused: ranking
// every actor takes a scan of the actors table, which no view should wait for or compete with.
export function suggestActors(input, datalist) {
  input.addEventListener("focus", () => {
    api("/api/actors", { limit: 300 }).then((actors) => {
      datalist.replaceChildren(...actors.map((a) => el("option", {
        value: a.key, label: `${a.name}${a.code ? " · " + a.code : ""} (${a.as_source + a.as_target} events)` })));
    }).catch(() => {});
  }, { once: true });
}

// Sixteen types fit better as a fold-out grid of checkboxes than as a multiple <select>.
function typePicker(chosen) {
  const summary = el("summary", { text: chosen.length ? `Types: ${chosen.join(", ")}` : "Types: any" });
  return el("details", { class: "types", id: "type-picker" }, summary,
    el("div", { class: "type-grid" }, PLOVER_TYPES.map((t) => el("label", {},
      el("input", { type: "checkbox", name: "type", value: t, checked: chosen.includes(t) }), t))));
}
