import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, edit, findings } from '../helpers';
import { riskRepo } from '../risk-helpers';

/** The check's findings with their data, after making sure no check crashed on the input (a crash leaves it silent too). */
async function exact(files: Record<string, string>) {
  const all = await diagnose(files);
  assert.deepEqual(all.filter((d) => d.code === 'internal-error'), []);
  return all.filter((d) => d.code === 'risk-untreated').map((d) => ({ at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`, message: d.message, data: d.data }));
}

test('risk-untreated fires on a mitigated risk that lists no controls', async () => {
  const f = await findings(riskRepo({ controls: '[]' }), 'risk-untreated');
  assert.deepEqual(f, [{
    at: 'risks/register.yaml:7:16', severity: 'warning',
    message: 'Risk R-01 is to be mitigated, but it lists no controls: name the controls that reduce it under `controls`, or record another treatment.',
  }]);
  assert.deepEqual((await findings(riskRepo({ controls: null }), 'risk-untreated')).map((x) => x.at), ['risks/register.yaml:7:16']);
});

test('risk-untreated fires when none of the listed controls exists, and when no treatment is recorded', async () => {
  const f = await findings(riskRepo({ controls: '[AC-98, AC-99]' }), 'risk-untreated');
  assert.deepEqual(f.map((x) => x.message), ['Risk R-01 is to be mitigated, but none of its controls exist (AC-98, AC-99), so nothing reduces it.']);
  const none = await findings(riskRepo({ treatment: null }), 'risk-untreated');
  assert.deepEqual(none.map((x) => [x.at, x.message]), [['risks/register.yaml:2:9', 'Risk R-01 has no `treatment`: record whether it is mitigated, accepted, transferred or avoided.']]);
});

test('risk-untreated is quiet when one listed control exists, and for other treatments', async () => {
  assert.deepEqual(await findings(riskRepo(), 'risk-untreated'), []);
  assert.deepEqual(await findings(riskRepo({ controls: '[AC-01, AC-99]' }), 'risk-untreated'), []);
  for (const t of ['accept', 'transfer', 'avoid']) assert.deepEqual(await findings(riskRepo({ treatment: t, controls: null }), 'risk-untreated'), [], t);
});

test('risk-untreated: the risk is the data of a mitigation finding; a missing treatment carries none', async () => {
  assert.deepEqual((await exact(riskRepo({ controls: '[]' }))).map((x) => x.data), [{ risk: 'R-01' }]);
  assert.deepEqual((await exact(riskRepo({ controls: '[AC-98]' }))).map((x) => [x.at, x.data]), [['risks/register.yaml:7:16', { risk: 'R-01' }]]);
  assert.deepEqual((await exact(riskRepo({ treatment: null }))).map((x) => x.data), [undefined]);
});

test('risk-untreated judges each risk of a register on its own', async () => {
  const files = riskRepo({ treatment: null }, '  - id: R-02\n    title: Second\n    treatment: mitigate\n    controls: [AC-01]\n  - id: R-03\n    title: Third\n    treatment: mitigate\n');
  assert.deepEqual((await exact(files)).map((x) => `${x.at} ${x.message}`), [
    'risks/register.yaml:2:9 Risk R-01 has no `treatment`: record whether it is mitigated, accepted, transferred or avoided.',
    'risks/register.yaml:16:16 Risk R-03 is to be mitigated, but it lists no controls: name the controls that reduce it under `controls`, or record another treatment.',
  ]);
});

test('risk-untreated says nothing on a file too large to read', async () => {
  const files = edit(riskRepo({ controls: '[]' }, '#' + 'x'.repeat(3000)), 'soc2.yaml', 'scope:', 'limits:\n  max_file_bytes: 2000\nscope:');
  assert.deepEqual((await diagnose(files)).filter((d) => d.file === 'risks/register.yaml').map((d) => d.code), ['file-too-large']);
});
