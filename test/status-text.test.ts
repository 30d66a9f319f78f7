import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusModel, pickRoot, gapCount } from '../client/src/status-text';
import { benignRoot, resultOf } from './helpers/summary-fixture';

test('one root: readiness and gap count, with a tooltip', () => {
  const m = statusModel(resultOf(benignRoot()));
  assert.equal(m.text, '$(shield) SOC 2 58% · 2 gaps');
  assert.equal(m.tooltip, [
    'SOC 2 readiness of Acme SaaS, Inc.: 58%',
    '2 criteria without a control, 1 only partially covered',
    '0 errors, 2 warnings',
    '',
    'Click to show the readiness summary.',
  ].join('\n'));
});

test('singular gap, loading, error and no-root states', () => {
  const r = benignRoot();
  r.summary.criteria = r.summary.criteria.filter((c) => c.id !== 'A1.2');
  r.summary.readiness = 92;
  assert.equal(statusModel(resultOf(r)).text, '$(shield) SOC 2 92% · 1 gap');
  assert.equal(gapCount(r), 1);
  assert.deepEqual(statusModel(undefined), { text: '$(sync~spin) SOC 2', tooltip: 'SOC 2: reading policies and controls…' });
  assert.deepEqual(statusModel(resultOf(r), { error: 'Client is not running' }), { text: '$(shield) SOC 2 $(warning)', tooltip: 'SOC 2: the readiness summary is unavailable: Client is not running' });
  assert.deepEqual(statusModel(resultOf()), { tooltip: 'SOC 2: no soc2.yaml in this workspace' });
});

test('several roots: the deepest root holding the active document, else the first', () => {
  const a = benignRoot('file:///work/a'), ab = benignRoot('file:///work/a/b'), c = benignRoot('file:///work/c');
  ab.summary.readiness = 10;
  const result = resultOf(a, ab, c);
  assert.equal(pickRoot(result, 'file:///work/a/b/controls/x.yaml'), ab);
  assert.equal(pickRoot(result, 'file:///work/a/controls/x.yaml'), a);
  assert.equal(pickRoot(result, 'file:///work/c/soc2.yaml'), c);
  assert.equal(pickRoot(result, 'file:///work/abc/soc2.yaml'), a, 'a sibling with a common prefix is not inside');
  assert.equal(pickRoot(result, undefined), a);
  assert.equal(pickRoot(result, 'FILE:///WORK/C/x', (u) => u.toLowerCase()), c);
  const m = statusModel(result, { activeUri: 'file:///work/a/b/policies/p.md' });
  assert.equal(m.text, '$(shield) SOC 2 10% · 2 gaps');
  assert.ok(m.tooltip.includes('\n\nAcme SaaS, Inc.: 58%, 2 gaps\nAcme SaaS, Inc.: 58%, 2 gaps\n'));
});
