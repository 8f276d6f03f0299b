// The dashboard tested as a person would use it: a store of the seeds and the bundled
// examples, `dyad serve --port 0`, Debian's headless Chromium (driven by playwright-core)
// opening /, typing Azerbaijan and Syria into the pickers and choosing them from the
// suggestions; then the timeline must show the December 2024 visit as one event reported
// by two outlets, and the evidence table both outlets' sentences with the span marked.
// Every request the page makes must go to 127.0.0.1: any other is refused and fails the
// test. Saves a screenshot of the page.
//
//   node test/dashboard_test.mjs --dyad BIN --web DIST --shared DIR --examples DIR --out DIR
//
// Exit 0 passed, 1 failed, 77 skipped (no ../shared).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const here = new URL('..', import.meta.url).pathname;
const dyad = resolve(args.dyad || join(here, '../build/src/cli/dyad'));
const web = resolve(args.web || join(here, 'dist'));
const shared = resolve(args.shared || join(here, '../../shared'));
const examples = resolve(args.examples || join(here, '../data/examples'));
const out = resolve(args.out || join(here, '../build/dashboard'));
const browserPath = process.env.DYAD_CHROMIUM || '/usr/bin/chromium';

let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
};

const seeds = join(shared, 'seeds');
if (!existsSync(seeds)) {
  console.log(`SKIP: the seeds are not at ${seeds} (../shared beside the checkout): the dashboard test needs them`);
  process.exit(77);
}
for (const [what, path, hint] of [
  ['dyad binary', dyad, 'build the target dyad'],
  ['built dashboard', join(web, 'index.html'), 'run `npm ci && npm run build` in web/'],
  ['chromium', browserPath, 'install Debian\'s chromium (scripts/install-deps.sh)'],
]) {
  if (!existsSync(path)) {
    console.log(`FAIL: no ${what} at ${path}: ${hint}`);
    process.exit(1);
  }
}

mkdirSync(out, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'dyad_dashboard_test_'));
const db = join(dir, 'news.db');
const inputs = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort().map((f) => join(seeds, f));
const ingest = spawnSync(dyad, ['ingest', '--db', db, ...inputs, examples], { encoding: 'utf8' });
if (ingest.status !== 0) {
  console.log(`FAIL: dyad ingest exited ${ingest.status}: ${ingest.stderr}`);
  process.exit(1);
}

// The server on any free port; its address comes on stderr.
const server = spawn(dyad, ['serve', '--db', db, '--port', '0', '--web', web], { stdio: ['ignore', 'ignore', 'pipe'] });
let serverErr = '';
const base = await new Promise((res, rej) => {
  const timer = setTimeout(() => rej(new Error(`dyad serve printed no address in 20 s: ${serverErr}`)), 20000);
  server.stderr.on('data', (d) => {
    serverErr += d;
    const m = serverErr.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
    if (m) {
      clearTimeout(timer);
      res(`http://127.0.0.1:${m[1]}`);
    }
  });
  server.on('exit', (code) => rej(new Error(`dyad serve exited ${code}: ${serverErr}`)));
});

let browser;
const outside = [];
const pageErrors = [];
try {
  browser = await chromium.launch({
    executablePath: browserPath,
    headless: true,
    // As root (CI) Chromium needs --no-sandbox; /dev/shm may be small in containers.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-default-apps', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, serviceWorkers: 'block' });
  // Every request of the page: to 127.0.0.1 it goes on; anywhere else it is refused and counted.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === 'http:' && url.hostname === '127.0.0.1') || url.protocol === 'data:' || url.protocol === 'blob:') {
      return route.continue();
    }
    outside.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  context.on('websocket', (ws) => outside.push(ws.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    pageErrors.push(m.text());
    // The page's Content-Security-Policy stops a request elsewhere before the browser
    // sends it: the attempt still fails the test.
    const csp = m.text().match(/^(?:Connecting to|Loading the \w+|Refused to \w+(?: to)?) '([^']+)' .*Content Security Policy/);
    if (csp) outside.push(`${csp[1]} (stopped by the page's Content-Security-Policy)`);
  });
  page.setDefaultTimeout(30000);

  const home = await page.goto(`${base}/`);
  check(home.status() === 200, `GET / answers 200 (got ${home.status()})`);
  check((await page.title()).includes('dyad'), 'the dashboard page loads');

  // The guard itself: a request for another address, from a blank page of the same
  // browser (the dashboard's own Content-Security-Policy would stop it before), is caught.
  {
    const probe = await context.newPage();
    await probe.evaluate(() => fetch('http://198.51.100.7/x').catch(() => null));
    await probe.close();
    const caught = outside.findIndex((u) => u.startsWith('http://198.51.100.7/'));
    check(caught >= 0, 'a request leaving 127.0.0.1 is intercepted (the guard works)');
    if (caught >= 0) outside.splice(caught, 1);
  }

  // Pick the actors as a person would: type, then choose from the suggestions.
  for (const [input, list, text, code] of [
    ['#actor-a', '#suggest-a', 'Azerb', 'AZE'],
    ['#actor-b', '#suggest-b', 'Syria', 'SYR'],
  ]) {
    await page.click(input);
    await page.keyboard.type(text, { delay: 40 });
    const option = page.locator(`${list} li[data-code="${code}"]`).first();
    await option.waitFor({ state: 'visible' });
    await option.click();
    check((await page.inputValue(input)).endsWith(`(${code})`), `the typeahead offers ${code} for "${text}" and picks it`);
  }
  await page.click('#show');
  await page.waitForFunction(() => document.body.dataset.state === 'ready' || document.body.dataset.state === 'error', null, { timeout: 60000 });
  check((await page.getAttribute('body', 'data-state')) === 'ready', `the dashboard loads the relation (${await page.textContent('#status')})`);

  // The timeline: December 2024 has events, and the visit is one event of two outlets.
  const dec = await page.locator('#timeline-table tr[data-period="2024-12"] td').allTextContents();
  check(dec.length > 0 && Number(dec[1]) > 0, `the timeline has December 2024 (${dec.join(' | ')})`);
  const visit = page.locator('#timeline-key li[data-cameo="042"][data-date^="2024-12"]');
  check((await visit.count()) === 1, `the timeline lists the December 2024 visit (CAMEO 042) once (${await visit.count()})`);
  const visitText = (await visit.count()) ? await visit.first().textContent() : '';
  check(/one event reported by 2 outlets/.test(visitText) && visitText.includes('SANA') && visitText.includes('AzerNews'),
    `as one event reported by two outlets, SANA and AzerNews: "${visitText}"`);
  const canvas = await page.locator('#timeline-chart canvas').count();
  check(canvas > 0, 'the timeline chart is drawn');

  // The evidence table: the visit's row holds both outlets' sentences, the span marked.
  const clusterId = (await visit.count()) ? await visit.first().getAttribute('data-cluster') : 'none';
  const row = page.locator(`#evidence tr[data-cluster="${clusterId}"]`);
  await row.waitFor({ state: 'attached' });
  const reports = row.locator('.report');
  const outlets = await reports.evaluateAll((rs) => rs.map((r) => r.dataset.outlet));
  check(outlets.includes('SANA') && outlets.includes('AzerNews'), `the evidence row has reports of SANA and AzerNews (${outlets.join(', ')})`);
  const sana = await row.locator('.report[data-outlet="SANA"] .sentence').first().innerText();
  const azer = await row.locator('.report[data-outlet="AzerNews"] .sentence').first().innerText();
  check(/Rafiyev.s visit to Damascus/.test(sana), `SANA's sentence is shown: "${sana}"`);
  check(/has visited Syria/.test(azer), `AzerNews's sentence is shown: "${azer}"`);
  const marks = await row.locator('.report .sentence mark').allTextContents();
  check(marks.some((m) => /visit to Damascus/.test(m)) && marks.some((m) => /visited Syria/.test(m)),
    `the evidence spans are highlighted (${marks.join(' / ')})`);
  const sanaMark = await row.locator('.report[data-outlet="SANA"] .sentence mark').first().innerText();
  check(sana.length > sanaMark.length && sana.includes(sanaMark), 'the whole sentence is shown, the span marked within it');
  const rowText = await row.innerText();
  check(/2 sources/.test(rowText), 'the row counts two sources');
  check(/corroboration|other outlets/.test(rowText) && /publication date/.test(rowText), 'each report gives its date and its basis');
  check(/disagree on the place/.test(rowText), 'the row says the outlets disagree on the place (Damascus vs. Syria)');

  // The network and the map are drawn.
  check((await page.locator('#network-chart canvas').count()) > 0 && /actors?/.test(await page.textContent('#network-title')), 'the network is drawn');
  check(/place/.test(await page.textContent('#map-title')) && (await page.locator('#map-chart canvas').count()) > 0, 'the map is drawn');

  // The article view, from the evidence table's link, in the page.
  await row.locator('.report[data-outlet="SANA"] a.article-link').first().click();
  await page.locator('#article .sentence mark').first().waitFor();
  check(/SANA/.test(await page.textContent('#article')), 'the article view opens in the page');

  await page.locator('#evidence-panel').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(out, 'dashboard.png'), fullPage: true });
  console.log(`screenshot: ${join(out, 'dashboard.png')}`);
} catch (e) {
  check(false, `the browser session: ${e && e.stack ? e.stack : e}`);
} finally {
  if (browser) await browser.close();
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
check(outside.length === 0, `no request left 127.0.0.1 (${outside.join(', ') || 'none'})`);
check(pageErrors.length === 0, `no error in the page (${pageErrors.join('; ') || 'none'})`);
console.log(`${failures ? 'FAILED' : 'PASSED'}: dashboard test, ${failures} failed`);
process.exit(failures ? 1 : 0);
