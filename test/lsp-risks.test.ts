/**
 * The language server on the risk register (test/fixtures/lsp/risks/register.yaml): hover, completion,
 * definition, references, symbols, code lens and the stub-control fix cover risk ids and the control and
 * criterion ids written in risks; risk files created, changed and deleted on disk update the index.
 * Driven over stdio by a real LSP client, like lsp.test.ts. Run `npm run build` first.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import {
  CodeActionRequest, CodeLensRequest, CompletionRequest, DefinitionRequest, DidChangeWatchedFilesNotification, DocumentSymbolRequest,
  FileChangeType, HoverRequest, ReferencesRequest, WorkspaceSymbolRequest,
  type CodeAction, type CompletionItem, type Diagnostic, type DocumentSymbol, type Location, type MarkupContent, type Position,
} from 'vscode-languageserver-protocol/node';
import { TSC_2017 } from '../server/src/catalog/tsc2017';
import { applyWorkspaceEdit, LspClient, positionOf, TempWorkspace } from './lsp-client';
import { CRLF, TODAY } from './lsp-fixture';

const REGISTER = 'risks/register.yaml';
const ws = new TempWorkspace();
let client: LspClient;
const uri = (rel: string) => ws.uri('lsp', rel);
const text = (rel: string) => ws.read('lsp', rel);
const at = (rel: string, needle: string, delta = 0, nth = 0): Position => positionOf(text(rel), needle, delta, nth);
const loc = (rel: string, line: number, start: number, end: number): Location => ({ uri: uri(rel), range: { start: { line, character: start }, end: { line, character: end } } });
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`).sort();

function open(rel: string): string {
  const t = text(rel);
  client.open(uri(rel), t);
  return t;
}

before(async () => {
  ws.add('lsp', { crlf: CRLF });
  client = await LspClient.start({ folders: [ws.path('lsp')], initializationOptions: { today: TODAY, debounceMs: 0 } });
  await client.indexed;
  for (const f of [REGISTER, 'controls/access.yaml', 'controls/continuity.yaml', 'policies/access.md']) open(f);
});

after(async () => {
  await client?.stop();
  ws.dispose();
});

describe('risk register', () => {
  test('is indexed with the workspace: its findings are published without opening it', () => {
    const ds = client.diagnostics.get(uri(REGISTER)) ?? [];
    assert.deepEqual(brief(ds), ['risk-unknown-control@22:9']);
    assert.equal(ds[0].message, 'Risk R-02 lists control BC-02, which does not exist.');
  });
});

describe('hover', () => {
  const hover = async (rel: string, position: Position) => {
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(rel) }, position });
    return h && (h.contents as MarkupContent).value;
  };

  test('on a risk id: owner, score, treatment, controls with status, criteria, review', async () => {
    assert.equal(await hover(REGISTER, at(REGISTER, 'R-02', 2)), [
      '**R-02** Backups cannot be restored when needed', '',
      'Risk in risks/register.yaml', '',
      'A restore that fails during an outage turns hours of downtime into days.', '',
      '- **Owner:** dave@example.com',
      '- **Score:** 10 (likelihood 2 × impact 5)',
      '- **Treatment:** mitigate',
      '- **Controls:** BC-01 (planned), BC-02 (missing)',
      '- **Criteria:** A1.2, A1.3',
      '- **Last review:** 2026-05-01 (next due 2027-05-01)',
    ].join('\n'));
  });

  test('on a control id in a risk: the control, with the risks it mitigates', async () => {
    assert.equal(await hover(REGISTER, at(REGISTER, 'AC-01', 1)), [
      '**AC-01** Account provisioning', '',
      'Control in controls/access.yaml', '',
      '- **Owner:** bob@example.com',
      '- **Frequency:** on-event',
      '- **Status:** implemented',
      '- **Last review:** 2026-03-01 (next due 2027-03-01)',
      '- **Newest evidence:** 2026-07-03 (12 days old)',
      '- **Criteria:** CC6.1, CC6.2',
      '- **Policies:** POL-AC, POL-IS',
      '- **Mitigates risks:** R-01 (score 12), R-03 (score 6)',
    ].join('\n'));
    const ac02 = await hover('controls/access.yaml', at('controls/access.yaml', 'AC-02', 1));
    assert.ok(ac02 && !ac02.includes('risks'), 'a control no risk lists shows no risk line');
  });

  test('on a criterion: the risks that map it', async () => {
    const value = await hover(REGISTER, at(REGISTER, 'CC6.1'));
    assert.deepEqual(value?.split('\n').slice(-4), [
      '- **Coverage:** covered', '- **Controls:** AC-01 (implemented), AC-03 (partial)', '- **Policies:** POL-AC', '- **Risks:** R-01',
    ]);
  });
});

describe('completion', () => {
  const complete = async (rel: string, position: Position): Promise<CompletionItem[]> => {
    const r = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri(rel) }, position });
    return Array.isArray(r) ? r : r?.items ?? [];
  };
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);

  test('control ids in a risk\'s controls, without those already listed', async () => {
    const position = at(REGISTER, 'AC-03]');
    const items = await complete(REGISTER, position);
    assert.deepEqual(labels(items), ['AC-02', 'AC-04', 'BC-01']);
    assert.deepEqual(items[0].textEdit, { range: { start: position, end: position }, newText: 'AC-02' });
    assert.equal(items[2].detail, 'Backup restore test');
    assert.deepEqual(labels(await complete(REGISTER, at(REGISTER, '      - BC-02', 8))), ['AC-01', 'AC-02', 'AC-03', 'AC-04']);
  });

  test('criterion ids in a risk\'s criteria', async () => {
    const items = await complete(REGISTER, at(REGISTER, 'criteria: [', 11));
    assert.deepEqual(labels(items), TSC_2017.criteria.map((c) => c.id).filter((id) => id !== 'CC6.1'));
  });

  test('treatment values, 1–5 for likelihood and impact, and owners', async () => {
    const treatment = await complete(REGISTER, at(REGISTER, 'treatment: mitigate', 19));
    assert.deepEqual(treatment.map((i) => [i.label, i.detail]), [
      ['mitigate', 'reduce it with the listed controls'], ['accept', 'live with it until its next review'],
      ['transfer', 'insurance or a contract carries the cost'], ['avoid', 'stop the activity that causes it'],
    ]);
    const position = at(REGISTER, 'treatment: mitigate', 19);
    assert.deepEqual(treatment[0].textEdit, { range: { start: { line: position.line, character: position.character - 8 }, end: position }, newText: 'mitigate' });
    const likelihood = await complete(REGISTER, at(REGISTER, 'likelihood: 3', 13));
    assert.deepEqual(likelihood.map((i) => [i.label, i.detail]), [['1', 'rare'], ['2', 'unlikely'], ['3', 'possible'], ['4', 'likely'], ['5', 'almost certain']]);
    const impact = await complete(REGISTER, at(REGISTER, 'impact: 4', 9));
    assert.deepEqual(impact.map((i) => [i.label, i.detail]), [['1', 'negligible'], ['2', 'minor'], ['3', 'moderate'], ['4', 'major'], ['5', 'severe']]);
    assert.deepEqual(labels(await complete(REGISTER, at(REGISTER, 'owner: alice', 12))), ['alice@example.com', 'bob@example.com', 'carol@example.com', 'dave@example.com', 'erin@example.com']);
  });
});

describe('definition and references', () => {
  const defs = (rel: string, position: Position) => client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri(rel) }, position });
  const refs = (rel: string, position: Position, includeDeclaration: boolean) =>
    client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uri(rel) }, position, context: { includeDeclaration } });

  test('a control id in a risk leads to the control; a risk id to its definition', async () => {
    assert.deepEqual(await defs(REGISTER, at(REGISTER, 'AC-03]', 2)), [loc('controls/access.yaml', 30, 8, 13)]);
    assert.deepEqual(await defs(REGISTER, at(REGISTER, 'R-03', 1)), [loc(REGISTER, 25, 8, 12)]);
    assert.equal(await defs(REGISTER, at(REGISTER, 'BC-02')), null);
  });

  test('references of a control include the risks that list it', async () => {
    assert.deepEqual(await refs('controls/access.yaml', at('controls/access.yaml', 'AC-01'), true), [
      loc('controls/access.yaml', 2, 8, 13),
      loc('policies/access.md', 9, 11, 16), loc('policies/access.md', 22, 43, 48),
      loc('policies/security.md', 10, 4, 9),
      loc(REGISTER, 8, 15, 20), loc(REGISTER, 31, 15, 20),
    ]);
    assert.deepEqual(await refs(REGISTER, at(REGISTER, 'BC-01'), false), [loc('policies/continuity.md', 6, 11, 16), loc('policies/continuity.md', 11, 42, 47), loc(REGISTER, 20, 8, 13)]);
  });

  test('references of a risk and of a criterion a risk maps', async () => {
    assert.deepEqual(await refs(REGISTER, at(REGISTER, 'R-01'), true), [loc(REGISTER, 2, 8, 12)]);
    assert.equal(await refs(REGISTER, at(REGISTER, 'R-01'), false), null);
    assert.deepEqual(await refs(REGISTER, at(REGISTER, 'CC6.1'), true), [
      loc('controls/access.yaml', 7, 15, 20), loc('controls/access.yaml', 35, 15, 20), loc('policies/access.md', 8, 11, 16), loc(REGISTER, 9, 15, 20),
    ]);
  });
});

describe('code lens, symbols and the stub-control fix', () => {
  test('code lens on each risk: score and controls', async () => {
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri(REGISTER) } }))!;
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]), [
      [2, 'score 12 (likelihood 3 × impact 4) · 2 controls', 'soc2.showSummary.server'],
      [12, 'score 10 (likelihood 2 × impact 5) · 2 controls (1 missing)', 'soc2.showSummary.server'],
      [25, 'score 6 (likelihood 2 × impact 3) · 1 control', 'soc2.showSummary.server'],
    ]);
  });

  test('document symbols of a risk register: each risk with its fields', async () => {
    const s = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri(REGISTER) } })) as DocumentSymbol[];
    assert.deepEqual(s.map((x) => [x.name, x.detail, x.selectionRange.start.line]), [
      ['R-01', 'Stolen credentials reach customer data', 2], ['R-02', 'Backups cannot be restored when needed', 12], ['R-03', 'Shared admin accounts hide who did what', 25],
    ]);
    assert.deepEqual(s[1].children!.map((c) => [c.name, c.detail]), [
      ['id', 'R-02'], ['title', 'Backups cannot be restored when needed'], ['description', 'A restore that fails during an outage turns hours of downtime into days.'],
      ['owner', 'dave@example.com'], ['likelihood', '2'], ['impact', '5'], ['treatment', 'mitigate'], ['controls', '2 items'], ['criteria', '2 items'], ['last_reviewed', '2026-05-01'],
    ]);
  });

  test('workspace symbols include risks, by id or title', async () => {
    const find = async (query: string) => ((await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query })) ?? [])
      .map((s) => [s.name, s.kind, 'uri' in s.location ? s.location.uri : '']);
    assert.deepEqual(await find('backups'), [['BC-01 — Backup restore test', 19, uri('controls/continuity.yaml')], ['R-02 — Backups cannot be restored when needed', 24, uri(REGISTER)]]);
    assert.deepEqual((await find('r-03')).map((s) => s[0]), ['R-03 — Shared admin accounts hide who did what']);
  });

  test('risk-unknown-control: a stub control beside those with its prefix, mapping the risk\'s criteria', async () => {
    const d = (client.diagnostics.get(uri(REGISTER)) ?? []).find((x) => x.code === 'risk-unknown-control')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri(REGISTER) }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Create control BC-02 in controls/continuity.yaml', true]]);
    const before = text('controls/continuity.yaml');
    const edited = `${before}---\r\nid: BC-02\r\ntitle: ""\r\nowner: ""\r\nstatus: planned\r\ncriteria: [A1.2, A1.3]\r\n`;
    const out = applyWorkspaceEdit(actions[0].edit!, (u) => (u === uri('controls/continuity.yaml') ? before : undefined));
    assert.deepEqual([...out], [[uri('controls/continuity.yaml'), edited]]);
    // With the stub in place the risk names no missing control; undoing brings the finding back.
    client.change(uri('controls/continuity.yaml'), [{ text: edited }]);
    try {
      await client.waitForDiagnostics(uri(REGISTER), (ds) => !ds.some((x) => x.code === 'risk-unknown-control'));
    } finally {
      client.change(uri('controls/continuity.yaml'), [{ text: before }]);
    }
    await client.waitForDiagnostics(uri(REGISTER), (ds) => JSON.stringify(brief(ds)) === '["risk-unknown-control@22:9"]');
  });
});

describe('risk files on disk', () => {
  const NEW = 'risks/vendors.yaml';
  const watched = (type: FileChangeType) => client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(NEW), type }] });
  const symbols = async (query: string) => ((await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query })) ?? []).map((s) => s.name);
  const risk = (controls: string) => [
    'id: R-10', 'title: A vendor leaks customer data', 'owner: erin@example.com', 'likelihood: 2', 'impact: 4', 'treatment: mitigate',
    `controls: [${controls}]`, 'last_reviewed: 2026-06-01', '',
  ].join('\n');

  test('created, changed and deleted outside the editor update the index', async () => {
    writeFileSync(ws.path('lsp', NEW), risk('VM-01'));
    await watched(FileChangeType.Created);
    const created = await client.waitForDiagnostics(uri(NEW), (ds) => ds.length > 0);
    assert.deepEqual(brief(created), ['risk-unknown-control@7:12', 'risk-untreated@6:12']);
    assert.deepEqual(await symbols('R-10'), ['R-10 — A vendor leaks customer data']);

    writeFileSync(ws.path('lsp', NEW), risk('AC-02'));
    await watched(FileChangeType.Changed);
    await client.waitForDiagnostics(uri(NEW), (ds) => ds.length === 0);
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('policies/access.md') }, position: at('policies/access.md', '(AC-02)', 2) });
    assert.equal((h!.contents as MarkupContent).value.split('\n').pop(), '- **Mitigates risks:** R-10 (score 8)');

    writeFileSync(ws.path('lsp', NEW), risk('VM-01'));
    await watched(FileChangeType.Changed);
    await client.waitForDiagnostics(uri(NEW), (ds) => ds.length === 2);
    rmSync(ws.path('lsp', NEW));
    await watched(FileChangeType.Deleted);
    await client.waitForDiagnostics(uri(NEW), (ds) => ds.length === 0);
    assert.deepEqual(await symbols('R-10'), []);
  });
});
