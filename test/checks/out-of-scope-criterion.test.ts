import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

test('out-of-scope-criterion fires for a privacy criterion when privacy is not in scope', async () => {
  const f = await findings(edit(baseRepo(), 'controls/access.yaml', 'criteria: [CC6.1]', 'criteria: [CC6.1, P4.2]'), 'out-of-scope-criterion');
  assert.deepEqual(f, [{
    at: 'controls/access.yaml:7:23', severity: 'info',
    message: 'P4.2 belongs to privacy, which soc2.yaml does not put in scope; this mapping does not count toward readiness.',
  }]);
});

test('out-of-scope-criterion checks policies and every control, and leaves unknown ids to unknown-reference', async () => {
  let files = edit(baseRepo(), 'policies/access.md', 'criteria: [CC6.1]', 'criteria: [CC6.1, A1.2, NOPE9.9]');
  files = edit(files, 'controls/access.yaml', 'controls:\n', [
    'controls:',
    '  - id: AC-00',
    '    title: Backups',
    '    owner: bob@example.com',
    '    frequency: annual',
    '    status: implemented',
    '    criteria: [C1.1]',
    '    last_reviewed: 2026-03-01',
    '',
  ].join('\n'));
  assert.deepEqual((await findings(files, 'out-of-scope-criterion')).map((x) => `${x.at} ${x.message.split(',')[0]}`), [
    'controls/access.yaml:7:16 C1.1 belongs to confidentiality',
    'policies/access.md:6:19 A1.2 belongs to availability',
  ]);
});

test('out-of-scope-criterion is quiet once the category is in scope', async () => {
  let files = edit(baseRepo(), 'controls/access.yaml', 'criteria: [CC6.1]', 'criteria: [CC6.1, P4.2]');
  files = edit(files, 'soc2.yaml', 'categories: [security]', 'categories: [security, privacy]');
  assert.deepEqual(await findings(files, 'out-of-scope-criterion'), []);
});
