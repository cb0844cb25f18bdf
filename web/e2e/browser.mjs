#!/usr/bin/env node
// End-to-end check of `parallax serve` in a real browser: Debian's Chromium
// driven by playwright-core (no browser download: executablePath).
//
//   node web/e2e/browser.mjs --base http://127.0.0.1:PORT --out DIR --hostile ARTICLE_ID
//
// It walks home → story → evidence link → article, checks the markup a
// reader relies on (the conflict table, highlighted evidence, the evidence's
// anchor being the URL fragment's :target and holding the same words the
// story page showed), and opens the pages that show a hostile article to
// prove that none of its markup ran as script; the script detector is
// first proved to work on pages that do run script (positive controls).
// Every page is also checked at a phone's width (390 px) and a desktop's
// (1280 px) for horizontal overflow: the page itself never scrolls
// sideways; wide tables scroll in their own box. Screenshots go to DIR:
// home.png, story.png (the top of the page), story-full.png,
// story-conflicts.png, article.png, hostile.png, and home-390.png,
// story-390.png, story-matrix-390.png at the phone's width. It prints a
// JSON summary and exits 1 on any failure, 2 on bad usage.
//
// Only the --base origin is reached: every other request is refused and
// counted as a failure.

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const usage = 'usage: node web/e2e/browser.mjs --base http://127.0.0.1:PORT --out DIR --hostile ARTICLE_ID [--more FILE] [--timeout SECONDS]';

function parseArgs(argv) {
  const o = { timeout: 120 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    switch (k) {
      case '--base': o.base = v; i++; break;
      case '--out': o.out = v; i++; break;
      case '--hostile': o.hostile = v; i++; break;
      case '--more': o.more = v; i++; break;
      case '--timeout': o.timeout = Number(v); i++; break;
      case '-h': case '--help': console.log(usage); process.exit(0);
      default: console.error(`browser.mjs: unknown argument ${k}\n${usage}`); process.exit(2);
    }
  }
  if (!o.base || !o.out || !o.hostile || !(o.timeout > 0)) {
    console.error(usage);
    process.exit(2);
  }
  const u = new URL(o.base);
  // loopback only: this script is a test, never a crawler
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) {
    console.error(`browser.mjs: --base must be a loopback address, not ${u.hostname}`);
    process.exit(2);
  }
  o.base = u.origin;
  return o;
}

const opt = parseArgs(process.argv.slice(2));
const executablePath = process.env.PARALLAX_CHROMIUM || '/usr/bin/chromium';
const chromeArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// What the pages are expected to hold (internal/server's templates).
const SEL = {
  storyLink: 'a[href^="/stories/"]',
  conflictTable: 'table.conflicts',
  evidenceLink: 'a[href^="/articles/"][href*="#ev-"]',
  highlight: 'mark',
};

const summary = { base: opt.base, checks: [], failures: [], warnings: [], screenshots: [], pages: {} };
const check = (ok, what, detail) => {
  summary.checks.push({ ok: !!ok, what, ...(detail === undefined ? {} : { detail }) });
  if (!ok) summary.failures.push(detail === undefined ? what : `${what}: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`);
  return !!ok;
};
const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();

// The trap runs before any page script in every document: alert, confirm
// and prompt record that they ran (and still call
// the original, so the dialog event fires too), and CSP violations are
// kept, since a blocked inline script means markup was injected.
const trap = () => {
  const hits = [];
  Object.defineProperty(window, '__pwned', { value: hits, configurable: false, writable: false });
  const violations = [];
  Object.defineProperty(window, '__cspViolations', { value: violations, configurable: false, writable: false });
  const hit = (how, arg) => {
    hits.push(how + '(' + String(arg) + ')');
    try { console.log('__pwned ' + how + '(' + String(arg) + ')'); } catch (e) { /* ignore */ }
  };
  for (const name of ['alert', 'confirm', 'prompt']) {
    const orig = window[name];
    window[name] = function (...args) { hit(name, args[0]); return orig ? orig.apply(this, args) : undefined; };
  }
  document.addEventListener('securitypolicyviolation', (e) => {
    violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, line: e.lineNumber });
  }, true);
};

async function main() {
  fs.mkdirSync(opt.out, { recursive: true });
  if (!fs.existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath} (apt-get install chromium)`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath, headless: true, args: chromeArgs,
    viewport: { width: 1280, height: 900 }, bypassCSP: false, javaScriptEnabled: true,
  });
  try {
    await context.addInitScript(trap);
    // Only the server under test and inline documents are reachable.
    const outside = [];
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(opt.base + '/') || u.startsWith('data:') || u.startsWith('about:')) return route.continue();
      outside.push(u);
      return route.abort('blockedbyclient');
    });
    await controls(context);
    await walk(context);
    if (opt.more) await review(context);
    await hostile(context);
    check(outside.length === 0, 'no request left the server under test', outside.slice(0, 10));
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

// watch attaches the detectors to a page; events() returns what it saw.
function watch(page) {
  const seen = { dialogs: [], console: [], errors: [], pwnedConsole: [] };
  page.on('dialog', (d) => { seen.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('console', (m) => {
    const t = m.text();
    if (t.startsWith('__pwned')) seen.pwnedConsole.push(t);
    else seen.console.push(`${m.type()}: ${t}`);
  });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  return seen;
}

async function scriptRan(page, seen) {
  // give timers, image errors and event handlers a moment
  await page.waitForTimeout(300);
  const trapState = await page.evaluate(() => ({
    pwned: Array.isArray(window.__pwned) ? [...window.__pwned] : null,
    csp: Array.isArray(window.__cspViolations) ? [...window.__cspViolations] : null,
  }));
  return {
    trapInstalled: trapState.pwned !== null,
    pwned: trapState.pwned || [],
    cspViolations: trapState.csp || [],
    dialogs: seen.dialogs,
    pwnedConsole: seen.pwnedConsole,
    ran: seen.dialogs.length > 0 || seen.pwnedConsole.length > 0 || (trapState.pwned || []).length > 0,
  };
}

// Positive controls: the detector must catch script that does run, on an
// inline document, or a clean result on the hostile page proves nothing.
async function controls(context) {
  const cases = [
    { name: 'img onerror → alert (setContent on about:blank)', load: (p) => p.setContent('<img src="x:" onerror="alert(1)">') },
    { name: 'inline <script> alert (data: URL)', load: (p) => p.goto('data:text/html,<p>control</p><script>alert(2)</script>') },
    { name: 'onmouseover → alert (hover)', load: async (p) => {
      await p.setContent('<p id="h" style="font-size:40px" onmouseover="alert(3)">hover me</p>');
      await p.hover('#h');
    } },
  ];
  for (const c of cases) {
    const page = await context.newPage();
    const seen = watch(page);
    await c.load(page);
    const r = await scriptRan(page, seen);
    check(r.trapInstalled, `control "${c.name}": trap installed before the page's script`);
    check(r.ran && r.dialogs.length > 0 && r.pwned.length > 0,
      `control "${c.name}": the detector catches script that runs`, { dialogs: r.dialogs, pwned: r.pwned, console: r.pwnedConsole });
    await page.close();
  }
}

async function visit(page, url, what) {
  const res = await page.goto(url, { waitUntil: 'load' });
  const status = res ? res.status() : 0;
  check(status === 200, `${what}: GET ${url} is 200`, `status ${status}`);
  const headers = res ? res.headers() : {};
  const csp = headers['content-security-policy'] || '';
  summary.pages[what] = { url, status, csp };
  check(/script-src[^;]*'self'|default-src[^;]*'self'/.test(csp) && !/unsafe-inline|unsafe-eval/.test(csp.match(/script-src[^;]*/)?.[0] || csp.match(/default-src[^;]*/)?.[0] || ''),
    `${what}: strict Content-Security-Policy (no inline script)`, csp || 'missing');
  check((headers['x-content-type-options'] || '') === 'nosniff', `${what}: X-Content-Type-Options: nosniff`, headers['x-content-type-options'] || 'missing');
  return res;
}

// overflow reports whether the page scrolls sideways at its viewport's
// width, and what sticks out (outside any box that scrolls on its own).
async function overflow(page) {
  return page.evaluate(() => {
    const cw = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= cw + 1) continue;
      let boxed = false;
      for (let a = el.parentElement; a && !boxed; a = a.parentElement) {
        const ox = getComputedStyle(a).overflowX;
        boxed = ox === 'auto' || ox === 'scroll' || ox === 'hidden';
      }
      if (!boxed) out.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} → ${Math.round(r.right)}px`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: cw, out: out.slice(0, 5) };
  });
}

// widths opens url at 390 and 1280 px, every <details> open, and checks
// that nothing overflows the page.
async function widths(context, url, what, shots = {}) {
  for (const width of [390, 1280]) {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 844 });
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    const o = await overflow(page);
    check(o.scrollWidth <= o.clientWidth && o.out.length === 0, `${what} at ${width} px: no horizontal page overflow`, o);
    const header = await page.evaluate(() => {
      const h = document.querySelector('header.site');
      return h ? { width: h.getBoundingClientRect().width, bg: getComputedStyle(h).backgroundColor } : null;
    });
    check(header && header.width >= o.clientWidth - 1 && header.bg !== 'rgba(0, 0, 0, 0)', `${what} at ${width} px: the header's background spans the width`, header);
    if (shots[width]) await shots[width](page);
    await page.close();
  }
}

async function shot(page, name) {
  const file = path.join(opt.out, name);
  await page.screenshot({ path: file, fullPage: true });
  summary.screenshots.push(file);
}

async function noScript(page, seen, what) {
  const r = await scriptRan(page, seen);
  check(r.trapInstalled, `${what}: trap installed`);
  check(!r.ran, `${what}: no script from the content ran`, { dialogs: r.dialogs, pwned: r.pwned, console: r.pwnedConsole });
  check(r.cspViolations.length === 0, `${what}: no Content-Security-Policy violation (nothing was injected and blocked)`, r.cspViolations);
  check(seen.errors.length === 0, `${what}: no uncaught page errors`, seen.errors);
}

// The reader's walk: home, a story, an evidence link, the article.
async function walk(context) {
  const page = await context.newPage();
  const seen = watch(page);

  await visit(page, opt.base + '/', 'home');
  const stories = await page.$$eval(SEL.storyLink, (as) => as.map((a) => a.getAttribute('href')));
  check(stories.length > 0, 'home: lists stories', `${stories.length} links matching ${SEL.storyLink}`);
  check(await page.locator('form input[name="q"]').count() > 0, 'home: has a search box (input name=q)');
  // Home order: stories covered by several outlets, ranked, the widest
  // first; single articles apart, not as stories.
  const homeRows = await page.$$eval('table.stories tbody tr', (trs) => trs.map((tr) => ({
    href: tr.querySelector('a').getAttribute('href'), outlets: Number(tr.cells[1].textContent), conflicts: Number(tr.cells[3].textContent),
  })));
  check(homeRows.length > 0 && homeRows.every((r) => r.outlets >= 2), 'home: ranked stories each have two outlets or more', homeRows);
  check(homeRows.length > 0 && homeRows[0].outlets === Math.max(...homeRows.map((r) => r.outlets)) && homeRows[0].conflicts > 0,
    'home: the story with most outlets and conflicts comes first', homeRows);
  check(await page.locator('#unmatched li').count() > 0, 'home: single articles listed apart as not yet matched');
  await shot(page, 'home.png');
  await noScript(page, seen, 'home');
  await widths(context, opt.base + '/', 'home', { 390: (p) => shot(p, 'home-390.png') });
  if (stories.length === 0) return;

  // The story with conflicts: the first listed story whose page has a
  // conflict table (the hostile article's story has none).
  let storyURL = null;
  for (const href of stories.slice(0, 20)) {
    await page.goto(opt.base + href);
    if (await page.locator(SEL.conflictTable).count() > 0) { storyURL = opt.base + href; break; }
  }
  check(storyURL, 'home → a story with a conflict table', `none of ${stories.length} stories has ${SEL.conflictTable}`);
  if (!storyURL) return;
  await visit(page, storyURL, 'story');
  const table = page.locator(SEL.conflictTable).first();
  const rows = await table.locator('tbody tr').count();
  check(rows > 0, 'story: the conflict table has rows', `${rows} rows`);
  // each conflict shows two or more sides, each with its evidence highlighted and linked
  const evInTable = await table.locator(`${SEL.evidenceLink}`).count();
  const marksInTable = await table.locator(SEL.highlight).count();
  check(evInTable >= 2, 'story: conflict sides link to their evidence', `${evInTable} evidence links in the table`);
  check(marksInTable >= 2, 'story: conflict evidence is highlighted', `${marksInTable} ${SEL.highlight} in the table`);
  // the highlight is visible: its background is not transparent
  if (marksInTable > 0) {
    const bg = await table.locator(SEL.highlight).first().evaluate((el) => getComputedStyle(el).backgroundColor);
    check(bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent', 'story: highlight has a background colour', bg);
  }
  for (const [what, sel] of Object.entries({ summary: '#summary', 'coverage matrix': '#coverage', 'quotes by speaker': '#quotes', framing: '#framing', timeline: '#timeline', digest: '#digest' })) {
    check(await page.locator(sel).count() > 0, `story: has the ${what} (${sel})`);
  }
  // Summary first: above the digest, the conflicts and the matrix, in at
  // most eight lines, each linking to its entry on the page.
  const tops = await page.evaluate(() => Object.fromEntries(['summary', 'digest', 'conflicts', 'coverage'].map((id) => {
    const el = document.getElementById(id);
    return [id, el ? el.getBoundingClientRect().top + window.scrollY : null];
  })));
  check(tops.summary !== null && tops.summary < tops.digest && tops.digest < tops.conflicts && tops.conflicts < tops.coverage,
    'story: the summary is above the digest, the conflicts and the matrix', tops);
  const lines = await page.$$eval('#summary li', (lis) => lis.map((li) => {
    const a = li.querySelector('a[href^="#"]');
    return { text: li.textContent.trim().slice(0, 60), target: a ? !!document.getElementById(a.getAttribute('href').slice(1)) : false };
  }));
  check(lines.length > 0 && lines.length <= 8 && lines.every((l) => l.target), 'story: the summary has 1 to 8 lines, each linked to its entry', lines);
  // every evidence link is well formed
  const hrefs = await page.$$eval(SEL.evidenceLink, (as) => as.map((a) => a.getAttribute('href')));
  const bad = hrefs.filter((h) => !/^\/articles\/[^/#?]+#ev-\d+-\d+$/.test(h));
  check(hrefs.length > 0 && bad.length === 0, 'story: evidence links are /articles/{id}#ev-{start}-{end}', { links: hrefs.length, bad: bad.slice(0, 5) });
  await shot(page, 'story-full.png');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(opt.out, 'story.png') });
  summary.screenshots.push(path.join(opt.out, 'story.png'));
  // the conflict section alone, readable at a glance
  const conflictsFile = path.join(opt.out, 'story-conflicts.png');
  await table.screenshot({ path: conflictsFile });
  summary.screenshots.push(conflictsFile);
  await noScript(page, seen, 'story');
  await widths(context, storyURL, 'story', {
    390: async (p) => {
      await shot(p, 'story-390.png');
      const m = p.locator('#coverage .scroll').first();
      if (await m.count() > 0) {
        const box = await m.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
        // a wide matrix scrolls in its own box, its first column fixed
        if (box.sw > box.cw) {
          const before = await p.locator('#coverage th[scope=row]').first().evaluate((el) => el.getBoundingClientRect().left);
          await m.evaluate((el) => { el.scrollLeft = 200; });
          const after = await p.locator('#coverage th[scope=row]').first().evaluate((el) => el.getBoundingClientRect().left);
          check(Math.abs(before - after) < 1, 'story at 390 px: the matrix scrolls in its box with its first column fixed', { before, after });
        }
        await m.screenshot({ path: path.join(opt.out, 'story-matrix-390.png') });
        summary.screenshots.push(path.join(opt.out, 'story-matrix-390.png'));
      }
    },
  });

  // Follow the first conflict's first evidence link, by a click.
  const link = table.locator(SEL.evidenceLink).first();
  const href = await link.getAttribute('href');
  const markInLink = link.locator(SEL.highlight);
  const shown = norm(await markInLink.count() > 0 ? await markInLink.first().innerText() : await link.innerText());
  check(shown.length > 0, 'story: the evidence shows words', href);
  await Promise.all([page.waitForURL((u) => u.pathname === href.split('#')[0]), link.click()]);
  const frag = decodeURIComponent(new URL(page.url()).hash.slice(1));
  summary.pages.article = { url: page.url() };
  check('#' + frag === href.slice(href.indexOf('#')), 'article: the URL fragment is the evidence anchor', { url: page.url(), href });
  const target = await page.evaluate((id) => {
    const el = document.getElementById(id);
    const t = document.querySelector(':target');
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return {
      isTarget: t === el, cls: el.className, text: el.textContent,
      bg: getComputedStyle(el).backgroundColor,
      inView: r.bottom > 0 && r.top < window.innerHeight,
    };
  }, frag);
  check(target, `article: an element with id="${frag}" exists`);
  if (target) {
    check(target.isTarget, 'article: the evidence element is the :target');
    check(/(^|\s)evidence(\s|$)/.test(target.cls), 'article: the target has class "evidence"', target.cls);
    check(target.inView, 'article: the browser scrolled the evidence into view');
    check(norm(target.text) === shown || (norm(target.text).includes(shown) && shown.length >= 3),
      'article: the target holds the words the story page showed', { story: shown, article: norm(target.text) });
    // :target is highlighted differently from other evidence
    const other = await page.evaluate((id) => {
      const el = [...document.querySelectorAll('.evidence')].find((e) => e.id !== id);
      return el ? getComputedStyle(el).backgroundColor : null;
    }, frag);
    check(target.bg !== 'rgba(0, 0, 0, 0)' && (other === null || other !== target.bg),
      'article: the :target evidence is highlighted (CSS :target)', { target: target.bg, other });
  }
  await shot(page, 'article.png');
  await noScript(page, seen, 'article');
  await widths(context, page.url().split('#')[0], 'article');
  for (const [what, u] of [['outlets', '/outlets'], ['search', '/search?q=ferry'], ['add', '/add']]) {
    await widths(context, opt.base + u, what);
  }
  await page.close();
}

// Review: a reader marks the first conflict of the story with conflicts
// confirmed; more coverage is then added through the Add page (the story
// is compared again); the mark must still be on the same conflict.
async function review(context) {
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(opt.base + '/');
  let storyURL = null;
  for (const href of await page.$$eval(SEL.storyLink, (as) => as.map((a) => a.getAttribute('href')))) {
    await page.goto(opt.base + href);
    if (await page.locator('table.conflicts form[action$="/reviews"]').count() > 0) { storyURL = opt.base + href; break; }
  }
  if (!check(storyURL, 'review: a story page with a review form')) return;
  const row = page.locator('table.conflicts tbody tr').first();
  const key = await row.locator('input[name="key"]').getAttribute('value');
  const prefix = (k) => k.split('|').slice(0, 2).join('|');
  await row.locator('details.reviewform summary').click();
  await row.locator('input[name="verdict"][value="confirmed"]').check();
  await row.locator('input[name="note"]').fill('Checked against the fire service statement');
  await row.locator('input[name="by"]').fill('E2E Tester');
  await Promise.all([page.waitForURL((u) => u.hash.startsWith('#conflict-')), row.locator('button[type="submit"]').click()]);
  const marked = page.locator('table.conflicts tr.reviewed.confirmed');
  check(await marked.count() === 1 && (await marked.first().innerText()).includes('confirmed by E2E Tester'),
    'review: the conflict shows the mark after the form is sent', await marked.count());
  check((await page.locator('#summary').innerText()).includes('confirmed by E2E Tester'), 'review: the summary shows the mark');
  const before = await page.locator('table.conflicts tbody tr').count();

  // More coverage through the Add page: the story is compared again.
  await page.goto(opt.base + '/add');
  await page.locator('input[type="file"][name="files"]').setInputFiles(opt.more);
  await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/add/results/')), page.locator('form[action="/add/files"] button[type="submit"]').click()]);
  const joined = await page.$$eval('ul.touched a', (as) => as.map((a) => a.getAttribute('href')));
  check(joined.some((h) => storyURL.endsWith(h)), 'review: the added article joined the story', joined);

  await page.goto(storyURL);
  const rows = await page.$$eval('table.conflicts tbody tr', (trs) => trs.map((tr) => ({
    cls: tr.className, text: tr.innerText, key: (tr.querySelector('input[name="key"]') || {}).value || '',
  })));
  const kept = rows.filter((r) => r.cls.includes('confirmed'));
  check(kept.length === 1 && kept[0].text.includes('confirmed by E2E Tester') && prefix(kept[0].key) === prefix(key),
    'review: after the story is compared again, the mark is on the same conflict', { key, kept, conflicts: `${before} → ${rows.length}` });
  await noScript(page, seen, 'review');

  // The story's Atom feed of changes: linked from the page, well-formed
  // XML in the Atom namespace, entries for its outlets and conflicts.
  const feedHref = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
  check(feedHref && feedHref.endsWith('/events.atom'), 'atom: the story page links its feed', feedHref);
  if (feedHref) {
    const feed = await page.evaluate(async (href) => {
      const res = await fetch(href);
      const text = await res.text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const err = doc.getElementsByTagName('parsererror').length > 0;
      const entries = [...doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry')].map((e) => ({
        kind: e.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'category')[0]?.getAttribute('term'),
        title: e.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'title')[0]?.textContent,
      }));
      return { status: res.status, type: res.headers.get('content-type'), err, root: doc.documentElement.localName, ns: doc.documentElement.namespaceURI, entries };
    }, feedHref);
    check(feed.status === 200 && /atom\+xml/.test(feed.type) && !feed.err && feed.root === 'feed' && feed.ns === 'http://www.w3.org/2005/Atom',
      'atom: the feed is well-formed Atom', { status: feed.status, type: feed.type, err: feed.err, root: feed.root });
    check(feed.entries.some((e) => e.kind === 'outlet') && feed.entries.some((e) => e.kind === 'conflict'),
      'atom: the feed has the story\'s outlets and conflicts', feed.entries.slice(0, 6));
    check(feed.entries.some((e) => e.kind === 'outlet' && /port-weekly/.test(e.title)), 'atom: the outlet added through the Add page is in the feed', feed.entries.slice(0, 4));
  }
  await page.close();
}

// The hostile article: its title and text hold script, an event-handler
// attribute breakout and a javascript: link. None may run, on its page, in
// its story, on the home page, or in search results.
async function hostile(context) {
  const page = await context.newPage();
  const seen = watch(page);
  const url = `${opt.base}/articles/${encodeURIComponent(opt.hostile)}`;
  await visit(page, url, 'hostile article');
  await poke(page);
  await shot(page, 'hostile.png');
  await noScript(page, seen, 'hostile article');
  const dom = await page.evaluate(() => ({
    text: document.body.innerText,
    scripts: [...document.scripts].map((s) => s.src || ('inline:' + s.textContent.slice(0, 60))),
    handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName.toLowerCase()}[${a.name}]`)),
    jsLinks: [...document.querySelectorAll('[href],[src],[action],[formaction]')].map((el) => el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action') || el.getAttribute('formaction')).filter((v) => /^\s*javascript:/i.test(v)),
    imgs: [...document.images].map((i) => i.getAttribute('src')),
  }));
  check(dom.text.includes('<script>alert(1)</script>'), 'hostile article: the script tag is shown as text', dom.text.slice(0, 200));
  check(dom.text.includes('onerror=alert(1)'), 'hostile article: the img onerror is shown as text');
  check(dom.scripts.every((s) => s.startsWith(opt.base + '/')), 'hostile article: only same-origin script files', dom.scripts);
  check(dom.handlers.length === 0, 'hostile article: no event-handler attributes in the DOM', dom.handlers);
  check(dom.jsLinks.length === 0, 'hostile article: no javascript: URLs in the DOM', dom.jsLinks);
  check(!dom.imgs.includes('x'), 'hostile article: no <img src=x> was created', dom.imgs);
  // the pages that show its title: its story, the home page, search
  const storyHref = await page.locator(SEL.storyLink).first().getAttribute('href').catch(() => null);
  const more = [['hostile: home', opt.base + '/'], ['hostile: search', opt.base + '/search?q=' + encodeURIComponent('onmouseover alert')]];
  if (storyHref) more.push(['hostile: its story', opt.base + storyHref]);
  for (const [what, u] of more) {
    const p = await context.newPage();
    const s = watch(p);
    await visit(p, u, what);
    await poke(p);
    await noScript(p, s, what);
    await p.close();
  }
  summary.pages.hostile = { url, links: storyHref };
  await page.close();
}

// poke hovers over and focuses what a reader might touch, so that an
// injected onmouseover or onfocus would fire.
async function poke(page) {
  const els = await page.locator('h1, h2, h3, p, a, li, td, th, mark, span, img, [title]').all();
  for (const el of els.slice(0, 150)) {
    await el.hover({ timeout: 500, force: true }).catch(() => {});
  }
}

const timer = setTimeout(() => {
  summary.failures.push(`timed out after ${opt.timeout}s`);
  finish(1);
}, opt.timeout * 1000);

function finish(code) {
  summary.ok = summary.failures.length === 0 && code === 0;
  console.log(JSON.stringify(summary, null, 2));
  if (!summary.ok) {
    console.error(`browser.mjs: ${summary.failures.length} failure(s):\n  - ${summary.failures.join('\n  - ')}`);
  }
  process.exit(summary.ok ? 0 : 1);
}

main().then(() => { clearTimeout(timer); finish(0); }, (e) => {
  clearTimeout(timer);
  summary.failures.push(`error: ${e && e.stack ? e.stack : e}`);
  finish(1);
});
