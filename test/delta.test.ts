// Issue 20, bug 13: README says `--base` matches findings "so moved lines do not count"; duplicate-id messages
// cite the other file's line, which used to make a moved duplicate "new".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeDelta, findingKey } from '../server/src/engine/delta';
import { MemoryWorkspace } from '../server/src/engine/workspace';
import { loadProject } from '../server/src/engine/load';
import { computeSummary } from '../server/src/engine/summary';
import { CHECKS } from '../server/src/checks';
import { baseRepo, TODAY } from './helpers';

async function snapshot(files: Record<string, string>) {
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  const diagnostics = project.allDiagnostics();
  return { summary: computeSummary(project, diagnostics), diagnostics };
}

test('--base delta: a duplicate id whose other copy moved down is unchanged, not added and fixed', async () => {
  const dup = 'controls:\n  - id: AC-01\n    title: Copy\n';
  const base = { ...baseRepo(), 'controls/copy.yaml': dup };
  const head = { ...baseRepo(), 'controls/copy.yaml': `# a comment\n# and another\n${dup}` };
  const before = await snapshot(base), after = await snapshot(head);
  const message = after.diagnostics.find((d) => d.code === 'duplicate-id' && d.file === 'controls/access.yaml')!.message;
  assert.match(message, /controls\/copy\.yaml:4/, 'the message still cites the line, for people');
  const delta = computeDelta(before, after, 'main');
  assert.deepEqual(delta.added.map((d) => d.code), []);
  assert.deepEqual(delta.fixed.map((d) => d.code), []);
});

test('findingKey drops cited lines only after a file name, not other numbers', () => {
  const d = (message: string) => ({ file: 'a.yaml', code: 'x', message, severity: 'error' as const, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  assert.equal(findingKey(d('also in b.yaml:3, c.md:40')), findingKey(d('also in b.yaml:9, c.md:1')));
  assert.notEqual(findingKey(d('at 10:30')), findingKey(d('at 10:31')));
});
