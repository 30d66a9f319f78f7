/**
 * Protocol faults, against the real server over stdio (test/lsp-client.ts): a burst of 10,000 edits,
 * cancelled requests, requests about documents the server does not know or positions past their end,
 * and malformed parameters. The server must answer, stay bounded in memory and never exit.
 * (The client restarting a server that died is tested in the real-editor suite, test/e2e.)
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  CancellationTokenSource, CodeActionRequest, CodeLensRequest, CompletionRequest, DefinitionRequest, DocumentSymbolRequest, HoverRequest,
  LSPErrorCodes, ReferencesRequest, ResponseError, WorkspaceSymbolRequest, type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { LspClient, positionOf, TempWorkspace } from '../lsp-client';
import { TODAY } from '../lsp-fixture';
import { SummaryRequest } from '../../server/src/lsp/protocol';

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number | undefined {
  try { return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024; } catch { return undefined; }
}

const alive = (client: LspClient) => client.child.exitCode === null && client.child.signalCode === null;

describe('a server on the lsp fixture', () => {
  const ws = new TempWorkspace();
  let client: LspClient;
  const uri = (rel: string) => ws.uri('lsp', rel);

  before(async () => {
    ws.add('lsp');
    client = await LspClient.start({ folders: [ws.path('lsp')], initializationOptions: { today: TODAY, debounceMs: 20 } });
    await client.indexed;
  });
  after(async () => { await client?.stop(); ws.dispose(); });

  test('a burst of 10,000 didChange notifications: memory stays bounded and the last text wins', async (t) => {
    const rel = 'controls/continuity.yaml';
    const text = ws.read('lsp', rel);
    client.open(uri(rel), text);
    await client.waitForDiagnostics(uri(rel), (ds) => ds.some((d) => d.code === 'missing-review-date'));
    // Warm up (JIT, caches) before the baseline.
    const at = positionOf(text, '# restore tests', '# restore tests'.length);
    for (let i = 0; i < 200; i++) client.change(uri(rel), [{ range: { start: at, end: at }, text: i % 2 ? '' : '' }]);
    await new Promise((r) => setTimeout(r, 300));
    const before = rssMb(client.child.pid!);
    const started = performance.now();
    let line = at;
    for (let i = 0; i < 10_000; i++) {
      // Type a comment, one character per notification, as a fast typist (or a macro) would.
      client.change(uri(rel), [{ range: { start: line, end: line }, text: 'x' }]);
      line = { line: line.line, character: line.character + 1 };
    }
    // The final edit introduces a finding, so only diagnostics of the final text satisfy the wait.
    const crit = positionOf(text, 'A1.3');
    client.change(uri(rel), [{ range: { start: crit, end: { line: crit.line, character: crit.character + 4 } }, text: 'A1.9' }]);
    const ds = await client.waitForDiagnostics(uri(rel), (d: Diagnostic[]) => d.some((x) => x.code === 'unknown-criterion'), 120_000);
    const seconds = (performance.now() - started) / 1000;
    const afterMb = rssMb(client.child.pid!);
    t.diagnostic(`10,001 edits answered in ${seconds.toFixed(1)} s; RSS ${before?.toFixed(0)} MB -> ${afterMb?.toFixed(0)} MB`);
    assert.ok(alive(client));
    assert.deepEqual(ds.filter((d) => d.code === 'unknown-criterion').map((d) => d.range), [{ start: crit, end: { line: crit.line, character: crit.character + 4 } }]);
    if (before !== undefined && afterMb !== undefined) assert.ok(afterMb - before < 150, `RSS grew by ${(afterMb - before).toFixed(0)} MB`);
    // Hover still answers on the final text (the 10,000 x's are on the policies line).
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(rel) }, position: positionOf(text, 'BC-01') });
    assert.match(JSON.stringify(hover), /BC-01/);
    client.close(uri(rel));
  });

  test('requests for unknown documents and positions past the end get empty answers, not errors', async () => {
    const rel = 'controls/access.yaml';
    client.open(uri(rel), ws.read('lsp', rel));
    const docs = [ws.uri('elsewhere.yaml'), 'file:///nonexistent/soc2/controls/x.yaml', 'untitled:Untitled-1', uri('controls/not-there.yaml'), 'not a uri'];
    const far = [{ line: 99_999, character: 0 }, { line: 0, character: 99_999 }, { line: 2 ** 31 - 1, character: 2 ** 31 - 1 }];
    const empty = (v: unknown) => v === null || (Array.isArray(v) && v.length === 0);
    for (const u of [...docs, uri(rel)]) {
      for (const position of u === uri(rel) ? far : [{ line: 0, character: 0 }, ...far]) {
        const textDocument = { uri: u };
        const range = { start: position, end: position };
        const answers = await Promise.all([
          client.connection.sendRequest(HoverRequest.type, { textDocument, position }),
          client.connection.sendRequest(CompletionRequest.type, { textDocument, position }),
          client.connection.sendRequest(DefinitionRequest.type, { textDocument, position }),
          client.connection.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }),
          client.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }),
        ]);
        for (const a of answers) assert.ok(empty(a), `${u} ${JSON.stringify(position)}: ${JSON.stringify(a).slice(0, 200)}`);
      }
      if (u !== uri(rel)) {
        assert.ok(empty(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: u } })), u);
        assert.ok(empty(await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: u } })), u);
      }
    }
    assert.deepEqual(await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '\u0000<script>'.repeat(1000) }), []);
    assert.ok(alive(client));
    client.close(uri(rel));
  });

  test('malformed parameters get an error response (or an empty answer), and the server lives on', async () => {
    const garbage: unknown[] = [{}, { textDocument: {} }, { textDocument: { uri: 42 }, position: 'x' }, { textDocument: { uri: uri('controls/access.yaml') }, position: { line: -1, character: -5 } }, null];
    for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references', 'textDocument/codeAction', 'textDocument/documentSymbol', 'workspace/symbol', SummaryRequest]) {
      for (const params of garbage) {
        try {
          const r: unknown = await client.connection.sendRequest(method, params);
          // An answer to garbage is an empty one; only the summary, which takes no document, has content.
          if (method === SummaryRequest) {
            const s = r as { roots?: unknown; indexing?: unknown };
            assert.ok(Array.isArray(s?.roots) && typeof s.indexing === 'boolean', `${method} ${JSON.stringify(params)}: ${JSON.stringify(r).slice(0, 200)}`);
          } else {
            assert.ok(r === null || (Array.isArray(r) && r.length === 0), `${method} ${JSON.stringify(params)}: ${JSON.stringify(r).slice(0, 200)}`);
          }
        } catch (err) {
          assert.ok(err instanceof ResponseError, `${method} ${JSON.stringify(params)}: ${String(err)}`);
        }
      }
    }
    client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('nope.yaml'), version: 3 }, contentChanges: [{ text: 'x' }] });
    client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 42 } });
    client.connection.sendNotification('$/unknownNotification', { x: 1 });
    const hover = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'BC-01' });
    assert.ok(Array.isArray(hover) && hover.length > 0);
    assert.ok(alive(client));
  });
});

describe('cancellation', () => {
  const ws = new TempWorkspace();
  let client: LspClient;
  after(async () => { await client?.stop(); ws.dispose(); });

  test('requests cancelled mid-way are honoured: a RequestCancelled error or a normal result, and the server answers after', async () => {
    ws.add('lsp');
    client = await LspClient.start({ folders: [ws.path('lsp')], initializationOptions: { today: TODAY } });
    // Sent while the index is being built: soc2/summary waits for it, so the cancellation arrives mid-way.
    const outcomes = await Promise.all(Array.from({ length: 20 }, async (_, i) => {
      const source = new CancellationTokenSource();
      const pending = i % 2
        ? client.connection.sendRequest(SummaryRequest, {}, source.token)
        : client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'BC' }, source.token);
      source.cancel();
      try { await pending; return 'result'; } catch (err) {
        if (err instanceof ResponseError && err.code === LSPErrorCodes.RequestCancelled) return 'cancelled';
        return `unexpected: ${String(err)}`;
      }
    }));
    assert.deepEqual(outcomes.filter((o) => o !== 'result' && o !== 'cancelled'), []);
    assert.ok(outcomes.filter((_, i) => i % 2).includes('cancelled'), `the summary requests waiting on the index were not cancelled: ${outcomes.join(', ')}`);
    await client.indexed;
    const summary = await client.connection.sendRequest(SummaryRequest, {}) as { roots: unknown[] };
    assert.equal(summary.roots.length, 1);
    assert.ok(alive(client));
  });
});
