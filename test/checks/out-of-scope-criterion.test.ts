import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

test('out-of-scope-criterion fires for a privacy criterion when privacy is not in scope', async () => {
  const f = await findings(edit(baseRepo(), 'controls/access.yaml', 'criteria: [CC6.1]', 'criteria: [CC6.1, P4.2]'), 'out-of-scope-criterion');
  assert.deepEqual(f.map((x) => [x.at, x.severity]), [['controls/access.yaml:7:23', 'info']]);
});

test('out-of-scope-criterion is quiet once the category is in scope', async () => {
  let files = edit(baseRepo(), 'controls/access.yaml', 'criteria: [CC6.1]', 'criteria: [CC6.1, P4.2]');
  files = edit(files, 'soc2.yaml', 'categories: [security]', 'categories: [security, privacy]');
  assert.deepEqual(await findings(files, 'out-of-scope-criterion'), []);
});
