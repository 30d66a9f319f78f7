import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, edit, findings } from '../helpers';
import { peopleRepo } from '../people-helpers';

test('owner-departed fires when the owner left before today, naming the day and offering colleagues', async () => {
  const files = edit(peopleRepo(), 'controls/access.yaml', 'bob@example.com', 'dan@example.com');
  assert.deepEqual(await findings(files, 'owner-departed'), [
    { at: 'controls/access.yaml:4:12', severity: 'warning', message: 'The owner of control AC-01, Dan Okafor <dan@example.com>, left on 2026-03-31: name a current owner.' },
  ]);
  const d = (await diagnose(files)).find((x) => x.code === 'owner-departed')!;
  // Nobody else is an IT Manager; bob and carol share dan's team.
  assert.deepEqual(d.data, { candidates: ['bob@example.com', 'carol@example.com'] });
  assert.deepEqual(d.related?.map((r) => `${r.file}:${r.range.start.line + 1} ${r.message}`), ['people.yaml:26 Dan Okafor\'s last day']);
});

test('owner-departed is quiet on the last day itself, and for current owners', async () => {
  const files = edit(peopleRepo(), 'controls/access.yaml', 'bob@example.com', 'dan@example.com');
  assert.deepEqual(await findings(files, 'owner-departed', '2026-03-31'), []);
  assert.equal((await findings(files, 'owner-departed', '2026-04-01')).length, 1);
  assert.deepEqual(await findings(peopleRepo(), 'owner-departed'), []);
});
