// Real-world events: the event mentions of every article that report one happening, counted once
// (diurna/store/clusters.py), with how many independent articles and outlets reported it, the
// earliest report, and every mention on its own page (#/cluster/ID). The shared filters apply; the
// "wire copies" switch adds each cluster's copies of articles to what is shown.
import { QUAD_NAMES, api, clickable, el, formatNumber, go, viewHash } from "./dom.js";
import { dateText, eventTable } from "./events.js";
import { exportBar } from "./exporting.js";
import { apiFilters, filterBar, filterParams, filtersFrom, scopeText } from "./filters.js";

const PAGE = 50;
const HEADINGS = {
  Date: "the earliest date a report gives",
  Reports: "independent articles that report it (copies of one story count once)",
  Outlets: "news sources that carried it, wire copies included",
  Copies: "every stored article that carries it, copies included",
  Mentions: "event mentions in independent articles",
};
const MIN_REPORTS = ["1", "2", "3", "5", "10"];

export async function renderClusters(view, _parts, params) {
  const filters = filtersFrom(params);
  const minArticles = MIN_REPORTS.includes(params.get("min_articles")) ? params.get("min_articles") : "1";
  const offset = Math.max(0, Number.parseInt(params.get("offset") || "0", 10) || 0);
  const keep = { min_articles: minArticles === "1" ? "" : minArticles };
  const [page, form] = await Promise.all([
    api("/api/clusters", { ...apiFilters(filters), min_articles: minArticles, limit: PAGE, offset }),
    filterBar("clusters", filters, keep),
  ]);
  const mentions = { total: page.mentions };
  const copies = filters.include_duplicates === "true";
  const reports = el("select", { name: "min_articles", id: "min-articles", onchange: (event) =>
    go("clusters", { ...filterParams(filters), min_articles: event.target.value === "1" ? "" : event.target.value }) },
  MIN_REPORTS.map((n) => el("option", { value: n, text: n === "1" ? "any number" : `${n} or more`, selected: n === minArticles })));
  view.append(el("h2", { text: "Real-world events" }), form,
    el("div", { class: "toolbar" },
      el("p", { class: "muted", id: "cluster-count", text: countText(page, mentions.total) }),
      el("label", {}, "independent reports: ", reports)),
    el("p", { class: "muted small", text: scopeText(filters) + " Each real-world event is counted once, however " +
      "many articles report it; reports count near-duplicate copies once." }),
    page.clusters.length ? clusterTable(page.clusters, copies)
      : el("p", { class: "empty", text: "No real-world event matches these filters." }),
    pager(filters, keep, page),
    exportBar("clusters", () => page.clusters));
  view.dataset.rows = String(page.clusters.length);
  view.dataset.total = String(page.total);
  view.dataset.mentions = String(mentions.total);
}

function countText(page, mentions) {
  const shown = page.total ? ` · showing ${page.offset + 1}–${page.offset + page.clusters.length}` : "";
  return `${page.total} real-world events (from ${mentions} event mentions)${shown}`;
}

function clusterTable(clusters, copies) {
  const head = ["Date", "Type", "Source", "Target", "Place", "Reports", "Outlets", copies ? "Copies" : null,
    "Mentions", "Earliest report"].filter(Boolean);
  return el("table", { id: "cluster-table" },
    el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col", text: h, title: HEADINGS[h] || null })))),
    el("tbody", {}, clusters.map((c) => clickable(el("tr", { class: "cluster-row", "data-id": c.id,
      title: "every mention of this event" },
    el("td", { class: "nowrap", title: c.date_end && c.date_end !== c.date ? `${c.date} to ${c.date_end}` : null },
      c.date_end && c.date_end !== c.date ? [c.date, el("span", { class: "granularity", text: ` to ${c.date_end}` })]
        : dateText({ date: c.date, date_granularity: null })),
    el("td", { class: "quad-" + c.quad_class, title: QUAD_NAMES[c.quad_class] || "" }, c.type,
      c.modality !== "actual" || c.polarity !== "asserted"
        ? el("span", { class: "qualifier", text: " " + [c.polarity === "negated" ? "negated" : "", c.modality !== "actual" ? c.modality : ""].filter(Boolean).join(", ") }) : null),
    el("td", { text: c.source_name || "—" }),
    el("td", { text: c.target_name || "—" }),
    el("td", { text: c.place_name ? c.place_name + (c.place_country ? ` (${c.place_country})` : "") : "" }),
    el("td", { class: "number", text: c.articles }),
    el("td", { class: "number", text: c.sources }),
    copies ? el("td", { class: "number", text: c.copies }) : null,
    el("td", { class: "number", text: c.mentions }),
    el("td", { class: "nowrap", text: c.first_published || "" })),
    () => go("cluster/" + encodeURIComponent(c.id))))));
}

function pager(filters, keep, page) {
  const to = (offset) => () => go("clusters", { ...filterParams(filters), ...keep, offset: offset || "" });
  const last = Math.max(0, Math.floor((page.total - 1) / PAGE) * PAGE);
  return el("div", { class: "pager", id: "cluster-pager" },
    el("button", { type: "button", disabled: page.offset === 0, text: "‹ Previous", onclick: to(Math.max(0, page.offset - PAGE)) }),
    el("span", { class: "muted", text: `page ${Math.floor(page.offset / PAGE) + 1} of ${Math.max(1, Math.ceil(page.total / PAGE))}` }),
    el("button", { type: "button", disabled: page.offset + PAGE >= page.total, text: "Next ›", onclick: to(page.offset + PAGE) }),
    el("button", { type: "button", disabled: page.offset >= last, text: "Last »", onclick: to(last) }));
}

// One real-world event: its summary and every mention, copies included and flagged.
export async function renderCluster(view, [id]) {
  const detail = await api("/api/clusters/" + encodeURIComponent(id));
  const c = detail.cluster;
  const copies = detail.mentions.filter((m) => m.dup_group && m.dup_group !== m.article_id).length;
  view.append(
    el("p", {}, el("a", { href: viewHash("clusters"), text: "‹ All real-world events" })),
    el("h2", { id: "cluster-title", text: `${c.type}: ${c.source_name || "?"} → ${c.target_name || "?"}` }),
    el("p", { class: "muted", text: [c.date, QUAD_NAMES[c.quad_class], c.place_name,
      `Goldstein ${formatNumber(c.goldstein)}`].filter(Boolean).join(" · ") }),
    el("p", { id: "cluster-facts", text: `Reported by ${c.articles} independent article${c.articles === 1 ? "" : "s"} ` +
      `from ${c.sources} outlet${c.sources === 1 ? "" : "s"} (${c.copies} stored articles with copies); ` +
      `${c.mentions} mentions; earliest report ${c.first_published || "undated"}.` }),
    el("h3", { text: `Every mention (${detail.mentions.length}${copies ? `, ${copies} in copies` : ""})` }),
    eventTable(detail.mentions));
  view.dataset.mentions = String(detail.mentions.length);
}
