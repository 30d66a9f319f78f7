/**
 * `soc2 publish --pdf` with the Chromium on this machine (skipped where there is none, or no pdftotext): each
 * policy and the handbook become PDFs whose text is the policy's, with the running header on every page.
 * The real-editor suite (npm run test:e2e) prints the example's policies the same way.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { removeDir, tempDir, writeFiles } from '../git-helpers';
import { findChrome } from '../../server/src/publish/pdf';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const chrome = findChrome();
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

const LONG = Array.from({ length: 60 }, (_, i) => `${i + 1}. Statement number ${i + 1} of the printing policy, long enough to wrap onto a second line of the printed page.`).join('\n');

test('--pdf prints each policy and the handbook through a local Chromium', { skip: (!chrome && 'no Chromium or Chrome here') || (!hasPdftotext && 'no pdftotext (poppler-utils) here'), timeout: 180_000 }, () => {
  const sandbox = tempDir('soc2-pdf-'); dirs.push(sandbox);
  const repo = path.join(sandbox, 'repo'), out = path.join(sandbox, 'out');
  writeFiles(repo, {
    'soc2.yaml': 'organization: Print Co\nreport: { type: 1 }\nscope: { categories: [security] }\n',
    'policies/print.md': `---\nid: POL-PR\ntitle: Printing Policy\nversion: "3.1"\nowner: pat@print.example\n---\n# Printing Policy\n\n## Policy statements\n\n${LONG}\n`,
  });
  const r = spawnSync(process.execPath, [CLI, 'publish', repo, '--out', out, '--today', '2026-07-15', '--pdf', '--chrome', chrome!], { encoding: 'utf8', timeout: 170_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /2 PDFs/);
  const pdf = path.join(out, 'pdf', 'policy-pol-pr.pdf');
  const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
  assert.ok(pages >= 2, `a multi-page policy (${pages} pages)`);
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
  assert.match(text, /Printing Policy/);
  assert.match(text, /Statement number 60 of the printing policy/);
  // The running header heads every page; the navigation bar is not printed.
  assert.equal(text.split('\f').filter((p) => p.trim()).filter((p) => p.includes('Printing Policy · version 3.1')).length, pages);
  assert.doesNotMatch(text, /Policies\s+Controls\s+Criteria\s+Handbook/);
  const handbook = spawnSync('pdftotext', [path.join(out, 'pdf', 'handbook.pdf'), '-'], { encoding: 'utf8' }).stdout;
  assert.match(handbook, /Policy handbook/);
  assert.match(handbook, /Statement number 60/);
});
