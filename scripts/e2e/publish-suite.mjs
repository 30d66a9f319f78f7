// The published policy site in a real browser: `soc2 publish` on the example repo, its index opened in
// Chromium from the file system (every network request refused and counted), a screenshot of the index and
// of a policy page, then `--pdf` with Debian's Chromium and the printed policy checked with poppler's
// pdfinfo and pdftotext: its page count, the running header on each page, and its headings in order.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, REPO, run } from './lib.mjs';
import { EXAMPLE, TODAY } from './workspace.mjs';

const POLICY_PAGE = 'policy-pol-ac.html';

export async function runPublishSuite({ browser, runDir, shots, record, log }) {
  const site = join(runDir, 'publish', 'site');
  rmSync(join(runDir, 'publish'), { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  const cli = join(REPO, 'dist', 'cli.js');
  const step = async (title, fn) => {
    const started = Date.now();
    try { await fn(); record(title, 'passed', { ms: Date.now() - started }); } catch (err) { record(title, 'failed', { ms: Date.now() - started, error: err.stack || err.message }); }
  };

  await step('publish: the example repo becomes a site', async () => {
    await run(process.execPath, [cli, 'publish', EXAMPLE, '--out', site, '--today', TODAY], { quiet: true });
    for (const f of ['index.html', 'controls.html', 'criteria.html', 'handbook.html', 'style.css', POLICY_PAGE]) {
      if (!existsSync(join(site, f))) throw new Error(`${f} was not written`);
    }
  });

  await step('publish: the index opens in Chromium from disk, styled, loading nothing remote', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const refused = [];
    await context.route((u) => u.protocol !== 'file:', (route) => { refused.push(route.request().url()); return route.abort(); });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    try {
      await page.goto(pathToFileURL(join(site, 'index.html')).href);
      const rows = await page.locator('table tbody tr td:first-child a').count();
      if (rows !== 8) throw new Error(`the index lists ${rows} policies, expected 8`);
      const navBg = await page.locator('nav.site').evaluate((el) => getComputedStyle(el).backgroundColor);
      if (navBg !== 'rgb(29, 35, 48)') throw new Error(`style.css was not applied (nav background ${navBg}); the CSP may block it`);
      await page.screenshot({ path: join(shots, 'publish-01-index.png'), fullPage: true });
      await page.locator(`a[href="${POLICY_PAGE}"]`).first().click();
      await page.waitForURL(/policy-pol-ac\.html$/);
      const title = await page.locator('h1').first().innerText();
      if (!title.includes('Access Control Policy')) throw new Error(`the policy page's title is "${title}"`);
      await page.screenshot({ path: join(shots, 'publish-02-policy.png'), fullPage: false });
      if (refused.length) throw new Error(`the site tried to load: ${refused.join(', ')}`);
      if (errors.length) throw new Error(`the page reported errors: ${errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  });

  await step('publish --pdf: Debian\'s Chromium prints the policy; pdftotext finds its pages, header and headings', async () => {
    await run(process.execPath, [cli, 'publish', EXAMPLE, '--out', site, '--today', TODAY, '--pdf', '--chrome', CHROMIUM], { quiet: true, timeoutMs: 10 * 60_000 });
    const pdf = join(site, 'pdf', POLICY_PAGE.replace(/\.html$/, '.pdf'));
    const info = await run('pdfinfo', [pdf], { capture: true });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    const text = await run('pdftotext', ['-layout', pdf, '-'], { capture: true });
    const printed = text.split('\f').filter((p) => p.trim());
    if (!(pages >= 2) || printed.length !== pages) throw new Error(`pdfinfo says ${pages} pages, pdftotext found ${printed.length}`);
    const header = 'Access Control Policy · version 2.3';
    const withHeader = printed.filter((p) => p.includes(header)).length;
    if (withHeader !== pages) throw new Error(`the running header is on ${withHeader} of ${pages} pages`);
    const html = readFileSync(join(site, POLICY_PAGE), 'utf8');
    const headings = [...html.matchAll(/<h2 id="[^"]+">([^<]+)</g)].map((m) => m[1]);
    let at = 0;
    for (const h of headings) {
      const found = text.indexOf(h, at);
      if (found < 0) throw new Error(`heading "${h}" is missing from the PDF, or out of order`);
      at = found;
    }
    if (/Policies\s+Controls\s+Criteria\s+Handbook/.test(text)) throw new Error('the navigation bar was printed');
    log(`   ${POLICY_PAGE.replace(/\.html$/, '.pdf')}: ${pages} pages, ${headings.length} headings in order, running header on every page`);
  });
}
