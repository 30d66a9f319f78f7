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

test('adding and removing an evidence file re-checks the owning control: the findings follow', async () => {
  const { project } = await loadProject(new MemoryWorkspace(twoPairs()), { checks: CHECKS, today: '2026-10-22' });
  const stale = () => project.allDiagnostics().filter((d) => d.code === 'evidence-stale').map((d) => d.file);
  assert.deepEqual(stale(), ['controls/access.yaml']);
  assert.deepEqual([...project.addEvidenceFile('evidence/access/2026-10-01-review.md')], ['controls/access.yaml']);
  assert.deepEqual(stale(), []);
  // Adding it twice changes nothing; removing it brings the finding back.
  assert.deepEqual([...project.addEvidenceFile('evidence/access/2026-10-01-review.md')], []);
  assert.deepEqual([...project.removeFile('evidence/access/2026-10-01-review.md')], ['controls/access.yaml']);
  assert.deepEqual(stale(), ['controls/access.yaml']);
  // Removing every file under the path makes it missing.
  project.removeFile('evidence/access/2026-03-30-review.md');
  assert.deepEqual([...project.removeFile('evidence/access/2026-06-29-review.md')], ['controls/access.yaml']);
  assert.deepEqual(project.allDiagnostics().filter((d) => d.code === 'evidence-missing').map((d) => d.file), ['controls/access.yaml']);
});

/** Three policies: one lists AC-01, one is listed by AC-01's `policies`, one is unrelated; all state frequencies. */
function linkedPolicies(): Record<string, string> {
  const files = twoPairs();
  files['policies/reviews.md'] = '---\nid: POL-RV\nowner: c@example.com\nlast_reviewed: 2026-03-01\ncriteria: [CC6.1]\n---\nEvery account and its access is reviewed each month.\n';
  files['policies/other.md'] = '---\nid: POL-OT\nowner: c@example.com\nlast_reviewed: 2026-03-01\ncriteria: [CC6.1]\n---\nEvery account and its access is reviewed each month.\n';
  files['controls/access.yaml'] = files['controls/access.yaml'].replace('policies: [POL-AC]', 'policies: [POL-AC, POL-RV]');
  return files;
}

test('an edit to a control title or frequency re-checks only the policies linked to it (practice matching)', async () => {
  const { project } = await loadProject(new MemoryWorkspace(linkedPolicies()), { checks: CHECKS, today: TODAY });
  const mismatches = () => project.allDiagnostics().filter((d) => d.code === 'frequency-mismatch').map((d) => `${d.file} ${d.severity}`).sort();
  // POL-RV's sentence is about AC-01 (listed by the control); POL-OT links no control, so it is never compared.
  assert.deepEqual(mismatches(), ['policies/reviews.md warning']);
  const delta = (a: Map<string, number>, b: Map<string, number>) => [...a].filter(([k, v]) => v !== (b.get(k) ?? 0)).map(([k]) => k).sort();
  const linked = ['controls/access.yaml', 'policies/access.md', 'policies/reviews.md', 'soc2.yaml'];
  let text = linkedPolicies()['controls/access.yaml'];
  for (const [from, to, after] of [
    // now agrees with "each month"; POL-AC's "quarterly (AC-01)" is kept by a more frequent practice (info)
    ['frequency: quarterly', 'frequency: monthly', ['policies/access.md info']],
    ['title: Quarterly access review', 'title: Laptop encryption check', ['policies/access.md info']], // no longer about accounts
    ['frequency: monthly', 'frequency: annual', ['policies/access.md warning']],
    ['title: Laptop encryption check', 'title: Account access review', ['policies/access.md warning', 'policies/reviews.md warning']],
  ] as [string, string, string[]][]) {
    const runsBefore = new Map(project.counters.checkRuns);
    text = text.replace(from, to);
    const { affected } = project.setFile('controls/access.yaml', text, 2);
    assert.deepEqual([...affected].sort(), linked, to);
    assert.deepEqual(mismatches(), after, to);
    assert.deepEqual(delta(project.counters.checkRuns, runsBefore), linked, `${to}: only the linked policies are re-checked`);
  }
});

test('a first load indexes every file without asking what each affects, and gives the same diagnostics', async () => {
  const { project } = await loadProject(new MemoryWorkspace(twoPairs()), { checks: CHECKS, today: TODAY });
  // soc2.yaml is read on its own first; the four policies and controls come in one batch that skips the rules
  assert.equal(project.counters.dependencyQueries, 1);
  const unbatched = await loadProject(new MemoryWorkspace({ 'soc2.yaml': twoPairs()['soc2.yaml'] }), { checks: CHECKS, today: TODAY });
  for (const [path, text] of Object.entries(twoPairs())) if (path !== 'soc2.yaml' && !path.startsWith('evidence/')) unbatched.project.setFile(path, text);
  unbatched.project.setEvidenceFiles(Object.keys(twoPairs()));
  assert.equal(unbatched.project.counters.dependencyQueries, 5);
  assert.deepEqual(project.allDiagnostics(), unbatched.project.allDiagnostics());
});

test('a batch on a project that has been checked still re-checks what each file affects', async () => {
  const { project } = await loadProject(new MemoryWorkspace(twoPairs()), { checks: CHECKS, today: TODAY });
  const before = project.allDiagnostics().filter((d) => d.code === 'frequency-mismatch');
  assert.equal(before.length, 0);
  const text = twoPairs()['controls/access.yaml'].replace('frequency: quarterly', 'frequency: monthly');
  project.indexBatch(() => { project.setFile('controls/access.yaml', text, 2); });
  // the policy was checked before the batch: it must be re-checked against the changed control
  assert.equal(project.allDiagnostics().some((d) => d.code === 'frequency-mismatch' && d.file === 'policies/access.md'), true);
});
