import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, edit, findings } from '../helpers';
import { frameworksRepo } from '../frameworks/repo';

test('unknown-framework: built-in and repo frameworks are known, nothing fires', async () => {
  assert.deepEqual(await findings(frameworksRepo(), 'unknown-framework'), []);
});

test('unknown-framework: a misspelt id in a control and in soc2.yaml, with the nearest', async () => {
  let files = edit(frameworksRepo(), 'controls/access.yaml', 'iso27001-2022: [A.5.15', 'iso27001: [A.5.15');
  files = edit(files, 'soc2.yaml', '  - acme-questionnaire', '  - nist-csf-2');
  const f = await findings(files, 'unknown-framework');
  assert.equal(f.length, 2);
  assert.match(f.find((x) => x.at.startsWith('controls/'))!.message, /^iso27001 is not a known framework; did you mean iso27001-2022\?/);
  assert.match(f.find((x) => x.at.startsWith('soc2.yaml'))!.message, /^nist-csf-2 is not a known framework; did you mean nist-csf-2\.0/);
});

test('unknown-framework: removing the repo framework file makes its id unknown', async () => {
  const files = frameworksRepo();
  delete files['frameworks/acme-questionnaire.yaml'];
  const f = await findings(files, 'unknown-framework');
  assert.deepEqual(f.map((x) => x.at.split(':')[0]).sort(), ['controls/access.yaml', 'soc2.yaml']);
  assert.match(f[0]!.message, /frameworks\/acme-questionnaire\.yaml/);
});

test('unknown-framework: TSC criteria under frameworks are pointed back to criteria', async () => {
  const files = edit(frameworksRepo(), 'controls/access.yaml', 'acme-questionnaire: [Q-1]', 'tsc-2017: [CC6.1]');
  const f = await findings(files, 'unknown-framework');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'warning');
  assert.match(f[0]!.message, /under `criteria`/);
});

/** The check's findings with severity and data, after making sure no check crashed on the input (a crash leaves it silent too). */
async function exact(files: Record<string, string>) {
  const all = await diagnose(files);
  assert.deepEqual(all.filter((d) => d.code === 'internal-error'), []);
  return all.filter((d) => d.code === 'unknown-framework').map((d) => ({ at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`, severity: d.severity, message: d.message, data: d.data }));
}
const KNOWN = 'Known: tsc-2017, iso27001-2022, nist-csf-2.0, acme-questionnaire.';
/** frameworksRepo with `id` in scope in soc2.yaml (instead of the questionnaire) and mapped by the policy. */
function mapping(id: string): Record<string, string> {
  const files = edit(frameworksRepo(), 'soc2.yaml', '  - acme-questionnaire', `  - ${id}`);
  return edit(files, 'policies/access.md', 'controls: [AC-01]\n', `controls: [AC-01]\nframeworks:\n  ${id}: [A.5.15]\n`);
}

test('unknown-framework: the whole message and the suggestions, in a policy and in soc2.yaml', async () => {
  const message = `iso27001 is not a known framework; did you mean iso27001-2022? ${KNOWN} A framework of your own goes in frameworks/iso27001.yaml.`;
  assert.deepEqual(await exact(mapping('iso27001')), [
    { at: 'policies/access.md:9:3', severity: 'error', message, data: { suggestions: ['iso27001-2022'] } },
    { at: 'soc2.yaml:10:5', severity: 'error', message, data: { suggestions: ['iso27001-2022'] } },
  ]);
});

test('unknown-framework: with nothing near, no suggestion; with two near, both', async () => {
  assert.deepEqual((await exact(mapping('zzzz'))).map((x) => [x.message, x.data]), [
    [`zzzz is not a known framework. ${KNOWN} A framework of your own goes in frameworks/zzzz.yaml.`, { suggestions: [] }],
    [`zzzz is not a known framework. ${KNOWN} A framework of your own goes in frameworks/zzzz.yaml.`, { suggestions: [] }],
  ]);
  const files = mapping('acme');
  files['frameworks/acme-audit.yaml'] = files['frameworks/acme-questionnaire.yaml'].replace('id: acme-questionnaire', 'id: acme-audit');
  const f = await exact(files);
  assert.deepEqual(f.map((x) => x.data), [{ suggestions: ['acme-audit', 'acme-questionnaire'] }, { suggestions: ['acme-audit', 'acme-questionnaire'] }]);
  assert.match(f[0].message, /^acme is not a known framework; did you mean acme-audit or acme-questionnaire\? Known: /);
});

test('unknown-framework: the TSC under a policy\'s frameworks get the warning, and a listed TSC in soc2.yaml is known', async () => {
  assert.deepEqual(await exact(mapping('tsc-2017')), [{
    at: 'policies/access.md:9:3', severity: 'warning', data: undefined,
    message: 'The Trust Services Criteria are mapped under `criteria`, not under `frameworks`; move these ids there so they count towards SOC 2 coverage.',
  }]);
});
