/**
 * "SOC 2: Import…" in plain Node against the fake `vscode`: it asks for the kind, the source and the
 * target, runs the bundled CLI (dist/cli.js, built by `npm test` before the tests) and opens its report.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installFakeVscode, pickOne, state, Uri } from '../helpers/fake-vscode';

installFakeVscode();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { importCommand } = require('../../client/src/import-command') as typeof import('../../client/src/import-command');

const REPO = join(__dirname, '..', '..');
const temps: string[] = [];
after(() => { for (const t of temps) rmSync(t, { recursive: true, force: true }); });

test('the import command runs soc2 import on the chosen comply folder and shows the report', async () => {
  assert.ok(existsSync(join(REPO, 'dist', 'cli.js')), 'dist/cli.js is built by npm test before the tests run');
  const target = mkdtempSync(join(tmpdir(), 'soc2-import-cmd-'));
  temps.push(target);
  Object.assign(state, { root: target, answers: [
    pickOne('comply project'),
    () => [Uri.file(join(REPO, 'test', 'fixtures', 'import', 'comply-project'))],
    () => [Uri.file(target)],
  ], documents: [], messages: [] });
  const context = { asAbsolutePath: (p: string) => join(REPO, p) } as unknown as Parameters<typeof importCommand>[0];
  await importCommand(context);
  assert.equal(state.documents.length, 1);
  assert.match(state.documents[0], /^5 written, 0 skipped\.$/m);
  assert.match(state.documents[0], /^soc2 check .*: 1 errors, \d+ warnings, \d+ notes$/m);
  assert.ok(existsSync(join(target, 'policies', 'access.md')));
  assert.deepEqual(state.messages, []);
});

test('cancelling any question imports nothing', async () => {
  const target = mkdtempSync(join(tmpdir(), 'soc2-import-cmd-'));
  temps.push(target);
  Object.assign(state, { root: target, answers: [pickOne('Word policies'), () => undefined], documents: [] });
  await importCommand({ asAbsolutePath: (p: string) => join(REPO, p) } as unknown as Parameters<typeof importCommand>[0]);
  assert.deepEqual(state.documents, []);
});
