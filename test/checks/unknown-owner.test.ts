import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings } from '../helpers';
import { peopleRepo } from '../people-helpers';

test('unknown-owner is silent without a roster, and when every owner resolves by email, id, name or a unique role', async () => {
  assert.deepEqual(await exact(edit(baseRepo(), 'controls/access.yaml', 'bob@example.com', 'Someone Else')), []);
  assert.deepEqual(await findings(peopleRepo(), 'unknown-owner'), []);
  for (const owner of ['bob', 'Bob Lee', 'BOB@example.com', 'Bob Lee <bob@example.com>']) {
    assert.deepEqual(await findings(edit(peopleRepo(), 'controls/access.yaml', 'bob@example.com', owner), 'unknown-owner'), [], owner);
  }
  // "Security Lead" is held by one person only, so it names alice.
  assert.deepEqual(await findings(edit(peopleRepo(), 'policies/access.md', 'owner: alice@example.com', 'owner: Security Lead'), 'unknown-owner'), []);
});

test('unknown-owner fires on an owner and an approver nobody in the roster matches, suggesting the nearest', async () => {
  let files = edit(peopleRepo(), 'controls/access.yaml', 'bob@example.com', 'bob@exmaple.com');
  files = edit(files, 'policies/access.md', 'owner: alice@example.com\n', 'owner: alice@example.com\napprover: Zed Quinn\n');
  assert.deepEqual(await findings(files, 'unknown-owner'), [
    { at: 'controls/access.yaml:4:12', severity: 'warning', message: 'The owner of control AC-01, "bob@exmaple.com", is nobody in the roster (people.yaml). Did you mean Bob Lee <bob@example.com>?' },
    { at: 'policies/access.md:5:11', severity: 'warning', message: 'The approver of policy POL-AC, "Zed Quinn", is nobody in the roster (people.yaml). Add the person to the roster or name someone who is in it.' },
  ]);
  // A role two people hold ("Platform Engineer") names nobody in particular.
  assert.equal((await findings(edit(peopleRepo(), 'controls/access.yaml', 'bob@example.com', 'Platform Engineer'), 'unknown-owner')).length, 1);
});

/** The check's findings with their data, after making sure no check crashed on the input (a crash leaves it silent too). */
async function exact(files: Record<string, string>) {
  const all = await diagnose(files);
  assert.deepEqual(all.filter((d) => d.code === 'internal-error'), []);
  return all.filter((d) => d.code === 'unknown-owner').map((d) => ({ at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`, message: d.message, data: d.data }));
}

test('unknown-owner: a TODO owner, in any case or spacing, is left to missing-owner', async () => {
  for (const owner of ['TODO', 'todo', '" ToDo "']) {
    assert.deepEqual(await exact(edit(peopleRepo(), 'controls/access.yaml', 'bob@example.com', owner)), [], owner);
  }
});

test('unknown-owner: the suggestion is the nearest person\'s email, or their id when they have none', async () => {
  assert.deepEqual((await exact(edit(peopleRepo(), 'controls/access.yaml', 'bob@example.com', 'bob@exmaple.com'))).map((x) => x.data), [{ suggestion: 'bob@example.com' }]);
  const noEmail = edit(edit(peopleRepo(), 'people.yaml', '    email: bob@example.com\n', ''), 'controls/access.yaml', 'bob@example.com', 'Bob Leee');
  assert.deepEqual(await exact(noEmail), [{
    at: 'controls/access.yaml:4:12', message: 'The owner of control AC-01, "Bob Leee", is nobody in the roster (people.yaml). Did you mean Bob Lee?', data: { suggestion: 'bob' },
  }]);
  assert.deepEqual((await exact(edit(peopleRepo(), 'controls/access.yaml', 'bob@example.com', 'Zed Quinn'))).map((x) => x.data), [undefined]);
});
