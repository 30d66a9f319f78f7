import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const CLI = join(__dirname, '..', 'dist', 'cli.js');
const FIX = join(__dirname, 'fixtures');
function soc2(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('check exits 0 without errors and prints file:line:col severity message [code]', () => {
  const r = soc2('check', join(FIX, 'basic'), '--today', '2026-07-15');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^soc2\.yaml:6:16 warning CC1\.1 .* \[unmapped-criterion\]$/m);
  assert.match(r.out, /^32 problems \(0 errors, 32 warnings, 0 info\)$/m);
});

test('check exits 1 with errors; JSON has the contract shape with 1-based positions and relative paths', () => {
  const r = soc2('check', join(FIX, 'errors'), '--today', '2026-07-15', '--format', 'json');
  assert.equal(r.code, 1, r.err);
  const json = JSON.parse(r.out) as { diagnostics: Record<string, unknown>[] };
  const unknown = json.diagnostics.find((d) => d.code === 'unknown-criterion');
  assert.deepEqual(unknown, {
    file: 'controls/bad.yaml', line: 7, column: 16, endLine: 7, endColumn: 21, severity: 'error', code: 'unknown-criterion',
    message: 'CC6.9 is not a Trust Services Criteria id; nearest: CC6.1, CC6.2, CC6.3.',
  });
  // the broken file does not hide the others
  assert.equal(json.diagnostics.some((d) => d.code === 'yaml-syntax' && d.file === 'controls/broken.yaml'), true);
  assert.equal(json.diagnostics.some((d) => d.code === 'one-sided-link' && d.file === 'policies/p.md'), true);
});

test('exit 2 on usage errors and on a folder without soc2.yaml', () => {
  assert.equal(soc2('check', join(FIX, 'no-config')).code, 2);
  assert.match(soc2('check', join(FIX, 'no-config')).err, /has no soc2\.yaml/);
  assert.equal(soc2('check', join(FIX, 'basic'), '--format', 'xml').code, 2);
  assert.equal(soc2('check', join(FIX, 'basic'), '--today', '2026-13-01').code, 2);
  assert.equal(soc2('frobnicate').code, 2);
  assert.equal(soc2('check', '--bogus').code, 2);
  assert.equal(soc2('--help').code, 0);
});

test('summary JSON follows the contract', () => {
  const r = soc2('summary', join(FIX, 'basic'), '--today', '2026-07-15', '--format', 'json');
  assert.equal(r.code, 0, r.err);
  const s = JSON.parse(r.out);
  assert.equal(s.organization, 'Fixture Co');
  assert.equal(s.readiness, 9); // 3 covered of 35 (33 + 3 availability - CC6.4 excluded)
  assert.deepEqual(s.categories[0], { id: 'security', name: 'Security', inScope: true, criteria: 33, covered: 3, partial: 0, gap: 29, excluded: 1 });
  assert.deepEqual(s.criteria.find((c: { id: string }) => c.id === 'CC6.2'), { id: 'CC6.2', category: 'security', status: 'covered', controls: ['AC-01', 'AC-02'], policies: ['POL-AC'] });
  assert.equal(s.criteria.find((c: { id: string }) => c.id === 'CC6.4').status, 'excluded');
  assert.equal(s.criteria.find((c: { id: string }) => c.id === 'P1.1').status, 'out-of-scope');
  assert.equal(s.counts['unmapped-criterion'], 32);
});

test('summary text and markdown render', () => {
  const text = soc2('summary', join(FIX, 'basic'), '--today', '2026-07-15');
  assert.match(text.out, /^Readiness: 9% +\(3 covered, 0 partial, 32 gap of 35 criteria in scope; 1 excluded\)$/m);
  const md = soc2('summary', join(FIX, 'basic'), '--today', '2026-07-15', '--format', 'markdown');
  assert.match(md.out, /^\| Security \| yes \| 33 \| 3 \| 0 \| 29 \| 1 \|$/m);
});
