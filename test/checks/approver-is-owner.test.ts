import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

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
