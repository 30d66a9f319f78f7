/**
 * The vendor features through the real language server over stdio (run `npm run build` first): the register's
 * findings are published without opening it, hover on a vendor id answers, and a quick fix is offered.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CodeActionRequest, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspClient, positionOf, TempWorkspace } from '../lsp-client';
import { writeFiles } from '../git-helpers';
import { TODAY } from '../helpers';
import { vendorRepo } from '../vendor-helpers';
import { pathToFileURL } from 'node:url';

const ws = new TempWorkspace();
const files = vendorRepo({ assurance: '{ type: soc2-type2, period_start: 2024-07-01, period_end: 2025-06-30 }' });
const dir = join(ws.dir, 'vendors-repo');
const uri = (rel: string) => pathToFileURL(join(dir, rel)).href;
let client: LspClient;

before(async () => {
  writeFiles(dir, files);
  client = await LspClient.start({ folders: [dir], initializationOptions: { today: TODAY, debounceMs: 0 } });
  await client.indexed;
});

after(async () => {
  await client?.stop();
  ws.dispose();
});

test('the server publishes the register findings, answers hover on a vendor id and offers the bridge-letter fix', async () => {
  const ds = await client.waitForDiagnostics(uri('vendors/register.yaml'), (d) => d.some((x) => x.code === 'vendor-assurance-stale'));
  assert.deepEqual(ds.map((d) => d.code).sort(), ['vendor-assurance-gap', 'vendor-assurance-stale']);
  client.open(uri('vendors/register.yaml'), files['vendors/register.yaml']);
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('vendors/register.yaml') }, position: positionOf(files['vendors/register.yaml'], 'V-CLOUD', 2) });
  assert.match((h?.contents as MarkupContent).value, /^\*\*V-CLOUD\*\* Nimbus Cloud\n[\s\S]*\*\*out of date\*\* since 2026-06-30/);
  const stale = ds.find((d) => d.code === 'vendor-assurance-stale')!;
  const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri('vendors/register.yaml') }, range: stale.range, context: { diagnostics: [stale] } });
  assert.deepEqual((actions ?? []).map((a) => a.title), ['Add a bridge-letter date (bridge_letter_until: 2026-07-15; use the date the letter covers to)']);
});
