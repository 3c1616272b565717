// marsad workbench, the views of change and context: Compare, actor pages (/actor/NAME),
// place pages (/place/COUNTRY[/ADMIN1[/LOCATION]]) and the facets' trend sparklines.
// Uses app.js's helpers (el, $, api, params, state, refresh, eventRow, showError).
"use strict";

// --- sparklines -----------------------------------------------------------------------------------
function sparkline(counts, title) {
  const W = 60, H = 14, max = Math.max(1, ...counts);
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("class", "spark");
  svg.setAttribute("width", W); svg.setAttribute("height", H);
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`); svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("role", "img"); svg.setAttribute("aria-label", title);
  const step = counts.length > 1 ? W / (counts.length - 1) : W;
  const points = counts.map((c, i) => `${(i * step).toFixed(1)},${(H - 1 - (c / max) * (H - 2)).toFixed(1)}`);
  const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
  line.setAttribute("points", points.join(" "));
  svg.append(line);
  const t = document.createElementNS("http://www.w3.org/2000/svg", "title");
  t.textContent = title;
  svg.append(t);
  return svg;
}

// The facets' actor and province rows get each a sparkline of its events per month.
async function addSparklines(current) {
  for (const [facet, dimension, key] of [["actor", "actor", r => r.actor], ["admin1", "admin1", r => r.admin1]]) {
    const data = await api("/api/trends?" + params({ dimension, limit: 100 }));
    if (current && !current()) return;
    const byValue = new Map(data.series.map(s => [String(key(s)), s.counts]));
    for (const label of document.querySelectorAll(`.facet[data-facet="${facet}"] label`)) {
      const value = label.querySelector("input").dataset.value;
      const counts = byValue.get(value);
      label.querySelector(".spark")?.remove();
      if (counts) label.querySelector(".n").before(sparkline(counts, `${value}: events per ${data.interval}, from ${data.starts[0]}: ${counts.join(", ")}`));
    }
  }
}

// --- page links -----------------------------------------------------------------------------------
function actorLink(name) {
  return el("a", { href: `/actor/${encodeURIComponent(name)}`, class: "page-link",
    onclick: ev => { ev.preventDefault(); openPage({ actor: name }); } }, name);
}

function placeLink(country, admin1, location, text) {
  const parts = [country, admin1, location].filter(Boolean).map(encodeURIComponent);
  return el("a", { href: `/place/${parts.join("/")}`, class: "page-link",
    onclick: ev => { ev.preventDefault(); openPage({ country, admin1, location }); } },
  text || [location, admin1, country].filter(Boolean).join(", "));
}

function pageFromPath() {
  const parts = location.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "actor" && parts[1]) return { actor: parts.slice(1).join("/") };
  if (parts[0] === "place" && parts[1]) return { country: parts[1], admin1: parts[2] || null, location: parts[3] || null };
  return null;
}

async function openPage(page, fromHistory) {
  clearClaimLayer();
  const path = page.actor ? `/actor/${encodeURIComponent(page.actor)}`
    : "/place/" + [page.country, page.admin1, page.location].filter(Boolean).map(encodeURIComponent).join("/");
  if (!fromHistory && location.pathname !== path) goTo({ path, event: null }, true);  // the map view stays
  return page.actor ? showActor(page.actor) : showPlace(page.country, page.admin1, page.location);
}

function backButton() {
  return el("button", { type: "button", onclick: () => { leavePage(); showList(false); } }, "← all events");
}

function leavePage() {
  if (location.pathname !== "/") goTo({ path: "/", event: null }, true);
}

function summaryLine(p) {
  return el("p", { class: "note" }, `${p.events} events${p.first_date ? `, ${p.first_date} to ${p.last_date}` : ""}`
    + ` · ${p.fatalities} reported killed · under the current filter`);
}

function timelineRow(t) {
  if (!t || !t.starts.length) return null;
  const total = t.starts.map((_, i) => t.series.reduce((n, s) => n + s.counts[i], 0));
  return el("div", { class: "page-trend" }, sparkline(total, `events per ${t.interval}: ${total.join(", ")}`),
    el("span", { class: "note" }, ` events per ${t.interval}, ${t.starts[0]} to ${t.starts[t.starts.length - 1]}`));
}

function claimLines(claims) {
  if (!claims.length) return [];
  return [el("h3", {}, "Claims"), ...claims.map(c => el("div", { class: "note claim-line" },
    `${c.quantity} ${c.unit}${c.subject ? " of " + c.subject : ""}${c.place ? " in " + c.place : ""}`
    + `${c.source ? " — " + c.source : ""}${c.date ? ", " + c.date : ""}`))];
}

async function showActor(name) {
  const panel = $("panel");
  let p;
  try { p = await api("/api/actor?" + params({ name })); } catch (e) { showError(panel, e); return; }
  const known = p.known;
  panel.replaceChildren(backButton(),
    el("h2", { id: "page-title", "data-page": "actor" }, name),
    known ? el("p", { class: "note" }, [known.inter, known.country, known.affiliation && `affiliation: ${known.affiliation}`]
      .filter(Boolean).join(" · ")) : el("p", { class: "note" }, "not in the actor knowledge base"),
    known && known.groups.length ? el("p", {}, "Groups: ", ...known.groups.map(g => el("span", { class: "badge" }, g))) : null,
    summaryLine(p), timelineRow(p.timeline),
    el("h3", {}, "Places"),
    el("table", { class: "page-table" }, el("tbody", {}, p.places.map(r => el("tr", {},
      el("td", {}, placeLink(r.country, r.admin1, r.location, `${r.location}, ${r.admin1 || r.country}`)),
      el("td", {}, r.events), el("td", {}, r.last_date || "—"))))),
    el("h3", {}, "Latest events"), ...p.latest.map(eventRow),
    ...claimLines(p.claims),
    known && known.aliases.length ? el("h3", {}, "Also written") : null,
    known && known.aliases.length ? el("p", { class: "note" }, known.aliases.join(" · ")) : null);
}

async function showPlace(country, admin1, location) {
  const panel = $("panel");
  let p;
  try {
    p = await api("/api/place?" + params({ country, ...(admin1 ? { admin1 } : {}), ...(location ? { location } : {}) }));
  } catch (e) { showError(panel, e); return; }
  panel.replaceChildren(backButton(),
    el("h2", { id: "page-title", "data-page": "place" }, [location, admin1, country].filter(Boolean).join(", ")),
    location && admin1 ? el("p", { class: "note" }, "in ", placeLink(country, admin1, null, admin1)) : null,
    summaryLine(p), timelineRow(p.timeline),
    el("h3", {}, "Actors reported here"),
    el("table", { class: "page-table" }, el("tbody", {}, p.actors.map(r => el("tr", {},
      el("td", {}, actorLink(r.actor)), el("td", {}, r.events), el("td", {}, r.last_date || "—"))))),
    el("h3", {}, "Latest events"), ...p.latest.map(eventRow),
    ...claimLines(p.claims),
    p.aliases.length ? el("h3", {}, "Also written") : null,
    p.aliases.length ? el("p", { class: "note" }, p.aliases.join(" · ")) : null);
}

// --- compare ----------------------------------------------------------------------------------------
const COMPARE_ROWS = [["event_type", "By event type", r => r.event_type],
  ["actor", "By actor", r => r.actor], ["admin1", "By province", r => `${r.admin1 || "?"}, ${r.country || "?"}`],
  ["location", "By place", r => `${r.location}, ${r.admin1 || r.country || "?"}`]];

async function showCompare(days) {
  const panel = $("panel");
  clearClaimLayer();
  const choose = el("select", { id: "compare-days", "aria-label": "Period" },
    ...[7, 30, 90, 365].map(n => el("option", { value: n, selected: n === days }, `last ${n} days vs the ${n} before`)));
  choose.addEventListener("change", () => showCompare(Number(choose.value)));
  let d;
  try { d = await api("/api/compare?" + params({ days, limit: 15 })); } catch (e) { showError(panel, e); return; }
  const drill = (row, dim) => {
    // A row clicks through to the events behind its change: those of both periods.
    state.filter.date_from = d.a.start; state.filter.date_to = d.b.end;
    if (dim === "event_type") state.filter.event_type = [row.event_type];
    if (dim === "actor") state.filter.actor = [row.actor];
    if (dim === "admin1" || dim === "location") { state.filter.country = [row.country]; state.filter.admin1 = [row.admin1]; }
    if (dim === "location") state.filter.location = [row.location];
    refresh();
  };
  const table = (rows, dim, label) => el("table", { class: "compare", "data-dimension": dim },
    el("thead", {}, el("tr", {}, el("th", {}, ""), el("th", {}, "before"), el("th", {}, "last"), el("th", {}, "change"))),
    el("tbody", {}, rows.map(r => el("tr", { class: "drill", onclick: () => drill(r, dim) },
      el("td", {}, label(r)), el("td", {}, r.a), el("td", {}, r.b),
      el("td", { class: r.change > 0 ? "up" : r.change < 0 ? "down" : "" }, (r.change > 0 ? "+" : "") + r.change)))));
  panel.replaceChildren(backButton(), el("h2", { id: "page-title", "data-page": "compare" }, "Compare"), choose,
    el("p", { class: "note" }, `before: ${d.a.start} to ${d.a.end} · last: ${d.b.start} to ${d.b.end}`
      + ` (periods end at the latest event the filter matches)`),
    el("p", { id: "compare-total" }, `${d.total.b} events in the last period, ${d.total.a} before `
      + `(${d.total.change >= 0 ? "+" : ""}${d.total.change})`),
    ...COMPARE_ROWS.flatMap(([dim, title, label]) => d[dim].length ? [el("h3", {}, title), table(d[dim], dim, label)] : []),
    el("h3", {}, "New places (none before)"),
    d.new_places.length ? table(d.new_places, "location", COMPARE_ROWS[3][2]) : el("p", { class: "note" }, "none"),
    el("h3", {}, "Went quiet (none in the last period)"),
    d.quiet_places.length ? table(d.quiet_places, "location", COMPARE_ROWS[3][2]) : el("p", { class: "note" }, "none"));
  document.body.dataset.compared = String(Date.now());
}

window.addEventListener("popstate", () => { const page = pageFromPath(); if (page) openPage(page, true); });
