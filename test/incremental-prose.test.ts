import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Project } from '../server/src/engine/project';
import { CHECKS } from '../server/src/checks';
import { baseRepo, edit, TODAY } from './helpers';

/** The index after edits must give what a fresh load of the same files gives (found by the fuzzer). */
function fresh(files: Record<string, string>): string[] {
  const p = new Project({ checks: CHECKS, today: TODAY });
  p.setFile('soc2.yaml', files['soc2.yaml']);
  for (const [path, text] of Object.entries(files)) if (path !== 'soc2.yaml') p.setFile(path, text);
  return p.allDiagnostics().map((d) => `${d.file}:${d.range.start.line} ${d.code} ${d.message}`).sort();
}
const all = (p: Project) => p.allDiagnostics().map((d) => `${d.file}:${d.range.start.line} ${d.code} ${d.message}`).sort();

test('a policy named in shared_sections changing its id re-checks every policy', () => {
  const gov = ['---', 'id: POL-GOV', 'title: Policy Management', 'owner: alice@example.com', 'last_reviewed: 2026-03-01', '---', '# Policy Management', '',
    '## Purpose', '', 'T.', '', '## Scope', '', 'T.', '', '## Roles', '', 'T.', '', '## Rules', '', 'Policies are reviewed yearly.', '', '## Exceptions', '', 'T.', '', '## Enforcement', '', 'T.'].join('\n');
  const files: Record<string, string> = { ...edit(baseRepo(), 'policies/access.md', '## Exceptions', '## Notes'), 'policies/gov.md': gov };
  files['soc2.yaml'] += 'shared_sections:\n  Exceptions: POL-GOV\n';
  const p = new Project({ checks: CHECKS, today: TODAY });
  p.setFile('soc2.yaml', files['soc2.yaml']);
  for (const [path, text] of Object.entries(files)) if (path !== 'soc2.yaml') p.setFile(path, text);
  assert.deepEqual(all(p), fresh(files));
  const renamed = { ...files, 'policies/gov.md': gov.replace('id: POL-GOV', 'id: POL-GOX') };
  p.setFile('policies/gov.md', renamed['policies/gov.md']);
  assert.deepEqual(all(p), fresh(renamed));
  assert.ok(all(p).some((d) => d.startsWith('policies/access.md') && d.includes('"Exceptions"')));
});

test('a control adding a new id shape (digit count) re-checks the policies that mention such words', () => {
  const files = edit(baseRepo(), 'policies/access.md', 'by each system owner (AC-01).', 'by each system owner (AC-01) and AC-123.');
  const p = new Project({ checks: CHECKS, today: TODAY });
  p.setFile('soc2.yaml', files['soc2.yaml']);
  for (const [path, text] of Object.entries(files)) if (path !== 'soc2.yaml') p.setFile(path, text);
  assert.deepEqual(all(p), fresh(files));
  const more = { ...files, 'controls/more.yaml': 'id: AC-100\ntitle: More\nowner: bob@example.com\nfrequency: annual\nstatus: planned\ncriteria: [CC6.1]\nlast_reviewed: 2026-03-01\n' };
  p.setFile('controls/more.yaml', more['controls/more.yaml']);
  assert.deepEqual(all(p), fresh(more));
  assert.ok(all(p).some((d) => d.includes('mentions control AC-123')));
});
