import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DiskWorkspace } from '../server/src/engine/disk-workspace';
import { loadProject } from '../server/src/engine/load';
import { CHECKS } from '../server/src/checks';
import { buildSarif } from '../server/src/report/sarif';
import { errorsOf, schemaValidator } from './schema-formats';

const validate = schemaValidator('sarif-schema-2.1.0.json');
const FIX = join(__dirname, 'fixtures');

async function sarifOf(dir: string, uriPrefix?: string) {
  const { project } = await loadProject(new DiskWorkspace(dir), { checks: CHECKS, today: '2026-07-15' });
  const diagnostics = project.allDiagnostics();
  return { diagnostics, log: buildSarif(diagnostics, { checks: CHECKS, version: '0.1.0', uriPrefix }) as any };
}

test('SARIF of the example and of a broken repo is valid against the SARIF 2.1.0 schema', async () => {
  for (const dir of [join(__dirname, '..', 'examples', 'acme-saas'), join(FIX, 'errors'), join(FIX, 'basic')]) {
    const { log, diagnostics } = await sarifOf(dir);
    assert.equal(validate(log), true, `${dir}: ${errorsOf(validate)}`);
    assert.equal(log.runs[0].results.length, diagnostics.length);
  }
});

test('the validator is not vacuous: a malformed log is rejected', async () => {
  const { log } = await sarifOf(join(FIX, 'errors'));
  const bad = structuredClone(log);
  bad.runs[0].results[0].level = 'fatal';
  bad.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
  assert.equal(validate(bad), false);
  assert.match(errorsOf(validate), /level/);
});

test('every check has rule metadata: id = code, shortDescription = doc, defaultConfiguration.level', async () => {
  const { log } = await sarifOf(join(FIX, 'basic'));
  const rules = log.runs[0].tool.driver.rules;
  assert.deepEqual(rules.map((r: any) => r.id), CHECKS.map((c) => c.code));
  const level = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;
  for (const [i, c] of CHECKS.entries()) {
    assert.equal(rules[i].shortDescription.text, c.doc, c.code);
    assert.equal(rules[i].defaultConfiguration.level, level[c.severity], c.code);
  }
  for (const code of ['risk-untreated', 'risk-unknown-control', 'risk-acceptance-expired', 'approver-is-owner', 'policy-changed-since-approval']) {
    assert.ok(rules.some((r: any) => r.id === code), code);
  }
});

test('results carry ruleId, ruleIndex, level, message and a 1-based region; uris are relative and prefixed', async () => {
  const { log } = await sarifOf(join(FIX, 'errors'), 'compliance/');
  const rules = log.runs[0].tool.driver.rules;
  const r = log.runs[0].results.find((x: any) => x.ruleId === 'unknown-criterion');
  assert.equal(rules[r.ruleIndex].id, 'unknown-criterion');
  assert.equal(r.level, 'error');
  assert.equal(r.message.text, 'CC6.9 is not a Trust Services Criteria id; nearest: CC6.1, CC6.2, CC6.3.');
  assert.deepEqual(r.locations, [{ physicalLocation: { artifactLocation: { uri: 'compliance/controls/bad.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 16, endLine: 7, endColumn: 21 } } }]);
  assert.match(r.partialFingerprints['soc2FindingHash/v1'], /^[0-9a-f]{32}$/);
  assert.equal(log.version, '2.1.0');
});

test('file names are percent-encoded into valid URI references', () => {
  const d = { file: 'policies/a b#c%.md', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, severity: 'info' as const, code: 'internal-error', message: 'x' };
  const log = buildSarif([d], { checks: CHECKS, version: '0.1.0' }) as any;
  assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'policies/a%20b%23c%25.md');
  // a code outside the registry still gets a rule for its ruleIndex
  assert.equal(log.runs[0].tool.driver.rules[log.runs[0].results[0].ruleIndex].id, 'internal-error');
  assert.equal(validate(log), true, errorsOf(validate));
});
