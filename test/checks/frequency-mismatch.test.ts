import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

test('frequency-mismatch: the sentence range, with related info on the control frequency node', async () => {
  const files = edit(baseRepo(), 'controls/access.yaml', 'frequency: quarterly', 'frequency: semiannual');
  const f = await findings(files, 'frequency-mismatch');
  assert.deepEqual(f.map((x) => x.at), ['policies/access.md:12:1']);
  assert.match(f[0].message, /says AC-01 happens "quarterly", but control AC-01 has frequency: semiannual/);
});

test('frequency-mismatch understands phrases and list items', async () => {
  const body = 'Access is reviewed quarterly by each system owner (AC-01).';
  const cases: [string, boolean][] = [
    ['- AC-01: access is reviewed every six months.', true],
    ['Every three months, owners review access (AC-01).', false],
    ['Accounts are removed upon termination (AC-01).', true],
    ['AC-01 runs in our continuous integration pipeline.', false],
    ['AC-01 runs quarterly and the report is filed annually.', false], // two frequencies: ambiguous, so silent
  ];
  for (const [sentence, fires] of cases) {
    const f = await findings(edit(baseRepo(), 'policies/access.md', body, sentence), 'frequency-mismatch');
    assert.equal(f.length, fires ? 1 : 0, sentence);
  }
});

test('frequency-mismatch is quiet when policy and control agree', async () => {
  assert.deepEqual(await findings(baseRepo(), 'frequency-mismatch'), []);
});
