/**
 * The language server, driven over stdio by a real LSP client on a copy of two fixture roots
 * (test/fixtures/basic and test/fixtures/lsp, a multi-root workspace). Run `npm run build` first.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeActionRequest, CodeLensRequest, CompletionRequest, DefinitionRequest, DocumentSymbolRequest, HoverRequest,
  ReferencesRequest, WorkspaceSymbolRequest,
  type CodeAction, type CompletionItem, type Diagnostic, type DocumentSymbol, type Location, type MarkupContent, type Position,
} from 'vscode-languageserver-protocol/node';
import { TSC_2017 } from '../server/src/catalog/tsc2017';
import { applyWorkspaceEdit, LspClient, positionOf, TempWorkspace } from './lsp-client';
import { brief, core, CRLF, INITIAL, TODAY, UNMAPPED } from './lsp-fixture';

const ws = new TempWorkspace();
let client: LspClient;
const uri = (rel: string) => ws.uri('lsp', rel);
const text = (rel: string) => ws.read('lsp', rel);
const summary = (id: string) => TSC_2017.criteria.find((c) => c.id === id)!.summary;
const at = (rel: string, needle: string, delta = 0, nth = 0): Position => positionOf(text(rel), needle, delta, nth);

/** Opens a file with its text from disk, as an editor would; features answer only for open documents. */
function open(rel: string): string {
  const t = text(rel);
  client.open(uri(rel), t);
  return t;
}

/** Waits until every file is back to its initial diagnostics (after tests that type and undo). */
async function settled(): Promise<void> {
  for (const [rel, codes] of Object.entries(INITIAL)) await client.waitForDiagnostics(uri(rel), (ds) => JSON.stringify(brief(ds)) === JSON.stringify(codes));
}

before(async () => {
  ws.add('basic');
  ws.add('lsp', { crlf: CRLF });
  client = await LspClient.start({ folders: [ws.path('basic'), ws.path('lsp')], initializationOptions: { today: TODAY, debounceMs: 0 } });
  await client.indexed;
});

after(async () => {
  await client?.stop();
  ws.dispose();
});

describe('diagnostics', () => {
  test('are published for every file of both roots without opening any', () => {
    for (const [rel, codes] of Object.entries(INITIAL)) assert.deepEqual(brief(client.diagnostics.get(uri(rel)) ?? []), codes, rel);
    const config = core(client.diagnostics.get(uri('soc2.yaml')) ?? []);
    assert.deepEqual(config.map((d) => (d.data as { criterion: string }).criterion), UNMAPPED);
    assert.deepEqual([...new Set(brief(config))], ['unmapped-criterion@6:16', 'unmapped-criterion@6:26']);
    // The basic root: only soc2.yaml has findings (the same 32 gaps); clean files are never published.
    assert.equal(core(client.diagnostics.get(ws.uri('basic', 'soc2.yaml')) ?? []).length, 32);
    assert.deepEqual(brief(client.diagnostics.get(ws.uri('basic', 'controls', 'access.yaml')) ?? []), []);
    assert.deepEqual(brief(client.diagnostics.get(ws.uri('basic', 'policies', 'access.md')) ?? []), []);
  });

  test('a frequency mismatch points at the control frequency node', () => {
    const [d] = client.diagnostics.get(uri('policies/continuity.md'))!.filter((x) => x.code === 'frequency-mismatch');
    assert.equal(d.severity, 3); // info: the control (quarterly) runs more often than the policy promises (annually)
    assert.equal(d.source, 'soc2');
    assert.deepEqual(d.relatedInformation, [{
      location: { uri: uri('controls/continuity.yaml'), range: { start: { line: 3, character: 11 }, end: { line: 3, character: 20 } } },
      message: 'BC-01 frequency: quarterly',
    }]);
  });
});

describe('hover', () => {
  const hover = async (rel: string, position: Position) => {
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(rel) }, position });
    return h && (h.contents as MarkupContent).value;
  };
  before(() => { for (const f of ['controls/access.yaml', 'policies/access.md', 'soc2.yaml']) open(f); });

  test('on a criterion: category, series, summary, mapping and coverage', async () => {
    assert.equal(await hover('controls/access.yaml', at('controls/access.yaml', 'CC6.2]', 2)), [
      '**CC6.2** · Security · CC6 Logical and physical access controls', '',
      summary('CC6.2'), '',
      '- **Coverage:** covered',
      '- **Controls:** AC-01 (implemented), AC-02 (implemented)',
      '- **Policies:** POL-AC',
    ].join('\n'));
  });

  test('on an excluded criterion in soc2.yaml', async () => {
    assert.equal(await hover('soc2.yaml', at('soc2.yaml', 'CC6.4')), [
      '**CC6.4** · Security · CC6 Logical and physical access controls', '',
      summary('CC6.4'), '',
      '- **Coverage:** excluded (Data centres are run by our cloud provider.)',
      '- **Controls:** none',
      '- **Policies:** none',
    ].join('\n'));
  });

  test('on a control id mentioned in a policy body: owner, frequency, status, review, evidence', async () => {
    assert.equal(await hover('policies/access.md', at('policies/access.md', 'owners (AC-02)', 10)), [
      '**AC-02** Quarterly access review', '',
      'Control in controls/access.yaml', '',
      '- **Owner:** carol@example.com',
      '- **Frequency:** quarterly',
      '- **Status:** implemented',
      '- **Last review:** 2025-01-10 (next due 2026-01-10, overdue by 186 days)',
      '- **Newest evidence:** 2026-06-30 (15 days old)',
      '- **Criteria:** CC6.2, CC6.3',
      '- **Policies:** POL-AC, POL-IS',
    ].join('\n'));
  });

  test('on a control definition escapes Markdown in its title', async () => {
    const value = await hover('controls/access.yaml', at('controls/access.yaml', 'AC-04', 1));
    assert.equal(value?.split('\n')[0], '**AC-04** Privileged access approval \\[admin\\_\\*\\]');
  });

  test('on a policy id in a control list', async () => {
    assert.equal(await hover('controls/access.yaml', at('controls/access.yaml', 'POL-AC')), [
      '**POL-AC** Access Control Policy', '',
      'Policy in policies/access.md', '',
      '- **Owner:** alice@example.com',
      '- **Approver:** erin@example.com',
      '- **Version:** 1.2',
      '- **Review cycle:** annual',
      '- **Last review:** 2026-02-01 (next due 2027-02-01)',
      '- **Controls:** AC-01 (implemented), AC-02 (implemented), AC-03 (partial), AC-04 (planned)',
      '- **Criteria:** CC6.1, CC6.2, CC6.3',
    ].join('\n'));
  });

  test('on plain prose is empty', async () => {
    assert.equal(await hover('policies/access.md', at('policies/access.md', 'Exceptions are', 3)), null);
  });
});

describe('completion', () => {
  const complete = async (rel: string, position: Position): Promise<CompletionItem[]> => {
    const r = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri(rel) }, position });
    return Array.isArray(r) ? r : r?.items ?? [];
  };
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);
  const allCriteria = TSC_2017.criteria.map((c) => c.id);
  before(() => { for (const f of ['controls/access.yaml', 'policies/access.md', 'policies/security.md', 'soc2.yaml']) open(f); });

  /** Types into an open document, runs `fn`, then restores the text. */
  async function typing(rel: string, from: string, to: string, fn: (t: string) => Promise<void>): Promise<void> {
    const original = text(rel);
    const changed = original.replace(from, to);
    assert.notEqual(changed, original);
    client.change(uri(rel), [{ text: changed }]);
    try { await fn(changed); } finally { client.change(uri(rel), [{ text: original }]); }
  }

  test('criterion ids in a half-typed flow list, without those already listed', async () => {
    await typing('controls/access.yaml', 'criteria: [CC6.1, "cc6.6"]', 'criteria: [CC6.1, CC7.', async (t) => {
      const position = positionOf(t, 'CC7.', 4);
      const items = await complete('controls/access.yaml', position);
      assert.deepEqual(labels(items), allCriteria.filter((id) => id !== 'CC6.1'));
      const cc72 = items.find((i) => i.label === 'CC7.2')!;
      assert.deepEqual(cc72.textEdit, { range: { start: { line: position.line, character: position.character - 4 }, end: position }, newText: 'CC7.2' });
      assert.equal(cc72.detail, 'System operations · Security');
      assert.deepEqual(cc72.documentation, { kind: 'markdown', value: summary('CC7.2') });
      const c11 = items.find((i) => i.label === 'C1.1')!;
      assert.equal(c11.detail, `${TSC_2017.criteria.find((c) => c.id === 'C1.1')!.seriesName} · Confidentiality (not in scope)`);
      assert.ok(cc72.sortText! < c11.sortText!, 'in-scope criteria sort first');
    });
  });

  test('criterion ids in a new block list item', async () => {
    await typing('controls/access.yaml', '      - CC6.3\n', '      - CC6.3\n      - \n', async (t) => {
      const items = await complete('controls/access.yaml', positionOf(t, '      - \n', 8));
      assert.deepEqual(labels(items), allCriteria.filter((id) => id !== 'CC6.2' && id !== 'CC6.3'));
    });
  });

  test('enum values for frequency and status, replacing the word typed', async () => {
    const position = at('controls/access.yaml', 'on-event\n    status: planned', 8);
    const items = await complete('controls/access.yaml', position);
    assert.deepEqual(labels(items), ['continuous', 'daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'annual', 'on-event']);
    assert.deepEqual(items[0].textEdit, { range: { start: { line: position.line, character: position.character - 8 }, end: position }, newText: 'continuous' });
    assert.deepEqual(labels(await complete('controls/access.yaml', at('controls/access.yaml', 'status: planned', 15))), ['implemented', 'partial', 'planned', 'not-applicable']);
    assert.deepEqual(labels(await complete('policies/access.md', at('policies/access.md', 'review_cycle: annual', 20))), ['monthly', 'quarterly', 'semiannual', 'annual']);
  });

  test('owners already used in the repo', async () => {
    const items = await complete('controls/access.yaml', at('controls/access.yaml', 'owner: carol', 12));
    assert.deepEqual(labels(items), ['alice@example.com', 'bob@example.com', 'carol@example.com', 'dave@example.com', 'erin@example.com']);
    assert.deepEqual(labels(await complete('policies/access.md', at('policies/access.md', 'approver: ', 10))), labels(items));
  });

  test('policy ids in a control, control ids in front matter, categories in soc2.yaml', async () => {
    assert.deepEqual(labels(await complete('controls/access.yaml', at('controls/access.yaml', 'policies: [', 11))), ['POL-BC', 'POL-IS']);
    assert.deepEqual(labels(await complete('policies/security.md', at('policies/security.md', '  - AC-01', 9))), ['AC-01', 'AC-02', 'AC-03', 'AC-04', 'BC-01']);
    assert.deepEqual(labels(await complete('soc2.yaml', at('soc2.yaml', 'categories: [', 13))), ['confidentiality', 'processing-integrity', 'privacy']);
    assert.deepEqual(labels(await complete('soc2.yaml', at('soc2.yaml', 'criterion: CC6.4', 16))), allCriteria);
    assert.deepEqual(labels(await complete('policies/access.md', at('policies/access.md', 'criteria: [', 11))), allCriteria.filter((id) => !['CC6.1', 'CC6.2', 'CC6.3'].includes(id)));
    assert.deepEqual(labels(await complete('policies/access.md', at('policies/access.md', 'AC-04]', 5))), ['AC-04', 'BC-01']);
  });

  test('control ids in a policy body after a typed prefix, never in plain words', async () => {
    const position = at('policies/access.md', '(AC-01)', 5);
    const items = await complete('policies/access.md', position);
    assert.deepEqual(labels(items), ['AC-01', 'AC-02', 'AC-03', 'AC-04']);
    assert.deepEqual(items[0].textEdit, { range: { start: { line: position.line, character: position.character - 4 }, end: position }, newText: 'AC-01' });
    assert.deepEqual(await complete('policies/access.md', at('policies/access.md', 'Exceptions are', 10)), []);
  });
});

describe('definition and references', () => {
  const loc = (rel: string, line: number, start: number, end: number): Location => ({ uri: uri(rel), range: { start: { line, character: start }, end: { line, character: end } } });
  const defs = (rel: string, position: Position) => client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri(rel) }, position });
  const refs = (rel: string, position: Position, includeDeclaration: boolean) =>
    client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uri(rel) }, position, context: { includeDeclaration } });
  before(() => { for (const f of ['controls/access.yaml', 'policies/access.md', 'policies/security.md', 'soc2.yaml']) open(f); });

  test('a control id in a policy body leads to the control', async () => {
    assert.deepEqual(await defs('policies/access.md', at('policies/access.md', '(AC-02)', 2)), [loc('controls/access.yaml', 14, 8, 13)]);
  });

  test('a policy id in a control list leads to the policy', async () => {
    assert.deepEqual(await defs('controls/access.yaml', at('controls/access.yaml', 'POL-IS', 3)), [loc('policies/security.md', 1, 4, 10)]);
    assert.equal(await defs('controls/access.yaml', at('controls/access.yaml', 'CC6.1')), null);
  });

  test('references of a control: definition, front matter item and body mention', async () => {
    const position = at('controls/access.yaml', 'AC-02');
    const all = [loc('controls/access.yaml', 14, 8, 13), loc('policies/access.md', 9, 18, 23), loc('policies/access.md', 23, 55, 60)];
    assert.deepEqual(await refs('controls/access.yaml', position, true), all);
    assert.deepEqual(await refs('controls/access.yaml', position, false), all.slice(1));
  });

  test('references of a policy: its definition and the controls listing it', async () => {
    assert.deepEqual(await refs('policies/security.md', at('policies/security.md', 'POL-IS'), true), [loc('policies/security.md', 1, 4, 10), loc('controls/access.yaml', 24, 8, 14)]);
  });

  test('references of a criterion: the exact list items of every control and policy mapping it', async () => {
    assert.deepEqual(await refs('policies/access.md', at('policies/access.md', 'CC6.2'), true), [
      loc('controls/access.yaml', 7, 22, 27), loc('controls/access.yaml', 20, 8, 13), loc('policies/access.md', 8, 18, 23),
    ]);
    assert.deepEqual(await refs('soc2.yaml', at('soc2.yaml', 'CC6.4'), true), [loc('soc2.yaml', 7, 17, 22)]);
  });
});

describe('code actions', () => {
  before(async () => {
    for (const f of ['controls/access.yaml', 'controls/continuity.yaml', 'policies/access.md', 'policies/security.md', 'policies/continuity.md']) open(f);
    await settled();
  });

  const actionsFor = async (rel: string, code: string, nth = 0): Promise<CodeAction[]> => {
    const d = (client.diagnostics.get(uri(rel)) ?? []).filter((x) => x.code === code)[nth];
    assert.ok(d, `${code} on ${rel}`);
    const r = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri(rel) }, range: d.range, context: { diagnostics: [d] } });
    return (r ?? []) as CodeAction[];
  };
  /** The texts after applying an action, keyed by root-relative path. */
  const apply = (a: CodeAction): Record<string, string> => {
    const out = applyWorkspaceEdit(a.edit!, (u) => { try { return ws.read(decodeURIComponent(new URL(u).pathname).slice(ws.dir.length + 1)); } catch { return undefined; } });
    return Object.fromEntries([...out].map(([u, t]) => [decodeURIComponent(new URL(u).pathname).slice(ws.path('lsp').length + 1), t]));
  };

  test('unknown criterion: replace with the suggestion, keeping the quotes', async () => {
    const actions = await actionsFor('controls/access.yaml', 'unknown-criterion');
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [[`Replace with CC6.6 (${summary('CC6.6').slice(0, 59).trimEnd()}…)`, true]]);
    assert.deepEqual(apply(actions[0]), { 'controls/access.yaml': text('controls/access.yaml').replace('"cc6.6"', '"CC6.6"') });
  });

  test('stale review: set last_reviewed to today, keeping the comment', async () => {
    const actions = await actionsFor('controls/access.yaml', 'stale-review');
    assert.deepEqual(actions.map((a) => a.title), ['Mark as reviewed today (last_reviewed: 2026-07-15)']);
    assert.deepEqual(apply(actions[0]), { 'controls/access.yaml': text('controls/access.yaml').replace('2025-01-10   # more', '2026-07-15   # more') });
  });

  test('missing review date: adds the key in the file\'s own CRLF line endings', async () => {
    const before = text('controls/continuity.yaml');
    assert.ok(before.includes('\r\n'));
    const actions = await actionsFor('controls/continuity.yaml', 'missing-review-date');
    assert.deepEqual(actions.map((a) => a.title), ['Add last_reviewed: 2026-07-15 (reviewed today)']);
    assert.deepEqual(apply(actions[0]), { 'controls/continuity.yaml': before.replace('# restore tests\r\n', '# restore tests\r\nlast_reviewed: 2026-07-15\r\n') });
  });

  test('unknown control mentioned in a body: a stub appended beside the controls with its prefix', async () => {
    const actions = await actionsFor('policies/access.md', 'unknown-reference');
    assert.deepEqual(actions.map((a) => a.title), ['Create control AC-09 in controls/access.yaml']);
    const stub = '  - id: AC-09\n    title: ""\n    owner: ""\n    frequency: monthly\n    status: planned\n    criteria: []\n    policies: [POL-AC]\n';
    const edited = text('controls/access.yaml').replace('2026-04-01\n# end', `2026-04-01\n${stub}# end`);
    assert.deepEqual(apply(actions[0]), { 'controls/access.yaml': edited });
    // The server agrees: with the stub in place the policy no longer names a missing control.
    client.change(uri('controls/access.yaml'), [{ text: edited }]);
    try {
      await client.waitForDiagnostics(uri('policies/access.md'), (ds) => !ds.some((d) => d.code === 'unknown-reference'));
    } finally {
      client.change(uri('controls/access.yaml'), [{ text: text('controls/access.yaml') }]);
    }
    await client.waitForDiagnostics(uri('policies/access.md'), (ds) => ds.some((d) => d.code === 'unknown-reference'));
  });

  test('unknown control with a new prefix: a new controls file, never overwriting', async () => {
    const actions = await actionsFor('policies/security.md', 'unknown-reference');
    assert.deepEqual(actions.map((a) => a.title), ['Create control HR-01 in new file controls/hr.yaml']);
    assert.deepEqual(actions[0].edit!.documentChanges![0], { kind: 'create', uri: uri('controls/hr.yaml'), options: { overwrite: false, ignoreIfExists: false } });
    assert.deepEqual(apply(actions[0]), {
      'controls/hr.yaml': 'controls:\n  - id: HR-01\n    title: ""\n    owner: ""\n    frequency: on-event\n    status: planned\n    criteria: []\n    policies: [POL-IS]\n',
    });
  });

  test('one-sided link: adds the control to a block list in the policy front matter', async () => {
    const actions = await actionsFor('controls/access.yaml', 'one-sided-link');
    assert.deepEqual(actions.map((a) => a.title), ['Add AC-02 to the controls of POL-IS (policies/security.md)']);
    assert.deepEqual(apply(actions[0]), { 'policies/security.md': text('policies/security.md').replace('  - AC-01\n---', '  - AC-01\n  - AC-02\n---') });
  });

  test('one-sided link: adds the policy to a control flow list, or the missing key', async () => {
    const flow = await actionsFor('policies/security.md', 'one-sided-link');
    assert.deepEqual(flow.map((a) => a.title), ['Add POL-IS to the policies of AC-01 (controls/access.yaml)']);
    assert.deepEqual(apply(flow[0]), { 'controls/access.yaml': text('controls/access.yaml').replace('policies: [POL-AC]\n    last_reviewed: 2026-03-01', 'policies: [POL-AC, POL-IS]\n    last_reviewed: 2026-03-01') });
    const key = await actionsFor('policies/access.md', 'one-sided-link');
    assert.deepEqual(key.map((a) => a.title), ['Add POL-AC to the policies of AC-04 (controls/access.yaml)']);
    assert.deepEqual(apply(key[0]), { 'controls/access.yaml': text('controls/access.yaml').replace('2026-04-01\n# end', '2026-04-01\n    policies: [POL-AC]\n# end') });
  });

  test('frequency mismatch: set the control to the policy, or reword the policy, bytes elsewhere untouched', async () => {
    const actions = await actionsFor('policies/continuity.md', 'frequency-mismatch');
    assert.deepEqual(actions.map((a) => a.title), ['Set BC-01 frequency to annual, as the policy states', 'Reword the policy to "Quarterly", as BC-01 runs (quarterly)']);
    assert.deepEqual(apply(actions[0]), { 'controls/continuity.yaml': text('controls/continuity.yaml').replace('frequency: quarterly\r\n', 'frequency: annual\r\n') });
    assert.deepEqual(apply(actions[1]), { 'policies/continuity.md': text('policies/continuity.md').replace('tested Annually (BC-01)', 'tested Quarterly (BC-01)') });
  });

  test('diagnostics of other tools, and requests for other kinds of action, get none', async () => {
    const d: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', code: 'stale-review', source: 'yaml' };
    assert.deepEqual(await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri('controls/access.yaml') }, range: d.range, context: { diagnostics: [d] } }), []);
    const stale = client.diagnostics.get(uri('controls/access.yaml'))!.filter((x) => x.code === 'stale-review');
    const ask = (only: string[]) => client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri('controls/access.yaml') }, range: stale[0].range, context: { diagnostics: stale, only } });
    assert.deepEqual(await ask(['source']), []);
    assert.equal(((await ask(['quickfix'])) as CodeAction[]).length, 1);
  });
});

describe('code lens and symbols', () => {
  before(() => { for (const f of ['controls/access.yaml', 'policies/access.md', 'policies/security.md', 'soc2.yaml']) open(f); });
  const lenses = async (rel: string) => (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri(rel) } }))!
    .map((l) => [l.range.start.line, l.command?.title, l.command?.command]);
  const symbols = async (rel: string) => (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri(rel) } })) as DocumentSymbol[];
  const tree = (s: DocumentSymbol[]): unknown[] => s.map((x) => (x.children?.length ? [x.name, tree(x.children)] : x.name));

  test('code lenses on controls: criteria, policies and evidence age', async () => {
    assert.deepEqual(await lenses('controls/access.yaml'), [
      [2, '2 criteria · 2 policies · evidence 12 days old', 'soc2.showSummary.server'],
      [14, '2 criteria · 2 policies · evidence 15 days old', 'soc2.showSummary.server'],
      [30, '2 criteria · 1 policy · no evidence', 'soc2.showSummary.server'],
      [39, '1 criterion · 1 policy · no evidence', 'soc2.showSummary.server'],
    ]);
  });

  test('code lenses on policies: their controls by status and the criteria covered', async () => {
    // The second lens tells when the next review is due (last_reviewed 2026-02-01 + annual; today 2026-07-15).
    assert.deepEqual(await lenses('policies/access.md'), [[1, '4 controls: 2 implemented, 1 partial, 1 planned · 3 criteria', 'soc2.showSummary.server'], [1, 'next review due in 201 days', 'soc2.showSummary.server']]);
    assert.deepEqual((await lenses('policies/security.md'))[0], [1, '3 controls: 2 implemented, 1 missing · 5 criteria', 'soc2.showSummary.server']);
  });

  test('document symbols of a policy: front matter, then sections nested by level', async () => {
    const s = await symbols('policies/access.md');
    assert.deepEqual(tree(s), [
      ['front matter', ['id', 'title', 'owner', 'approver', 'version', 'last_reviewed', 'review_cycle', 'criteria', 'controls']],
      ['Access Control Policy', ['Purpose', ['Policy statements', ['Provisioning', 'Authentication']], 'Exceptions']],
    ]);
    assert.deepEqual(s[0].range, { start: { line: 0, character: 0 }, end: { line: 10, character: 3 } });
    const statements = s[1].children![1];
    assert.deepEqual([statements.selectionRange.start, statements.range.end], [{ line: 18, character: 0 }, { line: 29, character: 0 }]);
  });

  test('document symbols of a controls file and of soc2.yaml', async () => {
    const s = await symbols('controls/access.yaml');
    assert.deepEqual(s.map((x) => [x.name, x.detail]), [['AC-01', 'Account provisioning'], ['AC-02', 'Quarterly access review'], ['AC-03', 'Multi-factor authentication'], ['AC-04', 'Privileged access approval [admin_*]']]);
    assert.deepEqual(s[0].children!.map((c) => c.name), ['id', 'title', 'owner', 'frequency', 'status', 'criteria', 'policies', 'last_reviewed', 'evidence']);
    assert.deepEqual(tree(await symbols('soc2.yaml')), ['organization', ['report', ['type']], ['scope', ['categories', 'exclusions']], ['review', ['default_cycle']]]);
  });

  test('workspace symbols across both roots by id or title', async () => {
    const find = async (query: string) => ((await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query })) ?? [])
      .map((s) => [s.name, 'uri' in s.location ? s.location.uri : '']);
    assert.deepEqual(await find('review'), [['AC-02 — Access review', ws.uri('basic', 'controls', 'access.yaml')], ['AC-02 — Quarterly access review', uri('controls/access.yaml')]]);
    assert.deepEqual(await find('polbc'), [['POL-BC — Business Continuity Policy', uri('policies/continuity.md')]]);
    assert.deepEqual(await find('nothing like it'), []);
  });
});

describe('editing', () => {
  test('a control edit re-publishes exactly the dependent policy, soc2.yaml and itself', async () => {
    const rel = 'controls/continuity.yaml';
    const original = open(rel);
    await settled();
    const from = client.publishLog.length;
    // Incremental edits, as an editor sends them: quarterly -> annual, planned -> implemented.
    const freq = positionOf(original, 'quarterly'), status = positionOf(original, 'planned');
    client.change(uri(rel), [
      { range: { start: freq, end: { line: freq.line, character: freq.character + 9 } }, text: 'annual' },
      { range: { start: status, end: { line: status.line, character: status.character + 7 } }, text: 'implemented' },
    ]);
    await client.waitForDiagnostics(uri('policies/continuity.md'), (ds) => !ds.some((d) => d.code === 'frequency-mismatch'));
    assert.deepEqual(brief(client.diagnostics.get(uri('policies/continuity.md')) ?? []), INITIAL['policies/continuity.md'].slice(1));
    const config = core(await client.waitForDiagnostics(uri('soc2.yaml'), (ds) => core(ds).length === 30));
    assert.deepEqual(config.map((d) => (d.data as { criterion: string }).criterion), UNMAPPED.filter((c) => c !== 'A1.2' && c !== 'A1.3'));
    const own = await client.waitForDiagnostics(uri(rel), (ds) => core(ds).length === 2);
    assert.deepEqual(brief(own), ['evidence-missing@1:5', 'missing-review-date@1:5']);
    assert.deepEqual([...new Set(client.publishLog.slice(from))].sort(), [uri(rel), uri('policies/continuity.md'), uri('soc2.yaml')].sort());

    // Undoing the edit brings every finding back.
    client.change(uri(rel), [{ text: original }]);
    await client.waitForDiagnostics(uri('policies/continuity.md'), (ds) => JSON.stringify(brief(ds)) === JSON.stringify(INITIAL['policies/continuity.md']));
    await client.waitForDiagnostics(uri('soc2.yaml'), (ds) => core(ds).length === 32);
  });
});
