import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, edit, findings } from '../helpers';
import { lineOf, vendorLines, vendorRepo } from '../vendor-helpers';

/** The check's findings with their data, after making sure no check crashed on the input (a crash leaves it silent too). */
async function exact(files: Record<string, string>) {
  const all = await diagnose(files);
  assert.deepEqual(all.filter((d) => d.code === 'internal-error'), []);
  return all.filter((d) => d.code === 'subservice-without-csocs').map((d) => ({ at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`, message: d.message, data: d.data }));
}

test('subservice-without-csocs fires on a carve-out with no csocs, or an empty list', async () => {
  assert.deepEqual(await findings(vendorRepo({ csocs: null }), 'subservice-without-csocs'), [{
    at: 'vendors/register.yaml:2:9', severity: 'warning',
    message: 'Vendor V-CLOUD is carved out, but lists no CSOCs: under `csocs`, write what we rely on it to operate (for example physical access to its data centres) and the criteria each supports.',
  }]);
  const empty = { csocs: '[]' };
  assert.deepEqual((await findings(vendorRepo(empty), 'subservice-without-csocs')).map((x) => x.at), [`vendors/register.yaml:${lineOf(empty, 'csocs')}:5`]);
});

test('subservice-without-csocs is quiet with a CSOC, and for inclusive or ordinary vendors', async () => {
  assert.deepEqual(await findings(vendorRepo(), 'subservice-without-csocs'), []);
  assert.deepEqual(await findings(vendorRepo({ csocs: null, subservice: 'inclusive' }), 'subservice-without-csocs'), []);
  assert.deepEqual(await findings(vendorRepo({ csocs: null, subservice: 'no' }), 'subservice-without-csocs'), []);
});

test('subservice-without-csocs: a CSOC with a blank or no description does not count; one written CSOC is enough', async () => {
  for (const csocs of ['[{ description: "   ", criteria: [CC6.4] }]', '[{ criteria: [CC6.4] }]']) {
    const fields = { csocs };
    assert.deepEqual((await exact(vendorRepo(fields))).map((x) => [x.at, x.data]), [[`vendors/register.yaml:${lineOf(fields, 'csocs')}:5`, { vendor: 'V-CLOUD' }]], csocs);
  }
  assert.deepEqual(await exact(vendorRepo({ csocs: '[{ description: "", criteria: [CC6.4] }, { description: Badge access to the halls, criteria: [CC6.4] }]' })), []);
});

test('subservice-without-csocs judges each vendor of a register on its own', async () => {
  const files = vendorRepo({}, vendorLines('V-MAIL', { csocs: null }));
  assert.deepEqual((await exact(files)).map((x) => [x.at, x.data]), [[`vendors/register.yaml:${vendorLines('V-CLOUD').length + 2}:9`, { vendor: 'V-MAIL' }]]);
});

test('subservice-without-csocs says nothing on a file too large to read', async () => {
  const files = edit(vendorRepo({ csocs: null }, ['#' + 'x'.repeat(3000)]), 'soc2.yaml', 'scope:', 'limits:\n  max_file_bytes: 2000\nscope:');
  assert.deepEqual((await diagnose(files)).filter((d) => d.file === 'vendors/register.yaml').map((d) => d.code), ['file-too-large']);
});
