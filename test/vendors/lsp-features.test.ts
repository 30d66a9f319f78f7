/**
 * The editor features on vendor ids, called in-process on a loaded project with the document's text
 * (the server calls these same functions): hover, completion, definition, references and the quick fixes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic as LspDiagnostic, MarkupContent, Position } from 'vscode-languageserver';
import { CHECKS } from '../../server/src/checks';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { loadProject } from '../../server/src/engine/load';
import type { FeatureContext } from '../../server/src/lsp/feature-context';
import type { ComplianceRoot } from '../../server/src/lsp/roots';
import { hover } from '../../server/src/lsp/hover';
import { completion } from '../../server/src/lsp/completion';
import { definition } from '../../server/src/lsp/definition';
import { references } from '../../server/src/lsp/references';
import { codeActions } from '../../server/src/lsp/code-actions';
import { applyWorkspaceEdit, positionOf } from '../lsp-client';
import { edit, TODAY } from '../helpers';
import { vendorRepo, type VendorFields } from '../vendor-helpers';

const URI = (p: string) => `file:///repo/${p}`;

async function context(files: Record<string, string>, path: string): Promise<FeatureContext> {
  const { project } = await loadProject(new MemoryWorkspace(files), { today: TODAY, checks: CHECKS });
  const root = { uriOf: URI } as unknown as ComplianceRoot;
  return { root, project, path, document: TextDocument.create(URI(path), 'yaml', 1, files[path]), textOf: (p) => files[p] };
}

function repo(fields: VendorFields = {}): Record<string, string> {
  const files = edit(vendorRepo(fields), 'controls/access.yaml', '    policies: [POL-AC]', '    policies: [POL-AC]\n    vendors: [V-CLOUD]');
  return edit(files, 'soc2.yaml', '  categories: [security]', '  categories: [security]\n  exclusions:\n    - criterion: CC6.4\n      vendor: V-CLOUD');
}

const REG = 'vendors/register.yaml';
const hoverText = async (ctx: FeatureContext, pos: Position) => ((hover(ctx, pos)?.contents) as MarkupContent | undefined)?.value;

test('hover on a vendor id shows the assurance status, wherever the id is written', async () => {
  const files = repo({ assurance: '{ type: soc2-type2, period_start: 2025-02-01, period_end: 2025-06-30 }' });
  const ctx = await context(files, REG);
  const expected = [
    '**V-CLOUD** Nimbus Cloud', '',
    'Vendor in vendors/register.yaml', '',
    '- **Owner:** bob@example.com',
    '- **Criticality:** high',
    '- **Subservice organisation:** carve-out',
    '- **Assurance:** SOC 2 Type 2, 2025-02-01 to 2025-06-30: **out of date** since 2026-06-30 (15 days)',
    '- **Observation period:** uncovered 2026-01-01..2026-06-30',
    '- **CSOCs:** 1',
    '- **Reviewed by controls:** AC-01',
    '- **Last review:** 2026-03-01 (next due 2027-03-01)',
  ].join('\n');
  assert.equal(await hoverText(ctx, positionOf(files[REG], 'V-CLOUD', 2)), expected);
  const inControl = await context(files, 'controls/access.yaml');
  assert.equal(await hoverText(inControl, positionOf(files['controls/access.yaml'], 'V-CLOUD', 1)), expected);
  const inConfig = await context(files, 'soc2.yaml');
  assert.equal(await hoverText(inConfig, positionOf(files['soc2.yaml'], 'V-CLOUD', 1)), expected);
  const current = await context(repo(), REG);
  assert.match((await hoverText(current, positionOf(repo()[REG], 'V-CLOUD', 2)))!, /- \*\*Assurance:\*\* SOC 2 Type 2, 2025-10-01 to 2026-09-30: current\n- \*\*Observation period:\*\* covered\n/);
});

test('definition and references of a vendor id', async () => {
  const files = repo();
  const ctx = await context(files, 'controls/access.yaml');
  const defs = definition(ctx, positionOf(files['controls/access.yaml'], 'V-CLOUD', 1));
  assert.deepEqual(defs, [{ uri: URI(REG), range: { start: { line: 1, character: 8 }, end: { line: 1, character: 15 } } }]);
  const refs = references(ctx, positionOf(files['controls/access.yaml'], 'V-CLOUD', 1), true)!;
  assert.deepEqual(refs.map((r) => `${r.uri.replace('file:///repo/', '')}:${r.range.start.line + 1}`), [REG + ':2', 'controls/access.yaml:9', 'soc2.yaml:9']);
  // A control's references include the vendors whose monitored_by names it.
  const ctl = references(ctx, positionOf(files['controls/access.yaml'], 'AC-01', 1), false)!;
  assert.ok(ctl.some((r) => r.uri === URI(REG)));
});

test('completion offers vendor ids in a control and an exclusion, and the register enums', async () => {
  const files = repo();
  files['controls/access.yaml'] = files['controls/access.yaml'].replace('vendors: [V-CLOUD]', 'vendors: [');
  const labels = (items: CompletionItem[] | null) => (items ?? []).map((i) => i.label);
  const ctl = await context(files, 'controls/access.yaml');
  assert.deepEqual(labels(completion(ctl, positionOf(files['controls/access.yaml'], 'vendors: [', 10))), ['V-CLOUD']);
  const withCrit = edit(files, REG, 'criticality: high', 'criticality: ');
  const reg = await context(withCrit, REG);
  assert.deepEqual(labels(completion(reg, positionOf(withCrit[REG], 'criticality: ', 13))), ['high', 'medium', 'low']);
  const sub = edit(files, REG, 'subservice: carve-out', 'subservice: ');
  assert.deepEqual(labels(completion(await context(sub, REG), positionOf(sub[REG], 'subservice: ', 12))), ['carve-out', 'inclusive', 'no']);
  const typeBlock = edit(files, REG, "assurance: { type: soc2-type2, period_start: 2025-10-01, period_end: 2026-09-30, received: 2026-10-20 }", 'assurance:\n      type: ');
  assert.deepEqual(labels(completion(await context(typeBlock, REG), positionOf(typeBlock[REG], 'type: ', 6))), ['soc2-type2', 'soc2-type1', 'iso27001', 'pentest', 'questionnaire', 'none']);
  const cfg = edit(files, 'soc2.yaml', 'vendor: V-CLOUD', 'vendor: V');
  assert.deepEqual(labels(completion(await context(cfg, 'soc2.yaml'), positionOf(cfg['soc2.yaml'], 'vendor: V', 9))), ['V-CLOUD']);
});

async function fixes(files: Record<string, string>, code: string): Promise<{ actions: CodeAction[]; apply: (a: CodeAction) => string }> {
  const ctx = await context(files, REG);
  const ds = ctx.project.diagnosticsFor(REG).filter((d) => d.code === code);
  assert.equal(ds.length, 1, `one ${code}`);
  const lsp: LspDiagnostic = { range: ds[0].range, message: ds[0].message, code, source: 'soc2', data: ds[0].data };
  const actions = codeActions(ctx, ds[0].range, { diagnostics: [lsp] });
  return { actions, apply: (a) => applyWorkspaceEdit(a.edit!, (u) => (u === URI(REG) ? files[REG] : undefined)).get(URI(REG))! };
}

test('quick fix: add a bridge-letter date to stale assurance, flow or block, and the finding goes', async () => {
  const flow = repo({ assurance: '{ type: soc2-type2, period_start: 2024-07-01, period_end: 2025-06-30 }' });
  const f = await fixes(flow, 'vendor-assurance-stale');
  assert.deepEqual(f.actions.map((a) => a.title), ['Add a bridge-letter date (bridge_letter_until: 2026-07-15; use the date the letter covers to)']);
  const fixed = f.apply(f.actions[0]);
  assert.match(fixed, /assurance: \{ type: soc2-type2, period_start: 2024-07-01, period_end: 2025-06-30, bridge_letter_until: 2026-07-15 \}/);
  const ctx = await context({ ...flow, [REG]: fixed }, REG);
  assert.deepEqual(ctx.project.diagnosticsFor(REG).filter((d) => d.code === 'vendor-assurance-stale'), []);

  const block = repo({ assurance: '\n      type: soc2-type2 # the audited report\n      period_end: 2025-06-30' });
  const b = await fixes(block, 'vendor-assurance-stale');
  assert.match(b.apply(b.actions[0]), /\n      period_end: 2025-06-30\n      bridge_letter_until: 2026-07-15\n    csocs:/);
});

test('quick fix: a bridge letter closes a gap at the end of the period, not one before the report', async () => {
  const end = await fixes(repo({ assurance: '{ type: soc2-type2, period_start: 2025-07-01, period_end: 2026-03-31 }' }), 'vendor-assurance-gap');
  assert.match(end.apply(end.actions[0]), /period_end: 2026-03-31, bridge_letter_until: 2026-06-30 \}/);
  const start = await fixes(repo({ assurance: '{ type: soc2-type2, period_start: 2026-02-01, period_end: 2026-08-31 }' }), 'vendor-assurance-gap');
  assert.deepEqual(start.actions, []);
});

test('quick fix: add a CSOC stub, with the criteria carved out to the vendor', async () => {
  const none = await fixes(repo({ csocs: null }), 'subservice-without-csocs');
  assert.deepEqual(none.actions.map((a) => a.title), ['Add a CSOC stub to V-CLOUD']);
  const text = none.apply(none.actions[0]);
  assert.match(text, /\n    last_reviewed: 2026-03-01\n    csocs:\n      - description: "What we rely on Nimbus Cloud to operate"\n        criteria: \[CC6\.4\]\n/);
  const ctx = await context({ ...repo({ csocs: null }), [REG]: text }, REG);
  assert.deepEqual(ctx.project.diagnosticsFor(REG).filter((d) => ['subservice-without-csocs', 'schema', 'yaml-syntax'].includes(d.code)), []);
  const empty = await fixes(repo({ csocs: '[]' }), 'subservice-without-csocs');
  assert.match(empty.apply(empty.actions[0]), /csocs: \[\{ description: "What we rely on Nimbus Cloud to operate", criteria: \[CC6\.4\] \}\]/);
});
