import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { scaffold, fillPolicy, type TemplateSet } from '../server/src/scaffold/scaffold';
import { defaultPeriod, parseCategories, parsePeriod } from '../server/src/scaffold/options';
import { BUNDLED_TEMPLATES } from '../server/src/scaffold/templates.generated';
import { parseConfig } from '../server/src/engine/parse-config';
import { parsePolicy } from '../server/src/engine/parse-policy';
import { parseControls } from '../server/src/engine/parse-controls';

const ROOT = join(__dirname, '..');
const BASE = { organization: 'Beta Labs', reportType: 2 as const, period: { start: '2026-08-01', end: '2027-01-31' }, categories: ['security'], owner: 'Security Lead', today: '2026-07-15' };

test('the generated template module and the control snippets are up to date with templates/', () => {
  for (const script of ['scripts/gen-templates.mjs', 'scripts/gen-snippets.mjs']) {
    const r = spawnSync(process.execPath, [join(ROOT, script), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, `${script}: ${r.stderr}`);
  }
  assert.deepEqual(BUNDLED_TEMPLATES.policies.map((t) => t.name), ['acceptable-use', 'access-control', 'business-continuity', 'change-management',
    'data-classification', 'data-retention', 'encryption', 'incident-response', 'information-security', 'logging-and-monitoring',
    'risk-assessment', 'security-awareness', 'vendor-management']);
});

test('every placeholder is filled, and typed values survive YAML quoting exactly', () => {
  const o = { ...BASE, organization: 'Beta: "Labs" #1', owner: "O'Brien: security #lead", templates: BUNDLED_TEMPLATES.policies.map((t) => t.name) };
  const files = scaffold(o);
  for (const [path, text] of files) assert.doesNotMatch(text, /\{\{|\}\}/, path);
  assert.equal(parseConfig('soc2.yaml', files.get('soc2.yaml')!).config.organization, o.organization);
  const policy = parsePolicy('policies/encryption.md', files.get('policies/encryption.md')!);
  assert.deepEqual(policy.problems, []);
  assert.equal(policy.policy?.owner?.value, o.owner);
  assert.equal(policy.policy?.lastReviewed?.value, '2026-07-15');
  assert.match(files.get('policies/encryption.md')!, /^This policy sets the encryption Beta: "Labs" #1 uses/m);
  const controls = parseControls('controls/encryption.yaml', files.get('controls/encryption.yaml')!);
  assert.deepEqual(controls.problems, []);
  assert.deepEqual(controls.controls.map((c) => [c.id, c.owner?.value, c.status?.value, c.lastReviewed?.value]), [
    ['CR-01', o.owner, 'planned', '2026-07-15'], ['CR-02', o.owner, 'planned', '2026-07-15'], ['CR-03', o.owner, 'planned', '2026-07-15'],
  ]);
});

test('scaffold is pure over the templates it is given: controls grouped by prefix, only those named, links cut to what exists', () => {
  const templates: TemplateSet = {
    policies: [
      { name: 'x', id: 'POL-X', title: 'X', controls: ['ZZ-01', 'AC-01'], text: '---\nid: POL-X\nowner: "{{owner}}"\n---\n# X for {{organization}}\n' },
      { name: 'y', id: 'POL-Y', title: 'Y', controls: ['ZZ-02'], text: '---\nid: POL-Y\n---\n# Y\n' },
    ],
    controlLibrary: [
      'controls:',
      '  # a comment the copy drops',
      '  - id: AC-01',
      '    owner: "{{owner}}"',
      '    status: implemented',
      '    policies: [POL-X, POL-Y]',
      '    last_reviewed: "{{today}}"',
      '  - id: ZZ-01',
      '    policies: [POL-Y]',
      '    evidence: [{ name: e, path: zz/one }]',
      '  - id: ZZ-02',
      '',
    ].join('\n'),
  };
  const files = scaffold({ ...BASE, templates: ['x'] }, templates);
  assert.deepEqual([...files.keys()], ['soc2.yaml', 'policies/x.md', 'controls/access-control.yaml', 'controls/zz.yaml', 'evidence/README.md', 'vendors/vendors.yaml', 'system/description.md']);
  assert.equal(files.get('policies/x.md'), '---\nid: POL-X\nowner: Security Lead\n---\n# X for Beta Labs\n');
  assert.match(files.get('controls/access-control.yaml')!, /\ncontrols:\n {2}- id: AC-01\n {4}owner: Security Lead\n {4}status: planned\n {4}policies: \[POL-X\]\n {4}last_reviewed: 2026-07-15\n$/);
  assert.match(files.get('controls/zz.yaml')!, /\ncontrols:\n {2}- id: ZZ-01\n {4}evidence: \[\{name: e, path: zz\/one\}\]\n {4}owner: Security Lead\n {4}status: planned\n {4}last_reviewed: 2026-07-15\n$/);
  assert.match(files.get('evidence/README.md')!, /\n## Folders the controls expect\n\n- `zz\/one\/`\n$/);
  assert.throws(() => scaffold({ ...BASE, templates: ['y'] }, { ...templates, controlLibrary: 'controls: []\n' }), /the control library has no ZZ-02/);
  assert.throws(() => scaffold({ ...BASE, templates: ['w'] }, templates), /no policy template named "w"/);
  assert.throws(() => scaffold({ ...BASE, period: undefined, templates: [] }, templates), /needs an observation period/);
});

test('fillPolicy fills one template for "New Policy from Template"', () => {
  const t = BUNDLED_TEMPLATES.policies.find((p) => p.name === 'vendor-management')!;
  const text = fillPolicy(t, { organization: 'Beta Labs', owner: 'dana@beta.example', today: '2027-01-02' });
  assert.match(text, /^---\nid: POL-VM\ntitle: Vendor Management Policy\nowner: dana@beta\.example\nversion: "1\.0"\nlast_reviewed: 2027-01-02\n/);
  assert.match(text, /^\| 1\.0 \| 2027-01-02 \| dana@beta\.example \| /m);
});

test('period and category options', () => {
  assert.deepEqual(defaultPeriod('2026-07-15'), { start: '2026-08-01', end: '2027-01-31' });
  assert.deepEqual(defaultPeriod('2026-12-01'), { start: '2027-01-01', end: '2027-06-30' });
  assert.deepEqual(defaultPeriod('2027-08-31'), { start: '2027-09-01', end: '2028-02-29' });
  assert.deepEqual(parsePeriod(' 2027-01-01 .. 2027-06-30 '), { start: '2027-01-01', end: '2027-06-30' });
  assert.equal(parsePeriod('2027-01-01..2027-01-01').toString(), '[object Object]');
  assert.match(String(parsePeriod('2027-01-01/2027-06-30')), /START\.\.END/);
  assert.deepEqual(parseCategories(['Privacy', ' availability', '']), ['security', 'availability', 'privacy']);
  assert.equal(parseCategories(['pi']), 'unknown category "pi"; the categories are security, availability, confidentiality, processing-integrity, privacy');
});
