/**
 * Requirement ids in the editor: hover, completion (crosswalk suggestions first), definition, references and
 * the "also map" quick fix, through the real language server over stdio. Run `npm run build` first.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeActionRequest, CompletionRequest, DefinitionRequest, HoverRequest, ReferencesRequest,
  type CodeAction, type CompletionItem, type Location, type MarkupContent, type Position,
} from 'vscode-languageserver-protocol/node';
import { applyWorkspaceEdit, LspClient, positionOf, TempWorkspace } from '../lsp-client';
import { writeFiles } from '../git-helpers';
import { TODAY } from '../helpers';
import { frameworksRepo } from './repo';

const ws = new TempWorkspace();
let client: LspClient;
const files = frameworksRepo();
files['policies/access.md'] = files['policies/access.md']!.replace('criteria: [CC6.1]', 'criteria: [CC6.1]\nframeworks:\n  iso27001-2022: [A.5.15]');
files['controls/change.yaml'] = 'id: CM-01\ntitle: Change approval\nowner: d@example.com\nfrequency: on-event\nstatus: planned\ncriteria: [CC8.1]\nlast_reviewed: 2026-03-01\n';
const uri = (rel: string) => ws.uri('fw', rel);
const at = (rel: string, needle: string, delta = 0): Position => positionOf(files[rel]!, needle, delta);

before(async () => {
  writeFiles(ws.path('fw'), files);
  client = await LspClient.start({ folders: [ws.path('fw')], initializationOptions: { today: TODAY, debounceMs: 0 } });
  await client.indexed;
  for (const rel of ['controls/access.yaml', 'controls/change.yaml', 'soc2.yaml', 'policies/access.md']) client.open(uri(rel), files[rel]!);
});

after(async () => {
  await client?.stop();
  ws.dispose();
});

test('hover on an ISO requirement: our title and summary, coverage, controls, policies, crosswalk', async () => {
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('controls/access.yaml') }, position: at('controls/access.yaml', 'A.5.15', 2) });
  const value = (h!.contents as MarkupContent).value;
  assert.equal(value.split('\n')[0], '**A.5.15** · ISO/IEC 27001:2022 Annex A · Organisational controls');
  assert.match(value, /- \*\*Coverage:\*\* covered/);
  assert.match(value, /- \*\*Controls:\*\* AC-01 \(implemented\)/);
  assert.match(value, /- \*\*Policies:\*\* POL-AC/);
  assert.match(value, /- \*\*Crosswalk from SOC 2:\*\* CC6\.1, CC6\.3/);
  const excluded = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('soc2.yaml') }, position: at('soc2.yaml', 'A.7.4', 1) });
  assert.match((excluded!.contents as MarkupContent).value, /Coverage:\*\* excluded \(No premises of our own/);
});

test('definition: a repo requirement leads to its line in frameworks/; a built-in one has no file', async () => {
  const defs = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri('controls/access.yaml') }, position: at('controls/access.yaml', 'Q-1', 1) }) as Location[];
  assert.deepEqual(defs.map((d) => [d.uri, d.range.start.line]), [[uri('frameworks/acme-questionnaire.yaml'), 4]]);
  const none = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri('controls/access.yaml') }, position: at('controls/access.yaml', 'A.8.5', 1) });
  assert.equal(none, null);
});

test('references: every control and policy list item mapping the requirement', async () => {
  const refs = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uri('controls/access.yaml') }, position: at('controls/access.yaml', 'A.5.15', 1), context: { includeDeclaration: true } }) as Location[];
  assert.deepEqual(refs.map((r) => r.uri).sort(), [uri('controls/access.yaml'), uri('policies/access.md')]);
  const q = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uri('controls/access.yaml') }, position: at('controls/access.yaml', 'Q-1', 1), context: { includeDeclaration: true } }) as Location[];
  assert.deepEqual(q.map((r) => r.uri), [uri('frameworks/acme-questionnaire.yaml'), uri('controls/access.yaml')]);
});

test('completion in a control\'s ISO list: crosswalk suggestions from its criteria first, mapped ones left out', async () => {
  const text = files['controls/change.yaml']!.replace('criteria: [CC8.1]\n', 'criteria: [CC8.1]\nframeworks:\n  iso27001-2022: [\n');
  client.change(uri('controls/change.yaml'), [{ text }]);
  const pos = positionOf(text, 'iso27001-2022: [', 16);
  const list = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri('controls/change.yaml') }, position: pos });
  const items = (Array.isArray(list) ? list : list!.items) as CompletionItem[];
  assert.equal(items.length, 93);
  const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.equal(sorted[0]!.label, 'A.8.32');
  assert.match(sorted[0]!.detail!, /suggested from CC8\.1/);
  assert.ok(sorted.slice(0, 7).every((i) => /suggested from CC8\.1/.test(i.detail!)), JSON.stringify(sorted.slice(0, 8).map((i) => i.label)));
  assert.ok(!/suggested/.test(sorted[7]!.detail!));
  client.change(uri('controls/change.yaml'), [{ text: files['controls/change.yaml']! }]);
});

test('quick fix "also map" on a control adds the crosswalk suggestions for ISO to its frameworks', async () => {
  const pos = at('controls/change.yaml', 'CM-01');
  const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri('controls/change.yaml') }, range: { start: pos, end: pos }, context: { diagnostics: [] } }) as CodeAction[];
  const also = actions.find((a) => a.title.startsWith('Also map'));
  assert.equal(also?.title, 'Also map A.8.32, A.8.25, A.8.27, A.8.29, A.8.30, A.8.31 and 1 more (from CC8.1)');
  const out = applyWorkspaceEdit(also!.edit!, (u) => (u === uri('controls/change.yaml') ? files['controls/change.yaml'] : undefined)).get(uri('controls/change.yaml'))!;
  assert.match(out, /last_reviewed: 2026-03-01\nframeworks:\n  iso27001-2022: \[A\.8\.32, A\.8\.25, A\.8\.27, A\.8\.29, A\.8\.30, A\.8\.31, A\.8\.33\]\n$/);
  // on AC-01, which already maps A.5.15 and A.8.5, the rest of CC6.1's pairs are appended to its flow list
  const acPos = at('controls/access.yaml', 'AC-01');
  const ac = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri('controls/access.yaml') }, range: { start: acPos, end: acPos }, context: { diagnostics: [] } }) as CodeAction[];
  const acAlso = ac.find((a) => a.title.startsWith('Also map'))!;
  assert.equal(acAlso.title, 'Also map A.5.17, A.8.3, A.8.4, A.8.18, A.8.24 (from CC6.1)');
  const acOut = applyWorkspaceEdit(acAlso.edit!, (u) => (u === uri('controls/access.yaml') ? files['controls/access.yaml'] : undefined)).get(uri('controls/access.yaml'))!;
  assert.match(acOut, /iso27001-2022: \[A\.5\.15, A\.8\.5, A\.5\.17, A\.8\.3, A\.8\.4, A\.8\.18, A\.8\.24\]/);
});

test('completion of an exclusion in soc2.yaml offers the requirements of the framework it sits under', async () => {
  const pos = at('soc2.yaml', 'requirement: A.7.4', 'requirement: A.7.4'.length);
  const list = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri('soc2.yaml') }, position: pos });
  const items = (Array.isArray(list) ? list : list!.items) as CompletionItem[];
  assert.equal(items.length, 93);
  assert.equal(items.find((i) => i.label === 'A.7.4')?.detail, 'Watching premises');
});
