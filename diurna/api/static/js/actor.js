// One actor across the store: its names, counts, the actors it deals with (both directions, with
// links to their dyad) and its latest events.
import { api, clickable, el, formatNumber, go, goldsteinColour, viewHash } from "./dom.js";
import { eventTable } from "./events.js";
import { apiFilters, filterParams, filtersFrom, scopeText } from "./filters.js";

const EVENTS_SHOWN = 100;

export async function renderActor(view, [key], params) {
  const filters = filtersFrom(params);
  const profile = await api("/api/actors/" + encodeURIComponent(key), { ...apiFilters(filters), limit: EVENTS_SHOWN });
  const actor = profile.actor;
  const facts = [actor.code && `CAMEO ${actor.code}`, actor.country && `country ${actor.country}`,
    actor.sector && `sector ${actor.sector}`, actor.kb_id && `KB ${actor.kb_id}`, actor.key].filter(Boolean);
  view.append(...[
    el("h2", { id: "actor-name", text: actor.name }),
    el("p", { class: "muted", text: facts.join(" · ") }),
    el("p", {}, `${actor.as_source} events as source, ${actor.as_target} as target, in ${actor.articles} articles. `,
      el("a", { href: viewHash("events", { ...filterParams(filters), actor: actor.key }), text: "All its events" }), " · ",
      el("a", { href: viewHash("map", { ...filterParams(filters), actor: actor.key }), text: "On the map" })),
    el("p", { class: "muted small", text: scopeText(filters) }),
    profile.names.length > 1 ? el("p", { class: "muted", id: "actor-names", text: "Also written: " +
      profile.names.filter((n) => n !== actor.name).join("; ") }) : null,
    el("h3", { text: `Deals with (${profile.partners.length})` }),
    profile.partners.length ? partnerTable(actor.key, profile.partners)
      : el("p", { class: "empty", text: "No event of this actor has both a source and a target." }),
    el("h3", { text: profile.events.length >= EVENTS_SHOWN ? `Latest ${EVENTS_SHOWN} events` : `Events (${profile.events.length})` }),
    profile.events.length ? eventTable(profile.events) : el("p", { class: "empty", text: "No events." }),
  ].filter(Boolean));
  view.dataset.events = String(profile.events.length);
  view.dataset.partners = String(profile.partners.length);
}

function partnerTable(key, partners) {
  const sorted = [...partners].sort((a, b) => b.events - a.events);
  return el("table", { id: "partner-table", class: "compact" },
    el("thead", {}, el("tr", {}, ["Direction", "Actor", "Events", "Mean Goldstein", ""].map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, sorted.map((edge) => {
      const outgoing = edge.source_key === key;
      const [otherKey, otherName] = outgoing ? [edge.target_key, edge.target_name] : [edge.source_key, edge.source_name];
      const swatch = el("span", { class: "swatch" });
      swatch.style.setProperty("--swatch", goldsteinColour(edge.mean_goldstein));
      return el("tr", {},
        el("td", { text: outgoing ? "acts on →" : "← is acted on by" }),
        el("td", {}, clickable(el("a", { class: "partner", text: otherName }), () => go("actor/" + encodeURIComponent(otherKey)))),
        el("td", { class: "number", text: edge.events }),
        el("td", { class: "number" }, swatch, formatNumber(edge.mean_goldstein)),
        el("td", {}, el("a", { href: viewHash("dyad", { a: key, b: otherKey }), text: "dyad over time" })));
    })));
}
