import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, findings } from '../helpers';

test('duplicate-id is reported on both controls', async () => {
  const files = { ...baseRepo(), 'controls/dup.yaml': 'id: AC-01\ntitle: Copy\nowner: x\ncriteria: [CC6.1]\nlast_reviewed: 2026-03-01\n' };
  const f = await findings(files, 'duplicate-id');
  assert.deepEqual(f.map((x) => x.at), ['controls/access.yaml:2:9', 'controls/dup.yaml:1:5']);
  assert.match(f[0].message, /also used in controls\/dup\.yaml:1/);
});

test('duplicate-id is reported on both policies', async () => {
  const files = { ...baseRepo(), 'policies/copy.md': '---\nid: POL-AC\nowner: x\nlast_reviewed: 2026-03-01\ncriteria: [CC6.1]\n---\n' };
  const f = await findings(files, 'duplicate-id');
  assert.deepEqual(f.map((x) => x.at), ['policies/access.md:2:5', 'policies/copy.md:2:5']);
});

test('duplicate-id is quiet when ids are unique', async () => {
  assert.deepEqual(await findings(baseRepo(), 'duplicate-id'), []);
});

test('duplicate-id is reported on both risks, across files', async () => {
  const { riskRepo } = await import('../risk-helpers');
  const files = { ...riskRepo(), 'risks/more.yaml': 'id: R-01\ntitle: Copy\nowner: x\ntreatment: avoid\nlast_reviewed: 2026-03-01\n' };
  const f = await findings(files, 'duplicate-id');
  assert.deepEqual(f.map((x) => x.at), ['risks/more.yaml:1:5', 'risks/register.yaml:2:9']);
  assert.equal(f[1].message, 'Risk id R-01 is also used in risks/more.yaml:1; ids must be unique.');
  assert.deepEqual(await findings(riskRepo(), 'duplicate-id'), []);
});

test('duplicate-id checks every control of a file and names every other copy', async () => {
  const files = {
    ...baseRepo(),
    'controls/dup.yaml': 'controls:\n  - id: ZZ-01\n    title: A\n  - id: AC-01\n    title: Copy\n',
    'controls/dup2.yaml': 'controls:\n  - id: AC-01\n    title: Third\n  - id: ZZ-01\n    title: B\n',
  };
  const f = await findings(files, 'duplicate-id');
  assert.deepEqual(f.map((x) => [x.at, x.message]), [
    ['controls/access.yaml:2:9', 'Control id AC-01 is also used in controls/dup.yaml:4, controls/dup2.yaml:2; ids must be unique.'],
    ['controls/dup.yaml:2:9', 'Control id ZZ-01 is also used in controls/dup2.yaml:4; ids must be unique.'],
    ['controls/dup.yaml:4:9', 'Control id AC-01 is also used in controls/access.yaml:2, controls/dup2.yaml:2; ids must be unique.'],
    ['controls/dup2.yaml:2:9', 'Control id AC-01 is also used in controls/access.yaml:2, controls/dup.yaml:4; ids must be unique.'],
    ['controls/dup2.yaml:4:9', 'Control id ZZ-01 is also used in controls/dup.yaml:2; ids must be unique.'],
  ]);
});

test('duplicate-id: a policy id used three times names both others', async () => {
  const copy = '---\nid: POL-AC\nowner: x\nlast_reviewed: 2026-03-01\ncriteria: [CC6.1]\n---\n';
  const f = await findings({ ...baseRepo(), 'policies/copy.md': copy, 'policies/copy2.md': copy }, 'duplicate-id');
  assert.deepEqual(f.map((x) => x.message), [
    'Policy id POL-AC is also used by policies/copy.md, policies/copy2.md; ids must be unique.',
    'Policy id POL-AC is also used by policies/access.md, policies/copy2.md; ids must be unique.',
    'Policy id POL-AC is also used by policies/access.md, policies/copy.md; ids must be unique.',
  ]);
});
