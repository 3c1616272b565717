// marsad workbench: map, timeline, facets, event panel, review, export — over /api/.
// Everything from articles and events is untrusted: it only ever reaches the page as text nodes.
"use strict";

const FACETS = [
  ["event_type", "Event type"], ["sub_event_type", "Sub-event type"], ["modality", "Modality"],
  ["review", "Review"], ["geo_precision", "Location precision"], ["country", "Country"], ["admin1", "Admin1"],
  ["actor", "Actor"], ["source", "Source"], ["outlet", "Outlet"],
];
// Filters that are no facet but come from a click elsewhere (a place in Compare): in the URL too.
const LIST_FIELDS = [...FACETS.map(f => f[0]), "location"];
const state = {
  filter: {}, vocab: null, config: null, colours: {}, interval: "auto",
  reviewMode: false, listOffset: 0, selected: null, index: null, map: null, layer: null,
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

function params(extra) {
  const p = new URLSearchParams();
  const f = state.filter;
  for (const name of LIST_FIELDS) for (const v of f[name] || []) p.append(name, v);
  for (const name of ["date_from", "date_to", "fatalities_min", "fatalities_max", "q"]) {
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
  where.replaceChildren(el("p", { class: "error" }, String(e.message || e)));
}

// --- map ------------------------------------------------------------------------------------------
const PRECISION_RADIUS_M = { 2: 10000, 3: 60000 };  // how far from the coded point the event may be

function markerRadius(fatalities) {
  return 4 + Math.min(16, Math.sqrt(fatalities || 0) * 2.2);
}

function initMap() {
  const map = L.map("map", { preferCanvas: true, worldCopyJump: true, minZoom: 2, maxZoom: 14 });
  state.map = map;
  state.renderer = L.canvas({ padding: 0.3 });
  if (state.config.tile_url) {
    L.tileLayer(state.config.tile_url, { attribution: "base map: " + new URL(state.config.tile_url).host })
      .addTo(map);
  }
  // Borders get their own pane and canvas under the markers: they load beside the events (not
  // before them) and are not redrawn each time the markers are.
  map.createPane("borders").style.zIndex = 350;
  state.borders = fetch("/vendor/countries.json").then(r => r.json()).then(topo => {
    const countries = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(countries, {
      pane: "borders", renderer: L.canvas({ padding: 0.3, pane: "borders" }), interactive: false,
      style: { color: "#8a99a8", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: state.config.tile_url ? 0 : 1 },
    }).addTo(map);
  }).catch(e => console.warn("country borders unavailable", e));
  state.layer = L.layerGroup().addTo(map);
  map.setView([30, 30], 3);
  map.on("moveend", () => (state.cells ? refetchCells() : drawMap()));
}

// The map's zoom and view (with a margin), for /api/map/points: over MAX_POINTS events it
// answers with cells counted by the server for this view, and each move asks again.
function mapView() {
  const b = state.map.getBounds().pad(0.1);
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  const box = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -85, 85), clamp(b.getEast(), -180, 180),
    clamp(b.getNorth(), -85, 85)];
  return { zoom: Math.round(state.map.getZoom()), view: box.map(v => v.toFixed(4)).join(",") };
}

let moves = 0;
function refetchCells() {
  const ticket = ++moves, filterTicket = refreshing;
  setTimeout(() => {
    if (ticket !== moves) return;  // moved again since: only the last view is fetched
    api("/api/map/points?" + params(mapView())).then(points => {
      if (ticket === moves && filterTicket === refreshing) showPoints(points);
    }).catch(e => console.warn("map cells", e));
  }, 150);
}

function showPoints(points) {
  const where = points.clustered ? "in view" : "on the map";
  $("count").textContent = `${points.total.toLocaleString()} events · ${points.count.toLocaleString()} ${where}`;
  const lat = points.columns.latitude, lon = points.columns.longitude, n = lat.length;
  if (points.clustered) {
    state.index = null;
    state.cells = points;
  } else {
    state.cells = null;
    buildIndex(points);
  }
  if (!state.fitted && n) {
    state.fitted = true;
    let s = 90, w = 180, no = -90, e = -180;
    for (let i = 0; i < n; i++) {
      s = Math.min(s, lat[i]); no = Math.max(no, lat[i]); w = Math.min(w, lon[i]); e = Math.max(e, lon[i]);
    }
    const half = points.clustered ? points.cell_degrees / 2 : 0;  // a cell's mean lies inside its cell
    state.map.fitBounds([[s - half, w - half], [no + half, e + half]], { padding: [30, 30], maxZoom: 8 });
  }
  drawMap();
}

function cellItems(data) {
  // Server cells in the shape Supercluster gives: a cluster, or the one event of its cell.
  const c = data.columns, names = data.event_types;
  return c.count.map((n, i) => ({
    geometry: { coordinates: [c.longitude[i], c.latitude[i]] },
    properties: n > 1 ? { cluster: true, point_count: n, types: { [names[c.event_type[i]]]: n }, server: true }
      : { id: c.event_id[i], type: names[c.event_type[i]], fat: c.fatalities[i] || 0, prec: c.geo_precision[i] || 3 },
  }));
}

function buildIndex(data) {
  // /api/map/points sends columns (one list per field); event_type holds positions in event_types.
  const c = data.columns, names = data.event_types;
  const features = new Array(data.count);
  for (let i = 0; i < data.count; i++) {
    features[i] = {
      type: "Feature", geometry: { type: "Point", coordinates: [c.longitude[i], c.latitude[i]] },
      properties: { id: c.event_id[i], type: names[c.event_type[i]], fat: c.fatalities[i] || 0, prec: c.geo_precision[i] || 3 },
    };
  }
  state.index = new Supercluster({
    radius: 48, maxZoom: 12,
    map: p => { const t = {}; t[p.type] = 1; return { types: t, fat: p.fat }; },
    reduce: (a, b) => { for (const [k, v] of Object.entries(b.types)) a.types[k] = (a.types[k] || 0) + v; a.fat += b.fat; },
  }).load(features);
}

function drawMap() {
  if (!state.index && !state.cells) return;
  const map = state.map;
  const b = map.getBounds().pad(0.1);  // draw a margin too, so panning shows no empty edge
  const zoom = Math.round(map.getZoom());
  const west = Math.max(-180, b.getWest()), east = Math.min(180, b.getEast());
  const box = [west, Math.max(-85, b.getSouth()), east, Math.min(85, b.getNorth())];
  const items = state.cells ? cellItems(state.cells) : state.index.getClusters(box, zoom);
  document.body.dataset.mapBounds = box.map(v => v.toFixed(5)).join(",");
  state.layer.clearLayers();
  // How many events the map now shows (clusters count their members): tests and the header read it.
  document.body.dataset.mapEvents = String(items.reduce((n, i) => n + (i.properties.cluster ? i.properties.point_count : 1), 0));
  for (const item of items) {
    const [lon, lat] = item.geometry.coordinates;
    const p = item.properties;
    if (p.cluster) {
      const n = p.point_count;
      const size = Math.round(22 + Math.min(30, Math.log2(n) * 4));
      const dominant = Object.entries(p.types).sort((a, c) => c[1] - a[1])[0][0];
      const icon = L.divIcon({ className: "", iconSize: [size, size], html: "" });
      const m = L.marker([lat, lon], { icon, keyboard: false, title: `${n} events` });
      m.on("add", () => {
        const div = el("div", { class: "cluster", style: `width:${size}px;height:${size}px;background:${colour(dominant)}` },
          n >= 1000 ? `${Math.round(n / 100) / 10}k` : String(n));
        m.getElement().replaceChildren(div);
      });
      m.on("click", () => {
        if (p.server) { map.setView([lat, lon], Math.min(14, zoom + 2)); return; }
        const z = state.index.getClusterExpansionZoom(p.cluster_id);
        if (z > 12 || zoom >= 12) showEventList(state.index.getLeaves(p.cluster_id, 500).map(f => f.properties.id));
        else map.setView([lat, lon], z);
      });
      state.layer.addLayer(m);
      continue;
    }
    const fill = colour(p.type);
    const r = markerRadius(p.fat);
    if (p.prec >= 2) {
      // Honest precision: the event lies somewhere in this area, not on the point.
      state.layer.addLayer(L.circle([lat, lon], {
        radius: PRECISION_RADIUS_M[p.prec] || PRECISION_RADIUS_M[3], renderer: state.renderer, color: fill,
        weight: 1.2, dashArray: "4 4", fillColor: fill, fillOpacity: p.prec === 3 ? 0.08 : 0.14, interactive: false,
      }));
    }
    const marker = L.circleMarker([lat, lon], {
      renderer: state.renderer, radius: r, color: p.prec === 1 ? "#222" : fill, weight: p.prec === 1 ? 1 : 1.5,
      dashArray: p.prec === 3 ? "2 3" : null, fillColor: fill, fillOpacity: p.prec === 3 ? 0.35 : 0.85,
    });
    marker.bindTooltip(`${p.type} · precision ${p.prec}${p.fat ? ` · ${p.fat} killed` : ""}`);
    marker.on("click", () => openEvent(p.id));
    state.layer.addLayer(marker);
  }
}

function drawLegend() {
  const box = $("legend");
  box.replaceChildren(
    ...state.vocab.event_types.map(t => el("div", {}, el("span", { class: "dot", style: `background:${t.colour}` }), t.name)),
    el("hr"),
    el("div", {}, el("span", { class: "dot", style: "background:#888;border:1px solid #222" }), "at the named town"),
    el("div", {}, el("span", { class: "dot", style: "background:#888;box-shadow:0 0 0 4px rgba(136,136,136,.25)" }),
      "near a town (≈10 km)"),
    el("div", {}, el("span", { class: "dot", style: "background:rgba(136,136,136,.35);border:1px dashed #888" }),
      "region only (≈60 km shaded)"),
    el("div", { class: "note" }, "size: fatalities"),
  );
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

function drawTimeline(data) {
  const svg = $("timeline");
  const NS = "http://www.w3.org/2000/svg";
  const W = svg.clientWidth || 800, H = svg.clientHeight || 140, pad = { l: 34, r: 8, t: 6, b: 18 };
  svg.replaceChildren();
  $("undated").textContent = data.undated ? `${data.undated} undated (not shown)` : "";
  const buckets = data.buckets;
  if (!buckets.length) return;
  const t0 = new Date(buckets[0].start).getTime();
  const t1 = addInterval(buckets[buckets.length - 1].start, data.interval).getTime();
  const x = t => pad.l + (t - t0) / (t1 - t0) * (W - pad.l - pad.r);
  const max = Math.max(...buckets.map(b => b.total));
  const y = v => H - pad.b - v / max * (H - pad.t - pad.b);
  const svgEl = (tag, attrs) => { const n = document.createElementNS(NS, tag); for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v); return n; };
  for (const b of buckets) {
    const xa = x(new Date(b.start).getTime()), xb = x(addInterval(b.start, data.interval).getTime());
    let acc = 0;
    for (const t of state.vocab.event_types) {
      const n = b.counts[t.name] || 0;
      if (!n) continue;
      const rect = svgEl("rect", { x: xa + 0.5, width: Math.max(1, xb - xa - 1), y: y(acc + n), height: y(acc) - y(acc + n), fill: t.colour });
      const title = svgEl("title", {});
      title.textContent = `${b.start}: ${n} ${t.name}`;
      rect.append(title);
      svg.append(rect);
      acc += n;
    }
  }
  const axis = (txt, xp, yp, anchor) => { const n = svgEl("text", { x: xp, y: yp, class: "axis", "text-anchor": anchor }); n.textContent = txt; svg.append(n); };
  axis(String(max), pad.l - 4, pad.t + 8, "end");
  axis("0", pad.l - 4, H - pad.b, "end");
  const ticks = Math.min(8, buckets.length);
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
    start = px(e);
    rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    rect.setAttribute("class", "brush"); rect.setAttribute("y", 6); rect.setAttribute("height", (svg.clientHeight || 140) - 24);
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

function drawFacets(data) {
  const box = $("facet-list");
  box.replaceChildren();
  for (const [name, title] of FACETS) {
    const selected = (state.filter[name] || []).map(String);
    const rows = data.facets[name].filter(r => r.value !== null);
    for (const v of selected) if (!rows.some(r => String(r.value) === v)) rows.push({ value: v, count: 0 });
    if (!rows.length) continue;
    const section = el("div", { class: "facet", "data-facet": name }, el("h3", {}, title));
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
      section.append(el("label", { class: r.count ? "" : "zero" }, input,
        name === "event_type" ? el("span", { class: "swatch", style: `background:${colour(value)}` }) : null,
        el("span", { class: "v", title: facetLabel(name, r.value) }, facetLabel(name, r.value)),
        el("span", { class: "n" }, r.count)));
    }
    box.append(section);
  }
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
  for (const a of document.querySelectorAll(".exports a")) {
    a.href = "/api/export?" + params({ format: a.dataset.format });
  }
}

// --- event list and event panel -----------------------------------------------------------------
function eventRow(e) {
  return el("div", { class: "list-item", "data-event": e.event_id, onclick: () => openEvent(e.event_id) },
    el("span", { class: "dot", style: `background:${colour(e.event_type)}` }),
    el("div", {}, el("div", {}, `${e.sub_event_type} — ${e.location || "unlocated"}`),
      el("div", { class: "sub" }, [e.event_date || "undated", e.actor1, e.fatalities != null ? `${e.fatalities} killed` : null]
        .filter(Boolean).join(" · "), e.review ? el("span", { class: `badge ${e.review.status}` }, e.review.status) : null)));
}

async function showList(append, current) {
  const panel = $("panel");
  if (!append && location.pathname !== "/") history.replaceState(null, "", "/" + location.search);
  if (!append) clearClaimLayer();  // ledger.js: the claims' map layer belongs to the Claims tab
  if (!append) state.listOffset = 0;
  try {
    const data = await api("/api/events?" + params({ limit: 50, offset: state.listOffset, sort: "-date" }));
    if (current && !current()) return;
    if (!append) panel.replaceChildren(el("h2", {}, `Events (${data.total})`), el("div", { id: "event-list" }));
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
  panel.replaceChildren(el("h2", {}, `${ids.length} events at this spot`), el("button", { type: "button", onclick: () => showList(false) }, "← all events"));
  for (const id of ids.slice(0, 100)) {
    const d = await api(`/api/events/${encodeURIComponent(id)}`);
    panel.append(eventRow(d.event));
  }
}

function highlighted(text, spans) {
  // Article text is untrusted: split it into text nodes and <mark>s, never parse it as HTML.
  const out = el("div", { class: "text" });
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

const SHOWN = ["event_type", "sub_event_type", "event_date", "time_precision", "actor1", "assoc_actor_1", "inter1",
  "actor2", "assoc_actor_2", "inter2", "country", "admin1", "admin2", "location", "latitude", "longitude",
  "geo_precision", "geonameid", "fatalities", "fatality_reports", "sources", "corroboration", "outlets", "modality",
  "notes", "event_id"];

function fmt(v) {
  if (v === null || v === undefined || v === "") return "—";
  if (v && typeof v === "object" && "articles" in v && "outlets" in v) {
    // corroboration: how many distinct reports stand behind the event
    return `${v.articles} article${v.articles === 1 ? "" : "s"} · ${v.outlets} outlet${v.outlets === 1 ? "" : "s"} · ${v.sources} source${v.sources === 1 ? "" : "s"}`;
  }
  if (Array.isArray(v)) return v.length ? v.map(x => typeof x === "object" ? JSON.stringify(x) : x).join("; ") : "—";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

async function openEvent(id) {
  const panel = $("panel");
  let d;
  try { d = await api(`/api/events/${encodeURIComponent(id)}`); } catch (e) { showError(panel, e); return; }
  state.selected = d;
  const e = d.event;
  const fixes = Object.fromEntries(((e.review || {}).corrections || []).map(c => [c.field, c]));
  const status = (e.review || {}).status || "unreviewed";
  const rows = SHOWN.filter(k => k in e || k === "fatalities").map(k => {
    const c = fixes[k];
    const value = (k === "actor1" || k === "actor2") && e[k] ? actorLink(e[k])
      : k === "location" && e[k] && e.country ? placeLink(e.country, e.admin1, e[k], e[k]) : fmt(e[k]);
    return el("tr", { class: c ? "corrected" : null, "data-field": k }, el("td", {}, k),
      el("td", {}, value,
        k === "geo_precision" && e[k] ? el("span", { class: "note" }, ` (${state.vocab.geo_precision[e[k]]})`) : null,
        c ? el("span", { class: "badge corr", title: `machine value: ${fmt(c.machine_value)}` },
          `corrected by ${c.author}, ${c.created_at.slice(0, 10)} · was ${fmt(c.machine_value)}`) : null));
  });
  const articles = d.articles.map(a => el("div", { class: "article", "data-article": a.article_id },
    el("div", {}, el("strong", {}, a.title || "(untitled)")),
    el("div", { class: "meta" }, [a.outlet, a.published, a.origin].filter(Boolean).join(" · "),
      a.url && /^https?:\/\//i.test(a.url) ? el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, " link") : null),
    highlighted(a.text, a.evidence)));
  const neighbour = (title, list) => list.length ? [el("h3", {}, title), ...list.map(n => eventRow(n))] : [];
  panel.replaceChildren(...[
    el("button", { type: "button", onclick: () => showList(false) }, "← all events"),
    el("h2", {}, `${e.sub_event_type}`, el("span", { class: `badge ${status}`, id: "status-badge" }, status)),
    state.reviewMode ? reviewTools(e) : null,
    el("table", {}, el("tbody", {}, rows)),
    el("h3", {}, `Evidence in ${d.articles.length} article${d.articles.length === 1 ? "" : "s"}`
      + (d.paging.articles_total > d.articles.length ? ` (the first of ${d.paging.articles_total})` : "")), articles,
    d.claims.length ? el("h3", {}, "Claims in these articles") : null,
    d.claims.map(c => el("div", { class: "note" }, `${c.quantity} ${c.unit}${c.subject ? " of " + c.subject : ""}${c.place ? " in " + c.place : ""}${c.source ? " — " + c.source : ""}`)),
    neighbour("Before (same country)", d.neighbours.before), neighbour("After (same country)", d.neighbours.after),
    neighbour("Nearby", d.neighbours.nearby),
    d.corrections.length ? el("h3", {}, "Correction log") : null,
    d.corrections.map(c => el("div", { class: "note" }, `${c.created_at} ${c.author}: ${c.field} = ${fmt(c.value)}${c.note ? " (" + c.note + ")" : ""}`)),
  ].flat().filter(x => x !== null && x !== undefined && x !== false));
  if (e.latitude != null && e.longitude != null) state.map.panTo([e.latitude, e.longitude]);
}

// --- review ---------------------------------------------------------------------------------------
const EDIT = ["event_type", "sub_event_type", "event_date", "actor1", "actor2", "country", "admin1", "location",
  "latitude", "longitude", "geo_precision", "fatalities", "notes"];
const NUMERIC = new Set(["latitude", "longitude", "geo_precision", "fatalities"]);

function reviewTools(e) {
  if (!state.config.writable) return el("p", { class: "note" }, "This server is read-only.");
  const form = el("form", { class: "edit", id: "edit-form" });
  const inputs = {};
  for (const k of EDIT) {
    let input;
    if (k === "event_type" || k === "sub_event_type") {
      const options = k === "event_type" ? state.vocab.event_types.map(t => t.name)
        : state.vocab.event_types.flatMap(t => t.sub_event_types);
      input = el("select", { name: k }, options.map(o => el("option", { value: o, selected: o === e[k] }, o)));
    } else {
      input = el("input", { name: k, value: e[k] ?? "", type: NUMERIC.has(k) ? "number" : k === "event_date" ? "date" : "text", step: NUMERIC.has(k) && k !== "fatalities" && k !== "geo_precision" ? "any" : null });
    }
    inputs[k] = input;
    form.append(el("label", {}, el("span", {}, k), input));
  }
  inputs.event_type.addEventListener("change", () => {
    const subs = state.vocab.event_types.find(t => t.name === inputs.event_type.value).sub_event_types;
    inputs.sub_event_type.replaceChildren(...subs.map(o => el("option", { value: o }, o)));
  });
  const message = el("div", { class: "note", id: "review-message" });
  form.append(el("label", {}, el("span", {}, "note"), el("input", { name: "_note", placeholder: "why (optional)" })),
    el("button", { type: "submit", id: "save-corrections" }, "Save corrections"), message);
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    const changes = {};
    for (const k of EDIT) {
      const raw = inputs[k].value.trim();
      const value = raw === "" ? null : NUMERIC.has(k) ? Number(raw) : raw;
      const before = e[k] ?? null;
      if (value !== before && !(value === null && before === "")) changes[k] = value;
    }
    if (!Object.keys(changes).length) { message.textContent = "nothing changed"; return; }
    await write(`/api/events/${encodeURIComponent(e.event_id)}/corrections`,
      { author: author(), note: form.elements._note.value || null, changes }, message);
  });
  const decide = status => write(`/api/events/${encodeURIComponent(e.event_id)}/review`, { author: author(), status }, message);
  return el("div", {},
    el("div", { class: "review-bar" },
      el("button", { type: "button", id: "confirm", onclick: () => decide("confirmed") }, "Confirm"),
      el("button", { type: "button", id: "reject", onclick: () => decide("rejected") }, "Reject"),
      el("button", { type: "button", onclick: () => decide("unreviewed") }, "Unreview")),
    form);
}

function author() {
  return $("author").value.trim() || "anonymous";
}

async function write(url, body, message) {
  const headers = { "content-type": "application/json" };
  const token = $("token").value;
  if (token) headers.authorization = "Bearer " + token;
  try {
    const r = await api(url, { method: "POST", headers, body: JSON.stringify(body) });
    localStorage.setItem("marsad.author", $("author").value);
    await openEvent(r.event.event_id);
    $("review-message") && ($("review-message").textContent = "saved");
    refresh({ keepPanel: true });
  } catch (e) { message.textContent = "not saved: " + e.message; message.className = "error"; }
}

// --- wiring ---------------------------------------------------------------------------------------
// The filter lives in the address bar too: a link shares it, the back button goes to the one before.
const URL_FIELDS = [...LIST_FIELDS, "date_from", "date_to", "fatalities_min", "fatalities_max", "q"];
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
  for (const name of ["fatalities_min", "fatalities_max"]) if (p.get(name)) f[name] = Math.max(0, Math.floor(Number(p.get(name))));
  return f;
}

function filterToUrl() {
  const p = params();
  const search = p.toString() ? "?" + p : "?all";  // "?all": every event, not the default filter
  if (search !== location.search) history.pushState(null, "", search);
}

let refreshing = 0;
async function refresh(opts) {
  // Map, facets, timeline and list load side by side and each is drawn as soon as it arrives,
  // so a slow one (facets over a large selection) never holds back the others.
  const ticket = ++refreshing;
  if (!(opts && opts.fromUrl)) filterToUrl();
  syncInputs();
  $("count").textContent = "loading…";
  const current = () => ticket === refreshing;
  const map = api("/api/map/points?" + params(mapView())).then(points => {
    if (current()) showPoints(points);
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
  $("brush-clear").addEventListener("click", () => { state.filter.date_from = state.filter.date_to = null; refresh(); });
  $("clear").addEventListener("click", () => { state.filter = {}; refresh(); });
  $("compare").addEventListener("click", () => { leavePage(); showCompare(7); });
  $("claims").addEventListener("click", () => { leavePage(); showClaims(null); });
  $("alerts").addEventListener("click", () => { leavePage(); showAlerts(); });
  $("interval").addEventListener("change", () => { state.interval = $("interval").value; loadTimeline(); });
  $("review-mode").addEventListener("change", () => {
    state.reviewMode = $("review-mode").checked;
    $("review-who").hidden = !state.reviewMode;
    $("token").hidden = !state.config.token_required;
    if (state.selected) openEvent(state.selected.event.event_id);
  });
  $("author").value = localStorage.getItem("marsad.author") || "";
  window.addEventListener("resize", () => loadTimeline());
}

async function main() {
  [state.vocab, state.config] = await Promise.all([api("/api/vocab"), api("/api/config")]);
  for (const t of state.vocab.event_types) state.colours[t.name] = t.colour;
  drawLegend();
  bindInputs();
  initBrush();
  state.filter = filterFromUrl();
  window.addEventListener("popstate", () => { state.filter = filterFromUrl(); refresh({ fromUrl: true }); });
  initMap();
  const page = pageFromPath();  // /actor/NAME or /place/COUNTRY/…: that page in the panel, not the list
  await refresh({ fromUrl: true, keepPanel: Boolean(page) });
  if (page) await openPage(page, true);
  updateAlertBadge();  // ledger.js
}

// Other code (and the browser tests) can open an event by id.
window.addEventListener("marsad:open", e => openEvent(String(e.detail)));
main();
