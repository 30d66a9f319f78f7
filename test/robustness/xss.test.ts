/**
 * Nothing leaks: a repo whose organization, ids, titles, owners, criteria and file names are XSS (and
 * spreadsheet-formula, and terminal-escape) payloads renders inert in the webview HTML and in every export
 * format the CLI has: HTML holds no script and no handler, Markdown no raw tag or javascript: link, JSON
 * (check, summary, SARIF, OSCAL) stays valid JSON, CSV cells cannot become formulas, text has no escape codes.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from '../lsp-client';
import { TODAY } from '../lsp-fixture';
import { XSS_PAYLOADS } from '../hostile-fixture';
import { DiskWorkspace } from '../../server/src/engine/disk-workspace';
import { loadProject } from '../../server/src/engine/load';
import { computeSummary } from '../../server/src/engine/summary';
import { formatSummaryMarkdown } from '../../server/src/report/summary-text';
import { renderSummaryHtml } from '../../client/src/summary-html';
import { CHECKS } from '../../server/src/checks';

const CLI = path.join(REPO, 'dist', 'cli.js');
const X = XSS_PAYLOADS;
/** Payloads usable in a file name (no slash). */
const FILE_IMG = '<img src=x onerror=alert(6)>';
const FILE_SVG = '"><svg onload=alert(7)>';
const q = (s: string) => JSON.stringify(s); // a YAML double-quoted scalar holds any of them

const dir = mkdtempSync(path.join(tmpdir(), 'soc2-xss-'));
const files: Record<string, string> = {
  'soc2.yaml': `organization: ${q(X.script)}\nreport:\n  type: 2\n  period: { start: 2026-01-01, end: 2026-06-30 }\nscope:\n  categories: [security]\n  exclusions:\n    - criterion: CC6.4\n      reason: ${q(X.img)}\n`,
  [`policies/${FILE_IMG}.md`]: `---\nid: ${q(X.script)}\ntitle: ${q(X.link)}\nowner: ${q(X.svg)}\nlast_reviewed: 2024-01-01\ncriteria: [${q('<b>CC6.1</b>')}, CC6.1]\ncontrols: [${q(X.img)}, ${q(X.js)}]\n---\n\n# ${X.style}\n\n${X.script} is reviewed quarterly (${X.img}). ${X.link}\n`,
  [`controls/${FILE_SVG}.yaml`]: [
    'controls:',
    `  - id: ${q(X.img)}`, `    title: ${q(X.formula)}`, `    owner: ${q(X.at)}`, '    frequency: monthly', '    status: implemented',
    `    criteria: [CC6.1, ${q(X.svg)}]`, `    policies: [${q(X.script)}]`, '    last_reviewed: 2024-01-01',
    '    evidence:', `      - name: ${q(X.style)}`, `        path: ${q(FILE_IMG)}`,
    `  - id: ${q(X.js)}`, `    title: ${q(X.esc)}`, `    owner: ${q(X.esc)}`, '    frequency: quarterly', '    status: partial', '    criteria: [CC6.2]', `    policies: [${q(X.script)}]`,
    `    description: ${q(X.formula)}`,
    '',
  ].join('\n'),
  [`evidence/${FILE_IMG}/2026-03-01-${FILE_SVG}.md`]: 'x',
  [`risks/${FILE_SVG}.yaml`]: `id: ${q(X.script)}\ntitle: ${q(X.formula)}\nowner: ${q(X.img)}\nlikelihood: 3\nimpact: 4\ntreatment: mitigate\ncontrols: [${q(X.js)}, ${q(X.svg)}]\n`,
};

before(() => {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

const outputs = new Map<string, string>();
function run(...args: string[]): string {
  const key = args.join(' ');
  if (!outputs.has(key)) outputs.set(key, runCli(args));
  return outputs.get(key)!;
}
function runCli(args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args, dir, '--today', TODAY], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')}: exit ${r.status} ${r.stderr}`);
  return r.stdout;
}
/** Every output format, listed here so that a removed or renamed exporter fails these tests instead of skipping them. */
const FORMATS = { check: ['text', 'json', 'sarif'], summary: ['text', 'markdown', 'json', 'html', 'evidence-csv'] } as const;

test('the CLI offers exactly the formats these tests cover', () => {
  const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;
  for (const [command, formats] of Object.entries(FORMATS)) {
    const listed = /--format ([\w|-]+)/.exec(help.split('\n').find((l) => l.trim().startsWith(`soc2 ${command} `)) ?? '')?.[1].split('|');
    assert.deepEqual(listed, [...formats], command);
  }
  assert.match(help, /^ {2}soc2 export oscal /m);
});

/** The rules for anything a browser renders: no script, no handler, no URL scheme, no raw payload tag. */
function assertInertHtml(label: string, html: string, allowNonceScript = false): void {
  const no = (re: RegExp, what: string) => { const m = re.exec(html); assert.ok(!m, `${label}: ${what}: ${JSON.stringify(m && html.slice(Math.max(0, m.index - 60), m.index + 60))}`); };
  const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
  if (allowNonceScript) assert.ok(scripts.length === 1 && /^<script nonce="[A-Za-z0-9_-]+">$/.test(scripts[0]), `${label}: scripts ${JSON.stringify(scripts)}`);
  else assert.deepEqual(scripts, [], `${label}: a script tag`);
  no(/<(img|iframe|object|embed|a|link|base|form|b)[\s>/]/i, 'a payload tag');
  no(/<svg[\s/]+on/i, 'an svg with a handler');
  no(/[\s/"']on[a-z]+\s*=/i, 'an event handler attribute');
  no(/javascript:/i, 'a javascript: URL');
  no(/\b(src|href|action|formaction)\s*=/i, 'a src or href');
  assert.ok((html.match(/<style\b/gi) ?? []).length <= 1, `${label}: a second style element`);
  // (Control characters are harmless text to a browser; the CLI neutralizes them on output, see below.)
  for (const [name, p] of Object.entries(X)) if (name !== 'esc') assert.ok(!html.includes(p), `${label}: payload ${name} appears raw`);
}

test('the webview HTML of the engine\'s own summary of the hostile repo is inert', async () => {
  const { project } = await loadProject(new DiskWorkspace(dir), { checks: CHECKS, today: TODAY });
  const summary = computeSummary(project);
  assert.ok(summary.owners.some((o) => o.owner === X.at), 'the payloads reached the summary');
  const html = renderSummaryHtml({ indexing: false, roots: [{ root: pathToFileURL(dir).href, name: X.script, summary, markdown: formatSummaryMarkdown(summary) }] }, 'Nonce0123456789abcdefXYZ');
  assertInertHtml('webview', html, true);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'nonce-Nonce0123456789abcdefXYZ'; script-src 'nonce-Nonce0123456789abcdefXYZ'/);
  assert.ok(html.includes('&#60;img src&#61;x onerror&#61;alert(6)&#62;'), 'file names are shown, escaped');
});

test('summary --format html is inert: no script at all, no handler, no URL', () => {
  const html = run('summary', '--format', 'html');
  assertInertHtml('summary html', html);
  assert.ok(html.includes('alert(2)'), 'the payloads are shown as text, not dropped');
});

test('summary --format markdown holds no raw tag, no link, no escape code', () => {
  const md = run('summary', '--format', 'markdown');
  for (const re of [/<(script|img|svg|style|b)\b/i, /\]\(javascript:/i, /\u001b/]) assert.ok(!re.test(md), `markdown: ${re} at ${JSON.stringify(md.slice(Math.max(0, md.search(re) - 60), md.search(re) + 60))}`);
  assert.ok(md.includes('alert(1)'));
});

test('every JSON output (check json, summary json, SARIF, OSCAL) is valid JSON holding the payloads as data', () => {
  const outputs: [string, string][] = [['check json', run('check', '--format', 'json')], ['summary json', run('summary', '--format', 'json')]];
  outputs.push(['sarif', run('check', '--format', 'sarif')], ['oscal', run('export', 'oscal')]);
  for (const [name, text] of outputs) {
    let parsed: unknown;
    assert.doesNotThrow(() => { parsed = JSON.parse(text); }, name);
    assert.ok(JSON.stringify(parsed).includes('alert('), `${name} carries the payloads as data`);
  }
});

test('summary --format evidence-csv: every row parses and no cell can run as a formula', () => {
  const csv = run('summary', '--format', 'evidence-csv');
  const rows: string[][] = [];
  // RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks.
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) { if (c === '"' && csv[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c; continue; }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && csv[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  assert.equal(quoted, false, 'an unterminated quoted field');
  assert.ok(rows.length > 1);
  assert.ok(rows.every((r) => r.length === rows[0].length), 'every row has as many cells as the header');
  for (const cell of rows.flat()) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `a formula cell: ${cell}`);
  assert.ok(rows.flat().some((cell) => cell.startsWith("'=HYPERLINK")), 'the formula payload is kept, as text');
});

test('no CLI output carries a terminal escape code, a lone carriage return or a bidi override', () => {
  for (const out of [run('check'), run('summary'), run('check', '--format', 'json'), run('summary', '--format', 'html'), run('summary', '--format', 'markdown')]) {
    const at = out.search(/[\u001b\u0007\u009b\u202e]|\r(?!\n)/);
    assert.ok(at < 0, `an escape code: ${JSON.stringify(out.slice(Math.max(0, at - 80), at + 20))}`);
  }
});
