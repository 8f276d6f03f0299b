#!/usr/bin/env node
// Generates data/actors/countries.tsv from Debian iso-codes, the npm packages pinned in
// package.json and the hand-written supplement.tsv. Deterministic: same inputs, same bytes.
//
//   cd tools/gazetteer && npm ci && node generate.js [--check]
//
// --check compares with the committed table instead of writing it (exit 1 on difference).
'use strict';
const fs = require('fs');
const path = require('path');

const ISO_JSON = '/usr/share/iso-codes/json/iso_3166-1.json';
const OUT = path.join(__dirname, '..', '..', 'data', 'actors', 'countries.tsv');

const isoCountries = require('i18n-iso-countries/langs/en.json').countries;
const nationalities = require('i18n-nationality/langs/en.json').nationalities;
const countriesList = require('countries-list').countries;

function die(msg) {
  process.stderr.write(`generate.js: ${msg}\n`);
  process.exit(1);
}

// "Côte d'Ivoire" -> "Cote d'Ivoire": news text often drops diacritics.
function fold(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

// Names such as "Korea, Republic of" or "Falkland Islands (Malvinas)" are catalogue forms,
// not what news text writes.
function usable(s) {
  return s && !/[,()]/.test(s) && !/ - | or /.test(s) && s.length > 1;
}

function stripThe(s) {
  return s.replace(/^the /i, '');
}

// ---- master list: iso-codes ----
if (!fs.existsSync(ISO_JSON)) die(`${ISO_JSON} missing: apt-get install iso-codes`);
const iso = JSON.parse(fs.readFileSync(ISO_JSON, 'utf8'))['3166-1'];
const rows = new Map();  // alpha3 -> row
for (const e of iso) {
  rows.set(e.alpha_3, {
    alpha2: e.alpha_2, alpha3: e.alpha_3, cameo: e.alpha_3,
    canonical: e.common_name || e.name,
    names: [], adjectives: [], plurals: [], capitals: [],
    remove: {name: new Set(), adjective: new Set(), plural: new Set(), capital: new Set()},
  });
}

// ---- supplement ----
const supplementPath = path.join(__dirname, 'supplement.tsv');
const supplement = [];
fs.readFileSync(supplementPath, 'utf8').split('\n').forEach((line, i) => {
  if (!line.trim() || line.startsWith('#')) return;
  const f = line.split('\t');
  if (f.length !== 3 || !/^[A-Z]{3}$/.test(f[0])) die(`supplement.tsv:${i + 1}: expected ISO3<TAB>field<TAB>values`);
  supplement.push({line: i + 1, code: f[0], field: f[1], values: f[2].split('|').filter(Boolean)});
});
for (const s of supplement) {
  if (s.field !== 'country') continue;
  rows.set(s.code, {
    alpha2: s.code.slice(0, 2), alpha3: s.code, cameo: s.code, canonical: s.values[0],
    names: [], adjectives: [], plurals: [], capitals: [],
    remove: {name: new Set(), adjective: new Set(), plural: new Set(), capital: new Set()},
  });
}

function add(list, v) {
  v = stripThe(v.trim());
  if (usable(v) && !list.includes(v)) list.push(v);
}

// ---- package data ----
for (const r of rows.values()) {
  add(r.names, r.canonical);
  const e = iso.find((x) => x.alpha_3 === r.alpha3);
  if (e) {
    add(r.names, e.name);
    if (e.official_name) add(r.names, e.official_name);
  }
  const pkg = isoCountries[r.alpha2];
  for (const n of [].concat(pkg || [])) add(r.names, n);
  const cl = countriesList[r.alpha2];
  if (cl) {
    add(r.names, cl.name);
    for (const a of cl.alias || []) add(r.names, a);
    if (cl.capital) add(r.capitals, cl.capital);
  }
  const nat = nationalities[r.alpha2];
  if (nat && !r.names.some((n) => n.toLowerCase() === nat.toLowerCase())) add(r.adjectives, nat);
}

// ---- supplement edits ----
for (const s of supplement) {
  const r = rows.get(s.code);
  if (!r) die(`supplement.tsv:${s.line}: unknown country ${s.code}`);
  const removing = s.field.startsWith('-');
  const field = removing ? s.field.slice(1) : s.field;
  if (field === 'country') continue;
  if (field === 'cameo') { r.cameo = s.values[0]; continue; }
  const list = {name: r.names, adjective: r.adjectives, plural: r.plurals, capital: r.capitals}[field];
  if (!list) die(`supplement.tsv:${s.line}: unknown field ${s.field}`);
  for (const v of s.values) {
    if (removing) {
      r.remove[field].add(v);
      const k = list.indexOf(v);
      if (k >= 0) list.splice(k, 1);
    } else {
      add(list, v);
    }
  }
}

// The supplement's first name, where it gives names, is the canonical one ("Russia", not
// "Russian Federation").
for (const s of supplement) {
  if (s.field !== 'name') continue;
  const r = rows.get(s.code);
  const first = stripThe(s.values[0]);
  if (r.canonicalSet) continue;
  r.canonicalSet = true;
  r.names.splice(r.names.indexOf(first), 1);
  r.names.unshift(first);
}

// ---- derived forms ----
for (const r of rows.values()) {
  for (const a of r.adjectives) {
    // Syrian -> Syrians, Iraqi -> Iraqis. "Turkish", "Chinese", "Swiss", "French" have no
    // -s plural noun; the supplement gives the nouns ("Turks").
    if (/(ish|ese|ss|ch|ic|x|s|y|z)$/.test(a) || a.includes(' and ')) continue;
    const p = a + 's';
    if (!r.remove.plural.has(p)) add(r.plurals, p);
  }
  for (const list of [r.names, r.adjectives, r.plurals, r.capitals]) {
    for (const v of [...list]) {
      const f = fold(v);
      if (f !== v) add(list, f);
    }
  }
}

// ---- ambiguity: a form that two countries claim is dropped from both (unless the
// supplement gave it to one of them explicitly) and reported. ----
const claimed = new Map();  // lower-cased form -> [alpha3...]
for (const r of rows.values()) {
  for (const v of new Set([...r.names, ...r.adjectives, ...r.plurals, ...r.capitals].map((x) => x.toLowerCase()))) {
    if (!claimed.has(v)) claimed.set(v, []);
    claimed.get(v).push(r.alpha3);
  }
}
const explicit = new Set(supplement.filter((s) => !s.field.startsWith('-'))
  .flatMap((s) => s.values.map((v) => `${s.code}\t${v.toLowerCase()}`)));
const dropped = [];
for (const [form, owners] of claimed) {
  if (owners.length < 2) continue;
  const keepers = owners.filter((o) => explicit.has(`${o}\t${form}`));
  for (const r of owners.map((o) => rows.get(o))) {
    if (keepers.length === 1 && keepers[0] === r.alpha3) continue;
    for (const list of [r.names, r.adjectives, r.plurals, r.capitals]) {
      for (let k = list.length - 1; k >= 0; --k) if (list[k].toLowerCase() === form) list.splice(k, 1);
    }
  }
  dropped.push(`${form} (${owners.join(' ')})${keepers.length === 1 ? ' kept for ' + keepers[0] : ''}`);
}
if (dropped.length) process.stderr.write(`ambiguous forms:\n  ${dropped.sort().join('\n  ')}\n`);

// ---- output ----
const out = [];
out.push('# Countries for the actor stage. GENERATED by tools/gazetteer/generate.js: do not edit;');
out.push('# change tools/gazetteer/supplement.tsv and regenerate. Sources: data/actors/SOURCES.md.');
out.push('# Columns (TAB-separated, lists |-separated, first name canonical):');
out.push('# iso3  cameo  names  adjectives_and_demonyms  plural_demonyms  capitals');
const sorted = [...rows.values()].filter((r) => r.names.length).sort((a, b) => a.alpha3.localeCompare(b.alpha3));
for (const r of sorted) {
  out.push([r.alpha3, r.cameo, r.names.join('|'), r.adjectives.join('|'), r.plurals.join('|'), r.capitals.join('|')].join('\t'));
}
const text = out.join('\n') + '\n';
if (process.argv.includes('--check')) {
  const old = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  if (old !== text) die(`${OUT} is out of date; run node generate.js`);
  process.stdout.write('countries.tsv is up to date\n');
} else {
  fs.writeFileSync(OUT, text);
  process.stdout.write(`wrote ${sorted.length} countries to ${OUT}\n`);
}
