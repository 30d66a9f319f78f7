import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { MemoryWorkspace } from '../server/src/engine/workspace';
import { CHECKS } from '../server/src/checks';
import { loadProject } from '../server/src/engine/load';
import { codeActions } from '../server/src/lsp/code-actions';
import type { FeatureContext } from '../server/src/lsp/feature-context';
import type { ComplianceRoot } from '../server/src/lsp/roots';
import { baseRepo, edit, TODAY } from './helpers';

/** The quick fixes offered for the frequency-mismatch findings of one file, computed as the server does. */
async function fixes(files: Record<string, string>, path: string): Promise<string[]> {
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  const found = project.diagnosticsFor(path).filter((d) => d.code === 'frequency-mismatch');
  assert.ok(found.length > 0, 'the repo has a mismatch to fix');
  const root = { uriOf: (p: string) => `file:///repo/${p}` } as unknown as ComplianceRoot;
  const ctx: FeatureContext = { root, project, path, document: TextDocument.create(`file:///repo/${path}`, 'markdown', 1, files[path]), textOf: (p) => files[p] };
  const diagnostics: LspDiagnostic[] = found.map((d) => ({ range: d.range, message: d.message, code: d.code, source: 'soc2', data: d.data }));
  return codeActions(ctx, found[0].range, { diagnostics }).map((a) => a.title);
}

test('reword quick fix: an event-driven control gets no rewording, since no one phrase fits every event', async () => {
  // Policy says "quarterly", the control is on-event: "upon termination" would be nonsense in this sentence.
  const files = edit(baseRepo(), 'controls/access.yaml', 'frequency: quarterly', 'frequency: on-event');
  assert.deepEqual(await fixes(files, 'policies/access.md'), ['Set AC-01 frequency to quarterly, as the policy states']);
});

test('reword quick fix: a periodic control still gets the wording that states its frequency', async () => {
  const files = edit(baseRepo(), 'controls/access.yaml', 'frequency: quarterly', 'frequency: semiannual');
  assert.deepEqual(await fixes(files, 'policies/access.md'), [
    'Set AC-01 frequency to quarterly, as the policy states', 'Reword the policy to "semiannually", as AC-01 runs (semiannual)',
  ]);
});
