/**
 * The language server with a roster: hover on an owner, roster people in owner completion, the reassign
 * quick fix of owner-departed, the policy's next-review lens, and the soc2/tasks and soc2/brief requests.
 * The lsp fixture is copied and given a people.yaml in which carol left. Run `npm run build` first.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import {
  CodeActionRequest, CodeLensRequest, CompletionRequest, HoverRequest,
  type CodeAction, type CompletionItem, type MarkupContent, type Position,
} from 'vscode-languageserver-protocol/node';
import { applyWorkspaceEdit, LspClient, positionOf, TempWorkspace } from './lsp-client';
import { TODAY } from './lsp-fixture';
import { BriefRequest, TasksRequest, type BriefResult, type TasksResult } from '../server/src/lsp/protocol';

const ws = new TempWorkspace();
let client: LspClient;
const uri = (rel: string) => ws.uri('lsp', rel);
const text = (rel: string) => ws.read('lsp', rel);
const at = (rel: string, needle: string, delta = 0, nth = 0): Position => positionOf(text(rel), needle, delta, nth);
const ACCESS = 'controls/access.yaml';

before(async () => {
  ws.add('lsp');
  writeFileSync(ws.path('lsp', 'people.yaml'), [
    'people:',
    '  - { id: alice, name: Alice Moreau, email: alice@example.com, role: Security Lead, team: Security, start: 2024-01-08 }',
    '  - { id: bob, name: Bob Lee, email: bob@example.com, role: IT Lead, team: IT, start: 2023-03-01 }',
    '  - { id: carol, name: Carol Diaz, email: carol@example.com, role: IT Engineer, team: IT, start: 2022-05-02, end: 2026-04-30 }',
    '  - { id: dave, name: Dave Kim, email: dave@example.com, role: IT Engineer, team: IT, start: 2025-02-03 }',
    '',
  ].join('\n'));
  client = await LspClient.start({ folders: [ws.path('lsp')], initializationOptions: { today: TODAY, debounceMs: 0 } });
  await client.indexed;
  client.open(uri(ACCESS), text(ACCESS));
  client.open(uri('policies/access.md'), text('policies/access.md'));
});

after(async () => { await client?.stop(); ws.dispose(); });

test('owner-departed is published for carol\'s controls without opening them, and a quick fix reassigns to a colleague', async () => {
  const ds = await client.waitForDiagnostics(uri(ACCESS), (d) => d.some((x) => x.code === 'owner-departed'));
  const departed = ds.filter((d) => d.code === 'owner-departed');
  assert.deepEqual(departed.map((d) => d.range.start.line + 1), [17, 42]);
  assert.equal(departed[0].message, 'The owner of control AC-02, Carol Diaz <carol@example.com>, left on 2026-04-30: name a current owner.');
  const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri(ACCESS) }, range: departed[0].range, context: { diagnostics: [departed[0]] } }) as CodeAction[];
  // dave holds carol's role; bob shares her team.
  assert.deepEqual(actions.map((a) => a.title), ['Reassign to dave@example.com', 'Reassign to bob@example.com']);
  const edited = applyWorkspaceEdit(actions[0].edit!, (u) => (u === uri(ACCESS) ? text(ACCESS) : undefined)).get(uri(ACCESS));
  assert.equal(edited, text(ACCESS).replace('    owner: carol@example.com\n', '    owner: dave@example.com\n'));
});

test('hover on an owner shows the person and everything they own', async () => {
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(ACCESS) }, position: at(ACCESS, 'bob@example.com', 2) });
  const value = (h!.contents as MarkupContent).value;
  assert.match(value, /^\*\*Bob Lee \\<bob@example\.com\\>\*\* · IT Lead · IT$/m);
  assert.match(value, /^- \*\*Status:\*\* here since 2023-03-01$/m);
  assert.match(value, /^- \*\*Owns:\*\* control AC-01, control AC-03$/m);
});

test('owner completion offers the roster\'s current people first, and not those who left', async () => {
  const pos = at(ACCESS, 'bob@example.com', 0);
  const items = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri(ACCESS) }, position: pos }) as CompletionItem[];
  const labels = items.map((i) => i.label);
  assert.deepEqual(labels.slice(0, 3).sort(), ['alice@example.com', 'bob@example.com', 'dave@example.com']);
  assert.ok(!labels.includes('carol@example.com'));
  assert.equal(items.find((i) => i.label === 'alice@example.com')!.detail, 'Alice Moreau · Security Lead');
});

test('a policy gets a "next review due" lens', async () => {
  const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri('policies/access.md') } });
  const titles = (lenses ?? []).map((l) => l.command?.title ?? '');
  assert.ok(titles.some((t) => /^(next review due (today|in \d+ days?)|review overdue by \d+ days?)$/.test(t)), titles.join(' | '));
});

test('soc2/tasks lists every root\'s tasks, or one owner\'s through the roster; soc2/brief renders a briefing', async () => {
  const all = await client.connection.sendRequest<TasksResult>(TasksRequest, {});
  assert.equal(all.roots.length, 1);
  assert.ok(all.roots[0].tasks.length > 0);
  const bob = await client.connection.sendRequest<TasksResult>(TasksRequest, { owner: 'Bob Lee' });
  assert.equal(bob.roots[0].ownerKnown, true);
  assert.ok(bob.roots[0].tasks.length > 0 && bob.roots[0].tasks.every((t) => t.owner === 'bob@example.com'));
  assert.ok(bob.roots[0].tasks.length < all.roots[0].tasks.length);
  const nobody = await client.connection.sendRequest<TasksResult>(TasksRequest, { owner: 'zed@example.com' });
  assert.deepEqual([nobody.roots[0].ownerKnown, nobody.roots[0].tasks.length], [false, 0]);
  const b = await client.connection.sendRequest<BriefResult>(BriefRequest, { owner: 'bob' });
  assert.match(b.markdown, /^# Briefing for Bob Lee \\<bob@example\.com\\>$/m);
  assert.match(b.markdown, /^### AC-01/m);
  assert.ok(b.owners.includes('bob@example.com'));
});
