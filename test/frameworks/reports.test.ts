import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { CHECKS } from '../../server/src/checks';
import { loadProject } from '../../server/src/engine/load';
import { computeSummary } from '../../server/src/engine/summary';
import { formatSummaryMarkdown, formatSummaryText, summaryJson } from '../../server/src/report/summary-text';
import { formatSummaryHtml } from '../../server/src/report/summary-html';
import { buildSoa, soaCsv, soaHtml, soaMarkdown, SOA_COLUMNS } from '../../server/src/frameworks/soa';
import { ISO_27001_2022 } from '../../server/src/catalog/iso27001-2022';
import { estimateCrosswalk } from '../../server/src/frameworks/crosswalk';
import { edit, TODAY } from '../helpers';
import { frameworksRepo } from './repo';
import { removeDir, tempDir, writeFiles } from '../git-helpers';
import { errorsOf, schemaValidator } from '../schema-formats';

async function project(files: Record<string, string>) {
  return (await loadProject(new MemoryWorkspace(files), { today: TODAY, checks: CHECKS })).project;
}

/** RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  assert.equal(field + row.join(''), '', 'the CSV ends with CRLF');
  return rows;
}

test('summary: readiness per framework in JSON with the documented shape, and in text, markdown and HTML', async () => {
  const p = await project(frameworksRepo());
  const s = computeSummary(p);
  const json = summaryJson(s) as { frameworks: object[] };
  assert.deepEqual(json.frameworks, [
    { id: 'iso27001-2022', name: 'ISO/IEC 27001:2022 Annex A', requirements: 93, covered: 2, partial: 0, gap: 90, excluded: 1, readiness: 2 },
    { id: 'acme-questionnaire', name: 'Acme customer security questionnaire', requirements: 2, covered: 1, partial: 0, gap: 1, excluded: 0, readiness: 50 },
  ]);
  const text = formatSummaryText(s);
  assert.match(text, /ISO\/IEC 27001:2022 Annex A\s+2%\s+93\s+2\s+0\s+90\s+1/);
  assert.ok(text.indexOf('Readiness:') < text.indexOf('Other frameworks in scope:'), 'SOC 2 first');
  const md = formatSummaryMarkdown(s);
  assert.match(md, /\| ISO\/IEC 27001:2022 Annex A \(`iso27001-2022`\) \| 2% \| 93 \| 2 \| 0 \| 90 \| 1 \|/);
  assert.match(md, /- \*\*Q-2\*\* Laptops are encrypted/);
  const html = formatSummaryHtml(s);
  assert.match(html, /<h2>Acme customer security questionnaire: 50%<\/h2>/);
  assert.match(html, /class="cell excluded"[^>]*>A.7.4/);
});

test('summary: a partial control counts half; no frameworks in scope, an empty list', async () => {
  const partial = computeSummary(await project(edit(frameworksRepo(), 'controls/access.yaml', 'status: implemented', 'status: partial')));
  assert.equal(partial.frameworks![0]!.partial, 2);
  assert.equal(partial.frameworks![0]!.readiness, 1); // round(100 * 1 / 92)
  const files = frameworksRepo();
  files['soc2.yaml'] = files['soc2.yaml']!.replace(/frameworks:[\s\S]*?scope:/, 'scope:');
  assert.deepEqual((summaryJson(computeSummary(await project(files))) as { frameworks: unknown[] }).frameworks, []);
});

test('SoA: one row per Annex A control, exclusions with their reason, controls with status and owner; the CSV parses back', async () => {
  const files = edit(frameworksRepo(), 'controls/access.yaml', 'title: Quarterly access review', 'title: "=HYPERLINK(\\"x\\"), quarterly, \\"review\\""');
  files['policies/access.md'] = files['policies/access.md']!.replace('criteria: [CC6.1]', 'criteria: [CC6.1]\nframeworks:\n  iso27001-2022: [A.5.15]');
  const soa = buildSoa(await project(files), ISO_27001_2022, TODAY);
  assert.equal(soa.rows.length, 93);
  const rows = parseCsv(soaCsv(soa));
  assert.deepEqual(rows[0], [...SOA_COLUMNS]);
  assert.equal(rows.length, 94);
  const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
  assert.deepEqual(byId.get('A.7.4')!.slice(3, 6), ['no', 'No premises of our own; the cloud provider monitors its data centres.', 'excluded']);
  assert.deepEqual(byId.get('A.5.15'), ['A.5.15', 'Access rules', 'Organisational controls', 'yes', 'Implemented through AC-01.', 'covered', 'AC-01', 'AC-01: implemented', 'bob@example.com', 'POL-AC']);
  assert.deepEqual(byId.get('A.8.1')!.slice(3, 7), ['yes', 'Applicable; no control implements it yet.', 'gap', '']);
  // formula injection: an owner starting with = is neutralised like the evidence CSV
  const hostile = edit(frameworksRepo(), 'controls/access.yaml', 'owner: bob@example.com', 'owner: "=cmd|calc"');
  const h = parseCsv(soaCsv(buildSoa(await project(hostile), ISO_27001_2022, TODAY)));
  assert.equal(h.find((r) => r[0] === 'A.5.15')![8], "'=cmd|calc");
  assert.match(soaMarkdown(soa), /^\| A\.7\.4 \| Watching premises \| no \| No premises/m);
  const html = soaHtml(buildSoa(await project(edit(frameworksRepo(), 'controls/access.yaml', 'owner: bob@example.com', 'owner: "<script>x</script>"')), ISO_27001_2022, TODAY));
  assert.ok(!html.includes('<script>'));
  assert.match(html, /default-src 'none'/);
});

test('crosswalk estimate: a repo mapping only TSC learns which ISO controls are probably addressed and which have nothing', async () => {
  const files = frameworksRepo();
  files['controls/access.yaml'] = files['controls/access.yaml']!.replace(/    frameworks:\n(      .*\n)+/, '');
  const x = estimateCrosswalk(await project(files), ISO_27001_2022);
  const row = (id: string) => x.rows.find((r) => r.id === id)!;
  assert.equal(row('A.5.15').status, 'likely');
  assert.deepEqual(row('A.5.15').via.find((v) => v.criterion === 'CC6.1')!.controls, ['AC-01']);
  assert.equal(row('A.8.13').status, 'none');
  assert.equal(x.counts.mapped, 0);
  assert.equal(x.counts.mapped + x.counts.likely + x.counts.planned + x.counts.none, 93);
  const direct = estimateCrosswalk(await project(frameworksRepo()), ISO_27001_2022);
  assert.equal(direct.rows.find((r) => r.id === 'A.8.5')!.status, 'mapped');
});

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
function soc2(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('CLI: frameworks, frameworks show, export soa, export oscal --framework, summary --crosswalk', () => {
  const dir = tempDir();
  try {
    writeFiles(dir, frameworksRepo());
    const list = soc2('frameworks', dir, '--format', 'json');
    assert.equal(list.code, 0, list.err);
    assert.deepEqual(JSON.parse(list.out), { frameworks: [
      { id: 'tsc-2017', name: 'AICPA Trust Services Criteria (2017, revised points of focus 2022)', requirements: 61 },
      { id: 'iso27001-2022', name: 'ISO/IEC 27001:2022 Annex A', requirements: 93 },
      { id: 'nist-csf-2.0', name: 'NIST Cybersecurity Framework 2.0', requirements: 106 },
      { id: 'acme-questionnaire', name: 'Acme customer security questionnaire', requirements: 2 },
    ] });
    const show = JSON.parse(soc2('frameworks', 'show', 'acme-questionnaire', dir, '--format', 'json').out);
    assert.deepEqual(show, { id: 'acme-questionnaire', name: 'Acme customer security questionnaire', requirements: [{ id: 'Q-1', title: 'Access is reviewed at least quarterly', group: 'Access' }, { id: 'Q-2', title: 'Laptops are encrypted', group: 'Endpoints' }] });
    const csf = JSON.parse(soc2('frameworks', 'show', 'nist-csf-2.0', '--format', 'json').out);
    assert.equal(csf.requirements.length, 106);
    const bad = soc2('frameworks', 'show', 'iso27001', dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /did you mean iso27001-2022/);
    const soa = soc2('export', 'soa', dir, '--today', TODAY);
    assert.equal(soa.code, 0, soa.err);
    assert.equal(parseCsv(soa.out).length, 94);
    assert.match(soc2('export', 'soa', dir, '--today', TODAY, '--format', 'html').out, /^<!DOCTYPE html>/);
    const oscal = JSON.parse(soc2('export', 'oscal', dir, '--today', TODAY, '--framework', 'iso27001-2022').out);
    const validate = schemaValidator('oscal_component_schema.json');
    assert.equal(validate(oscal), true, errorsOf(validate));
    const reqs = oscal['component-definition'].components[0]['control-implementations'][0]['implemented-requirements'];
    assert.deepEqual(reqs.map((r: { 'control-id': string }) => r['control-id']), ['A.5.15', 'A.8.5']);
    const x = soc2('summary', dir, '--today', TODAY, '--crosswalk', 'nist-csf-2.0', '--format', 'json');
    assert.equal(x.code, 0, x.err);
    assert.equal(JSON.parse(x.out).requirements.length, 106);
    assert.equal(soc2('summary', dir, '--crosswalk', 'acme-questionnaire').code, 2);
  } finally {
    removeDir(dir);
  }
});
