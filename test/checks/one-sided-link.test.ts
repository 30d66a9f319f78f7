import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings } from '../helpers';

/** Every one-sided-link finding in full: position, message, related entries (1-based) and data. */
async function full(files: Record<string, string>) {
  return (await diagnose(files)).filter((d) => d.code === 'one-sided-link').map((d) => ({
    at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1}`,
    severity: d.severity,
    message: d.message,
    related: d.related?.map((r) => `${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1} ${r.message}`),
    data: d.data,
  }));
}

const unlisted = () => edit(edit(baseRepo(), 'policies/access.md', 'controls: [AC-01]', 'controls: []'), 'policies/access.md', ' (AC-01)', '');

test('one-sided-link: control lists a policy that neither lists nor mentions it', async () => {
  assert.deepEqual(await full(unlisted()), [{
    at: 'controls/access.yaml:8:16-22', severity: 'info',
    message: 'Control AC-01 lists policy POL-AC, but the policy neither lists nor mentions AC-01.',
    related: ['policies/access.md:7:1 POL-AC front matter'],
    data: { missing: 'policy', control: 'AC-01', policy: 'POL-AC', policyFile: 'policies/access.md' },
  }]);
});

test('one-sided-link: a policy with no `controls` key points at its id; listing or mentioning another control does not count', async () => {
  const noKey = edit(edit(baseRepo(), 'policies/access.md', 'controls: [AC-01]\n', ''), 'policies/access.md', ' (AC-01)', '');
  assert.deepEqual((await full(noKey)).map((f) => f.related), [['policies/access.md:2:5 POL-AC front matter']]);
  const other = edit(edit(baseRepo(), 'policies/access.md', 'controls: [AC-01]', 'controls: [AC-02]'), 'policies/access.md', ' (AC-01)', ' (AC-02)');
  assert.deepEqual((await findings(other, 'one-sided-link')).map((x) => x.at), ['controls/access.yaml:8:16']);
});

test('one-sided-link: a body mention is enough from the control side', async () => {
  const files = edit(baseRepo(), 'policies/access.md', 'controls: [AC-01]', 'controls: []');
  assert.deepEqual(await findings(files, 'one-sided-link'), []);
});

test('one-sided-link: policy lists a control that does not list it back', async () => {
  const files = edit(baseRepo(), 'controls/access.yaml', '    policies: [POL-AC]\n', '');
  assert.deepEqual(await full(files), [{
    at: 'policies/access.md:7:12-17', severity: 'info',
    message: 'Policy POL-AC lists control AC-01, but the control does not list POL-AC under `policies`.',
    related: ['controls/access.yaml:2:9 AC-01'],
    data: { missing: 'control', control: 'AC-01', policy: 'POL-AC', controlFile: 'controls/access.yaml' },
  }]);
  // A control that lists another policy: related points at its `policies` key.
  const other = edit(baseRepo(), 'controls/access.yaml', 'policies: [POL-AC]', 'policies: [POL-XX]');
  assert.deepEqual((await full(other)).filter((f) => f.at.startsWith('policies/')).map((f) => [f.at, f.related]), [
    ['policies/access.md:7:12-17', ['controls/access.yaml:8:5 AC-01']],
  ]);
});

test('one-sided-link leaves unknown references to unknown-reference', async () => {
  const files = edit(edit(baseRepo(), 'controls/access.yaml', 'policies: [POL-AC]', 'policies: [POL-AC, POL-NOPE]'), 'policies/access.md', 'controls: [AC-01]', 'controls: [AC-01, AC-99]');
  assert.deepEqual(await findings(files, 'one-sided-link'), []);
  // Skipped, not crashed on: a crash would surface as an internal-error finding.
  assert.deepEqual((await diagnose(files)).filter((d) => d.code === 'internal-error').map((d) => d.message), []);
});

test('one-sided-link: the front matter list alone links a policy back, with no mention in its body', async () => {
  const files = edit(baseRepo(), 'policies/access.md', 'by each system owner (AC-01).', 'by each system owner.');
  assert.deepEqual(await findings(files, 'one-sided-link'), []);
});

test('one-sided-link: with a duplicated id, one copy that links back is enough, and every copy is related', async () => {
  // A second policy with the same id that neither lists nor mentions AC-01: the first one links back, so quiet.
  const copy = ['---', 'id: POL-AC', 'title: Copy', 'owner: alice@example.com', '---', '# Copy', '', 'Nothing here.', ''].join('\n');
  assert.deepEqual(await findings({ ...baseRepo(), 'policies/copy.md': copy }, 'one-sided-link'), []);
  // Neither copy links back: one finding, relating both copies.
  const both = { ...unlisted(), 'policies/copy.md': copy };
  assert.deepEqual((await full(both)).map((f) => f.related), [['policies/access.md:7:1 POL-AC front matter', 'policies/copy.md:2:5 POL-AC front matter']]);
  // The same from the policy side: a second AC-01 that lists POL-AC is enough.
  const controlCopy = ['controls:', '  - id: AC-01', '    title: Copy', '    owner: bob@example.com', '    status: planned', '    criteria: [CC6.1]', '    policies: [POL-AC]', ''].join('\n');
  const dropped = edit(baseRepo(), 'controls/access.yaml', '    policies: [POL-AC]\n', '');
  assert.deepEqual((await findings({ ...dropped, 'controls/copy.yaml': controlCopy }, 'one-sided-link')).filter((x) => x.at.startsWith('policies/')), []);
  const neither = { ...dropped, 'controls/copy.yaml': controlCopy.replace('policies: [POL-AC]', 'policies: [POL-XX]') };
  assert.deepEqual((await full(neither)).filter((f) => f.at.startsWith('policies/')).map((f) => f.related),
    [['controls/access.yaml:2:9 AC-01', 'controls/copy.yaml:7:5 AC-01']]);
});

test('one-sided-link is quiet on two-sided links', async () => {
  assert.deepEqual(await findings(baseRepo(), 'one-sided-link'), []);
});
