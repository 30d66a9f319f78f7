import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, edit, findings } from '../helpers';
import { peopleRepo } from '../people-helpers';

/** POL-AC version 2.0, approved 2026-05-01; 30 days to acknowledge. */
function ackRepo(rows: string[], config = 'acknowledge: { within_days: 30 }\n'): Record<string, string> {
  const files = edit(peopleRepo(config), 'policies/access.md', 'owner: alice@example.com\n', 'owner: alice@example.com\nversion: "2.0"\napproved_on: 2026-05-01\napprover: dan@example.com\n');
  return { ...files, 'acknowledgements/2026-hr-export.csv': ['person,policy,version,date', ...rows].join('\r\n') + '\r\n' };
}

test('acknowledgement-missing names active people who have not acknowledged the current version in time', async () => {
  // alice acknowledged; bob acknowledged the old version only; carol started 2026-07-01 (due 07-31, not yet late); dan left.
  const files = ackRepo(['alice,POL-AC,2.0,2026-05-03', 'bob@example.com,POL-AC,1.0,2025-06-01']);
  assert.deepEqual(await findings(files, 'acknowledgement-missing'), [
    { at: 'policies/access.md:3:8', severity: 'warning', message: '1 person has not acknowledged POL-AC version 2.0 within 30 days: Bob Lee (due 2026-05-31).' },
  ]);
  const d = (await diagnose(files)).find((x) => x.code === 'acknowledgement-missing')!;
  assert.deepEqual(d.data, { people: ['Bob Lee <bob@example.com>'] });
});

test('acknowledgement-missing: policy front matter wins over the default; none required, none reported', async () => {
  const all = ackRepo(['alice,POL-AC,2.0,2026-05-03', 'bob,POL-AC,2.0,2026-05-20']);
  assert.deepEqual(await findings(all, 'acknowledgement-missing'), []);
  assert.deepEqual(await findings(ackRepo([], ''), 'acknowledgement-missing'), []);
  const own = edit(ackRepo([], ''), 'policies/access.md', 'version: "2.0"\n', 'version: "2.0"\nacknowledge: { within_days: 90 }\n');
  // Due 2026-07-30 for alice and bob: not late on 2026-07-15, late on 2026-07-31.
  assert.deepEqual(await findings(own, 'acknowledgement-missing'), []);
  const late = await findings(own, 'acknowledgement-missing', '2026-07-31');
  assert.equal(late.length, 1);
  assert.match(late[0].message, /^2 people have not acknowledged POL-AC version 2\.0 within 90 days: Alice Moreau \(due 2026-07-30\), Bob Lee \(due 2026-07-30\)\.$/);
  assert.equal(late[0].at, 'policies/access.md:6:29');
});

test('a malformed acknowledgement export is reported on its lines and its good rows still count', async () => {
  const files = ackRepo(['alice,POL-AC,2.0,May 3', 'bob,POL-AC,2.0,2026-05-20', ',POL-AC,2.0,2026-05-20']);
  const schema = (await diagnose(files)).filter((d) => d.code === 'schema' && d.file.startsWith('acknowledgements/'));
  assert.deepEqual(schema.map((d) => `${d.range.start.line + 1} ${d.severity} ${d.message}`), [
    '2 warning "May 3" is not a date written YYYY-MM-DD; this row was left out.',
    '4 warning This row has no person; it was left out.',
  ]);
  assert.match((await findings(files, 'acknowledgement-missing'))[0].message, /Alice Moreau/);
  const noColumns = { ...ackRepo([]), 'acknowledgements/2026-hr-export.csv': 'name,doc\nalice,POL-AC\n' };
  assert.match((await diagnose(noColumns)).find((d) => d.code === 'schema' && d.file.startsWith('acknowledgements/'))!.message, /needs the columns person,policy,version,date; person, policy, version, date are missing/);
});

/** Five more active people, started long before the version; ivy has no name (her email labels her). */
function withMorePeople(files: Record<string, string>): Record<string, string> {
  const more = ['erin', 'frank', 'gina', 'hank', 'ivy'].flatMap((id) => [
    `  - id: ${id}`, ...(id === 'ivy' ? [] : [`    name: ${id[0].toUpperCase()}${id.slice(1)} Test`]), `    email: ${id}@example.com`, '    start: 2024-01-08',
  ]);
  return { ...files, 'people.yaml': files['people.yaml'] + more.join('\n') + '\n' };
}

test('acknowledgement-missing lists the first five late people, counts the rest, and gives every one in data', async () => {
  const files = withMorePeople(ackRepo(['alice,POL-AC,2.0,2026-05-03']));
  const d = (await diagnose(files)).filter((x) => x.code === 'acknowledgement-missing');
  assert.deepEqual(d.map((x) => x.message), [
    '6 people have not acknowledged POL-AC version 2.0 within 30 days: Bob Lee (due 2026-05-31), Erin Test (due 2026-05-31), Frank Test (due 2026-05-31), Gina Test (due 2026-05-31), Hank Test (due 2026-05-31) and 1 more.',
  ]);
  assert.deepEqual(d[0].data, { people: ['Bob Lee <bob@example.com>', 'Erin Test <erin@example.com>', 'Frank Test <frank@example.com>', 'Gina Test <gina@example.com>', 'Hank Test <hank@example.com>', 'ivy@example.com'] });
});

test('acknowledgement-missing without a version or a title: no version named, reported on the id', async () => {
  const files = edit(edit(ackRepo([]), 'policies/access.md', 'version: "2.0"\n', ''), 'policies/access.md', 'title: Access Control Policy\n', '');
  assert.deepEqual(await findings(files, 'acknowledgement-missing'), [
    { at: 'policies/access.md:2:5', severity: 'warning', message: '2 people have not acknowledged POL-AC within 30 days: Alice Moreau (due 2026-05-31), Bob Lee (due 2026-05-31).' },
  ]);
});

test('acknowledgement-missing needs a roster and a policy, and fails on neither missing', async () => {
  const noRoster = { ...ackRepo([]) };
  delete noRoster['people.yaml'];
  const onPolicies = async (files: Record<string, string>) => (await diagnose(files)).filter((d) => d.file.startsWith('policies/')).map((d) => `${d.file} ${d.code}`);
  assert.deepEqual(await onPolicies(noRoster), []);
  // A policy file without front matter has no policy to check, roster or not.
  const notes = await onPolicies({ ...ackRepo(['alice,POL-AC,2.0,2026-05-03', 'bob,POL-AC,2.0,2026-05-20']), 'policies/notes.md': '# Notes\n' });
  assert.deepEqual(notes.filter((f) => f.startsWith('policies/notes.md')), ['policies/notes.md schema']);
});
