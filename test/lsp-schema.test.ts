/**
 * Schema-driven editing from our own server (issue 19 item 7): key completion, enum values and key hover
 * read from the JSON Schemas, for controls wherever `paths.controls` puts them, risks, policy front matter
 * and soc2.yaml — every client gets them, with or without a YAML extension. Over stdio; build first.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CompletionRequest, HoverRequest, type CompletionItem, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspClient, REPO, TempWorkspace } from './lsp-client';
import { TODAY } from './lsp-fixture';

const ws = new TempWorkspace();
let client: LspClient;
const CONTROLS = 'controls:\n  - id: AC-01\n    title: Access\n    \n';

before(async () => {
  const root = ws.path('moved');
  mkdirSync(path.join(root, 'compliance', 'ctl'), { recursive: true });
  mkdirSync(path.join(root, 'risks'), { recursive: true });
  writeFileSync(path.join(root, 'soc2.yaml'), 'paths:\n  controls: [compliance/ctl/*.yaml]\n');
  writeFileSync(path.join(root, 'compliance', 'ctl', 'access.yaml'), CONTROLS);
  writeFileSync(path.join(root, 'risks', 'register.yaml'), 'risks:\n  - id: R-01\n    \n');
  client = await LspClient.start({ folders: [root], initializationOptions: { today: TODAY } });
  await client.indexed;
});
after(async () => { await client?.stop(); ws.dispose(); });

const complete = async (rel: string, text: string, line: number, character: number) => {
  client.open(ws.uri('moved', rel), text);
  const r = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: ws.uri('moved', rel) }, position: { line, character } });
  return ((Array.isArray(r) ? r : r?.items ?? []) as CompletionItem[]).map((i) => i.label);
};

test('keys of a control, in a controls file moved by paths.controls, without the keys already written', async () => {
  assert.deepEqual(await complete('compliance/ctl/access.yaml', CONTROLS, 3, 4),
    ['description', 'owner', 'frequency', 'status', 'criteria', 'policies', 'last_reviewed', 'review_cycle', 'evidence', 'target_date', 'tracking']);
});

test('keys of a risk, of soc2.yaml and of an evidence item; enum values the schema lists', async () => {
  assert.ok((await complete('risks/register.yaml', 'risks:\n  - id: R-01\n    \n', 2, 4)).includes('treatment'));
  assert.deepEqual(await complete('soc2.yaml', 'paths:\n  controls: [compliance/ctl/*.yaml]\nreport:\n  \n', 3, 2), ['type', 'period']);
  assert.deepEqual(await complete('soc2.yaml', 'paths:\n  controls: [compliance/ctl/*.yaml]\nreport:\n  type: \n', 3, 8), ['1', '2']);
  const evidence = 'controls:\n  - id: AC-01\n    evidence:\n      - name: Logs\n        \n';
  assert.deepEqual(await complete('compliance/ctl/access.yaml', evidence, 4, 8), ['path', 'collected']);
});

test('hover on a key gives the schema\'s description', async () => {
  client.open(ws.uri('moved', 'compliance/ctl/access.yaml'), CONTROLS);
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: ws.uri('moved', 'compliance/ctl/access.yaml') }, position: { line: 2, character: 6 } });
  const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas', 'controls.schema.json'), 'utf8'));
  assert.equal((h!.contents as MarkupContent).value, `**title**\n\n${schema.definitions.control.properties.title.description}`);
});

test('package.json keeps yamlValidation to soc2.yaml alone: controls files are the server\'s, wherever they are', () => {
  const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.yamlValidation, [{ fileMatch: '**/soc2.yaml', url: './schemas/soc2.schema.json' }]);
});
