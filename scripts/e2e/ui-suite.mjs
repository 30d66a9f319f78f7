// The UI suite: the workbench in Chromium, used as a person would. Each step is one test and
// leaves a screenshot in test-results/e2e/ (also when it fails).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep, waitFor } from './lib.mjs';

const CONTROL_FILE = 'controls/access.yaml';

/** Line (1-based) and column (1-based) just inside the first `criteria: [` of a control file. */
function criteriaListPosition(root) {
  const lines = readFileSync(join(root.path, CONTROL_FILE), 'utf8').split('\n');
  const i = lines.findIndex((l) => /criteria:\s*\[/.test(l));
  assert.ok(i >= 0, `no flow-style criteria list in ${CONTROL_FILE}`);
  return { line: i + 1, column: lines[i].indexOf('[') + 2, text: lines[i] };
}

export async function runUiSuite({ page, baseUrl, root, shots, record, log }) {
  let n = 0;
  const shot = async (name) => {
    n++;
    const file = join(shots, `ui-${String(n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file }).catch(() => {});
    return file;
  };
  /** One UI test: runs `fn`, records pass/fail with its time, and always takes a screenshot. */
  let broken = false;
  const step = async (title, name, fn) => {
    if (broken) return record(title, 'failed', { error: 'not run: the workbench did not load' });
    const start = Date.now();
    try {
      await fn();
      await shot(name);
      record(title, 'passed', { ms: Date.now() - start });
    } catch (err) {
      await shot(`${name}-FAILED`);
      record(title, 'failed', { ms: Date.now() - start, error: err.message.split('\n').slice(0, 12).join('\n') });
    }
  };

  const problemsRows = () => page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => r.textContent || ''));
  // The panel's list is virtual: rows below the fold are not in the DOM. Scroll it and keep every row seen.
  const seenProblems = new Set();
  const allProblemsRows = async () => {
    for (const r of await problemsRows()) seenProblems.add(r);
    const box = await page.locator('.markers-panel .monaco-list').first().boundingBox().catch(() => null);
    if (box) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 300);
      await sleep(100);
      for (const r of await problemsRows()) seenProblems.add(r);
    }
    return [...seenProblems];
  };
  const runCommand = async (label) => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${label}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
  };
  const statusBarText = () => page.$$eval('.statusbar-item', (items) => items.map((i) => i.textContent || '').join(' | '));

  await step('the workbench opens the example with the extension active', 'workbench', async () => {
    await page.goto(`${baseUrl}/?folder=${encodeURIComponent(root.path)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 }).catch((err) => { broken = true; throw err; });
    // The extension's status bar item: "SOC 2 NN% · N gaps".
    await waitFor(async () => (await statusBarText()).includes(`SOC 2 ${root.summary.readiness}%`), {
      timeoutMs: 60_000, what: `the status bar item "SOC 2 ${root.summary.readiness}%"`,
      onTimeout: async () => log(`   status bar: ${await statusBarText()}`),
    });
    await page.mouse.move(800, 500);
  });

  await step('the Problems panel lists every problem soc2 check reports, without opening a file', 'problems-panel', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel', { state: 'visible', timeout: 10_000 });
    const want = root.diagnostics;
    let rows = [];
    await waitFor(async () => {
      rows = await allProblemsRows();
      return want.every((d) => rows.some((r) => r.includes(d.message) && r.includes(d.code)));
    }, { timeoutMs: 60_000, what: 'the Problems panel to list the example\'s problems' }).catch((err) => {
      const missing = want.filter((d) => !rows.some((r) => r.includes(d.message) && r.includes(d.code)));
      throw new Error(`${err.message}\nmissing: ${missing.map((d) => `${d.file}:${d.line} [${d.code}]`).join(', ')}\nrows: ${rows.join('\n      ')}`);
    });
    for (const code of root.deliberate) assert.ok(rows.some((r) => r.includes(code)), `${code} is not in the Problems panel`);
    // Back to the top, where later steps look for new rows (errors sort first).
    const box = await page.locator('.markers-panel .monaco-list').first().boundingBox().catch(() => null);
    if (box) { await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2); await page.mouse.wheel(0, -3000); }
    const editors = await page.$$('.editor-group-container .tabs-container .tab');
    assert.equal(editors.length, 0, 'an editor was opened');
  });

  await step('the "SOC 2 Coverage" tree view in the Explorer shows categories, criteria and their controls', 'coverage-tree', async () => {
    // Room for the tree: hide the panel and fold the file explorer's own section.
    await page.keyboard.press('Control+J');
    await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: 5_000 });
    const folder = page.locator('.explorer-viewlet .pane-header', { hasText: root.name });
    if ((await folder.count()) && (await folder.first().getAttribute('aria-expanded')) === 'true') await folder.first().click();
    const header = page.locator('.pane-header', { hasText: 'SOC 2 Coverage' });
    await header.waitFor({ state: 'visible', timeout: 15_000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const pane = page.locator('.pane', { has: header });
    const rows = pane.locator('.monaco-list-row');
    const rowText = () => rows.allTextContents();
    await waitFor(async () => (await rowText()).some((t) => /security/i.test(t)), { timeoutMs: 15_000, what: 'categories in the tree' });
    const first = rows.first();
    if ((await first.getAttribute('aria-expanded')) !== 'true') await first.locator('.monaco-tl-twistie').click();
    await waitFor(async () => (await rowText()).some((t) => /CC1\.1(?!\d)/.test(t)), { timeoutMs: 10_000, what: 'criteria under the first category' });
    // Every criterion row carries a status icon; expanding one lists the controls that map it.
    const cc = rows.filter({ hasText: /CC1\.1(?!\d)/ }).first();
    assert.ok(await cc.locator('.codicon').count(), 'CC1.1 has no status icon');
    if ((await cc.getAttribute('aria-expanded')) !== 'true') await cc.locator('.monaco-tl-twistie').click();
    await waitFor(async () => (await rowText()).some((t) => /(^|[^A-Z])[A-Z]{2,3}-\d{2}(?!\d)/.test(t)), { timeoutMs: 10_000, what: 'the controls under CC1.1' });
  });

  await step('the "SOC 2 Tasks" tree groups the example\'s obligations as Overdue, This month and Later', 'tasks-tree', async () => {
    // Fold the coverage tree so the tasks have room.
    const coverage = page.locator('.pane-header', { hasText: 'SOC 2 Coverage' });
    if ((await coverage.getAttribute('aria-expanded')) === 'true') await coverage.click();
    const header = page.locator('.pane-header', { hasText: 'SOC 2 Tasks' });
    await header.waitFor({ state: 'visible', timeout: 15_000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const pane = page.locator('.pane', { has: header });
    const rowText = () => pane.locator('.monaco-list-row').allTextContents();
    await waitFor(async () => (await rowText()).some((t) => /^Overdue \(\d+\)/.test(t.trim())), { timeoutMs: 20_000, what: 'the Overdue group' });
    // The example's overdue policy review is in the expanded Overdue group, with its owner.
    await waitFor(async () => (await rowText()).some((t) => /Review policy POL-VN/.test(t) && /nora\.castillo@acme\.example/.test(t)), { timeoutMs: 10_000, what: 'the POL-VN review task' });
  });

  await step('the command palette runs "SOC 2: Show Readiness Summary" and the webview shows the criteria grid', 'summary-webview', async () => {
    await runCommand('SOC 2: Show Readiness Summary');
    // Webviews are iframes inside iframes: find the frame that holds the grid.
    const frame = await waitFor(async () => {
      for (const f of page.frames()) {
        const cells = await f.$$eval('.grid', (g) => g.length).catch(() => 0);
        if (cells) return f;
      }
      return undefined;
    }, { timeoutMs: 30_000, what: 'the summary webview\'s criteria grid' });
    // Every in-scope criterion is a cell, and the percentage is the one `soc2 summary` computes.
    const cells = await frame.$$eval('.grid > *', (cs) => cs.map((c) => (c.textContent || '').trim()));
    const ids = cells.map((c) => /[A-Z]+\d+\.\d+/.exec(c)?.[0]).filter(Boolean);
    assert.deepEqual([...ids].sort(), root.summary.criteria.map((c) => c.id).sort(), 'the grid\'s criteria');
    const pct = await frame.$eval('.pct', (e) => e.textContent || '').catch(() => '');
    assert.equal(pct.trim(), `${root.summary.readiness}%`, `the webview shows ${pct.trim()} ready, soc2 summary says ${root.summary.readiness}%`);
    await sleep(300);
  });

  await step('the summary webview shows the vendor table: the register\'s vendors, with a finding flagged', 'summary-vendors', async () => {
    const frame = await waitFor(async () => {
      for (const f of page.frames()) if (await f.$$eval('table.vendors', (t) => t.length).catch(() => 0)) return f;
      return undefined;
    }, { timeoutMs: 30_000, what: 'the summary webview\'s vendor table' });
    const rows = await frame.$$eval('table.vendors tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent || '').trim())));
    assert.deepEqual(rows.map((r) => r[0]), (root.summary.vendors ?? []).map((v) => v.id), 'the vendor table lists the register as soc2 summary does');
    const flagged = rows.filter((r) => r[6] !== 'in order').map((r) => `${r[0]}: ${r[6]}`);
    assert.deepEqual(flagged, (root.summary.vendors ?? []).filter((v) => v.problems.length).map((v) => `${v.id}: ${v.problems.join(', ')}`), 'the flagged vendors');
    await frame.$eval('table.vendors', (t) => t.scrollIntoView({ block: 'center' }));
    await sleep(300);
  });

  const pos = criteriaListPosition(root);
  await step('typing a bad criterion id (CC6.9) shows unknown-criterion within seconds', 'typing-unknown-criterion', async () => {
    await runCommand('View: Close All Editors');
    await page.keyboard.press('Control+Shift+M'); // the panel was hidden for the tree and the summary
    await page.waitForSelector('.markers-panel', { state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`${CONTROL_FILE}:${pos.line}:${pos.column}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'access.yaml' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.editor-instance .monaco-editor', { state: 'visible' });
    await waitFor(async () => (await page.$$eval('.editor-group-container .tab', (t) => t.map((x) => x.textContent))).join(' ').includes('access.yaml'), { what: 'access.yaml to open' });
    // Quick open leaves the focus in the editor, with the cursor just inside `[`.
    await page.keyboard.type('CC6.9, ', { delay: 40 });
    const start = Date.now();
    await page.keyboard.press('Escape');
    await waitFor(async () => (await problemsRows()).some((r) => r.includes('unknown-criterion') && r.includes('CC6.9')), {
      timeoutMs: 5_000, intervalMs: 100, what: 'an unknown-criterion row for CC6.9 in the Problems panel',
    });
    log(`   unknown-criterion listed in the Problems panel ${Date.now() - start} ms after the last keystroke`);
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 5_000 });
  });

  await step('reverting the edit clears the diagnostic, and the CodeLens follows', 'typing-reverted', async () => {
    await runCommand('File: Revert File');
    await waitFor(async () => !(await problemsRows()).some((r) => r.includes('unknown-criterion')), {
      timeoutMs: 5_000, intervalMs: 100, what: 'the unknown-criterion row to go away',
    });
    const line = await page.$$eval('.monaco-editor .view-line', (ls) => ls.map((l) => l.textContent || ''));
    assert.ok(!line.join('\n').includes('CC6.9'), 'the editor still shows CC6.9');
    // The CodeLens over the control follows the text back: "N criteria · …" as on disk.
    const count = pos.text.slice(pos.text.indexOf('[') + 1, pos.text.indexOf(']')).split(',').filter((x) => x.trim()).length;
    const lens = () => page.$$eval('.monaco-editor .codelens-decoration', (ls) => ls.map((l) => l.textContent || ''));
    let seen = [];
    await waitFor(async () => { seen = await lens(); return seen[0]?.startsWith(`${count} criteria`); }, {
      timeoutMs: 10_000, what: `the first CodeLens to read "${count} criteria …"`,
      onTimeout: () => log(`   lenses: ${seen.join(' | ')}`),
    });
  });
}
