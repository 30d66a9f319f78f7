import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, edit, findings } from '../helpers';
import { riskRepo } from '../risk-helpers';

/** The check's findings with their data, after making sure no check crashed on the input (a crash leaves it silent too). */
async function exact(files: Record<string, string>) {
  const all = await diagnose(files);
  assert.deepEqual(all.filter((d) => d.code === 'internal-error'), []);
  return all.filter((d) => d.code === 'risk-unknown-control').map((d) => ({ at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`, message: d.message, data: d.data }));
}

test('risk-unknown-control fires on each listed control that does not exist', async () => {
  const f = await findings(riskRepo({ controls: '[AC-01, AC-99]' }), 'risk-unknown-control');
  assert.deepEqual(f, [{ at: 'risks/register.yaml:8:23', severity: 'error', message: 'Risk R-01 lists control AC-99, which does not exist.' }]);
});

test('risk-unknown-control is quiet when every control exists', async () => {
  assert.deepEqual(await findings(riskRepo(), 'risk-unknown-control'), []);
  assert.deepEqual(await findings(riskRepo({ controls: null }), 'risk-unknown-control'), []);
});

test('risk-unknown-control: one finding per unknown id, in every risk, with the kind, id and risk as data', async () => {
  const files = riskRepo({ controls: '[AC-98, AC-01, AC-99]' }, '  - id: R-02\n    title: Second\n    treatment: mitigate\n    controls: [ZZ-01]\n');
  assert.deepEqual(await exact(files), [
    { at: 'risks/register.yaml:8:16', message: 'Risk R-01 lists control AC-98, which does not exist.', data: { kind: 'control', id: 'AC-98', risk: 'R-01' } },
    { at: 'risks/register.yaml:8:30', message: 'Risk R-01 lists control AC-99, which does not exist.', data: { kind: 'control', id: 'AC-99', risk: 'R-01' } },
    { at: 'risks/register.yaml:14:16', message: 'Risk R-02 lists control ZZ-01, which does not exist.', data: { kind: 'control', id: 'ZZ-01', risk: 'R-02' } },
  ]);
});

test('risk-unknown-control says nothing on a file too large to read', async () => {
  const files = edit(riskRepo({ controls: '[AC-99]' }, '#' + 'x'.repeat(3000)), 'soc2.yaml', 'scope:', 'limits:\n  max_file_bytes: 2000\nscope:');
  assert.deepEqual((await diagnose(files)).filter((d) => d.file === 'risks/register.yaml').map((d) => d.code), ['file-too-large']);
});
