// Issue 20, bug 2: `paths.evidence` written `.` (the whole repo) or as a dot folder (`.evidence`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryWorkspace } from '../server/src/engine/workspace';
import { loadProject } from '../server/src/engine/load';
import { CHECKS } from '../server/src/checks';
import { baseRepo, TODAY } from './helpers';

function withEvidenceRoot(root: string, evidenceDir: string): Record<string, string> {
  const files = baseRepo();
  files['soc2.yaml'] = files['soc2.yaml'].replace('scope:', `paths:\n  evidence: ${root}\nscope:`);
  for (const [p, t] of Object.entries(files)) {
    if (p.startsWith('evidence/')) { delete files[p]; files[`${evidenceDir}${p.slice('evidence'.length)}`] = t; }
  }
  return files;
}

test('paths.evidence: . — deleting a policy removes it from the index (no stale duplicate-id)', async () => {
  const files = withEvidenceRoot('.', 'evidence');
  files['policies/access-copy.md'] = files['policies/access.md'];
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  assert.equal(project.allDiagnostics().filter((d) => d.code === 'duplicate-id').length, 2);
  const affected = project.removeFile('policies/access-copy.md');
  assert.ok(affected.has('policies/access.md'));
  assert.equal(project.file('policies/access-copy.md'), undefined);
  assert.deepEqual(project.allDiagnostics().filter((d) => d.code === 'duplicate-id'), []);
});

test('paths.evidence: .evidence — evidence under the dot folder is found, not reported missing', async () => {
  const files = withEvidenceRoot('.evidence', '.evidence');
  assert.ok(Object.keys(files).some((p) => p.startsWith('.evidence/')), 'the fixture has evidence files to move');
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  assert.equal(project.isEvidence('.evidence/access/x.pdf'), true);
  assert.equal(project.isEvidence('evidence/access/x.pdf'), false);
  assert.deepEqual(project.allDiagnostics().filter((d) => d.code === 'evidence-missing'), []);
});

test('paths.evidence: ./evidence/ is the evidence folder', async () => {
  const { project } = await loadProject(new MemoryWorkspace(withEvidenceRoot('./evidence/', 'evidence')), { checks: CHECKS, today: TODAY });
  assert.equal(project.isEvidence('evidence/a.pdf'), true);
  assert.equal(project.isEvidence('evidencex/a.pdf'), false);
  assert.deepEqual(project.allDiagnostics().filter((d) => d.code === 'evidence-missing'), []);
});
