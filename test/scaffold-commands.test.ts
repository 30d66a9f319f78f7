/**
 * The editor's scaffold commands, run in plain Node against a fake `vscode` (test/helpers/fake-vscode.ts)
 * over a real temp folder, with scripted answers: what they write, what they refuse, what they say.
 */
import { after, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installFakeVscode, pickMany, pickOne, state, type, vscode } from './helpers/fake-vscode';
import { scaffold } from '../server/src/scaffold/scaffold';
import { defaultPeriod } from '../server/src/scaffold/options';
import { BUNDLED_TEMPLATES } from '../server/src/scaffold/templates.generated';
import { parseControls } from '../server/src/engine/parse-controls';
import { expandSnippet, SNIPPET_VARIABLES } from './helpers/snippets';

installFakeVscode();
// Required after the fake is installed, so the client module's `import * as vscode` gets it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { registerScaffoldCommands } = require('../client/src/scaffold-commands') as typeof import('../client/src/scaffold-commands');
registerScaffoldCommands({ subscriptions: [] } as unknown as Parameters<typeof registerScaffoldCommands>[0]);

const temps: string[] = [];
after(() => { for (const t of temps) rmSync(t, { recursive: true, force: true }); });
beforeEach(() => {
  state.root = mkdtempSync(join(tmpdir(), 'soc2-cmd-'));
  temps.push(state.root);
  Object.assign(state, { answers: [], messages: [], opened: [], snippets: [], executed: [] });
});

async function run(command: string, ...answers: typeof state.answers): Promise<void> {
  state.answers = answers;
  await state.commands.get(command)!();
  assert.deepEqual(state.answers, [], `${command} asked fewer questions than scripted`);
}
const read = (rel: string) => readFileSync(join(state.root, rel), 'utf8');
const INIT_ANSWERS = [pickOne('Type 2'), type(), pickMany('Security', 'Availability'), type('Beta Labs'), type(), pickMany()];

test('Initialize Compliance Repo writes what soc2 init writes, then never overwrites', async () => {
  await run('soc2.initRepo', ...INIT_ANSWERS);
  const today = /created by `soc2 init` on (\d{4}-\d{2}-\d{2})/.exec(read('soc2.yaml'))![1];
  const period = defaultPeriod(today);
  const expected = scaffold({ organization: 'Beta Labs', reportType: 2, period, categories: ['security', 'availability'], owner: 'Security Lead', today,
    templates: BUNDLED_TEMPLATES.policies.map((t) => t.name) });
  for (const [rel, text] of expected) assert.equal(read(rel), text, rel);
  assert.deepEqual(state.messages, [{ level: 'info', text: 'SOC 2: Wrote 33 files.' }]);

  writeFileSync(join(state.root, 'soc2.yaml'), 'organization: Edited\n');
  const policy = read('policies/encryption.md');
  state.messages = [];
  await run('soc2.initRepo', ...INIT_ANSWERS);
  assert.equal(read('soc2.yaml'), 'organization: Edited\n');
  assert.equal(read('policies/encryption.md'), policy);
  assert.deepEqual(state.messages, [{ level: 'warning',
    text: 'SOC 2: Wrote 0 files. Skipped 33 that already exist (left as they are): soc2.yaml, policies/acceptable-use.md, policies/access-control.md, policies/business-continuity.md, policies/change-management.md and 28 more.' }]);
});

test('Initialize Compliance Repo asks no period for Type 1 and stops at the first cancelled question', async () => {
  await run('soc2.initRepo', pickOne('Type 1'), pickMany('Security'), type('Gamma'), type('cto@gamma.example'), pickMany('Encryption Policy'));
  assert.match(read('soc2.yaml'), /^ {2}type: 1$/m);
  assert.match(read('policies/encryption.md'), /^owner: cto@gamma\.example$/m);
  assert.deepEqual(state.messages, [{ level: 'info', text: 'SOC 2: Wrote 6 files.' }]);

  const fresh = mkdtempSync(join(tmpdir(), 'soc2-cmd-'));
  temps.push(fresh);
  state.root = fresh;
  await run('soc2.initRepo', pickOne('Type 2'), () => undefined);
  assert.deepEqual(await vscode.workspace.findFiles('**/*'), []);
});

test('New Policy from Template refuses an existing file and writes a new one', async () => {
  await run('soc2.initRepo', pickOne('Type 1'), pickMany('Security'), type('Beta Labs'), type(), pickMany('Encryption Policy'));
  const before = read('policies/encryption.md');
  state.messages = [];
  await run('soc2.newPolicy', pickOne('Encryption Policy'), type());
  assert.equal(read('policies/encryption.md'), before);
  assert.deepEqual(state.messages, [{ level: 'error', text: 'SOC 2: policies/encryption.md already exists; it was not replaced. Choose another file name.' }]);

  state.messages = [];
  await run('soc2.newPolicy', pickOne('Vendor Management Policy'), type('policies/vendors.md'));
  const vendors = read('policies/vendors.md');
  assert.match(vendors, /^---\nid: POL-VM\ntitle: Vendor Management Policy\nowner: Security Lead\n/);
  assert.ok(vendors.includes('Beta Labs') && !vendors.includes('{{'));
  assert.deepEqual(state.opened.at(-1), 'policies/vendors.md');
  assert.deepEqual(state.messages, [{ level: 'info',
    text: 'SOC 2: POL-VM names controls this repo does not have yet: VN-01, VN-02. Add each from its snippet, or remove it from the policy.' }]);
});

test('New Control from Snippet appends the snippet to the chosen controls file in its indentation', async () => {
  await run('soc2.initRepo', pickOne('Type 1'), pickMany('Security'), type('Beta Labs'), type(), pickMany('Encryption Policy'));
  const existing = read('controls/encryption.yaml');
  let offered: string[] = [];
  await run('soc2.newControl', (items) => { offered = (items as { label: string; description?: string }[]).filter((i) => i.label.startsWith('CR-0')).map((i) => `${i.label} | ${i.description}`); return pickOne('AC-04')(items, {}); },
    pickOne('controls/encryption.yaml'));
  assert.deepEqual(offered, [
    'CR-01 Encryption at rest | already in controls/encryption.yaml',
    'CR-02 Encryption in transit | already in controls/encryption.yaml',
    'CR-03 Cryptographic key management | already in controls/encryption.yaml',
  ]);
  assert.equal(read('controls/encryption.yaml'), existing, 'the file on disk is only changed by the editor, when the user saves');
  const [inserted] = state.snippets;
  assert.equal(inserted.file, 'controls/encryption.yaml');
  const [before, snippet] = inserted.text.split('\u0000');
  assert.equal(before, existing);
  const result = parseControls('controls/encryption.yaml', before + expandSnippet(snippet, SNIPPET_VARIABLES));
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.controls.map((c) => c.id), ['CR-01', 'CR-02', 'CR-03', 'AC-04']);
});

test('New Control from Snippet creates a new controls file, but never over an existing one', async () => {
  await run('soc2.initRepo', pickOne('Type 1'), pickMany('Security'), type('Beta Labs'), type(), pickMany('Encryption Policy'));
  await run('soc2.newControl', pickOne('BC-01'), pickOne('$(new-file) New controls file…'), type());
  assert.equal(read('controls/business-continuity.yaml'), '');
  assert.match(state.snippets[0].text, /^\u0000controls:\n {2}- id: BC-01\n/);
  state.messages = [];
  await run('soc2.newControl', pickOne('BC-02'), pickOne('$(new-file) New controls file…'), type('controls/encryption.yaml'));
  assert.deepEqual(state.messages, [{ level: 'error', text: 'SOC 2: controls/encryption.yaml already exists; pick it from the list to add the control to it.' }]);
  assert.equal(state.snippets.length, 1);
});

test('with no soc2.yaml, the new-file commands offer to initialize instead', async () => {
  await run('soc2.newPolicy');
  assert.deepEqual(state.messages, [{ level: 'warning', text: 'SOC 2: this workspace has no soc2.yaml yet. Initialize a compliance repo first?' }]);
});
