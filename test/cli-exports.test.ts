import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../server/src/checks';
import { errorsOf, schemaValidator } from './schema-formats';
import { removeDir, tempDir } from './git-helpers';

const CLI = join(__dirname, '..', 'dist', 'cli.js');
const FIX = join(__dirname, 'fixtures');
const EXAMPLE = join(__dirname, '..', 'examples', 'acme-saas');
function soc2(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('check --format sarif prints a valid SARIF 2.1.0 log with rules for every check; the exit code still follows errors', () => {
  const validate = schemaValidator('sarif-schema-2.1.0.json');
  const ok = soc2('check', EXAMPLE, '--today', '2026-07-15', '--format', 'sarif');
  assert.equal(ok.code, 0, ok.err);
  const log = JSON.parse(ok.out);
  assert.equal(validate(log), true, errorsOf(validate));
  assert.deepEqual(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id), CHECKS.map((c) => c.code));
  assert.deepEqual(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId), ['missing-owner', 'evidence-gap', 'owner-departed', 'training-overdue', 'frequency-mismatch', 'acknowledgement-missing', 'stale-review', 'risk-untreated', 'unmapped-criterion', 'vendor-assurance-stale']);
  // the example sits inside this repository, so code scanning paths start at the repository root
  assert.equal(log.runs[0].results[7].locations[0].physicalLocation.artifactLocation.uri, 'examples/acme-saas/risks/generative-ai-tools.yaml');
  assert.equal(ok.err, '', 'machine formats say nothing on stderr');
  const bad = soc2('check', join(FIX, 'errors'), '--today', '2026-07-15', '--format', 'sarif');
  assert.equal(bad.code, 1);
  assert.equal(validate(JSON.parse(bad.out)), true, errorsOf(validate));
});

test('--max-warnings N fails the run when warnings exceed N, like eslint', () => {
  const at = (n: string) => soc2('check', EXAMPLE, '--today', '2026-07-15', '--max-warnings', n);
  assert.equal(at('10').code, 0);
  const over = at('9');
  assert.equal(over.code, 1);
  assert.match(over.err, /^soc2: 10 warnings, more than --max-warnings 9$/m);
  assert.equal(at('0').code, 1);
  assert.equal(at('-1').code, 2);
  assert.equal(at('many').code, 2);
});

test('summary --format html and evidence-csv, and export oscal, from the CLI', () => {
  const html = soc2('summary', EXAMPLE, '--today', '2026-07-15', '--format', 'html');
  assert.equal(html.code, 0, html.err);
  assert.match(html.out, /^<!DOCTYPE html>\n/);
  assert.equal(/<script|https?:\/\//i.test(html.out), false);
  const csv = soc2('summary', EXAMPLE, '--today', '2026-07-15', '--format', 'evidence-csv');
  assert.equal(csv.code, 0, csv.err);
  const lines = csv.out.split('\r\n');
  assert.equal(lines[0], 'control_id,title,owner,frequency,interval_start,interval_end,evidence_file,evidence_date');
  assert.ok(lines.includes('VM-01,Monthly vulnerability scanning,sam.patel@acme.example,monthly,2026-03-01,2026-03-31,,'), 'the March gap is a blank row');
  const validate = schemaValidator('oscal_component_schema.json');
  const oscal = soc2('export', 'oscal', EXAMPLE, '--today', '2026-07-15');
  assert.equal(oscal.code, 0, oscal.err);
  assert.equal(validate(JSON.parse(oscal.out)), true, errorsOf(validate));
  assert.equal(soc2('export', 'oscal', EXAMPLE, '--today', '2026-07-15').out, oscal.out, 'deterministic');
  assert.equal(soc2('export', 'csv', EXAMPLE).code, 2);
  assert.equal(soc2('export').code, 2);
  assert.equal(soc2('summary', EXAMPLE, '--format', 'pdf').code, 2);
});

test('outside git the approval check is off, and text output says so once on stderr', () => {
  const dir = tempDir();
  try {
    cpSync(join(FIX, 'basic'), dir, { recursive: true });
    const text = soc2('check', dir, '--today', '2026-07-15');
    assert.equal(text.err, 'soc2: info: not a git repository, so policy-changed-since-approval is off\n');
    assert.equal(soc2('check', dir, '--today', '2026-07-15', '--format', 'json').err, '');
    assert.match(soc2('check', dir, '--base', 'main').err, /--base needs the folder to be inside a git repository/);
    assert.equal(soc2('check', dir, '--base', 'main').code, 2);
  } finally {
    removeDir(dir);
  }
});
