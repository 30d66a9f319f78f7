import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

test('evidence-missing: implemented control without evidence items', async () => {
  const files = edit(baseRepo(), 'controls/access.yaml', '    evidence:\n      - name: Sign-off\n        path: access\n', '');
  const f = await findings(files, 'evidence-missing');
  assert.deepEqual(f.map((x) => x.at), ['controls/access.yaml:2:9']);
});

test('evidence-missing: a path that matches no file', async () => {
  const f = await findings(edit(baseRepo(), 'controls/access.yaml', 'path: access', 'path: nowhere'), 'evidence-missing');
  assert.deepEqual(f.map((x) => x.at), ['controls/access.yaml:12:15']);
});

test('evidence-missing skips planned controls and is quiet with evidence', async () => {
  const planned = edit(edit(baseRepo(), 'controls/access.yaml', '    evidence:\n      - name: Sign-off\n        path: access\n', ''), 'controls/access.yaml', 'status: implemented', 'status: planned');
  assert.deepEqual(await findings(planned, 'evidence-missing'), []);
  assert.deepEqual(await findings(baseRepo(), 'evidence-missing'), []);
});

test('evidence-missing: the messages name the control, the path and the evidence folder', async () => {
  const none = await findings(edit(baseRepo(), 'controls/access.yaml', '    evidence:\n      - name: Sign-off\n        path: access\n', ''), 'evidence-missing');
  assert.deepEqual(none.map((x) => x.message), ['Control AC-01 is implemented but lists no evidence: add an `evidence` item with a `path` under evidence/ or `collected` dates.']);
  const nowhere = await findings(edit(baseRepo(), 'controls/access.yaml', 'path: access', 'path: nowhere'), 'evidence-missing');
  assert.deepEqual(nowhere.map((x) => x.message), ['Evidence path nowhere of control AC-01 matches no file under evidence/.']);
});

test('evidence-missing: a control without a status is not judged (and does not break the check)', async () => {
  const files = edit(edit(baseRepo(), 'controls/access.yaml', '    status: implemented\n', ''), 'controls/access.yaml', 'path: access', 'path: nowhere');
  assert.deepEqual(await findings(files, 'evidence-missing'), []);
  assert.deepEqual(await findings(files, 'internal-error'), []);
});
