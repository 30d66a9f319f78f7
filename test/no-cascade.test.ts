// Issue 20, bug 12: an item the parser could not read whole gets only syntax findings; items before the damage
// keep every check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose } from './helpers';

function broken(): Record<string, string> {
  return {
    ...baseRepo(),
    'controls/broken.yaml': [
      'controls:',
      '  - id: OK-01',
      '    title: Fine, but with no owner',
      '    frequency: annual',
      '    status: planned',
      '    criteria: [CC1.1]',
      '    last_reviewed: 2026-03-01',
      '  - id: BR-01',
      '    title: Broken',
      '   owner: b@example.com',
      '    frequency: annual',
      '    status: planned',
      '    criteria: [CC1.2, CC1.3',
      '    last_reviewed: 2026-03-01',
      '',
    ].join('\n'),
  };
}

test('a control cut short by a syntax error gets only yaml-syntax findings; the one before it keeps its checks', async () => {
  const diags = (await diagnose(broken())).filter((d) => d.file === 'controls/broken.yaml');
  const codes = new Set(diags.map((d) => d.code));
  assert.ok(codes.has('yaml-syntax'));
  // BR-01 (lines 8-14) has its owner, criteria and review date; they are unreadable, not missing.
  const onBroken = diags.filter((d) => d.range.start.line >= 7 && d.code !== 'yaml-syntax');
  assert.deepEqual(onBroken.map((d) => d.code), []);
  // OK-01 ends before the damage: its real problem is still reported.
  assert.deepEqual(diags.filter((d) => d.code === 'missing-owner').map((d) => d.message), ['Control OK-01 has no owner: name the person accountable for operating it.']);
});

test('the damaged control is still indexed: its id resolves from policies', async () => {
  const files = broken();
  files['policies/access.md'] = files['policies/access.md'].replace('controls: [AC-01]', 'controls: [AC-01, BR-01]');
  assert.deepEqual((await diagnose(files)).filter((d) => d.code === 'unknown-reference'), []);
});
