import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, edit, findings } from '../helpers';
import { vendorRepo } from '../vendor-helpers';
import { isStandardName } from '../../server/src/checks/unknown-reference';

test('unknown-reference: a policy lists a control that does not exist', async () => {
  const f = await findings(edit(baseRepo(), 'policies/access.md', 'controls: [AC-01]', 'controls: [AC-01, AC-09]'), 'unknown-reference');
  assert.deepEqual(f.map((x) => x.at), ['policies/access.md:7:19']);
  assert.equal(f[0].message, 'Policy POL-AC lists control AC-09, which does not exist.');
});

test('unknown-reference: a control names a policy that does not exist', async () => {
  const f = await findings(edit(baseRepo(), 'controls/access.yaml', 'policies: [POL-AC]', 'policies: [POL-AC, POL-XX]'), 'unknown-reference');
  assert.deepEqual(f.map((x) => x.at), ['controls/access.yaml:8:24']);
});

test('unknown-reference: a body mention with a known prefix counts, other id-shaped words do not', async () => {
  const files = edit(baseRepo(), 'policies/access.md', 'by each system owner (AC-01).', 'by each system owner (AC-01) and AC-07, using SHA-256 and ISO-27001.');
  const f = await findings(files, 'unknown-reference');
  assert.deepEqual(f.map((x) => x.at), ['policies/access.md:12:63']);
  assert.match(f[0].message, /mentions control AC-07/);
});

test('unknown-reference ignores ids in code blocks', async () => {
  const files = edit(baseRepo(), 'policies/access.md', '# Access Control Policy\n', '# Access Control Policy\n\n```\nAC-99\n```\n');
  assert.deepEqual(await findings(files, 'unknown-reference'), []);
});

test('unknown-reference is quiet when every reference resolves', async () => {
  assert.deepEqual(await findings(baseRepo(), 'unknown-reference'), []);
});

test('unknown-reference: an explicit front matter list is an error, a prose mention a warning', async () => {
  let files = edit(baseRepo(), 'policies/access.md', 'controls: [AC-01]', 'controls: [AC-01, AC-09]');
  files = edit(files, 'policies/access.md', 'by each system owner (AC-01).', 'by each system owner (AC-01) and [the old review](#AC-08) and AC-07.');
  assert.deepEqual((await findings(files, 'unknown-reference')).map((x) => `${x.at} ${x.severity}`),
    ['policies/access.md:7:19 error', 'policies/access.md:12:81 warning', 'policies/access.md:12:92 warning']);
});

test('unknown-reference: a word is an id only with the repo id shape and when it names no standard', async () => {
  // Controls named A-01 and P-03: A-130, P-256 and SSAE-18 are documents and curves, A-09 is a typo of an id.
  let files = edit(baseRepo(), 'controls/access.yaml', '  - id: AC-01', '  - id: A-01');
  files = edit(files, 'policies/access.md', 'controls: [AC-01]', 'controls: [A-01]');
  files = edit(files, 'policies/access.md', 'by each system owner (AC-01).',
    'by each system owner (A-01). We follow OMB Circular A-130, sign on curve P-256, hash with SHA-256, encrypt with AES-256, report under SSAE-18, and run A-09.');
  const f = await findings(files, 'unknown-reference');
  assert.deepEqual(f.map((x) => x.message), ['Policy POL-AC mentions control A-09, which does not exist.']);
  const p = edit(files, 'controls/access.yaml', '  - id: A-01', '  - id: P-03');
  const again = edit(p, 'policies/access.md', 'controls: [A-01]', 'controls: [P-03]');
  assert.deepEqual((await findings(again, 'unknown-reference')).map((x) => x.message), [], 'with P-03 as the only id, P-256 is still a curve and A-09 has an unknown prefix');
});

/** Every unknown-reference finding with its whole range, severity and data (what the quick fixes read). */
async function full(files: Record<string, string>) {
  return (await diagnose(files)).filter((d) => d.code === 'unknown-reference').map((d) => ({
    at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`,
    severity: d.severity, message: d.message, data: d.data,
  }));
}

test('unknown-reference: each kind of dangling reference, with its exact range, message and data', async () => {
  let files = edit(vendorRepo({ monitored_by: '[AC-01, VR-09]' }), 'controls/access.yaml', 'policies: [POL-AC]', 'policies: [POL-AC, POL-XX]\n    vendors: [V-CLOUD, V-GONE]');
  files = edit(files, 'soc2.yaml', '  categories: [security]', '  categories: [security]\n  exclusions:\n    - criterion: CC6.4\n      reason: Hosted.\n      vendor: V-NONE\n'
    + '    - criterion: CC6.5\n      reason: Hosted too.\n      vendor: V-CLOUD\n    - criterion: CC7.5\n      reason: Nothing to recover.');
  files = edit(files, 'policies/access.md', 'controls: [AC-01]', 'controls: [AC-01, AC-09]');
  files = edit(files, 'policies/access.md', 'by each system owner (AC-01).', 'by each system owner (AC-01) and AC-07.');
  assert.deepEqual(await full(files), [
    { at: 'controls/access.yaml:8:24-8:30', severity: 'error', message: 'Control AC-01 names policy POL-XX, which does not exist.', data: { kind: 'policy', id: 'POL-XX' } },
    { at: 'controls/access.yaml:9:24-9:30', severity: 'error', message: 'Control AC-01 names vendor V-GONE, which is not in the vendor register.', data: { kind: 'vendor', id: 'V-GONE' } },
    { at: 'policies/access.md:7:19-7:24', severity: 'error', message: 'Policy POL-AC lists control AC-09, which does not exist.', data: { kind: 'control', id: 'AC-09', policy: 'POL-AC' } },
    { at: 'policies/access.md:12:63-12:68', severity: 'warning', message: 'Policy POL-AC mentions control AC-07, which does not exist.', data: { kind: 'control', id: 'AC-07', policy: 'POL-AC' } },
    { at: 'soc2.yaml:10:15-10:21', severity: 'error', message: 'The exclusion of CC6.4 names vendor V-NONE, which is not in the vendor register.', data: { kind: 'vendor', id: 'V-NONE' } },
    { at: 'vendors/register.yaml:9:27-9:32', severity: 'error', message: 'Vendor V-CLOUD is monitored by control VR-09, which does not exist.', data: { kind: 'control', id: 'VR-09' } },
  ]);
});

test('unknown-reference: a prose word is an id only with as many digits as the repo uses its prefix with (a letter suffix allowed)', async () => {
  // The repo uses AC with two digits: AC-7 and AC-007 are other things, AC-07B is a typo of an id.
  const files = edit(baseRepo(), 'policies/access.md', 'by each system owner (AC-01).', 'by each system owner (AC-01), not by AC-7 or AC-007, and AC-07B.');
  assert.deepEqual((await findings(files, 'unknown-reference')).map((x) => x.message), ['Policy POL-AC mentions control AC-07B, which does not exist.']);
  // A second prefix and a second width are learnt from every control, not only the first of each prefix: AC-100 makes AC-007 an id.
  let more = edit(files, 'controls/access.yaml', '    evidence:', '    evidence: []\n  - id: AC-100\n    title: Second\n  - id: HR-01\n    title: Third\n    criteria: [CC1.1]\n    evidence:');
  more = edit(more, 'policies/access.md', 'and AC-07B.', 'and AC-07B, then AC-200 and HR-02.');
  assert.deepEqual((await findings(more, 'unknown-reference')).map((x) => x.message.split(' ')[4]), ['AC-007,', 'AC-07B,', 'AC-200,', 'HR-02,']);
});

test('unknown-reference: a standards family the repo uses as its control prefix is read as ids (EN-0401 makes EN-0409 a control)', async () => {
  // The benchmark's encryption controls are EN-0401..: "Control EN-9267 was retired" names a control, not a European standard.
  let files = edit(baseRepo(), 'controls/access.yaml', '  - id: AC-01', '  - id: EN-0401');
  files = edit(files, 'policies/access.md', 'controls: [AC-01]', 'controls: [EN-0401]');
  files = edit(files, 'policies/access.md', 'by each system owner (AC-01).', 'by each system owner (EN-0401). Control EN-9267 was retired; hash with SHA-256.');
  assert.deepEqual((await findings(files, 'unknown-reference')).map((x) => x.message), ['Policy POL-AC mentions control EN-9267, which does not exist.']);
  // Without EN controls, EN-9100 is a standard (and has no id shape here), even as a link.
  const other = edit(baseRepo(), 'policies/access.md', 'by each system owner (AC-01).', 'by each system owner (AC-01), as [EN-9100](#EN-9100) asks.');
  assert.deepEqual((await findings(other, 'unknown-reference')).map((x) => x.message), []);
});

test('unknown-reference: a link to an id is a reference whatever its shape, unless it names a standard', async () => {
  const files = edit(baseRepo(), 'policies/access.md', 'by each system owner (AC-01).',
    'by each system owner (AC-01), see [old](#AC-7), [new](#ZZ-1234), [hash](#SHA-256) and [curve](#P-256).');
  assert.deepEqual((await findings(files, 'unknown-reference')).map((x) => `${x.at} ${x.severity}`), ['policies/access.md:12:71 warning', 'policies/access.md:12:85 warning']);
});

test('isStandardName: exact standard tokens and whole families, in any case', () => {
  for (const t of ['SHA-256', 'sha-256', 'P-256', 'p-256', 'A-130', 'a-130', 'ISO-27001', 'iso-27001', 'Ssae-18']) assert.equal(isStandardName(t), true, t);
  for (const t of ['AC-01', 'P-03', 'A-09', 'SHAX-1']) assert.equal(isStandardName(t), false, t);
});

test('unknown-reference: a file that cannot be read gets file-unreadable and nothing else (no internal-error)', async () => {
  for (const path of ['soc2.yaml', 'policies/access.md', 'controls/access.yaml', 'vendors/register.yaml']) {
    const files = { ...vendorRepo(), [path]: new Uint8Array([0, 1, 2, 0, 255]) };
    assert.deepEqual((await diagnose(files)).filter((d) => d.file === path).map((d) => d.code), ['file-unreadable'], path);
  }
});

test('unknown-reference: the digits of an id are its last number (a prefix may hold digits), and an id with no number is no shape', async () => {
  // P1-01 makes P1-02 an id and P1-2 not; OPS-REVIEW has no number and gives no shape (and no crash).
  let files = edit(baseRepo(), 'controls/access.yaml', '    evidence:', '    evidence: []\n  - id: P1-01\n    title: Second\n  - id: OPS-REVIEW\n    title: Third\n    evidence:');
  files = edit(files, 'policies/access.md', 'by each system owner (AC-01).', 'by each system owner (AC-01), then P1-02, P1-2 and OPS-1.');
  const d = (await diagnose(files)).filter((x) => x.code === 'unknown-reference' || x.code === 'internal-error');
  assert.deepEqual(d.map((x) => x.message), ['Policy POL-AC mentions control P1-02, which does not exist.']);
});
