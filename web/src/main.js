// The dashboard of dyad serve: two actors, their relation's timeline, the network of
// actors around them, a map of event places and the evidence behind each event. Reads
// only the API of the server that serves it (/api/...).
import * as echarts from 'echarts';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';

countries.registerLocale(en);

const $ = (id) => document.getElementById(id);
const QUADS = [
  ['verbal_cooperation', 'Verbal cooperation', '#66bb6a'],
  ['material_cooperation', 'Material cooperation', '#1e88e5'],
  ['verbal_conflict', 'Verbal conflict', '#ffa726'],
  ['material_conflict', 'Material conflict', '#e53935'],
];
const BASIS = {
  published: 'publication date',
  text: 'from the text',
  corroboration: 'from other outlets',
  estimated_published: 'estimated publication',
};

// ---------------------------------------------------------------- countries

// Every country: ISO 3166 alpha-3 code (as CAMEO uses it), English name and aliases.
const COUNTRIES = Object.entries(countries.getNames('en', { select: 'all' }))
  .map(([alpha2, names]) => ({
    code: countries.alpha2ToAlpha3(alpha2),
    numeric: countries.alpha2ToNumeric(alpha2),
    name: names[0],
    aliases: names.slice(1),
  }))
  .filter((c) => c.code);
const COUNTRY_BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));
const countryName = (code) => (COUNTRY_BY_CODE.get(code) || {}).name || code;

// ---------------------------------------------------------------- helpers

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new Error(`${path}: answer is not JSON (status ${res.status})`);
  }
  if (!res.ok) throw new Error(body.error || `${path}: status ${res.status}`);
  return body;
}

function status(text, error = false) {
  $('status').textContent = text;
  $('status').className = error ? 'error' : '';
}

const plural = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;
const words = (n) => (n === 1 ? 'one' : n === 2 ? 'two' : String(n));

// The text of an event's span within its sentence, marked. Spans are byte offsets of the
// article's UTF-8 text; the sentence gives its own span in the same offsets.
function markedSentence(sentence, span, evidence) {
  const bytes = new TextEncoder().encode(sentence.text);
  const base = sentence.span ? sentence.span[0] : 0;
  const dec = new TextDecoder();
  let b = span ? span[0] - base : -1;
  let e = span ? span[1] - base : -1;
  if (b >= 0 && e <= bytes.length && b < e) {
    return [dec.decode(bytes.slice(0, b)), el('mark', {}, dec.decode(bytes.slice(b, e))), dec.decode(bytes.slice(e))];
  }
  const i = evidence ? sentence.text.indexOf(evidence) : -1;
  if (i >= 0) {
    return [sentence.text.slice(0, i), el('mark', {}, evidence), sentence.text.slice(i + evidence.length)];
  }
  return [sentence.text];
}

// ---------------------------------------------------------------- typeahead

// Resolves what was typed to an actor code: "Name (CODE)" as the list writes it, a code,
// a country's name, or a person of the registry (their code).
async function resolveActor(text) {
  const t = text.trim();
  if (!t) return null;
  const paren = t.match(/\(([A-Z]{3}[A-Z0-9]*)\)\s*$/);
  if (paren) return { code: paren[1], label: t };
  if (/^[A-Za-z]{3}([A-Za-z0-9]{3})*$/.test(t) && COUNTRY_BY_CODE.has(t.slice(0, 3).toUpperCase())) {
    return { code: t.toUpperCase(), label: t.toUpperCase() };
  }
  const lower = t.toLowerCase();
  const country = COUNTRIES.find((c) => c.name.toLowerCase() === lower || c.aliases.some((a) => a.toLowerCase() === lower));
  if (country) return { code: country.code, label: `${country.name} (${country.code})` };
  const found = await api(`/api/actors?q=${encodeURIComponent(t)}&limit=5`);
  if (found.actors.length && found.actors[0].code) {
    const a = found.actors[0];
    return { code: a.code, label: `${a.name} (${a.code})` };
  }
  if (/^[A-Za-z]{3,}$/.test(t)) return { code: t.toUpperCase(), label: t.toUpperCase() };
  return null;
}

async function suggestions(text) {
  const t = text.trim().toLowerCase();
  if (!t) return [];
  const out = [];
  for (const c of COUNTRIES) {
    const hit =
      c.code.toLowerCase().startsWith(t) ||
      c.name.toLowerCase().startsWith(t) ||
      c.aliases.some((a) => a.toLowerCase().startsWith(t)) ||
      (t.length >= 3 && c.name.toLowerCase().includes(t));
    if (hit) out.push({ label: c.name, code: c.code, kind: 'country' });
    if (out.length >= 8) break;
  }
  try {
    const found = await api(`/api/actors?q=${encodeURIComponent(text.trim())}&limit=8`);
    for (const a of found.actors) {
      if (!a.code) continue;
      out.push({ label: a.name, code: a.code, kind: [a.title, `${plural(a.articles, 'article')}`].filter(Boolean).join(', ') });
    }
  } catch {
    // a query the registry refuses: countries only
  }
  return out;
}

function typeahead(input, list) {
  let items = [];
  let active = -1;
  let seq = 0;
  const close = () => {
    list.hidden = true;
    active = -1;
  };
  const choose = (i) => {
    const s = items[i];
    if (!s) return;
    input.value = `${s.label} (${s.code})`;
    close();
  };
  const render = () => {
    list.replaceChildren(
      ...items.map((s, i) =>
        el(
          'li',
          { role: 'option', 'aria-selected': i === active ? 'true' : 'false', dataset: { code: s.code }, onmousedown: (ev) => { ev.preventDefault(); choose(i); } },
          s.label,
          el('span', { class: 'code' }, s.code),
          el('span', { class: 'kind' }, s.kind),
        ),
      ),
    );
    list.hidden = items.length === 0;
  };
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++seq;
      const found = await suggestions(input.value);
      if (mine !== seq) return;
      items = found;
      active = -1;
      render();
    }, 120);
  });
  input.addEventListener('keydown', (ev) => {
    if (list.hidden) return;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      active = (active + (ev.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      render();
    } else if (ev.key === 'Enter' && active >= 0) {
      ev.preventDefault();
      choose(active);
    } else if (ev.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}

// ---------------------------------------------------------------- charts

const charts = {};
function chart(id) {
  if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
  return charts[id];
}
window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));

function drawTimeline(rel, a, b) {
  const periods = rel.periods || [];
  const x = periods.map((p) => p.period);
  // The period of a key event's date: the period it begins with (a month, a year), else
  // the last period before it (a week, named by its Monday).
  const periodOf = (date) => {
    if (!date) return null;
    const prefix = x.filter((p) => date.startsWith(p)).sort((u, v) => v.length - u.length)[0];
    if (prefix) return prefix;
    const before = x.filter((p) => p <= date);
    return before.length ? before[before.length - 1] : null;
  };
  const marked = (rel.key_events || [])
    .filter((k) => k.num_sources >= 2 && periodOf(k.date))
    .slice(0, 8)
    .map((k) => {
      const p = periods.find((q) => q.period === periodOf(k.date));
      return { name: `${k.cameo} ${k.name}`, coord: [p.period, p.events], value: `${k.num_sources} outlets` };
    });
  $('timeline-title').textContent =
    `${a} and ${b}: ${plural(rel.totals.events, 'event')} in ${plural(rel.totals.clusters, 'real-world event')}, ` +
    `${plural(rel.articles, 'article')}, outlets: ${(rel.outlets || []).join(', ') || 'none'}; per ${rel.freq}`;
  chart('timeline-chart').setOption(
    {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 50, top: 50, bottom: 30 },
      xAxis: { type: 'category', data: x },
      yAxis: [
        { type: 'value', name: 'events', minInterval: 1 },
        { type: 'value', name: 'mean Goldstein', min: -10, max: 10, splitLine: { show: false } },
      ],
      series: [
        ...QUADS.map(([key, name, color]) => ({
          name,
          type: 'bar',
          stack: 'quad',
          itemStyle: { color },
          data: periods.map((p) => p.quad_class[key]),
        })),
        { name: `${a} → ${b}`, type: 'line', symbol: 'circle', lineStyle: { type: 'dashed' }, itemStyle: { color: '#6d4c41' }, data: periods.map((p) => p.a_to_b) },
        { name: `${b} → ${a}`, type: 'line', symbol: 'triangle', lineStyle: { type: 'dotted' }, itemStyle: { color: '#8e24aa' }, data: periods.map((p) => p.b_to_a) },
        {
          name: 'events reported by 2+ outlets',
          type: 'scatter',
          data: [],
          itemStyle: { color: '#37474f' },
          markPoint: { symbol: 'pin', symbolSize: 44, itemStyle: { color: '#37474f' }, label: { fontSize: 10, formatter: (p) => p.data.value.replace(' outlets', '') }, data: marked },
        },
        { name: 'mean Goldstein', type: 'line', yAxisIndex: 1, itemStyle: { color: '#263238' }, data: periods.map((p) => p.mean_goldstein) },
      ],
    },
    true,
  );
  const table = $('timeline-table');
  table.replaceChildren(
    el('tr', {}, ...['period', 'events', 'real-world events', ...QUADS.map((q) => q[1]), `${a} → ${b}`, `${b} → ${a}`, 'mean Goldstein'].map((h) => el('th', {}, h))),
    ...periods.map((p) =>
      el(
        'tr',
        { dataset: { period: p.period } },
        el('td', {}, p.period),
        el('td', {}, p.events),
        el('td', {}, p.clusters),
        ...QUADS.map(([key]) => el('td', {}, p.quad_class[key])),
        el('td', {}, p.a_to_b),
        el('td', {}, p.b_to_a),
        el('td', {}, p.mean_goldstein),
      ),
    ),
  );
  // The key events: one line per real-world event (a cluster of reports), most sources first.
  $('timeline-key').replaceChildren(
    ...(rel.key_events || []).slice(0, 12).map((k) => {
      const outlets = [...new Set(k.reports.map((r) => r.outlet || '(no outlet)'))];
      return el(
        'li',
        { dataset: { cluster: k.cluster_id, cameo: k.cameo, date: k.date || '', sources: k.num_sources } },
        el('strong', {}, k.date || 'undated'),
        ' · ',
        `${k.name} `,
        el('span', { class: 'code' }, `(${k.cameo}, Goldstein ${k.goldstein})`),
        ` · ${k.source} → ${k.target} · `,
        el('span', { class: 'count' }, `one event reported by ${plural(k.num_sources, 'outlet')} (${outlets.join(', ')})`),
        `, ${plural(k.num_articles, 'article')}, ${plural(k.num_mentions, 'report')} `,
        el('a', { href: `#ev-${k.cluster_id}`, onclick: (ev) => { ev.preventDefault(); showEvidenceRow(k.cluster_id); } }, 'evidence'),
      );
    }),
  );
  if (!(rel.key_events || []).length) $('timeline-key').append(el('li', {}, 'no events'));
}

function showEvidenceRow(clusterId) {
  const row = document.getElementById(`ev-${clusterId}`);
  if (!row) return;
  row.scrollIntoView({ behavior: 'smooth', block: 'center' });
  row.classList.remove('flash');
  void row.offsetWidth;
  row.classList.add('flash');
}

function drawNetwork(events, a, b) {
  const nodes = new Map();
  const edges = new Map();
  for (const e of events) {
    const s = e.source && e.source.code;
    const t = e.target && e.target.code;
    if (!s || !t || s === t) continue;
    for (const c of [s, t]) nodes.set(c, (nodes.get(c) || 0) + 1);
    const key = `${s}\u0000${t}`;
    edges.set(key, (edges.get(key) || 0) + 1);
  }
  const isPicked = (c) => c.startsWith(a) || c.startsWith(b);
  const max = Math.max(1, ...nodes.values());
  $('network-title').textContent = `${plural(nodes.size, 'actor')}, ${plural(events.length, 'event')} involving ${a} or ${b}`;
  chart('network-chart').setOption(
    {
      animation: false,
      tooltip: {
        formatter: (p) =>
          p.dataType === 'edge'
            ? `${p.data.source} → ${p.data.target}: ${plural(p.data.value, 'event')}`
            : `${p.data.name} (${countryName(p.data.name.slice(0, 3))}): ${plural(p.data.value, 'event')}`,
      },
      series: [
        {
          type: 'graph',
          // A circle keeps every actor inside the panel, however many there are.
          layout: 'circular',
          circular: { rotateLabel: false },
          roam: true,
          top: 30,
          bottom: 30,
          left: 60,
          right: 90,
          label: { show: true, position: 'right', fontSize: 12 },
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 8,
          lineStyle: { color: '#90a4ae', curveness: 0.15, opacity: 0.8 },
          data: [...nodes].map(([name, value]) => ({
            name,
            value,
            symbolSize: 10 + 26 * Math.sqrt(value / max),
            itemStyle: { color: isPicked(name) ? (name.startsWith(a) ? '#1f5fa8' : '#c62828') : '#90a4ae' },
          })),
          links: [...edges].map(([key, value]) => {
            const [source, target] = key.split('\u0000');
            return { source, target, value, lineStyle: { width: 1 + Math.min(6, value) } };
          }),
        },
      ],
    },
    true,
  );
}

let mapRegistered = false;
function drawMap(events, a, b) {
  if (!mapRegistered) {
    const geo = feature(world, world.objects.countries);
    for (const f of geo.features) {
      const c = COUNTRIES.find((x) => x.numeric === f.id);
      f.properties.name = c ? c.code : f.properties.name;
    }
    echarts.registerMap('world', geo);
    mapRegistered = true;
  }
  const places = new Map();
  for (const e of events) {
    const l = e.location;
    if (!l || typeof l.lat !== 'number') continue;
    const key = `${l.name}|${l.lat}|${l.lon}`;
    const p = places.get(key) || { name: l.name, country: l.country, value: [l.lon, l.lat, 0] };
    p.value[2] += 1;
    places.set(key, p);
  }
  const pts = [...places.values()];
  $('map-title').textContent = `${plural(pts.length, 'place')} of ${plural(events.filter((e) => e.location).length, 'event')} between ${a} and ${b}`;
  const picked = [a.slice(0, 3), b.slice(0, 3)];
  chart('map-chart').setOption(
    {
      animation: false,
      tooltip: {
        formatter: (p) => (p.seriesType === 'scatter' ? `${p.data.name} (${countryName(p.data.country)}): ${plural(p.data.value[2], 'event')}` : countryName(p.name)),
      },
      geo: {
        map: 'world',
        roam: true,
        itemStyle: { areaColor: '#eceff1', borderColor: '#b0bec5' },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#cfd8dc' } },
        regions: picked.map((code, i) => ({ name: code, itemStyle: { areaColor: i === 0 ? '#bbdefb' : '#ffcdd2' } })),
        ...(pts.length ? { center: centerOf(pts), zoom: 4 } : {}),
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          data: pts,
          symbolSize: (v) => 8 + 4 * Math.sqrt(v[2]),
          itemStyle: { color: '#c62828', opacity: 0.8 },
          label: { show: true, formatter: (p) => p.data.name, position: 'right', fontSize: 11 },
        },
      ],
    },
    true,
  );
}

function centerOf(pts) {
  const lon = pts.reduce((s, p) => s + p.value[0], 0) / pts.length;
  const lat = pts.reduce((s, p) => s + p.value[1], 0) / pts.length;
  return [lon, lat];
}

// ---------------------------------------------------------------- evidence

const articleCache = new Map();
function article(id) {
  if (!articleCache.has(id)) articleCache.set(id, api(`/api/articles/${encodeURIComponent(id)}`));
  return articleCache.get(id);
}

// What the reports of one event disagree on, in words: date, place, figure.
function disagreements(cluster, reports) {
  const notes = [];
  const distinct = (f) => {
    const m = new Map();
    for (const r of reports) {
      const v = f(r);
      if (!v) continue;
      if (!m.has(v)) m.set(v, new Set());
      m.get(v).add(r.outlet || '(no outlet)');
    }
    return m;
  };
  const say = (what, m) => {
    if (m.size < 2) return;
    notes.push(`Outlets disagree on the ${what}: ` + [...m].map(([v, o]) => `${v} (${[...o].join(', ')})`).join(' vs. '));
  };
  say('date', distinct((r) => r.date));
  say('place', distinct((r) => r.place && r.place.name));
  say('figure', distinct((r) => r.quantity));
  const details = cluster.details || {};
  if (details.quantity && details.quantity.agree === false && details.quantity.values.length > 1 && !notes.some((n) => n.includes('figure'))) {
    notes.push('Outlets disagree on the figure: ' + details.quantity.values.map((v) => `${v.value} (${plural(v.reports, 'report')})`).join(' vs. '));
  }
  return notes;
}

async function evidenceRow(key) {
  const cluster = await api(`/api/clusters/${encodeURIComponent(key.cluster_id)}`);
  const byEvent = new Map((cluster.events || []).map((e) => [e.event_id, e]));
  const reports = cluster.reports || [];
  for (const r of reports) {
    const e = byEvent.get(r.event_id);
    if (e && !r.quantity) r.quantity = e.quantity;
    // An undated report of the cluster: the event's own date, if it has one (an estimate).
    if (e && !r.date && e.date) {
      r.date = e.date;
      r.date_basis = e.date_basis;
    }
  }
  const notes = disagreements(key, reports);
  const reportEls = await Promise.all(
    reports.map(async (r) => {
      const e = byEvent.get(r.event_id);
      let sentence = el('span', {}, r.evidence);
      try {
        const art = await article(r.article_id);
        const s = (art.sentences || []).find((x) => x.index === r.sentence);
        if (s) sentence = el('span', {}, ...markedSentence(s, e && e.span, r.evidence));
      } catch {
        // the evidence alone
      }
      return el(
        'div',
        { class: 'report', dataset: { outlet: r.outlet || '', event: r.event_id } },
        el(
          'div',
          { class: 'meta' },
          el('span', { class: 'outlet' }, r.outlet || '(no outlet)'),
          ' · ',
          el('span', { class: 'date' }, `${r.date || 'undated'} (${BASIS[r.date_basis] || r.date_basis || 'no basis'})`),
          r.place ? ` · ${r.place.name}${r.place.country ? ', ' + countryName(r.place.country) : ''}` : '',
          r.quantity ? ` · figure: ${r.quantity}` : '',
          ' · ',
          el('a', { href: `/api/articles/${r.article_id}`, class: 'article-link', onclick: (ev) => { ev.preventDefault(); showArticle(r.article_id, r.event_id); } }, 'article'),
        ),
        el('div', { class: 'sentence' }, sentence),
      );
    }),
  );
  const outlets = [...new Set(reports.map((r) => r.outlet).filter(Boolean))];
  return el(
    'tr',
    { id: `ev-${key.cluster_id}`, dataset: { cluster: key.cluster_id, cameo: key.cameo, date: key.date || '' } },
    el(
      'td',
      { class: 'event' },
      el('strong', {}, key.date || 'undated'),
      el('br'),
      `${key.name} `,
      el('span', { class: `code quad${(byEvent.values().next().value || {}).quad_class || ''}` }, key.cameo),
      el('br'),
      `${key.source} → ${key.target}`,
      el('br'),
      el('span', { class: 'sub' }, `Goldstein ${key.goldstein}`),
    ),
    el('td', { class: 'sources' }, plural(key.num_sources, 'source'), el('br'), el('span', { class: 'sub' }, `${plural(key.num_articles, 'article')}`), el('br'), el('span', { class: 'sub' }, outlets.join(', '))),
    el(
      'td',
      { class: 'reports' },
      ...reportEls,
      notes.length
        ? notes.map((n) => el('p', { class: 'disagree' }, '⚠ ', n))
        : reports.length > 1
          ? el('p', { class: 'agree' }, `The ${words(reports.length)} reports agree on date and place.`)
          : null,
    ),
  );
}

async function drawEvidence(rel, a, b) {
  const keys = rel.key_events || [];
  $('evidence-title').textContent = `${plural(keys.length, 'event')} between ${a} and ${b}, most sources first`;
  const rows = [];
  // A few at a time: the server answers them in parallel, the page stays responsive.
  for (let i = 0; i < keys.length; i += 6) {
    rows.push(...(await Promise.all(keys.slice(i, i + 6).map((k) => evidenceRow(k).catch((err) => el('tr', {}, el('td', { colspan: 3 }, `${k.cluster_id}: ${err.message}`)))))));
  }
  $('evidence').tBodies[0].replaceChildren(...rows);
}

async function showArticle(id, eventId) {
  const panel = $('article-panel');
  panel.hidden = false;
  $('article').replaceChildren('loading…');
  try {
    const data = await article(id);
    const a = data.article;
    const pub = a.published || (a.published_estimate ? `~${a.published_estimate.value || ''} (estimated)` : 'undated');
    $('article').replaceChildren(
      el('h3', {}, a.title || '(untitled)'),
      el('p', { class: 'sub' }, [a.outlet, a.distributor && `via ${a.distributor}`, pub, a.dateline, a.byline, a.url].filter(Boolean).join(' · '), ' · ', el('span', { class: 'code' }, a.id)),
      ...(data.sentences || []).map((s) => {
        const evs = s.events || [];
        const focus = evs.find((e) => e.event_id === eventId) || evs[0];
        return el(
          'div',
          { class: 'sentence', dataset: { index: s.index } },
          el('span', {}, ...(focus ? markedSentence(s, focus.span, focus.evidence && focus.evidence.text) : [s.text])),
          evs.length
            ? el(
                'ul',
                { class: 'events' },
                ...evs.map((e) =>
                  el('li', {}, `${e.source.code} → ${e.target.code} · ${e.cameo} · ${e.date || 'undated'} (${BASIS[e.date_basis] || e.date_basis}) · “${e.evidence.text}”`, e.event_id === eventId ? ' ◀' : ''),
                ),
              )
            : null,
        );
      }),
    );
    panel.scrollIntoView({ behavior: 'smooth', block: 'start' });
  } catch (err) {
    $('article').replaceChildren(`Could not load article ${id}: ${err.message}`);
  }
}

// ---------------------------------------------------------------- the page

async function fetchEvents(params) {
  const data = await api(`/api/events?${params}&limit=1000`);
  return data.events;
}

let current = 0;
async function show(aText, bText, freq) {
  const mine = ++current;
  status('Loading…');
  document.body.dataset.state = 'loading';
  try {
    const [ra, rb] = await Promise.all([resolveActor(aText), resolveActor(bText)]);
    if (!ra || !rb) throw new Error(`no actor for "${!ra ? aText : bText}": pick one from the list`);
    $('actor-a').value = ra.label;
    $('actor-b').value = rb.label;
    const a = ra.code;
    const b = rb.code;
    history.replaceState(null, '', `#a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&freq=${freq}`);
    const rel = await api(`/api/relations?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&freq=${freq}&top=100`);
    if (mine !== current) return;
    drawTimeline(rel, a, b);
    const [pairEvents, aEvents, bEvents] = await Promise.all([
      fetchEvents(`between=${encodeURIComponent(a)},${encodeURIComponent(b)}`),
      fetchEvents(`actor=${encodeURIComponent(a)}`),
      fetchEvents(`actor=${encodeURIComponent(b)}`),
    ]);
    if (mine !== current) return;
    const seen = new Map();
    for (const e of [...aEvents, ...bEvents]) seen.set(e.event_id, e);
    drawNetwork([...seen.values()], a, b);
    drawMap(pairEvents, a, b);
    await drawEvidence(rel, a, b);
    if (mine !== current) return;
    status(`${ra.label} and ${rb.label}: ${plural(rel.totals.events, 'event')}, ${plural(rel.totals.clusters, 'real-world event')}.`);
    document.body.dataset.state = 'ready';
  } catch (err) {
    if (mine !== current) return;
    status(err.message, true);
    document.body.dataset.state = 'error';
  }
}

typeahead($('actor-a'), $('suggest-a'));
typeahead($('actor-b'), $('suggest-b'));
$('pick').addEventListener('submit', (ev) => {
  ev.preventDefault();
  show($('actor-a').value, $('actor-b').value, $('freq').value);
});
$('freq').addEventListener('change', () => {
  if ($('actor-a').value && $('actor-b').value) show($('actor-a').value, $('actor-b').value, $('freq').value);
});
$('article-close').addEventListener('click', () => {
  $('article-panel').hidden = true;
});
{
  const h = new URLSearchParams(location.hash.slice(1));
  if (h.get('a') && h.get('b')) {
    $('freq').value = h.get('freq') === 'week' ? 'week' : 'month';
    show(h.get('a'), h.get('b'), $('freq').value);
  }
}
document.body.dataset.state = document.body.dataset.state || 'idle';
