// marsad workbench, the map: country and province borders and place names (all offline), events
// clustered into donuts that show the mix of types, markers that say how precise the place is and
// whether the event happened, a legend with a size scale, and the country-level events listed
// beside the map instead of drawn at a country's centre. Uses app.js's helpers (el, $, api,
// params, state, colour, openEvent, showEventList, refresh).
"use strict";

const PRECISION_RADIUS_M = { 2: 10000, 3: 60000 };  // how far from the coded point the event may be
// Every modality but "occurred" gets a marker of its own: a hollow ring with this sign in it.
const MODALITY_SIGNS = { denied: "✕", feared: "!", planned: "P", threatened: "T", possible: "?", hoped: "H" };
const MODALITIES = ["occurred", ...Object.keys(MODALITY_SIGNS)];
const SVG_NS = "http://www.w3.org/2000/svg";

function svgEl(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) node.setAttribute(k, v);
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function markerRadius(fatalities) {
  return 4 + Math.min(16, Math.sqrt(fatalities || 0) * 2.2);
}

// --- the map and its context layers ----------------------------------------------------------------
function initMap(view) {
  const map = L.map("map", { preferCanvas: true, worldCopyJump: true, minZoom: 2, maxZoom: 14 });
  state.map = map;
  state.renderer = L.canvas({ padding: 0.3 });
  if (state.config.tile_url) {
    L.tileLayer(state.config.tile_url, { attribution: "base map: " + new URL(state.config.tile_url).host })
      .addTo(map);
  }
  // Borders get their own panes under the markers: they load beside the events (not before them)
  // and are not redrawn each time the markers are. Names sit above the markers and take no clicks.
  map.createPane("borders").style.zIndex = 350;
  map.createPane("admin1").style.zIndex = 360;
  map.createPane("labels").style.zIndex = 450;
  map.getPane("labels").style.pointerEvents = "none";
  map.createPane("selected").style.zIndex = 650;  // the opened event's ring, over the clusters
  map.getPane("selected").style.pointerEvents = "none";
  const ground = state.config.tile_url ? 0 : 1;
  state.borders = Promise.all([
    fetch("/vendor/countries.json").then(r => r.json()).then(topo => {
      L.geoJSON(topojson.feature(topo, topo.objects.countries), {
        pane: "borders", renderer: L.canvas({ padding: 0.3, pane: "borders" }), interactive: false,
        style: { color: "#7d8c9b", weight: 0.9, fillColor: "#f4f1ea", fillOpacity: ground },
      }).addTo(map);
    }).catch(e => console.warn("country borders unavailable", e)),
    loadProvinces(map),
  ]);
  new ResizeObserver(() => map.invalidateSize({ animate: false })).observe($("map"));
  state.layer = L.layerGroup().addTo(map);
  state.labelLayer = L.layerGroup().addTo(map);
  state.selectedLayer = L.layerGroup().addTo(map);
  if (view) map.setView([view.lat, view.lon], view.zoom);
  else map.setView([30, 30], 3);
  map.on("moveend", () => {
    if (state.cells) refetchCells(); else drawMap();
    loadLabels();
    mapMoved();  // app.js: the view goes into the address
  });
  loadLabels();
}

// Province (admin-1) borders: Natural Earth's, cut to the region at setup (scripts/build-admin1.js).
// SVG, not canvas: one path for every border between two provinces, drawn once.
function loadProvinces(map) {
  return fetch("/vendor/admin1.json").then(r => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.json();
  }).then(topo => {
    const provinces = topo.objects.admin1;
    const mesh = topojson.mesh(topo, provinces, (a, b) => a !== b);
    L.geoJSON(mesh, {
      pane: "admin1", renderer: L.svg({ pane: "admin1" }), interactive: false,
      style: { color: "#8694a3", weight: 1, dashArray: "5 3", className: "admin1-border" },
    }).addTo(map);
    document.body.dataset.provinces = String(provinces.geometries.length);
  }).catch(e => console.warn("province borders unavailable (run make setup)", e));
}

// Place names from marsad's own gazetteer: the most populous places in view, more as one zooms in.
let labelTicket = 0;
function loadLabels() {
  const ticket = ++labelTicket;
  setTimeout(() => {
    if (ticket !== labelTicket) return;
    const b = state.map.getBounds();
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v)).toFixed(3);
    const q = new URLSearchParams({ west: clamp(b.getWest(), -180, 180), south: clamp(b.getSouth(), -90, 90),
      east: clamp(b.getEast(), -180, 180), north: clamp(b.getNorth(), -90, 90), zoom: Math.round(state.map.getZoom()) });
    api("/api/gazetteer/labels?" + q).then(data => {
      if (ticket !== labelTicket) return;
      state.labelLayer.clearLayers();
      for (const p of data.labels) {
        const size = p.population >= 1e6 ? "big" : p.population >= 1e5 ? "mid" : "small";
        const icon = L.divIcon({ className: `place-label ${size}`, iconSize: null, html: "" });
        const m = L.marker([p.latitude, p.longitude], { icon, pane: "labels", interactive: false, keyboard: false });
        m.on("add", () => m.getElement().replaceChildren(el("span", {}, p.name)));  // a name is text, never HTML
        state.labelLayer.addLayer(m);
      }
      document.body.dataset.labels = String(data.labels.length);
    }).catch(e => console.warn("place names unavailable", e));
  }, 120);
}

// The opened event: a ring on the map where the record puts it, brought into view (and out of a
// region-wide cluster) when it is not.
function markSelected(e) {
  state.selectedLayer.clearLayers();
  if (!e || e.latitude == null || e.longitude == null) { delete document.body.dataset.selectedPoint; return; }
  const ll = L.latLng(e.latitude, e.longitude);
  state.selectedRenderer = state.selectedRenderer || L.svg({ padding: 0.3, pane: "selected" });
  state.selectedLayer.addLayer(L.circleMarker(ll, { renderer: state.selectedRenderer, pane: "selected", radius: 15,
    color: "#111", weight: 3, fill: false, interactive: false, className: "selected-ring" }));
  document.body.dataset.selectedPoint = `${e.latitude},${e.longitude}`;
  // Not animated: a view set during an animated zoom would be dropped (Leaflet ignores it).
  if (state.map.getZoom() < 6) state.map.setView(ll, 7, { animate: false });
  else if (!state.map.getBounds().contains(ll)) state.map.panTo(ll, { animate: false });
}

// --- what is drawn: the events ------------------------------------------------------------------------
// The map's zoom and view (with a margin), for /api/map/points: over MAX_POINTS events it
// answers with cells counted by the server for this view, and each move asks again.
function mapView() {
  const b = state.map.getBounds().pad(0.1);
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  const box = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -85, 85), clamp(b.getEast(), -180, 180),
    clamp(b.getNorth(), -85, 85)];
  return { zoom: Math.round(state.map.getZoom()), view: box.map(v => v.toFixed(4)).join(",") };
}

// Everything the map needs for one filter: the points, which of them are coded to a whole country
// (listed beside the map, not drawn), and the modality of those that did not occur.
async function loadMapData() {
  const [points, countryOnly, modalities] = await Promise.all([
    api("/api/map/points?" + params(mapView())), loadCountryOnly(), loadModalities()]);
  return { points, countryOnly, modalities };
}

// Events coded to a whole country: a point at its centre would say "here", so they are counted
// beside the map instead ("Syria — country only: 7"), from the places the filter matches.
async function loadCountryOnly() {
  const precision = state.filter.geo_precision || [];
  if (precision.length && !precision.map(Number).includes(3)) return { rows: [], coords: new Set() };
  const data = await api("/api/places?" + params({ geo_precision: 3, limit: 1000 }));
  const byCountry = new Map(), coords = new Set();
  for (const r of data.places) {
    if (!r.country || r.admin1 || (r.location && r.location !== r.country)) continue;
    const row = byCountry.get(r.country) || { country: r.country, events: 0, location: r.location };
    row.events += r.events;
    byCountry.set(r.country, row);
    if (r.latitude != null) coords.add(pointKey(r.latitude, r.longitude));
  }
  return { rows: [...byCountry.values()].sort((a, b) => b.events - a.events), coords };
}

function pointKey(lat, lon) {
  return `${Number(lat).toFixed(4)},${Number(lon).toFixed(4)}`;
}

// /api/map/points has no modality column: the few events that did not occur are asked for per
// modality (nothing to ask when the filter keeps only what occurred).
async function loadModalities() {
  const chosen = state.filter.modality || [];
  const wanted = !chosen.length || chosen.includes("occurred") && chosen.length === 1 ? []
    : chosen.includes("all") ? Object.keys(MODALITY_SIGNS) : chosen.filter(m => m in MODALITY_SIGNS);
  if (!wanted.length) return new Map();
  const out = new Map();
  await Promise.all(wanted.map(m => api("/api/map/points?" + params({}, { modality: [m] })).then(p => {
    for (const id of p.columns.event_id) if (id) out.set(id, m);
  })));
  return out;
}

let moves = 0;
function refetchCells() {
  const ticket = ++moves, filterTicket = refreshing;
  setTimeout(() => {
    if (ticket !== moves) return;  // moved again since: only the last view is fetched
    api("/api/map/points?" + params(mapView())).then(points => {
      if (ticket === moves && filterTicket === refreshing) showPoints({ ...state.mapData, points });
    }).catch(e => console.warn("map cells", e));
  }, 150);
}

function showPoints(data, fit) {
  state.mapData = data;
  const { points, countryOnly } = data;
  const hidden = countryOnly.rows.reduce((n, r) => n + r.events, 0);
  if (points.clustered) {
    state.index = null;
    state.indexed = [];
    state.cells = points;
  } else {
    state.cells = null;
    buildIndex(points, countryOnly.coords, data.modalities);
  }
  const drawn = points.clustered ? points.count : state.indexed.length;
  const where = points.clustered ? "in view" : "on the map";
  $("count").textContent = `${points.total.toLocaleString()} events · ${drawn.toLocaleString()} ${where}`;
  showCountryOnly(countryOnly.rows, hidden);
  if (fit) fitTo(points);
  drawMap();
}

// Fit to the filter: the view refits to what the filter matches each time it changes.
function fitTo(points) {
  let s = 90, w = 180, no = -90, e = -180, n = 0;
  const add = (lat, lon) => {
    s = Math.min(s, lat); no = Math.max(no, lat); w = Math.min(w, lon); e = Math.max(e, lon); n++;
  };
  if (points.clustered) {
    const c = points.columns;
    for (let i = 0; i < c.latitude.length; i++) add(c.latitude[i], c.longitude[i]);
  } else {
    for (const f of state.indexed) add(f.geometry.coordinates[1], f.geometry.coordinates[0]);
  }
  if (!n) return;
  const half = points.clustered ? points.cell_degrees / 2 : 0.05;  // a cell's mean lies inside its cell
  state.map.fitBounds([[s - half, w - half], [no + half, e + half]], { padding: [30, 30], maxZoom: 8, animate: false });
}

function showCountryOnly(rows, hidden) {
  const box = $("country-only");
  if (box.hidden !== !rows.length) {
    box.hidden = !rows.length;
    state.map.invalidateSize({ animate: false });  // the strip under the map takes its height or gives it back
  }
  if (!rows.length) { box.replaceChildren(); return; }
  const active = state.filter.location || [];
  box.replaceChildren(el("span", { class: "box-title", title: "Events coded to a whole country: not drawn at the"
      + " country's centre, which would say they happened there" }, `Not on the map (${hidden}):`),
  ...rows.map(r => el("button", { type: "button", class: "country-only-row" + (active.includes(r.location) ? " active" : ""),
    "data-country": r.country, title: `Show the ${r.events} events coded to ${r.country} as a whole`,
    onclick: () => {
      state.filter.country = [r.country];
      state.filter.location = [r.location || r.country];
      refresh();
    } }, `${r.country} — country only: ${r.events}`)));
}

function cellItems(data) {
  // Server cells in the shape Supercluster gives: a cluster, or the one event of its cell.
  const c = data.columns, names = data.event_types;
  return c.count.map((n, i) => ({
    geometry: { coordinates: [c.longitude[i], c.latitude[i]] },
    properties: n > 1 ? { cluster: true, point_count: n, types: { [names[c.event_type[i]]]: n }, server: true }
      : { id: c.event_id[i], type: names[c.event_type[i]], fat: c.fatalities[i] || 0, prec: c.geo_precision[i] || 3,
        mod: (state.mapData.modalities.get(c.event_id[i])) || "occurred" },
  }));
}

function buildIndex(data, skip, modalities) {
  // /api/map/points sends columns (one list per field); event_type holds positions in event_types.
  const c = data.columns, names = data.event_types;
  const features = [];
  for (let i = 0; i < data.count; i++) {
    const prec = c.geo_precision[i] || 3;
    if (prec === 3 && skip.has(pointKey(c.latitude[i], c.longitude[i]))) continue;
    features.push({
      type: "Feature", geometry: { type: "Point", coordinates: [c.longitude[i], c.latitude[i]] },
      properties: { id: c.event_id[i], type: names[c.event_type[i]], fat: c.fatalities[i] || 0, prec,
        mod: modalities.get(c.event_id[i]) || "occurred" },
    });
  }
  state.indexed = features;
  state.index = new Supercluster({
    radius: 48, maxZoom: 12,
    map: p => ({ types: { [p.type]: 1 }, fat: p.fat, other: p.mod === "occurred" ? 0 : 1 }),
    reduce: (a, b) => {
      // Supercluster copies a child's properties shallowly: a fresh object, or the child's counts change too.
      a.types = { ...a.types };
      for (const [k, v] of Object.entries(b.types)) a.types[k] = (a.types[k] || 0) + v;
      a.fat += b.fat; a.other += b.other;
    },
  }).load(features);
}

function clusterSize(n) {
  return Math.round(24 + Math.min(30, Math.log2(n) * 4));
}

// A cluster is a donut: one arc per event type, as long as its share of the cluster's events.
function donut(types, n, size) {
  const r = size / 2 - 1, inner = r * 0.58, c = size / 2;
  const svg = svgEl("svg", { width: size, height: size, viewBox: `0 0 ${size} ${size}`, class: "donut", "aria-hidden": "true" });
  const parts = Object.entries(types).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
  if (parts.length === 1) {
    svg.append(svgEl("circle", { cx: c, cy: c, r: (r + inner) / 2, fill: "none", stroke: colour(parts[0][0]), "stroke-width": r - inner }));
  } else {
    let a0 = -Math.PI / 2;
    for (const [type, v] of parts) {
      const a1 = a0 + 2 * Math.PI * v / n, big = a1 - a0 > Math.PI ? 1 : 0;
      const p = (rad, a) => `${(c + rad * Math.cos(a)).toFixed(2)} ${(c + rad * Math.sin(a)).toFixed(2)}`;
      svg.append(svgEl("path", { fill: colour(type), "data-type": type,
        d: `M ${p(r, a0)} A ${r} ${r} 0 ${big} 1 ${p(r, a1)} L ${p(inner, a1)} A ${inner} ${inner} 0 ${big} 0 ${p(inner, a0)} Z` }));
      a0 = a1;
    }
  }
  svg.append(svgEl("circle", { cx: c, cy: c, r: inner, fill: "#fff", "fill-opacity": 0.92 }));
  svg.append(svgEl("text", { x: c, y: c, "text-anchor": "middle", "dominant-baseline": "central", class: "donut-n" },
    n >= 1000 ? `${Math.round(n / 100) / 10}k` : String(n)));
  return svg;
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
    if (p.cluster) state.layer.addLayer(clusterMarker(p, lat, lon, zoom));
    else drawEvent(p, lat, lon);
  }
}

// A marker the keyboard reaches (Tab) is opened with Enter or Space, like a button.
function pressable(node, marker) {
  node.setAttribute("role", "button");
  node.addEventListener("keydown", ev => {
    if (ev.key !== "Enter" && ev.key !== " ") return;
    ev.preventDefault();
    ev.stopPropagation();
    marker.fire("click");
  });
}

function clusterMarker(p, lat, lon, zoom) {
  const n = p.point_count, size = clusterSize(n);
  const mix = Object.entries(p.types).sort((a, c) => c[1] - a[1]).map(([t, v]) => `${v} ${t}`).join(", ");
  const other = p.other ? ` (${p.other} did not occur: denied, feared, planned…)` : "";
  const icon = L.divIcon({ className: "cluster cluster-icon", iconSize: [size, size], html: "" });
  const m = L.marker([lat, lon], { icon, keyboard: true, title: `${n} events: ${mix}${other}`, alt: `${n} events` });
  m.on("add", () => {
    const node = m.getElement();
    node.replaceChildren(donut(p.types, n, size));
    node.classList.toggle("has-other", Boolean(p.other));
    node.setAttribute("aria-label", `${n} events: ${mix}${other}`);
    pressable(node, m);
  });
  m.on("click", () => {
    if (p.server) { state.map.setView([lat, lon], Math.min(14, zoom + 2)); return; }
    const z = state.index.getClusterExpansionZoom(p.cluster_id);
    if (z > 12 || zoom >= 12) showEventList(state.index.getLeaves(p.cluster_id, 500).map(f => f.properties.id));
    else state.map.setView([lat, lon], z);
  });
  return m;
}

function drawEvent(p, lat, lon) {
  const fill = colour(p.type);
  const r = markerRadius(p.fat);
  if (p.prec >= 2) {
    // Honest precision: the event lies somewhere in this area, not on the point.
    state.layer.addLayer(L.circle([lat, lon], {
      radius: PRECISION_RADIUS_M[p.prec] || PRECISION_RADIUS_M[3], renderer: state.renderer, color: fill,
      weight: 1.2, dashArray: "4 4", fillColor: fill, fillOpacity: p.prec === 3 ? 0.08 : 0.14, interactive: false,
    }));
  }
  const tip = `${p.mod === "occurred" ? "" : p.mod.toUpperCase() + " — "}${p.type} · precision ${p.prec}${p.fat ? ` · ${p.fat} killed` : ""}`;
  if (p.mod !== "occurred") {
    // Did not (yet) happen: a hollow ring with the modality's sign, a DOM node of its own (few of them).
    const d = Math.max(16, Math.round(2 * r + 2));
    const icon = L.divIcon({ className: `mod-marker mod-${p.mod}`, iconSize: [d, d], html: "" });
    const m = L.marker([lat, lon], { icon, keyboard: true, title: tip, alt: tip, zIndexOffset: 500 });
    m.on("add", () => {
      const node = m.getElement();
      node.style.borderColor = fill;
      node.style.color = fill;
      node.dataset.event = p.id;
      node.replaceChildren(el("span", { "aria-hidden": "true" }, MODALITY_SIGNS[p.mod] || "?"));
      pressable(node, m);
    });
    m.on("click", () => openEvent(p.id));
    state.layer.addLayer(m);
    return;
  }
  const marker = L.circleMarker([lat, lon], {
    renderer: state.renderer, radius: r, color: p.prec === 1 ? "#222" : fill, weight: p.prec === 1 ? 1 : 1.5,
    dashArray: p.prec === 3 ? "2 3" : null, fillColor: fill, fillOpacity: p.prec === 3 ? 0.35 : 0.85,
  });
  marker.bindTooltip(tip);
  marker.on("click", () => openEvent(p.id));
  state.layer.addLayer(marker);
}

// --- the legend ------------------------------------------------------------------------------------------
function drawLegend() {
  const box = $("legend");
  const scale = [1, 10, 50, 200];
  const biggest = markerRadius(scale[scale.length - 1]);
  const W = scale.reduce((x, f) => x + 2 * markerRadius(f) + 8, 0), H = 2 * biggest + 14;
  const sizes = svgEl("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: "size-scale", role: "img",
    "aria-label": "marker size: 1, 10, 50 and 200 killed" });
  let x = 0;
  for (const f of scale) {
    const r = markerRadius(f);
    sizes.append(svgEl("circle", { cx: x + r + 1, cy: biggest + 1, r, fill: "#c9cfd6", stroke: "#555", "stroke-width": 0.8 }));
    sizes.append(svgEl("text", { x: x + r + 1, y: H - 1, "text-anchor": "middle", class: "scale-n" }, String(f)));
    x += 2 * r + 8;
  }
  const demo = {};
  for (const t of state.vocab.event_types.slice(0, 3)) demo[t.name] = 1;
  box.replaceChildren(
    el("div", { class: "legend-types" }, ...state.vocab.event_types.map(t => el("div", { title: t.name },
      el("span", { class: "dot", style: `background:${t.colour}` }), t.name))),
    el("hr"),
    el("div", {}, el("span", { class: "dot", style: "background:#888;border:1px solid #222" }), "at the named town"),
    el("div", {}, el("span", { class: "dot", style: "background:#888;box-shadow:0 0 0 4px rgba(136,136,136,.25)" }),
      "near a town (≈10 km)"),
    el("div", {}, el("span", { class: "dot", style: "background:rgba(136,136,136,.35);border:1px dashed #888" }),
      "a region only (≈60 km shaded)"),
    el("hr"),
    el("div", { class: "legend-mods", title: "Reported, but did not (yet) happen" }, "did not occur:",
      ...Object.entries(MODALITY_SIGNS).map(([m, s]) => el("span", { class: "mod-key" },
        el("span", { class: `mod-sample mod-${m}` }, s), m))),
    el("hr"),
    el("div", { class: "legend-size" }, sizes, el("span", { class: "note" }, "killed (marker size)")),
    el("div", { class: "legend-size" }, donut(demo, 3, 24),
      el("span", { class: "note" }, "a cluster: its number of events, the ring the mix of types")),
    el("div", { class: "note" }, "dashed lines: provinces (Natural Earth)"),
  );
}
