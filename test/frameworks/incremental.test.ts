/** The index stays exact and lazy for frameworks: an edit re-checks only what depends on it (counted, not timed). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { loadProject } from '../../server/src/engine/load';
import { CHECKS } from '../../server/src/checks';
import { TODAY } from '../helpers';
import { frameworksRepo } from './repo';

function repo(): Record<string, string> {
  const files = frameworksRepo();
  // an independent control that maps nothing of the repo framework
  files['controls/change.yaml'] = 'id: CM-01\ntitle: Change approval\nowner: d@example.com\nfrequency: on-event\nstatus: implemented\ncriteria: [CC8.1]\nframeworks:\n  iso27001-2022: [A.8.32]\nlast_reviewed: 2026-03-01\nevidence:\n  - name: PRs\n    collected: [2026-05-01]\n';
  return files;
}

async function opened() {
  const { project } = await loadProject(new MemoryWorkspace(repo()), { checks: CHECKS, today: TODAY });
  project.allDiagnostics();
  return { project, runs: new Map(project.counters.checkRuns), parses: new Map(project.counters.parses) };
}
const delta = (a: Map<string, number>, b: Map<string, number>) => [...a].filter(([k, v]) => v !== (b.get(k) ?? 0)).map(([k]) => k).sort();
const unmapped = (d: { code: string; message: string }[], id: string) => d.some((x) => x.code === 'unmapped-requirement' && x.message.startsWith(`iso27001-2022 ${id} `));

test('editing a control\'s frameworks re-checks only that file and soc2.yaml, and the coverage moves', async () => {
  const { project, runs, parses } = await opened();
  assert.ok(unmapped(project.allDiagnostics(), 'A.8.13'));
  const text = repo()['controls/change.yaml']!.replace('[A.8.32]', '[A.8.32, A.8.13]');
  const { affected } = project.setFile('controls/change.yaml', text, 2);
  assert.deepEqual([...affected].sort(), ['controls/change.yaml', 'soc2.yaml']);
  const diags = project.allDiagnostics();
  assert.deepEqual(delta(project.counters.parses, parses), ['controls/change.yaml']);
  assert.deepEqual(delta(project.counters.checkRuns, runs), ['controls/change.yaml', 'soc2.yaml']);
  assert.ok(!unmapped(diags, 'A.8.13'));
});

test('editing a repo framework file re-checks the files that name it and soc2.yaml, not the others', async () => {
  const { project, runs } = await opened();
  const text = repo()['frameworks/acme-questionnaire.yaml']!.replace('id: Q-1,', 'id: Q-01,');
  const { affected } = project.setFile('frameworks/acme-questionnaire.yaml', text, 2);
  assert.deepEqual([...affected].sort(), ['controls/access.yaml', 'frameworks/acme-questionnaire.yaml', 'soc2.yaml']);
  const diags = project.allDiagnostics();
  assert.deepEqual(delta(project.counters.checkRuns, runs), ['controls/access.yaml', 'frameworks/acme-questionnaire.yaml', 'soc2.yaml']);
  assert.match(diags.find((d) => d.code === 'unknown-requirement')!.message, /^Q-1 is not a requirement of Acme customer security questionnaire as written|^Q-1 is not a requirement of Acme/);
});

test('deleting the repo framework file makes its id unknown where it is named; adding it back clears it', async () => {
  const { project } = await opened();
  project.removeFile('frameworks/acme-questionnaire.yaml');
  const codes = project.allDiagnostics().filter((d) => d.code === 'unknown-framework').map((d) => d.file).sort();
  assert.deepEqual(codes, ['controls/access.yaml', 'soc2.yaml']);
  project.setFile('frameworks/acme-questionnaire.yaml', repo()['frameworks/acme-questionnaire.yaml']!, 3);
  assert.equal(project.allDiagnostics().filter((d) => d.code === 'unknown-framework').length, 0);
});

test('a policy edit to its frameworks re-checks the policy and the control it lists (one-sided-link), nothing else', async () => {
  const { project, runs } = await opened();
  const text = repo()['policies/access.md']!.replace('criteria: [CC6.1]', 'criteria: [CC6.1]\nframeworks:\n  iso27001-2022: [A.5.15]');
  project.setFile('policies/access.md', text, 2);
  project.allDiagnostics();
  assert.deepEqual(delta(project.counters.checkRuns, runs), ['controls/access.yaml', 'policies/access.md']);
});
