import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, edit, findings } from '../helpers';
import type { Range } from '../../server/src/engine/text';
import { descriptionRepo, descriptionText } from './description-fixture';

test('a complete description matching the register and soc2.yaml has no findings of its own', async () => {
  for (const code of ['description-missing-section', 'description-subservice-mismatch', 'description-exclusion-mismatch', 'schema', 'frontmatter-syntax']) {
    assert.deepEqual(await findings(descriptionRepo(), code), [], code);
  }
});

test('description-missing-section names each missing topic on the title heading', async () => {
  const f = await findings(descriptionRepo({ omit: ['System incidents', 'Significant changes during the period'] }), 'description-missing-section');
  assert.deepEqual(f, [
    { at: 'system/description.md:5:1', severity: 'info', message: 'The system description has no section on system incidents: incidents during the period that stopped the company meeting a commitment, or say there were none. Add a "## System incidents" section.' },
    { at: 'system/description.md:5:1', severity: 'info', message: 'The system description has no section on significant changes during the period: changes to the system during the period that a reader should know of, or say there were none. Add a "## Significant changes during the period" section.' },
  ]);
});

test('description-missing-section accepts common headings, numbering, and CUECs in front matter', async () => {
  const text = ['# Description', '## 1. Overview of Services', '## II. Service Commitments', '## 3) Infrastructure', '## System Incidents', '## Trust Services Criteria and Related Controls',
    '## Subservice Organizations and CSOCs', '## Criteria Not Applicable', '## Significant Changes'].join('\n\n');
  const files = { ...descriptionRepo(), 'system/description.md': `---\ncuecs:\n  - id: CUEC-1\n    description: Customers review their users.\n    criteria: [CC6.2]\n---\n${text}\n` };
  assert.deepEqual(await findings(files, 'description-missing-section'), []);
  const noCuecs = { ...files, 'system/description.md': text };
  assert.deepEqual((await findings(noCuecs, 'description-missing-section')).map((x) => x.message.slice(0, 80)), ['The system description has no section on complementary user entity controls: wha']);
});

test('description-subservice-mismatch: a carve-out the description does not name, and an ordinary vendor it calls a subservice organisation', async () => {
  const f = await findings(descriptionRepo({ body: { 'Subservice organizations': 'We rely on Postbox for mail.' } }), 'description-subservice-mismatch');
  assert.deepEqual(f, [
    { at: 'system/description.md:31:1', severity: 'warning', message: 'The register has Nimbus Cloud (V-CLOUD) as a subservice organisation (carve-out), but the description does not name it among its subservice organisations.' },
    { at: 'system/description.md:33:12', severity: 'warning', message: 'The description names Postbox (V-MAIL) as a subservice organisation, but the register records it with `subservice: no`.' },
  ]);
});

test('description-subservice-mismatch reads ids too, and front matter subservice_organizations when given', async () => {
  assert.deepEqual(await findings(descriptionRepo({ body: { 'Subservice organizations': 'V-CLOUD hosts production.' } }), 'description-subservice-mismatch'), []);
  // "Nimbus Cloudy" is not "Nimbus Cloud".
  assert.equal((await findings(descriptionRepo({ body: { 'Subservice organizations': 'Nimbus Cloudy hosts production.' } }), 'description-subservice-mismatch')).length, 1);
  const fm = await findings(descriptionRepo({ frontMatter: ['subservice_organizations: [V-CLOUD, V-MAIL, V-NONE]'], body: { 'Subservice organizations': 'See above.' } }), 'description-subservice-mismatch');
  assert.deepEqual(fm.map((x) => [x.at, x.message]), [
    ['system/description.md:3:37', 'The description names Postbox (V-MAIL) as a subservice organisation, but the register records it with `subservice: no`.'],
    ['system/description.md:3:45', 'The description names V-NONE as a subservice organisation, but the vendor register has no such vendor.'],
  ]);
});

test('description-exclusion-mismatch compares the not-applicable section with scope.exclusions both ways', async () => {
  const files = edit(descriptionRepo({ body: { 'Criteria not applicable': 'CC6.5 does not apply: we dispose of no hardware.' } }), 'soc2.yaml', '  categories: [security]',
    '  categories: [security]\n  exclusions:\n    - criterion: CC6.4\n      reason: Physical security is the cloud host\'s.');
  const f = await findings(files, 'description-exclusion-mismatch');
  assert.deepEqual(f, [
    { at: 'system/description.md:35:1', severity: 'warning', message: 'soc2.yaml excludes CC6.4 ("Physical security is the cloud host\'s."), but the description\'s section on criteria not applicable does not name it.' },
    { at: 'system/description.md:37:1', severity: 'warning', message: 'The description calls CC6.5 not applicable, but soc2.yaml does not exclude it: add it to `scope.exclusions` with the reason, or correct the description.' },
  ]);
});

test('description-exclusion-mismatch: a carve-out may be explained in the subservice section; no section, no comparison', async () => {
  const withVendor = (files: Record<string, string>) => edit(files, 'soc2.yaml', '  categories: [security]',
    '  categories: [security]\n  exclusions:\n    - criterion: CC6.4\n      vendor: V-CLOUD');
  assert.deepEqual(await findings(withVendor(descriptionRepo({ body: { 'Subservice organizations': 'Nimbus Cloud operates CC6.4 for us.' } })), 'description-exclusion-mismatch'), []);
  assert.deepEqual(await findings(withVendor(descriptionRepo({ body: { 'Criteria not applicable': 'CC6.4 is carved out to Nimbus Cloud.' } })), 'description-exclusion-mismatch'), []);
  assert.equal((await findings(withVendor(descriptionRepo()), 'description-exclusion-mismatch')).length, 1);
  assert.deepEqual(await findings(withVendor(descriptionRepo({ omit: ['Criteria not applicable'] })), 'description-exclusion-mismatch'), []);
});

test('the description front matter is validated; unclosed front matter is a syntax error, never a crash', async () => {
  const bad = await findings({ ...descriptionRepo(), 'system/description.md': descriptionText({ frontMatter: ['cuecs: [{ id: C-1, criteria: [CC6.99] }]', 'owner: [1]', 'titel: x'] }) }, 'schema');
  assert.deepEqual(bad.map((x) => x.message), ['`owner` should be text.', 'Unknown field `titel` in description front matter; did you mean `title`?']);
  assert.equal((await findings({ ...descriptionRepo(), 'system/description.md': descriptionText({ frontMatter: ['cuecs: [{ id: C-1, criteria: [CC6.99] }]'] }) }, 'unknown-criterion')).length, 1);
  const open = await findings({ ...descriptionRepo(), 'system/description.md': '---\ntitle: x\n# Body\n' }, 'frontmatter-syntax');
  assert.equal(open.length, 1);
});

test('paths.description moves the description', async () => {
  const files = descriptionRepo({ omit: ['System incidents'] });
  files['docs/section-3.md'] = files['system/description.md'];
  delete files['system/description.md'];
  assert.deepEqual(await findings(files, 'description-missing-section'), []);
  files['soc2.yaml'] += 'paths:\n  description: docs/section-3.md\n';
  assert.equal((await findings(files, 'description-missing-section')).length, 1);
});

test('a description path inside the policies folder is read as the description, not as a policy', async () => {
  const files = descriptionRepo({ omit: ['System incidents'] });
  files['policies/system-description.md'] = files['system/description.md'];
  delete files['system/description.md'];
  files['soc2.yaml'] += 'paths:\n  description: policies/system-description.md\n';
  assert.equal((await findings(files, 'description-missing-section')).length, 1);
  assert.deepEqual((await findings(files, 'schema')).filter((f) => f.at.startsWith('policies/system-description.md')), []);
});

/** Findings of one code with their related locations and data; positions as file:line:col (1-based). */
async function detailed(files: Record<string, string>, code: string) {
  const at = (file: string, r: Range) => `${file}:${r.start.line + 1}:${r.start.character + 1}`;
  return (await diagnose(files)).filter((d) => d.code === code).map((d) => ({
    at: at(d.file, d.range), message: d.message, related: d.related?.map((r) => `${at(r.file, r.range)} ${r.message}`), data: d.data,
  }));
}

const onDescription = async (files: Record<string, string>) => (await diagnose(files)).filter((d) => d.file === 'system/description.md').map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);

test('a description too large to read gets file-too-large and nothing from the description checks', async () => {
  const files = edit(descriptionRepo(), 'soc2.yaml', '  categories: [security]', '  categories: [security]\n  exclusions:\n    - criterion: CC6.4\n      vendor: V-CLOUD');
  files['soc2.yaml'] += 'limits:\n  max_file_bytes: 600\n';
  assert.deepEqual(await onDescription(files), ['1:1 file-too-large']);
});

test('description-missing-section gives the missing heading as data', async () => {
  assert.deepEqual(await detailed(descriptionRepo({ omit: ['System incidents'] }), 'description-missing-section'), [{
    at: 'system/description.md:5:1', related: undefined, data: { section: 'System incidents' },
    message: 'The system description has no section on system incidents: incidents during the period that stopped the company meeting a commitment, or say there were none. Add a "## System incidents" section.',
  }]);
});

const excluding = (files: Record<string, string>, ...lines: string[]) => edit(files, 'soc2.yaml', '  categories: [security]', ['  categories: [security]', '  exclusions:', ...lines].join('\n'));

test('description-exclusion-mismatch: an exclusion without a reason, pointing back at soc2.yaml', async () => {
  const files = excluding(descriptionRepo({ body: { 'Criteria not applicable': 'CC6.5 does not apply.' } }), '    - criterion: CC6.5', '    - criterion: CC6.4');
  assert.deepEqual(await detailed(files, 'description-exclusion-mismatch'), [{
    at: 'system/description.md:35:1', data: undefined, related: ['soc2.yaml:9:18 Exclusion of CC6.4'],
    message: 'soc2.yaml excludes CC6.4, but the description\'s section on criteria not applicable does not name it.',
  }]);
});

test('description-exclusion-mismatch: every excluded criterion named is matched; a criterion named twice is reported once, at its first mention', async () => {
  const both = excluding(descriptionRepo({ body: { 'Criteria not applicable': 'CC6.4 and CC6.5 do not apply.' } }), '    - criterion: CC6.4', '    - criterion: CC6.5');
  assert.deepEqual(await findings(both, 'description-exclusion-mismatch'), []);
  const twice = descriptionRepo({ body: { 'Criteria not applicable': 'CC6.5 does not apply. We repeat: CC6.5.' } });
  assert.deepEqual((await findings(twice, 'description-exclusion-mismatch')).map((x) => x.at), ['system/description.md:37:1']);
});

test('description-exclusion-mismatch ignores ids that are not criteria, and without the section fails on nothing', async () => {
  assert.deepEqual(await findings(descriptionRepo({ body: { 'Criteria not applicable': 'CC6.99 and P9.9 are not criteria.' } }), 'description-exclusion-mismatch'), []);
  const noSection = excluding(descriptionRepo({ omit: ['Criteria not applicable'] }), '    - criterion: CC6.4', '      reason: Physical security is the host\'s.');
  assert.deepEqual(await onDescription(noSection), ['5:1 description-missing-section']);
});

test('description-subservice-mismatch: an empty front matter list is reported on the front matter, with the vendor as related and data', async () => {
  const files = descriptionRepo({ frontMatter: ['subservice_organizations: []'] });
  assert.deepEqual(await detailed(files, 'description-subservice-mismatch'), [{
    at: 'system/description.md:1:1', related: ['vendors/register.yaml:2:9 Vendor V-CLOUD'], data: { vendor: 'V-CLOUD' },
    message: 'The register has Nimbus Cloud (V-CLOUD) as a subservice organisation (carve-out), but the description does not name it among its subservice organisations.',
  }]);
});

test('description-subservice-mismatch: a front matter list missing a carve-out is reported on its first id', async () => {
  const files = descriptionRepo({ frontMatter: ['subservice_organizations: [V-MAIL]'] });
  assert.deepEqual(await detailed(files, 'description-subservice-mismatch'), [
    {
      at: 'system/description.md:3:28', related: ['vendors/register.yaml:15:17 Vendor V-MAIL'], data: undefined,
      message: 'The description names Postbox (V-MAIL) as a subservice organisation, but the register records it with `subservice: no`.',
    },
    {
      at: 'system/description.md:3:28', related: ['vendors/register.yaml:2:9 Vendor V-CLOUD'], data: { vendor: 'V-CLOUD' },
      message: 'The register has Nimbus Cloud (V-CLOUD) as a subservice organisation (carve-out), but the description does not name it among its subservice organisations.',
    },
  ]);
});

test('description-subservice-mismatch without a subservice section reports on the title heading', async () => {
  assert.deepEqual((await findings(descriptionRepo({ omit: ['Subservice organizations'] }), 'description-subservice-mismatch')).map((x) => x.at), ['system/description.md:5:1']);
});

test('description-subservice-mismatch: a vendor with no subservice, named in a section and its subsection, is reported once at the first mention', async () => {
  const files = edit(descriptionRepo({ body: { 'Subservice organizations': 'Nimbus Cloud hosts production; Postbox sends mail.\n\n### CSOCs\n\nPostbox filters spam.' } }),
    'vendors/register.yaml', '    subservice: no\n', '');
  assert.deepEqual(await detailed(files, 'description-subservice-mismatch'), [{
    at: 'system/description.md:33:32', related: ['vendors/register.yaml:11:9 Vendor V-MAIL'], data: undefined,
    message: 'The description names Postbox (V-MAIL) as a subservice organisation, but the register records it with no `subservice`.',
  }]);
});

test('description-subservice-mismatch: a vendor without a name is found by its id and labelled by it', async () => {
  const named = descriptionRepo({ body: { 'Subservice organizations': 'V-CLOUD hosts production.' } });
  const nameless = edit(named, 'vendors/register.yaml', '    name: Nimbus Cloud\n', '');
  assert.deepEqual(await findings(nameless, 'description-subservice-mismatch'), []);
  const unnamed = edit(nameless, 'system/description.md', 'V-CLOUD hosts production.', 'Our host runs production.');
  assert.deepEqual((await findings(unnamed, 'description-subservice-mismatch')).map((x) => x.message), [
    'The register has V-CLOUD as a subservice organisation (carve-out), but the description does not name it among its subservice organisations.',
  ]);
});
