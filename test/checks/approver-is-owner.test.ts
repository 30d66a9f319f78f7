import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings } from '../helpers';

test('approver-is-owner fires when the approver is the owner, ignoring case and spacing', async () => {
  const files = edit(baseRepo(), 'policies/access.md', 'owner: alice@example.com\n', 'owner: alice@example.com\napprover: " Alice@Example.com"\n');
  assert.deepEqual(await findings(files, 'approver-is-owner'), [{
    at: 'policies/access.md:5:11', severity: 'warning',
    message: 'Policy POL-AC is approved by its own owner (alice@example.com); approval should come from someone else, so that writing and approving a policy are separate duties.',
  }]);
});

test('approver-is-owner is quiet when someone else approves, or nobody is named', async () => {
  const files = edit(baseRepo(), 'policies/access.md', 'owner: alice@example.com\n', 'owner: alice@example.com\napprover: ceo@example.com\n');
  assert.deepEqual(await findings(files, 'approver-is-owner'), []);
  assert.deepEqual(await findings(baseRepo(), 'approver-is-owner'), []);
});

const withApprover = (owner: string, approver: string) => edit(baseRepo(), 'policies/access.md', 'owner: alice@example.com\n', `owner: ${owner}\napprover: ${approver}\n`);

test('approver-is-owner points at the owner as the related location', async () => {
  const d = (await diagnose(withApprover('alice@example.com', 'ALICE@example.com'))).filter((x) => x.code === 'approver-is-owner');
  assert.deepEqual(d.map((x) => x.related), [[{ file: 'policies/access.md', range: { start: { line: 3, character: 7 }, end: { line: 3, character: 24 } }, message: 'The owner' }]]);
});

test('approver-is-owner: a run of spaces counts as one, but a space is not nothing', async () => {
  assert.equal((await findings(withApprover('Alice   Moreau', '"Alice Moreau"'), 'approver-is-owner')).length, 1);
  assert.equal((await findings(withApprover('"Alice\tMoreau"', 'alice moreau'), 'approver-is-owner')).length, 1);
  // Two different names once the space is gone.
  assert.deepEqual(await findings(withApprover('Al Lee', 'Allee'), 'approver-is-owner'), []);
});

test('approver-is-owner folds case by lower-casing: ß and ss stay different people', async () => {
  // Upper-casing would turn both into GROSS and call them one person.
  assert.deepEqual(await findings(withApprover('gross@example.com', 'groß@example.com'), 'approver-is-owner'), []);
});

test('approver-is-owner skips a policy file without front matter, without failing', async () => {
  const files = { ...baseRepo(), 'policies/notes.md': '# Notes\n\nNo front matter here.\n' };
  assert.deepEqual((await diagnose(files)).filter((d) => d.file === 'policies/notes.md').map((d) => d.code), ['schema']);
});
