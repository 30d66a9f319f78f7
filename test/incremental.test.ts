import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryWorkspace } from '../server/src/engine/workspace';
import { loadProject } from '../server/src/engine/load';
import { baseRepo, TODAY } from './helpers';
import { CHECKS } from '../server/src/checks';

/** A repo with two independent policy/control pairs, so an edit to one must not touch the other. */
function twoPairs(): Record<string, string> {
  const files = baseRepo();
  files['policies/change.md'] = '---\nid: POL-CM\nowner: c@example.com\nlast_reviewed: 2026-03-01\ncriteria: [CC8.1]\ncontrols: [CM-01]\n---\nChanges are approved for every change (CM-01).\n';
  files['controls/change.yaml'] = 'id: CM-01\ntitle: Change approval\nowner: d@example.com\nfrequency: on-event\nstatus: implemented\ncriteria: [CC8.1]\npolicies: [POL-CM]\nlast_reviewed: 2026-03-01\nevidence:\n  - name: PRs\n    collected: [2026-05-01]\n';
  return files;
}

test('opening the workspace reads each file once', async () => {
  const ws = new MemoryWorkspace(twoPairs());
  const { project } = await loadProject(ws, { checks: CHECKS, today: TODAY });
  project.allDiagnostics();
  for (const path of ['soc2.yaml', 'policies/access.md', 'policies/change.md', 'controls/access.yaml', 'controls/change.yaml']) {
    assert.equal(ws.reads.get(path), 1, path);
    assert.equal(project.counters.parses.get(path), 1, path);
  }
  // evidence files are known by name only: never read
  assert.equal(ws.reads.has('evidence/access/2026-03-30-review.md'), false);
});

test('an edit to one control re-parses that file and re-checks only it, its policy and soc2.yaml', async () => {
  const { project } = await loadProject(new MemoryWorkspace(twoPairs()), { checks: CHECKS, today: TODAY });
  project.allDiagnostics();
  const parsesBefore = new Map(project.counters.parses);
  const runsBefore = new Map(project.counters.checkRuns);
  const text = twoPairs()['controls/access.yaml'].replace('frequency: quarterly', 'frequency: monthly');
  const { affected } = project.setFile('controls/access.yaml', text, 2);
  assert.deepEqual([...affected].sort(), ['controls/access.yaml', 'policies/access.md', 'soc2.yaml']);
  const diags = project.allDiagnostics();
  const delta = (a: Map<string, number>, b: Map<string, number>) => [...a].filter(([k, v]) => v !== (b.get(k) ?? 0)).map(([k]) => k).sort();
  assert.deepEqual(delta(project.counters.parses, parsesBefore), ['controls/access.yaml']);
  assert.deepEqual(delta(project.counters.checkRuns, runsBefore), ['controls/access.yaml', 'policies/access.md', 'soc2.yaml']);
  // and the dependent policy really changed: its sentence now disagrees with the control
  assert.equal(diags.some((d) => d.code === 'frequency-mismatch' && d.file === 'policies/access.md'), true);
});

test('removing a control re-checks the policies that referenced it', async () => {
  const { project } = await loadProject(new MemoryWorkspace(twoPairs()), { checks: CHECKS, today: TODAY });
  project.allDiagnostics();
  // CM-01 is the last control with prefix CM, so every policy is re-checked: `CM-nn` words stop being references.
  const affected = project.removeFile('controls/change.yaml');
  assert.deepEqual([...affected].sort(), ['controls/change.yaml', 'policies/access.md', 'policies/change.md', 'soc2.yaml']);
  const d = project.allDiagnostics().filter((x) => x.code === 'unknown-reference').map((x) => x.file);
  assert.deepEqual(d, ['policies/change.md']); // the front matter entry; with no CM control left, the body word is plain text
});

test('removing one of several controls with a prefix re-checks only its dependents', async () => {
  const files = twoPairs();
  files['controls/change2.yaml'] = 'id: CM-02\ntitle: Extra\nowner: d@example.com\nfrequency: on-event\nstatus: planned\ncriteria: [CC8.1]\nlast_reviewed: 2026-03-01\n';
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  project.allDiagnostics();
  assert.deepEqual([...project.removeFile('controls/change.yaml')].sort(), ['controls/change.yaml', 'policies/change.md', 'soc2.yaml']);
});

test('a new evidence file re-checks only the control whose evidence path holds it', async () => {
  const { project } = await loadProject(new MemoryWorkspace(twoPairs()), { checks: CHECKS, today: TODAY });
  project.allDiagnostics();
  assert.deepEqual([...project.addEvidenceFile('evidence/access/2026-07-01-review.md')], ['controls/access.yaml']);
  assert.deepEqual([...project.addEvidenceFile('evidence/elsewhere/2026-07-01.md')], []);
});

test('an edit to a control re-checks the risks that name it, and only those', async () => {
  const files: Record<string, string> = {
    ...twoPairs(),
    'risks/access.yaml': 'id: R-01\ntitle: Stolen credentials\nowner: r@example.com\ntreatment: mitigate\ncontrols: [AC-01]\nlast_reviewed: 2026-03-01\n',
    'risks/change.yaml': 'id: R-02\ntitle: Bad change\nowner: r@example.com\ntreatment: mitigate\ncontrols: [CM-01]\nlast_reviewed: 2026-03-01\n',
  };
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  assert.deepEqual(project.allDiagnostics().filter((d) => d.code.startsWith('risk-')), []);
  const runsBefore = new Map(project.counters.checkRuns);
  // Renaming AC-01 leaves R-01 naming a control that no longer exists.
  const { affected } = project.setFile('controls/access.yaml', files['controls/access.yaml'].replace('id: AC-01', 'id: AC-07'), 2);
  assert.deepEqual([...affected].sort(), ['controls/access.yaml', 'policies/access.md', 'risks/access.yaml', 'soc2.yaml']);
  const diags = project.allDiagnostics();
  const delta = [...project.counters.checkRuns].filter(([k, v]) => v !== (runsBefore.get(k) ?? 0)).map(([k]) => k).sort();
  assert.deepEqual(delta, ['controls/access.yaml', 'policies/access.md', 'risks/access.yaml', 'soc2.yaml']);
  assert.deepEqual(diags.filter((d) => d.code.startsWith('risk-')).map((d) => `${d.code} ${d.file}`), ['risk-untreated risks/access.yaml', 'risk-unknown-control risks/access.yaml']);
});
