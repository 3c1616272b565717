// marsad workbench: the Claims tab (the claims ledger: a table grouped by what is counted, a
// map layer per province, restatements side by side) and the Alerts tab (watches, their alerts
// and feeds; "watch this filter"). Uses app.js's helpers (el, $, api, state, showError).
"use strict";

// The claims take the event filter's fields that mean something for a claim.
function claimParams(extra) {
  const p = new URLSearchParams();
  const f = state.filter;
  for (const name of ["country", "admin1", "location", "source", "outlet"]) for (const v of f[name] || []) p.append(name, v);
  for (const v of f.actor || []) p.append("subject", v);
  for (const name of ["date_from", "date_to", "q"]) if (f[name]) p.set(name, f[name]);
  for (const [k, v] of Object.entries(extra || {})) if (v !== null && v !== undefined && v !== "") p.set(k, v);
  return p;
}

// --- claims ------------------------------------------------------------------------------------------
function clearClaimLayer() {
  if (state.claimLayer) { state.map.removeLayer(state.claimLayer); state.claimLayer = null; }
}

function drawClaimLayer(data, unit) {
  // Graduated circles at each province's centre, sized and shaded by its latest figure. (A filled
  // choropleth needs province boundaries; the offline map has country borders only.)
  clearClaimLayer();
  const max = data.max_latest || 1;
  state.claimLayer = L.layerGroup();
  const svg = L.svg();  // the event markers are on a canvas; these few areas are SVG, each a DOM node
  for (const a of data.areas) {
    if (a.latitude == null || a.longitude == null) continue;
    const q = a.latest.quantity, share = Math.sqrt(Math.max(q, 0) / max);
    const circle = L.circleMarker([a.latitude, a.longitude], {
      radius: 6 + 22 * share, color: "#5b2a86", weight: 1, fillColor: "#5b2a86", fillOpacity: 0.15 + 0.55 * share,
      className: "claim-area", renderer: svg,
    });
    circle.bindTooltip(`${a.admin1}: ${q} ${a.latest.unit}${a.latest.source ? " — " + a.latest.source : ""}`
      + `${a.latest.date ? ", " + a.latest.date : ""}${a.claims > 1 ? ` (${a.claims} claims)` : ""}`);
    state.claimLayer.addLayer(circle);
  }
  state.claimLayer.addTo(state.map);
  document.body.dataset.claimAreas = String(data.areas.filter(a => a.latitude != null).length);
  document.body.dataset.claimUnit = unit || "";
}

async function showClaims(unit) {
  const panel = $("panel");
  let groups, areas;
  try {
    [groups, areas] = await Promise.all([
      api("/api/claims/groups?" + claimParams({ unit_class: unit, limit: 200 })),
      api("/api/claims/choropleth?" + claimParams({ unit_class: unit })),
    ]);
  } catch (e) { showError(panel, e); return; }
  const units = el("select", { id: "claim-unit", "aria-label": "What is counted" },
    el("option", { value: "" }, "everything counted"),
    ...areas.unit_classes.concat(unit && !areas.unit_classes.includes(unit) ? [unit] : [])
      .map(u => el("option", { value: u, selected: u === unit }, u)));
  units.addEventListener("change", () => showClaims(units.value || null));
  const rows = groups.groups.map(g => el("tr", { class: "drill claim-group", onclick: () => showClaim(g.latest.claim_id) },
    el("td", {}, g.subject || "—"), el("td", {}, g.unit_class),
    el("td", {}, [g.location, g.admin1, g.country].filter(Boolean)[0] || "—"),
    el("td", { class: "num" }, g.latest.quantity), el("td", {}, g.latest.source || "—"),
    el("td", {}, g.last_date || "—"), el("td", { class: "num" }, g.claims)));
  panel.replaceChildren(backButton(),
    el("h2", { id: "page-title", "data-page": "claims" }, `Claims (${groups.total} groups)`), units,
    el("p", { class: "note" }, "Numeric claims — counts of posts, fighters, vehicles, displaced… — grouped by who is"
      + " counted, what and where; the latest figure of each group, with how many claims it has. Click a row for the"
      + " claims that restate it. On the map: the latest figure per province."),
    el("table", { class: "claims" }, el("thead", {}, el("tr", {}, ...["subject", "counted", "place", "latest", "source",
      "date", "claims"].map(h => el("th", {}, h)))), el("tbody", {}, rows)),
    el("p", {}, "Export these claims: ",
      ...["csv", "jsonl", "geojson"].map(fmt => el("a", { href: "/api/claims/export?" + claimParams({ unit_class: unit, format: fmt }),
        download: true, class: "page-link" }, fmt + " "))));
  drawClaimLayer(areas, unit);
  document.body.dataset.claimsShown = String(Date.now());
}

async function showClaim(id) {
  const panel = $("panel");
  let c;
  try { c = await api(`/api/claims/${encodeURIComponent(id)}`); } catch (e) { showError(panel, e); return; }
  const line = x => `${x.quantity} ${x.unit}${x.source ? " — " + x.source : ""}${x.date ? ", " + x.date : ""}`;
  panel.replaceChildren(
    el("button", { type: "button", onclick: () => showClaims($("claim-unit")?.value || null) }, "← claims"),
    el("h2", { id: "claim-title" }, `${c.subject || "(no subject)"}: ${c.unit_class} in ${c.location || c.admin1 || c.country || "?"}`),
    el("p", { id: "claim-summary" }, c.summary || line(c)),
    el("div", { class: "article" }, el("div", { class: "text", dir: "auto" }, (c.evidence && c.evidence[0] ? c.evidence[0].text : ""))),
    el("h3", {}, c.restated_by.length ? "Restated by" : "No other source or date counts this"),
    ...c.restated_by.map(r => el("div", { class: "note restatement" }, line(r),
      ` (${r.difference.quantity > 0 ? "+" : ""}${r.difference.quantity}`
      + `${r.difference.days != null ? `, ${r.difference.days} days ${r.difference.days >= 0 ? "later" : "earlier"}` : ""}`
      + `${r.difference.same_source ? ", same source" : ""})`)));
}

// --- watches and alerts --------------------------------------------------------------------------------
async function updateAlertBadge() {
  try {
    const d = await api("/api/alerts?limit=1000");
    const seen = localStorage.getItem("marsad.alertsSeen") || "";
    const fresh = d.alerts.filter(a => a.created_at > seen).length;
    $("alert-badge").textContent = fresh ? String(fresh) : "";
    $("alert-badge").hidden = !fresh;
  } catch (e) { $("alert-badge").hidden = true; }
}

async function removeWatch(id, message) {
  const headers = {};
  if ($("token").value) headers.authorization = "Bearer " + $("token").value;
  try {
    await api(`/api/watches/${id}`, { method: "DELETE", headers });
    showAlerts();
  } catch (e) { message.textContent = "not removed: " + e.message; message.className = "error"; }
}

async function showAlerts() {
  const panel = $("panel");
  let watches, alerts;
  try {
    [watches, alerts] = await Promise.all([api("/api/watches"), api("/api/alerts?limit=100")]);
  } catch (e) { showError(panel, e); return; }
  if (alerts.alerts.length) localStorage.setItem("marsad.alertsSeen", alerts.alerts[alerts.alerts.length - 1].created_at);
  updateAlertBadge();
  const message = el("span", { id: "watch-message", class: "note" });
  const name = el("input", { id: "watch-name", placeholder: "name", size: 16, "aria-label": "Watch name" });
  const rule = el("select", { id: "watch-rule", "aria-label": "Rule" }, ...[["new", "any new event"],
    ["count", "more than N events in D days"], ["surge", "a surge above the baseline"],
    ["new-place", "a new place for the actor"], ["new-claim", "a new claim"]].map(([v, t]) => el("option", { value: v }, t)));
  const threshold = el("input", { id: "watch-threshold", type: "number", min: 0, placeholder: "N", size: 4, "aria-label": "Threshold" });
  const days = el("input", { id: "watch-days", type: "number", min: 1, placeholder: "days", size: 4, "aria-label": "Days" });
  const add = async () => {
    const filter = {};
    for (const [k, v] of Object.entries(state.filter)) if (v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && !v.length)) filter[k] = v;
    const headers = { "content-type": "application/json" };
    if ($("token").value) headers.authorization = "Bearer " + $("token").value;
    const body = { name: name.value.trim(), rule: rule.value, filter,
      ...(threshold.value ? { threshold: Number(threshold.value) } : {}), ...(days.value ? { days: Number(days.value) } : {}) };
    try {
      await api("/api/watches", { method: "POST", headers, body: JSON.stringify(body) });
      showAlerts();
    } catch (e) { message.textContent = "not saved: " + e.message; message.className = "error"; }
  };
  panel.replaceChildren(backButton(),
    el("h2", { id: "page-title", "data-page": "alerts" }, "Watches and alerts"),
    el("h3", {}, "Watch the current filter"),
    el("div", { class: "watch-form" }, name, rule, threshold, days,
      el("button", { id: "watch-add", type: "button", onclick: add }, "Watch"), message),
    el("p", { class: "note" }, "Every ingest checks the watches (from the command line: marsad watch add, marsad alerts)."),
    el("h3", {}, `Watches (${watches.watches.length})`),
    ...watches.watches.map(w => el("div", { class: "watch", "data-watch": w.watch_id },
      el("strong", {}, w.name), ` — ${w.description} · ${w.alerts} alert${w.alerts === 1 ? "" : "s"} · `,
      el("a", { href: w.feed, class: "page-link" }, "Atom"), " ", el("a", { href: w.feed_json, class: "page-link" }, "JSON feed"),
      " ", el("button", { type: "button", class: "watch-remove", onclick: () => removeWatch(w.watch_id, message) }, "remove"))),
    el("h3", {}, `Alerts (${alerts.alerts.length})`),
    ...alerts.alerts.slice().reverse().map(a => el("div", { class: "alert-item" },
      el("div", {}, el("strong", {}, a.watch), ` · ${a.created_at.slice(0, 16).replace("T", " ")}`),
      el("div", { class: "note" }, a.message),
      a.events.length ? el("div", {}, ...a.events.slice(0, 10).map(id => el("a", { class: "page-link", href: "#",
        onclick: ev => { ev.preventDefault(); openEvent(id); } }, `event ${id.slice(0, 6)} `)), a.events.length > 10 ? `+${a.events.length - 10}` : null) : null)));
}
