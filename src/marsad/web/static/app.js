// marsad workbench: map, timeline, facets, event panel, review, export — over /api/.
// Everything from articles and events is untrusted: it only ever reaches the page as text nodes.
// The map is map.js's, review review.js's, the Compare/actor/place views views.js's, the claims
// ledger and alerts ledger.js's.
"use strict";

const FACETS = [
  ["event_type", "Event type"], ["sub_event_type", "Sub-event type"], ["review", "Review"],
  ["geo_precision", "Location precision"], ["country", "Country"], ["admin1", "Admin1"],
  ["actor", "Actor"], ["source", "Source"], ["outlet", "Outlet"],
];
// Filters that are no facet but come from a control (modality) or a click elsewhere (a place in
// Compare, the country-only list): in the URL too.
const LIST_FIELDS = [...FACETS.map(f => f[0]), "modality", "location"];
const SCALARS = ["date_from", "date_to", "fatalities_min", "fatalities_max", "q", "undated"];
const state = {
  filter: {}, vocab: null, config: null, colours: {}, interval: "auto", facetSearch: {},
  reviewMode: false, listOffset: 0, selected: null, index: null, indexed: [], map: null, layer: null,
};

// --- small helpers ------------------------------------------------------------------------------
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
const $ = id => document.getElementById(id);
const colour = t => state.colours[t] || "#666";

// The filter as query parameters; `override` replaces filter fields for one request.
function params(extra, override) {
  const p = new URLSearchParams();
  const f = { ...state.filter, ...(override || {}) };
  for (const name of LIST_FIELDS) for (const v of f[name] || []) p.append(name, v);
  for (const name of SCALARS) {
    if (f[name] !== undefined && f[name] !== null && f[name] !== "") p.set(name, f[name]);
  }
  for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
  return p;
}

async function api(path, options) {
  const r = await fetch(path, options);
  const body = await r.json().catch(() => null);
  if (!r.ok) throw new Error(body && body.error ? body.error.message : `HTTP ${r.status}`);
  return body;
}

function showError(where, e) {
  where.replaceChildren(el("p", { class: "error", role: "alert" }, String(e.message || e)));
}

// --- the address: the filter in the query, the opened event and the map view in the hash ----------
// "#event=ID&map=ZOOM/LAT/LON": a reload or a shared link opens the same event over the same view.
function readHash() {
  const out = {};
  for (const part of location.hash.slice(1).split("&")) {
    const i = part.indexOf("=");
    if (i > 0) out[decodeURIComponent(part.slice(0, i))] = decodeURIComponent(part.slice(i + 1));
  }
  return out;
}

// Change the path, query, opened event or map view (undefined: keep it, null: drop it).
function goTo(changes, push) {
  const h = readHash();
  for (const k of ["event", "map"]) if (changes[k] !== undefined) h[k] = changes[k];
  const hash = ["event", "map"].filter(k => h[k]).map(k => `${k}=${encodeURIComponent(h[k]).replace(/%2F/g, "/")}`).join("&");
  const url = (changes.path ?? location.pathname) + (changes.search ?? location.search) + (hash ? "#" + hash : "");
  if (url === location.pathname + location.search + location.hash) return;
  history[push ? "pushState" : "replaceState"](null, "", url);
}

function mapFromHash() {
  const m = /^(\d+)\/(-?[\d.]+)\/(-?[\d.]+)$/.exec(readHash().map || "");
  if (!m) return null;
  const zoom = Number(m[1]), lat = Number(m[2]), lon = Number(m[3]);
  return Math.abs(lat) <= 85 && Math.abs(lon) <= 180 && zoom <= 14 ? { zoom, lat, lon } : null;
}

let viewTimer = null;
function mapMoved() {
  clearTimeout(viewTimer);
  viewTimer = setTimeout(() => {
    const c = state.map.getCenter();
    goTo({ map: `${state.map.getZoom()}/${c.lat.toFixed(4)}/${c.lng.toFixed(4)}` }, false);
  }, 200);
}

function eventHref(id) {
  return `/${location.search}#event=${encodeURIComponent(id)}`;
}

// --- timeline -------------------------------------------------------------------------------------
function chooseInterval(spanDays) {
  if (state.interval !== "auto") return state.interval;
  if (spanDays > 3 * 365) return "month";
  if (spanDays > 120) return "week";
  return "day";
}

async function loadTimeline(current) {
  const first = await api("/api/timeline?" + params({ interval: "month" }));
  if (current && !current()) return;
  let interval = "month";
  if (first.buckets.length) {
    const a = new Date(first.buckets[0].start), b = new Date(first.buckets[first.buckets.length - 1].start);
    interval = chooseInterval((b - a) / 864e5 + 31);
  }
  const data = interval === "month" ? first : await api("/api/timeline?" + params({ interval }));
  if (current && !current()) return;
  drawTimeline(data);
}

function addInterval(date, interval) {
  const d = new Date(date);
  if (interval === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (interval === "week") d.setUTCDate(d.getUTCDate() + 7);
  else if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d;
}

function undatedLink(n, text) {
  return [`${n} ${text} — `, el("button", { type: "button", class: "link undated-show",
    onclick: () => { state.filter.undated = "only"; refresh(); } }, "show them")];
}

function drawTimeline(data) {
  const svg = $("timeline");
  const dated = state.filter.date_from || state.filter.date_to;
  $("undated").replaceChildren(...(state.filter.undated === "only" ? ["undated events: none is on the timeline"]
    : data.undated ? undatedLink(data.undated, dated ? "undated events not in this range" : "undated events not on the timeline") : []));
  svg.replaceChildren();
  // Measured after the line above: it may wrap the head onto a second line and shrink the chart.
  const W = svg.clientWidth || 800, H = svg.clientHeight || 140, pad = { l: 34, r: 8, t: 6, b: 18 };
  const buckets = data.buckets;
  if (!buckets.length) return;
  const t0 = new Date(buckets[0].start).getTime();
  const t1 = addInterval(buckets[buckets.length - 1].start, data.interval).getTime();
  const x = t => pad.l + (t - t0) / (t1 - t0) * (W - pad.l - pad.r);
  const max = Math.max(...buckets.map(b => b.total));
  const y = v => H - pad.b - v / max * (H - pad.t - pad.b);
  for (const b of buckets) {
    // A bar is a keyboard stop: Enter keeps its dates (then the list holds its events).
    const end = new Date(addInterval(b.start, data.interval).getTime() - 864e5).toISOString().slice(0, 10);
    const mix = state.vocab.event_types.filter(t => b.counts[t.name]).map(t => `${b.counts[t.name]} ${t.name}`).join(", ");
    // One Tab stop for the whole chart (the latest bar); the arrow keys move between bars.
    const bar = svgEl("g", { class: "bar", tabindex: b === buckets[buckets.length - 1] ? 0 : -1, role: "button",
      "data-start": b.start, "aria-label": `${b.start} to ${end}: ${b.total} events (${mix}). Enter: keep these dates;`
        + " arrows: other bars" });
    bar.addEventListener("keydown", ev => {
      const bars = [...svg.querySelectorAll("g.bar")], i = bars.indexOf(bar);
      const next = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: bars.length - 1 }[ev.key];
      if (next !== undefined) {
        ev.preventDefault();
        const to = bars[Math.max(0, Math.min(bars.length - 1, next))];
        for (const other of bars) other.setAttribute("tabindex", other === to ? 0 : -1);
        to.focus();
        return;
      }
      if (ev.key !== "Enter" && ev.key !== " ") return;
      ev.preventDefault();
      state.filter.date_from = b.start.slice(0, 10);
      state.filter.date_to = end;
      refresh();
    });
    const xa = x(new Date(b.start).getTime()), xb = x(addInterval(b.start, data.interval).getTime());
    let acc = 0;
    for (const t of state.vocab.event_types) {
      const n = b.counts[t.name] || 0;
      if (!n) continue;
      bar.append(svgEl("rect", { x: xa + 0.5, width: Math.max(1, xb - xa - 1), y: y(acc + n), height: y(acc) - y(acc + n), fill: t.colour },
        svgEl("title", {}, `${b.start}: ${n} ${t.name}`)));
      acc += n;
    }
    svg.append(bar);
  }
  const axis = (txt, xp, yp, anchor) => svg.append(svgEl("text", { x: xp, y: yp, class: "axis", "text-anchor": anchor }, txt));
  axis(String(max), pad.l - 4, pad.t + 8, "end");
  axis("0", pad.l - 4, H - pad.b, "end");
  // As many date ticks as fit (a label is ~60 px wide): the axis never runs out of the box.
  const ticks = Math.max(1, Math.min(8, buckets.length, Math.floor((W - pad.l - pad.r) / 110)));
  for (let i = 0; i <= ticks; i++) {
    const t = t0 + (t1 - t0) * i / ticks;
    axis(new Date(t).toISOString().slice(0, data.interval === "year" ? 4 : data.interval === "month" ? 7 : 10), x(t), H - 4, i === 0 ? "start" : i === ticks ? "end" : "middle");
  }
  state.timeScale = { t0, t1, x, inv: px => t0 + (px - pad.l) / (W - pad.l - pad.r) * (t1 - t0) };
  const f = state.filter;
  if (f.date_from || f.date_to) {
    const a = f.date_from ? new Date(f.date_from).getTime() : t0, c = f.date_to ? new Date(f.date_to).getTime() + 864e5 : t1;
    svg.append(svgEl("rect", { class: "brush", x: x(a), y: pad.t, width: Math.max(2, x(c) - x(a)), height: H - pad.t - pad.b }));
  }
}

function initBrush() {
  const svg = $("timeline");
  let start = null, rect = null;
  const px = e => e.clientX - svg.getBoundingClientRect().left;
  svg.addEventListener("mousedown", e => {
    if (!state.timeScale) return;
    e.preventDefault();  // no focus ring on the bar the drag starts on
    start = px(e);
    rect = svgEl("rect", { class: "brush", y: 6, height: (svg.clientHeight || 140) - 24 });
    svg.append(rect);
  });
  window.addEventListener("mousemove", e => {
    if (start === null) return;
    const a = Math.min(start, px(e)), b = Math.max(start, px(e));
    rect.setAttribute("x", a); rect.setAttribute("width", Math.max(1, b - a));
  });
  window.addEventListener("mouseup", e => {
    if (start === null) return;
    const a = Math.min(start, px(e)), b = Math.max(start, px(e));
    start = null;
    if (b - a < 3) { rect.remove(); return; }
    const iso = t => new Date(Math.max(state.timeScale.t0, Math.min(state.timeScale.t1, t))).toISOString().slice(0, 10);
    state.filter.date_from = iso(state.timeScale.inv(a));
    state.filter.date_to = iso(state.timeScale.inv(b) - 1);
    refresh();
  });
}

// --- facets ---------------------------------------------------------------------------------------
function facetLabel(name, value) {
  if (value === null || value === undefined) return "(unknown)";
  if (name === "geo_precision") return `${value} — ${{ 1: "the named town", 2: "near a town", 3: "a region only" }[value] || ""}`;
  return String(value);
}

function filterFacet(section, text) {
  const q = text.trim().toLowerCase();
  for (const label of section.querySelectorAll("label")) {
    label.hidden = Boolean(q) && !label.querySelector(".v").textContent.toLowerCase().includes(q);
  }
}

function drawFacets(data) {
  const box = $("facet-list");
  box.replaceChildren();
  syncModality(data.facets.modality);
  for (const [name, title] of FACETS) {
    const selected = (state.filter[name] || []).map(String);
    const rows = (data.facets[name] || []).filter(r => r.value !== null);
    for (const v of selected) if (!rows.some(r => String(r.value) === v)) rows.push({ value: v, count: 0 });
    if (!rows.length) continue;
    const section = el("div", { class: "facet", "data-facet": name }, el("h3", {}, title));
    if (rows.length > 6) {
      // Long lists get a search box: it narrows the values shown here (the filter changes on a tick).
      const search = el("input", { type: "search", class: "facet-search", placeholder: `find ${title.toLowerCase()}…`,
        "aria-label": `Find a value of ${title}`, value: state.facetSearch[name] || "" });
      search.addEventListener("input", () => { state.facetSearch[name] = search.value; filterFacet(section, search.value); });
      section.append(search);
    }
    for (const r of rows) {
      const value = String(r.value);
      const checked = selected.includes(value);
      const input = el("input", { type: "checkbox", checked, "data-value": value });
      input.addEventListener("change", () => {
        const cur = new Set((state.filter[name] || []).map(String));
        if (input.checked) cur.add(value); else cur.delete(value);
        state.filter[name] = [...cur];
        refresh();
      });
      const text = facetLabel(name, r.value);
      section.append(el("label", { class: r.count ? "" : "zero", title: `${text}: ${r.count} events` }, input,
        name === "event_type" ? el("span", { class: "swatch", style: `background:${colour(value)}` }) : null,
        el("span", { class: "v" }, text), el("span", { class: "n" }, r.count)));
    }
    box.append(section);
    if (state.facetSearch[name]) filterFacet(section, state.facetSearch[name]);
  }
}

// The modality control: what occurred (the default everywhere), everything, or one modality.
function syncModality(counts) {
  const select = $("modality");
  const chosen = state.filter.modality || [];
  const value = !chosen.length ? "occurred" : chosen.length === 1 ? chosen[0] : "several";
  const n = new Map((counts || []).map(r => [r.value, r.count]));
  const options = [["occurred", "occurred (default)"], ["all", "all modalities"],
    ...Object.entries(MODALITY_SIGNS).map(([m, s]) => [m, `${s} ${m}`])];
  select.replaceChildren(...options.map(([v, t]) => el("option", { value: v, selected: v === value },
    t + (n.has(v) && v !== "occurred" ? ` (${n.get(v)})` : ""))),
  value === "several" ? el("option", { value: "several", selected: true, disabled: true }, chosen.join(" + ")) : null);
}

function syncInputs() {
  const f = state.filter;
  $("q").value = f.q || "";
  $("date-from").value = f.date_from || "";
  $("date-to").value = f.date_to || "";
  $("fat-min").value = f.fatalities_min ?? "";
  $("fat-max").value = f.fatalities_max ?? "";
  $("brush-clear").hidden = !(f.date_from || f.date_to);
  $("brush-label").textContent = f.date_from || f.date_to
    ? `dates: ${f.date_from || "…"} to ${f.date_to || "…"}` : "drag across the timeline to choose dates";
  syncModality(null);
  for (const a of document.querySelectorAll(".exports a")) {
    a.href = "/api/export?" + params({ format: a.dataset.format });
  }
}

// --- event list and event panel -----------------------------------------------------------------
function modalityBadge(m) {
  if (!m || m === "occurred") return null;
  return el("span", { class: `badge modality mod-${m}`, title: `reported as ${m}: it did not (yet) happen` },
    `${MODALITY_SIGNS[m] || ""} ${m}`);
}

// A row is a link (Tab reaches it, Enter opens it, a new tab opens it from its address).
function eventRow(e) {
  return el("a", { class: "list-item", href: eventHref(e.event_id), "data-event": e.event_id, "data-modality": e.modality || null,
    onclick: ev => {
      if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
      ev.preventDefault();
      openEvent(e.event_id);
    } },
  el("span", { class: "dot", style: `background:${colour(e.event_type)}` }),
  el("div", {}, el("div", {}, `${e.sub_event_type} — ${e.location || "unlocated"}`, modalityBadge(e.modality)),
    el("div", { class: "sub" }, [e.event_date || "undated", e.actor1, e.fatalities != null ? `${e.fatalities} killed` : null]
      .filter(Boolean).join(" · "), e.review ? el("span", { class: `badge ${e.review.status}` }, e.review.status) : null)));
}

function listHead(data) {
  const f = state.filter;
  if (f.undated === "only") {
    return [el("h2", { id: "list-title", tabindex: -1 }, `Undated events (${data.total})`),
      el("p", { class: "undated-note" }, "Events with no date, whatever the date range. ",
        el("button", { type: "button", class: "link", id: "undated-back", onclick: () => { f.undated = null; refresh(); } },
          f.date_from || f.date_to ? "back to the date range" : "back to every event"))];
  }
  const resolved = Object.entries(data.actor_resolved || {});
  return [el("h2", { id: "list-title", tabindex: -1 }, `Events (${data.total})`),
    resolved.length ? el("p", { class: "note", id: "actor-resolved" },
      resolved.map(([name, to]) => `actor “${name}” is ${Array.isArray(to) ? to.join(", ") : to}`).join("; ")) : null,
    data.undated ? el("p", { class: "undated-note", id: "undated-note" }, ...undatedLink(data.undated, "undated events not in this range")) : null];
}

async function showList(append, current) {
  const panel = $("panel");
  if (!append) {
    goTo({ path: "/", event: null }, false);
    clearClaimLayer();  // ledger.js: the claims' map layer belongs to the Claims tab
    state.listOffset = 0;
    state.selected = null;
    markSelected(null);
    delete document.body.dataset.openedEvent;
  }
  try {
    const data = await api("/api/events?" + params({ limit: 50, offset: state.listOffset, sort: "-date" }));
    if (current && !current()) return;
    if (!append) panel.replaceChildren(...listHead(data).filter(Boolean), el("div", { id: "event-list" }));
    const list = $("event-list");
    $("more")?.remove();
    list.append(...data.events.map(eventRow));
    state.listOffset += data.events.length;
    if (state.listOffset < data.total) {
      list.after(el("button", { id: "more", type: "button", onclick: () => showList(true) }, "more…"));
    }
  } catch (e) { showError(panel, e); }
}

async function showEventList(ids) {
  const panel = $("panel");
  panel.replaceChildren(el("h2", { id: "list-title", tabindex: -1 }, `${ids.length} events at this spot`),
    el("button", { type: "button", onclick: () => showList(false) }, "← all events"));
  for (const id of ids.slice(0, 100)) {
    const d = await api(`/api/events/${encodeURIComponent(id)}`);
    panel.append(eventRow(d.event));
  }
}

function highlighted(text, spans, language) {
  // Article text is untrusted: split it into text nodes and <mark>s, never parse it as HTML.
  // Arabic reads right to left (`dir`), as a whole, even when it opens with a Latin name;
  // any other text takes its direction from its first letters.
  const out = el("div", { class: "text", dir: language === "ar" ? "rtl" : "auto", lang: language || null });
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let pos = 0;
  for (const s of sorted) {
    if (s.start < pos) continue;
    out.append(document.createTextNode(text.slice(pos, s.start)), el("mark", { class: "evidence" }, text.slice(s.start, s.end)));
    pos = s.end;
  }
  out.append(document.createTextNode(text.slice(pos)));
  return out;
}

const SHOWN = ["event_type", "sub_event_type", "modality", "event_date", "time_precision", "actor1", "assoc_actor_1",
  "inter1", "actor2", "assoc_actor_2", "inter2", "country", "admin1", "admin2", "location", "latitude", "longitude",
  "geo_precision", "geonameid", "fatalities", "fatality_reports", "sources", "corroboration", "outlets", "notes",
  "event_id"];

function fmt(v) {
  if (v === null || v === undefined || v === "") return "—";
  if (v && typeof v === "object" && "articles" in v && "outlets" in v) {
    // corroboration: how many distinct reports stand behind the event
    return `${v.articles} article${v.articles === 1 ? "" : "s"} · ${v.outlets} outlet${v.outlets === 1 ? "" : "s"} · ${v.sources} source${v.sources === 1 ? "" : "s"}`;
  }
  if (Array.isArray(v)) return v.length ? v.map(x => typeof x === "object" ? fmtObject(x) : x).join("; ") : "—";
  if (typeof v === "object") return fmtObject(v);
  return String(v);
}

function fmtObject(o) {
  return Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k.replace(/_/g, " ")}: ${typeof v === "object" ? JSON.stringify(v) : v}`).join(", ");
}

// Per-source fatality figures: who said how many, in which report. An analyst's correction comes
// first (no source, `corrected_by`); a source's figure it overrides is marked `superseded`.
function fatalityTable(reports, articles) {
  if (!reports || !reports.length) return "—";
  const byId = new Map(articles.map(a => [a.article_id, a]));
  const known = new Set(["fatalities", "source", "article_id", "corrected_by", "corrected_at", "note", "superseded"]);
  const note = r => [r.note, r.superseded ? "superseded by the correction" : null,
    ...Object.entries(r).filter(([k, v]) => !known.has(k) && v !== null && v !== undefined).map(([k, v]) => `${k.replace(/_/g, " ")}: ${fmt(v)}`)]
    .filter(Boolean).join("; ");
  const report = r => {
    if (r.corrected_by) return `correction${r.corrected_at ? ", " + r.corrected_at.slice(0, 10) : ""}`;
    const a = byId.get(r.article_id);
    if (a) return [a.outlet, a.published].filter(Boolean).join(", ") || a.title || "—";
    return r.article_id ? "another report" : "—";
  };
  const notes = reports.some(r => note(r));
  return el("table", { class: "fatality-table" },
    el("thead", {}, el("tr", {}, el("th", {}, "source"), el("th", { class: "num" }, "killed"), el("th", {}, "report"),
      notes ? el("th", {}, "note") : null)),
    el("tbody", {}, reports.map(r => el("tr", { class: r.superseded ? "superseded" : r.corrected_by ? "analyst" : null },
      el("td", {}, r.source || (r.corrected_by ? `analyst: ${r.corrected_by}` : "(no source named)")),
      el("td", { class: "num" }, r.fatalities ?? "—"), el("td", {}, report(r)),
      notes ? el("td", {}, note(r)) : null))));
}

function fieldValue(k, e, d) {
  if ((k === "actor1" || k === "actor2") && e[k]) return actorLink(e[k]);
  if (k === "location" && e[k] && e.country) return placeLink(e.country, e.admin1, e[k], e[k]);
  if (k === "fatality_reports") return fatalityTable(e[k], d.articles);
  if (k === "modality") return e[k] && e[k] !== "occurred" ? modalityBadge(e[k]) : fmt(e[k]);
  return fmt(e[k]);
}

async function openEvent(id, opts) {
  const panel = $("panel");
  let d;
  try { d = await api(`/api/events/${encodeURIComponent(id)}`); } catch (e) { showError(panel, e); return; }
  state.selected = d;
  const e = d.event;
  if (!(opts && opts.keepUrl)) goTo({ event: e.event_id }, true);
  const fixes = Object.fromEntries(((e.review || {}).corrections || []).map(c => [c.field, c]));
  const status = (e.review || {}).status || "unreviewed";
  const rows = SHOWN.filter(k => k in e || k === "fatalities").map(k => {
    const c = fixes[k];
    if (k === "fatality_reports" && (e[k] || []).length) {  // a table of its own: the whole width
      return el("tr", { "data-field": k }, el("td", { colspan: 2, class: "wide" },
        el("div", { class: "wide-label" }, "fatalities by source"), fieldValue(k, e, d)));
    }
    return el("tr", { class: c ? "corrected" : null, "data-field": k }, el("td", {}, k.replace(/_/g, " ")),
      el("td", {}, fieldValue(k, e, d),
        k === "geo_precision" && e[k] ? el("span", { class: "note" }, ` (${state.vocab.geo_precision[e[k]]})`) : null,
        c ? el("span", { class: "badge corr", title: `machine value: ${fmt(c.machine_value)}` },
          `corrected by ${c.author}, ${c.created_at.slice(0, 10)} · was ${fmt(c.machine_value)}`) : null));
  });
  const articles = d.articles.map(a => el("div", { class: "article", "data-article": a.article_id },
    el("div", { dir: "auto" }, el("strong", {}, a.title || "(untitled)")),
    el("div", { class: "meta" }, [a.outlet, a.published, a.origin].filter(Boolean).join(" · "),
      a.url && /^https?:\/\//i.test(a.url) ? el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, " link") : null),
    highlighted(a.text, a.evidence, a.language)));
  const neighbour = (title, list) => list.length ? [el("h3", {}, title), ...list.map(n => eventRow(n))] : [];
  const mod = e.modality && e.modality !== "occurred" ? e.modality : null;
  panel.replaceChildren(...[
    el("button", { type: "button", id: "back-to-list", onclick: () => showList(false) }, "← all events"),
    el("h2", { id: "event-title", tabindex: -1, "data-event": e.event_id }, `${e.sub_event_type}`,
      el("span", { class: `badge ${status}`, id: "status-badge" }, status), modalityBadge(mod)),
    mod ? el("p", { class: `modality-note mod-${mod}`, id: "modality-note" },
      `Reported as ${mod}: the articles say this event did not (yet) happen${mod === "denied" ? " — someone denied it" : ""}.`) : null,
    state.reviewMode ? reviewTools(e) : null,
    el("table", { class: "fields" }, el("tbody", {}, rows)),
    el("h3", {}, `Evidence in ${d.articles.length} article${d.articles.length === 1 ? "" : "s"}`
      + (d.paging.articles_total > d.articles.length ? ` (the first of ${d.paging.articles_total})` : "")), articles,
    d.claims.length ? el("h3", {}, "Claims in these articles") : null,
    d.claims.map(c => el("div", { class: "note" }, `${c.quantity} ${c.unit}${c.subject ? " of " + c.subject : ""}${c.place ? " in " + c.place : ""}${c.source ? " — " + c.source : ""}`)),
    neighbour("Before (same country)", d.neighbours.before), neighbour("After (same country)", d.neighbours.after),
    neighbour("Nearby", d.neighbours.nearby),
    correctionLog(d),  // review.js
  ].flat().filter(x => x !== null && x !== undefined && x !== false));
  document.body.dataset.openedEvent = e.event_id;
  markSelected(e);  // map.js
  if (!(opts && opts.keepFocus)) $("event-title").focus();
}

// --- wiring ---------------------------------------------------------------------------------------
// The filter lives in the address bar too: a link shares it, the back button goes to the one before.
const URL_FIELDS = [...LIST_FIELDS, ...SCALARS];
const NUMBER_LISTS = new Set(["geo_precision"]);

function filterFromUrl() {
  const p = new URLSearchParams(location.search);
  if (![...p.keys()].some(k => URL_FIELDS.includes(k) || k === "all")) return { modality: ["occurred"] };
  const f = {};
  for (const name of LIST_FIELDS) {
    const values = p.getAll(name);
    if (values.length) f[name] = NUMBER_LISTS.has(name) ? values.map(Number) : values;
  }
  for (const name of ["date_from", "date_to", "q"]) if (p.get(name)) f[name] = p.get(name);
  if (p.get("undated") === "only") f.undated = "only";
  for (const name of ["fatalities_min", "fatalities_max"]) if (p.get(name)) f[name] = Math.max(0, Math.floor(Number(p.get(name))));
  return f;
}

function filterToUrl() {
  const p = params();
  const search = p.toString() ? "?" + p : "?all";  // "?all": no filter (the API's own default: what occurred)
  if (search !== location.search) goTo({ search, event: null }, true);
}

let refreshing = 0;
async function refresh(opts) {
  // Map, facets, timeline and list load side by side and each is drawn as soon as it arrives,
  // so a slow one (facets over a large selection) never holds back the others. A new filter
  // refits the map to its events; a review write (keepPanel) leaves the view alone.
  const ticket = ++refreshing;
  const fit = opts && opts.fit !== undefined ? opts.fit : !(opts && opts.keepPanel);
  if (!(opts && opts.fromUrl)) filterToUrl();
  syncInputs();
  $("count").textContent = "loading…";
  const current = () => ticket === refreshing;
  const map = loadMapData().then(data => {
    if (current()) showPoints(data, fit);
  });
  const facets = api("/api/facets?" + params()).then(data => {
    if (!current()) return;
    drawFacets(data);
    return addSparklines(current);  // views.js: a trend line per actor and province
  });
  const parts = [map, facets, loadTimeline(current), state.borders];
  if (!(opts && opts.keepPanel)) parts.push(showList(false, current));
  try {
    await Promise.all(parts);
    if (current()) document.body.dataset.ready = String(ticket);
  } catch (e) { if (current()) $("count").textContent = "error: " + e.message; }
}

function setFacetsOpen(open) {
  document.body.classList.toggle("facets-open", open);
  $("facets-toggle").setAttribute("aria-expanded", String(open));
}

function bindInputs() {
  let timer = null;
  $("q").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => { state.filter.q = $("q").value.trim() || null; refresh(); }, 300); });
  const bind = (id, key, number) => $(id).addEventListener("change", () => {
    const v = $(id).value;
    state.filter[key] = v === "" ? null : number ? Math.max(0, Math.floor(Number(v))) : v;
    refresh();
  });
  bind("date-from", "date_from"); bind("date-to", "date_to");
  bind("fat-min", "fatalities_min", true); bind("fat-max", "fatalities_max", true);
  $("modality").addEventListener("change", () => { state.filter.modality = [$("modality").value]; refresh(); });
  $("brush-clear").addEventListener("click", () => { state.filter.date_from = state.filter.date_to = null; refresh(); });
  $("clear").addEventListener("click", () => { state.filter = {}; refresh(); });
  $("compare").addEventListener("click", () => { leavePage(); showCompare(7); });
  $("claims").addEventListener("click", () => { leavePage(); showClaims(null); });
  $("alerts").addEventListener("click", () => { leavePage(); showAlerts(); });
  $("interval").addEventListener("change", () => { state.interval = $("interval").value; loadTimeline(); });
  $("facets-toggle").addEventListener("click", () => setFacetsOpen(!document.body.classList.contains("facets-open")));
  document.addEventListener("keydown", ev => {
    if (ev.key === "Escape" && document.body.classList.contains("facets-open")) { setFacetsOpen(false); $("facets-toggle").focus(); }
  });
  $("skip-list").addEventListener("click", () => ($("event-list")?.querySelector(".list-item") || $("panel")).focus());
  $("review-mode").addEventListener("change", () => {
    state.reviewMode = $("review-mode").checked;
    $("review-who").hidden = !state.reviewMode;
    $("token").hidden = !state.config.token_required;
    if (state.selected) openEvent(state.selected.event.event_id, { keepUrl: true, keepFocus: true });
  });
  $("author").value = localStorage.getItem("marsad.author") || "";
  window.addEventListener("resize", () => { loadTimeline(); fitLegend(); });
}

// A small map keeps its legend folded: it would hide too much of the map.
function fitLegend() {
  const box = $("map-box"), legend = $("legend-box");
  legend.open = true;
  legend.open = legend.offsetWidth * legend.offsetHeight <= 0.2 * box.clientWidth * box.clientHeight;
}

async function main() {
  [state.vocab, state.config] = await Promise.all([api("/api/vocab"), api("/api/config")]);
  for (const t of state.vocab.event_types) state.colours[t.name] = t.colour;
  drawLegend();  // map.js
  fitLegend();
  bindInputs();
  initBrush();
  state.filter = filterFromUrl();
  window.addEventListener("popstate", () => {
    const before = params().toString();
    state.filter = filterFromUrl();
    const changed = params().toString() !== before;
    const opened = readHash().event, page = pageFromPath();
    if (changed) refresh({ fromUrl: true, keepPanel: Boolean(page || opened), fit: true });
    if (opened && (!state.selected || state.selected.event.event_id !== opened)) openEvent(opened, { keepUrl: true });
    else if (!opened && !page && state.selected && !changed) showList(false);
  });
  const view = mapFromHash();
  initMap(view);  // map.js
  const page = pageFromPath();  // /actor/NAME or /place/COUNTRY/…: that page in the panel, not the list
  const opened = readHash().event;
  await refresh({ fromUrl: true, keepPanel: Boolean(page || opened), fit: !view });
  if (page) await openPage(page, true);
  else if (opened) await openEvent(opened, { keepUrl: true });
  updateAlertBadge();  // ledger.js
}

// Other code (and the browser tests) can open an event by id.
window.addEventListener("marsad:open", e => openEvent(String(e.detail)));
main();
