/**
 * Protocol conformance over stdio with the real protocol client (issue 19 items 1–5, issue 20 bugs 1 and 3):
 * what a client other than VS Code sees — workspace folders that change, clients that cannot watch files,
 * requests sent before indexing ends, code lenses every client can run, a bad `today`, midnight, and
 * folder-level file events. Each test starts its own server. Run `npm run build` first.
 */
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionRequest, CodeLensRequest, DidChangeWatchedFilesNotification, DidChangeWorkspaceFoldersNotification, ExecuteCommandRequest,
  FileChangeType, HoverRequest, WorkspaceSymbolRequest, type CodeAction, type Diagnostic, type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { pathToFileURL } from 'node:url';
import { LspClient, NO_WATCH_CAPABILITIES, positionOf, REPO, TempWorkspace } from './lsp-client';
import { brief, TODAY } from './lsp-fixture';

let ws: TempWorkspace;
let client: LspClient | undefined;
afterEach(async () => { await client?.stop(); client = undefined; ws?.dispose(); });

const codes = (ds: Diagnostic[] | undefined) => (ds ?? []).map((d) => String(d.code));

describe('requests before the index is complete', () => {
  test('hover and workspace symbols sent right after initialized wait for the index instead of answering empty', async () => {
    ws = new TempWorkspace();
    const root = ws.add('lsp');
    client = await LspClient.start({ folders: [root], initializationOptions: { today: TODAY } });
    // No wait for indexing: an editor restoring its tabs asks at once.
    const file = ws.read('lsp', 'controls/access.yaml');
    client.open(ws.uri('lsp', 'controls/access.yaml'), file);
    const [h, symbols] = await Promise.all([
      client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: ws.uri('lsp', 'controls/access.yaml') }, position: positionOf(file, 'AC-02', 1) }),
      client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'POL-' }),
    ]);
    assert.ok(h, 'hover answered null before the index was complete');
    assert.match((h.contents as MarkupContent).value, /AC-02/);
    assert.deepEqual((symbols ?? []).map((s) => s.name.split(' ')[0]).filter((n) => n.startsWith('POL-')).sort().slice(0, 3), ['POL-AC', 'POL-BC', 'POL-IS']);
  });
});

describe('workspace folders', () => {
  test('a folder added while running is indexed; a folder removed takes its diagnostics with it', async () => {
    ws = new TempWorkspace();
    const basic = ws.add('basic');
    const lsp = ws.add('lsp');
    client = await LspClient.start({ folders: [basic], initializationOptions: { today: TODAY, debounceMs: 0 } });
    await client.indexed;
    await client.waitForDiagnostics(ws.uri('basic', 'soc2.yaml'), (d) => d.length > 0);
    assert.equal(client.diagnostics.get(ws.uri('lsp', 'controls/access.yaml')), undefined);
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [{ uri: pathToFileURL(lsp).href, name: 'lsp' }], removed: [{ uri: pathToFileURL(basic).href, name: 'basic' }] },
    });
    await client.waitForDiagnostics(ws.uri('lsp', 'controls/access.yaml'), (d) => brief(d).includes('stale-review@26:20'));
    await client.waitForDiagnostics(ws.uri('basic', 'soc2.yaml'), (d) => d.length === 0);
  });
});

describe('file watching', () => {
  test('a client that cannot register watchers is not asked to, and the server sees a change on disk itself', async () => {
    ws = new TempWorkspace();
    const root = ws.add('lsp');
    client = await LspClient.start({ folders: [root], initializationOptions: { today: TODAY, debounceMs: 0 }, capabilities: NO_WATCH_CAPABILITIES });
    await client.indexed;
    const controls = ws.uri('lsp', 'controls/access.yaml');
    await client.waitForDiagnostics(controls, (d) => codes(d).includes('stale-review'));
    // Let the server's watcher settle on the tree before the change.
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(client.registrations.filter((m) => m === 'workspace/didChangeWatchedFiles'), []);
    const file = ws.path('lsp', 'controls', 'access.yaml');
    writeFileSync(file, ws.read('lsp', 'controls/access.yaml').replace('last_reviewed: 2025-01-10', 'last_reviewed: 2026-07-01'));
    await client.waitForDiagnostics(controls, (d) => !codes(d).includes('stale-review'), 8000);
  });

  test('a client that can register watchers is asked to, once', async () => {
    ws = new TempWorkspace();
    client = await LspClient.start({ folders: [ws.add('lsp')], initializationOptions: { today: TODAY } });
    await client.indexed;
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(client.registrations.filter((m) => m === 'workspace/didChangeWatchedFiles'), ['workspace/didChangeWatchedFiles']);
  });
});

describe('folder events (issue 20 bug 1)', () => {
  const AUDIT = 'controls:\n  - id: AU-01\n    title: Audit\n    owner: a@example.com\n    status: implemented\n    criteria: [CC4.1]\n    policies: [POL-HR]\n    last_reviewed: 2026-07-01\n    evidence:\n      - name: Report\n        path: audits\n';
  const HR = '---\nid: POL-HR\ntitle: People\nowner: a@example.com\nlast_reviewed: 2026-07-01\ncontrols: [AU-01]\n---\n\n# People\n';

  test('a folder created, renamed or deleted is read by listing what is under it; an evidence folder is not an evidence file', async () => {
    ws = new TempWorkspace();
    const root = ws.add('lsp');
    writeFileSync(path.join(root, 'controls', 'audit.yaml'), AUDIT);
    client = await LspClient.start({ folders: [root], initializationOptions: { today: TODAY, debounceMs: 0 } });
    await client.indexed;
    const audit = ws.uri('lsp', 'controls/audit.yaml');
    client.open(audit, AUDIT);
    const lens = async () => {
      const ls = await client!.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: audit } });
      return ls?.[0]?.command?.title ?? '';
    };
    const watched = (rel: string, type: FileChangeType) => client!.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: ws.uri('lsp', rel), type }] });
    await client.waitForDiagnostics(audit, (d) => codes(d).includes('unknown-reference') && codes(d).includes('evidence-missing'));

    // A policy folder copied in: the editor reports the folder only.
    mkdirSync(path.join(root, 'policies', 'hr'));
    writeFileSync(path.join(root, 'policies', 'hr', 'people.md'), HR);
    await watched('policies/hr', FileChangeType.Created);
    await client.waitForDiagnostics(audit, (d) => !codes(d).includes('unknown-reference'));

    // Renamed: the old folder's files leave the index, the new one's come in (no duplicate, no stale reference).
    renameSync(path.join(root, 'policies', 'hr'), path.join(root, 'policies', 'people'));
    await watched('policies/hr', FileChangeType.Deleted);
    await watched('policies/people', FileChangeType.Created);
    const symbols = async () => ((await client!.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'POL-HR' })) ?? [])
      .filter((s) => s.name.startsWith('POL-HR ')).map((s) => ('uri' in s.location ? s.location.uri : '')).map((u) => u.slice(pathToFileURL(root).href.length + 1));
    assert.deepEqual(await symbols(), ['policies/people/people.md']);
    await client.waitForDiagnostics(audit, (d) => !codes(d).includes('unknown-reference'));

    // An evidence folder created with a dated file in it: the file is the evidence, not the folder.
    mkdirSync(path.join(root, 'evidence', 'audits'));
    writeFileSync(path.join(root, 'evidence', 'audits', '2026-07-01-report.md'), 'signed\n');
    await watched('evidence/audits', FileChangeType.Created);
    await client.waitForDiagnostics(audit, (d) => !codes(d).includes('evidence-missing'));
    assert.equal(await lens(), '1 criterion · 1 policy · evidence 14 days old');

    // The whole folder deleted: one event.
    rmSync(path.join(root, 'evidence', 'audits'), { recursive: true });
    await watched('evidence/audits', FileChangeType.Deleted);
    await client.waitForDiagnostics(audit, (d) => codes(d).includes('evidence-missing'));
    assert.equal(await lens(), '1 criterion · 1 policy · no evidence');
  });
});

describe('code lenses and commands', () => {
  test('without a client command, lenses run the server command, which every client can execute', async () => {
    ws = new TempWorkspace();
    client = await LspClient.start({ folders: [ws.add('lsp')], initializationOptions: { today: TODAY } });
    assert.deepEqual(client.initializeResult?.capabilities.executeCommandProvider?.commands, ['soc2.showSummary.server']);
    const doc = ws.uri('lsp', 'controls/access.yaml');
    client.open(doc, ws.read('lsp', 'controls/access.yaml'));
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: doc } })) ?? [];
    assert.ok(lenses.length > 0);
    for (const l of lenses) assert.deepEqual([l.command?.command, l.command?.arguments], ['soc2.showSummary.server', [doc]]);
    const markdown = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: lenses[0].command!.command, arguments: lenses[0].command!.arguments });
    assert.match(String(markdown), /^# Hover &amp; Co: SOC 2 Type 1 readiness, as of 2026-07-15/);
    assert.equal(client.messages.length, 1);
    assert.match(client.messages[0].message, /^Hover & Co: readiness \d+%, \d+ gaps, \d+ errors, \d+ warnings \(as of 2026-07-15\)\.$/);
  });

  test('a client naming its own command gets lenses with that command', async () => {
    ws = new TempWorkspace();
    client = await LspClient.start({ folders: [ws.add('lsp')], initializationOptions: { today: TODAY, revealSummaryCommand: 'soc2.revealSummary' } });
    const doc = ws.uri('lsp', 'policies/access.md');
    client.open(doc, ws.read('lsp', 'policies/access.md'));
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: doc } })) ?? [];
    assert.deepEqual(lenses.map((l) => [l.command?.command, l.command?.arguments]), [['soc2.revealSummary', undefined], ['soc2.revealSummary', undefined]]);
  });
});

describe('today', () => {
  test('an invalid today is logged and shown to the user, and the clock is used', async () => {
    ws = new TempWorkspace();
    client = await LspClient.start({ folders: [ws.add('lsp')], initializationOptions: { today: '2026-02-30' } });
    await client.indexed;
    const expected = /^soc2: initializationOptions\.today must be a real date written YYYY-MM-DD, not "2026-02-30"; checks use the clock's date \(\d{4}-\d{2}-\d{2}\) instead\.$/;
    assert.equal(client.messages.length, 1);
    assert.equal(client.messages[0].type, 2);
    assert.match(client.messages[0].message, expected);
    assert.ok(client.logs.some((l) => expected.test(l)));
  });

  test('without a fixed today, local midnight re-runs the date-based checks, and quick fixes write the new date', async () => {
    ws = new TempWorkspace();
    const root = ws.add('lsp');
    // Reviewed a year before the clock's 2026-07-15: due today (not stale), stale from tomorrow.
    const file = path.join(root, 'controls', 'continuity.yaml');
    const text = 'id: BC-01\ntitle: Backup restore test\nowner: dave@example.com\nfrequency: quarterly\nstatus: planned\ncriteria: [A1.2, A1.3]\npolicies: [POL-BC]\nlast_reviewed: 2025-07-15\n';
    writeFileSync(file, text);
    client = await LspClient.start({
      folders: [root], initializationOptions: { debounceMs: 0 },
      execArgv: ['--require', path.join(REPO, 'test', 'helpers', 'clock-before-midnight.cjs')],
    });
    await client.indexed;
    const doc = ws.uri('lsp', 'controls/continuity.yaml');
    const before = await client.waitForDiagnostics(doc, (d) => codes(d).includes('review-due-soon'));
    assert.ok(!codes(before).includes('stale-review'));
    const after = await client.waitForDiagnostics(doc, (d) => codes(d).includes('stale-review'), 8000);
    assert.ok(client.logs.some((l) => /^soc2: the date is now 2026-07-16; date-based checks ran again on \d+ files\.$/.test(l)), client.logs.join('\n'));
    client.open(doc, text);
    const stale = after.find((d) => d.code === 'stale-review')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: doc }, range: stale.range, context: { diagnostics: [stale] } })) as CodeAction[];
    assert.ok(actions.some((a) => a.title === 'Mark as reviewed today (last_reviewed: 2026-07-16)'), JSON.stringify(actions.map((a) => a.title)));
  });
});
