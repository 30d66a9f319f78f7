import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, diagnose, findings } from '../helpers';
import type { Range } from '../../server/src/engine/text';

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

test('duplicate-id: two framework files with one id, and a repo file reusing a built-in id', async () => {
  const { frameworksRepo } = await import('../frameworks/repo');
  const files = frameworksRepo();
  files['frameworks/copy.yaml'] = files['frameworks/acme-questionnaire.yaml']!;
  files['frameworks/iso27001-2022.yaml'] = 'id: iso27001-2022\nname: Mine\nrequirements:\n  - { id: X, title: Y }\n';
  const f = (await findings(files, 'duplicate-id')).filter((x) => x.at.startsWith('frameworks/'));
  assert.deepEqual(f.map((x) => x.at), ['frameworks/acme-questionnaire.yaml:1:5', 'frameworks/copy.yaml:1:5', 'frameworks/iso27001-2022.yaml:1:5']);
  assert.match(f[0]!.message, /only this file counts/);
  assert.match(f[1]!.message, /this file is ignored/);
  assert.match(f[2]!.message, /is a built-in framework/);
});

/** Each duplicate-id finding with its related locations; positions as file:line:col (1-based). */
async function detailed(files: Record<string, string>) {
  const at = (file: string, r: Range) => `${file}:${r.start.line + 1}:${r.start.character + 1}`;
  return (await diagnose(files)).filter((d) => d.code === 'duplicate-id').map((d) => ({
    at: at(d.file, d.range), message: d.message, related: d.related?.map((r) => `${at(r.file, r.range)} ${r.message}`),
  }));
}

test('duplicate-id relates every other copy of a control and of a policy', async () => {
  const files = {
    ...baseRepo(),
    'controls/dup.yaml': 'controls:\n  - id: AC-01\n    title: Copy\n',
    'controls/dup2.yaml': 'controls:\n  - id: ZZ-01\n    title: A\n  - id: AC-01\n    title: Third\n',
  };
  assert.deepEqual((await detailed(files)).find((d) => d.at === 'controls/access.yaml:2:9')?.related, [
    'controls/dup.yaml:2:9 Other control with id AC-01', 'controls/dup2.yaml:4:9 Other control with id AC-01',
  ]);
  const copy = '---\nid: POL-AC\nowner: x\nlast_reviewed: 2026-03-01\ncriteria: [CC6.1]\n---\n';
  assert.deepEqual((await detailed({ ...baseRepo(), 'policies/copy.md': copy }))[0], {
    at: 'policies/access.md:2:5', message: 'Policy id POL-AC is also used by policies/copy.md; ids must be unique.',
    related: ['policies/copy.md:2:5 Other policy with id POL-AC'],
  });
});

test('duplicate-id: a risk id used three times names and relates both others', async () => {
  const { riskRepo } = await import('../risk-helpers');
  const copy = 'risks:\n  - id: R-02\n    title: Other\n  - id: R-01\n    title: Copy\n';
  const files = { ...riskRepo(), 'risks/more.yaml': copy, 'risks/other.yaml': copy.replace('R-02', 'R-03') };
  assert.deepEqual((await detailed(files)).find((d) => d.at === 'risks/register.yaml:2:9'), {
    at: 'risks/register.yaml:2:9', message: 'Risk id R-01 is also used in risks/more.yaml:4, risks/other.yaml:4; ids must be unique.',
    related: ['risks/more.yaml:4:9 Other risk with id R-01', 'risks/other.yaml:4:9 Other risk with id R-01'],
  });
});

test('duplicate-id: vendors sharing an id, across register files', async () => {
  const { vendorLines, vendorRepo } = await import('../vendor-helpers');
  assert.deepEqual(await detailed(vendorRepo()), []);
  const files = {
    ...vendorRepo(),
    'vendors/more.yaml': ['vendors:', ...vendorLines('V-MAIL', { name: 'Postbox' }), ...vendorLines('V-CLOUD', { subservice: 'inclusive' }), ''].join('\n'),
    'vendors/other.yaml': ['vendors:', ...vendorLines('V-CLOUD'), ''].join('\n'),
  };
  assert.deepEqual(await detailed(files), [
    {
      at: 'vendors/more.yaml:11:9', message: 'Vendor id V-CLOUD is also used in vendors/other.yaml:2, vendors/register.yaml:2; ids must be unique.',
      related: ['vendors/other.yaml:2:9 Other vendor with id V-CLOUD', 'vendors/register.yaml:2:9 Other vendor with id V-CLOUD'],
    },
    {
      at: 'vendors/other.yaml:2:9', message: 'Vendor id V-CLOUD is also used in vendors/more.yaml:11, vendors/register.yaml:2; ids must be unique.',
      related: ['vendors/more.yaml:11:9 Other vendor with id V-CLOUD', 'vendors/register.yaml:2:9 Other vendor with id V-CLOUD'],
    },
    {
      at: 'vendors/register.yaml:2:9', message: 'Vendor id V-CLOUD is also used in vendors/more.yaml:11, vendors/other.yaml:2; ids must be unique.',
      related: ['vendors/more.yaml:11:9 Other vendor with id V-CLOUD', 'vendors/other.yaml:2:9 Other vendor with id V-CLOUD'],
    },
  ]);
});

test('duplicate-id: the framework file said to count is the one the catalog uses, whatever the case of the file names', async () => {
  const { frameworksRepo } = await import('../frameworks/repo');
  const files = frameworksRepo();
  assert.deepEqual((await detailed(files)).filter((d) => d.at.startsWith('frameworks/')), []);
  // By code unit "Copy.yaml" sorts before "acme-questionnaire.yaml"; the catalog orders file names by localeCompare.
  files['frameworks/Copy.yaml'] = 'id: acme-questionnaire\nname: Copy\nrequirements:\n  - { id: Z-1, title: Other }\n';
  files['frameworks/zz.yaml'] = files['frameworks/Copy.yaml'];
  assert.deepEqual((await detailed(files)).filter((d) => d.at.startsWith('frameworks/')), [
    {
      at: 'frameworks/Copy.yaml:1:5', message: 'Framework id acme-questionnaire is also defined in frameworks/acme-questionnaire.yaml, frameworks/zz.yaml; this file is ignored until the ids differ.',
      related: ['frameworks/acme-questionnaire.yaml:1:5 Other framework with id acme-questionnaire', 'frameworks/zz.yaml:1:5 Other framework with id acme-questionnaire'],
    },
    {
      at: 'frameworks/acme-questionnaire.yaml:1:5', message: 'Framework id acme-questionnaire is also defined in frameworks/Copy.yaml, frameworks/zz.yaml; only this file counts until the ids differ.',
      related: ['frameworks/Copy.yaml:1:5 Other framework with id acme-questionnaire', 'frameworks/zz.yaml:1:5 Other framework with id acme-questionnaire'],
    },
    {
      at: 'frameworks/zz.yaml:1:5', message: 'Framework id acme-questionnaire is also defined in frameworks/acme-questionnaire.yaml, frameworks/Copy.yaml; this file is ignored until the ids differ.',
      related: ['frameworks/acme-questionnaire.yaml:1:5 Other framework with id acme-questionnaire', 'frameworks/Copy.yaml:1:5 Other framework with id acme-questionnaire'],
    },
  ]);
  // AC-01 maps Q-1, which only acme-questionnaire.yaml defines: that file is the one in use.
  assert.deepEqual(await findings(files, 'unknown-requirement'), []);
});
