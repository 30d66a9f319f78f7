/** Bad framework input gives clear diagnostics, never a crash or an internal-error. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, edit } from '../helpers';
import { frameworksRepo } from './repo';
import { computeSummary } from '../../server/src/engine/summary';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { loadProject } from '../../server/src/engine/load';
import { CHECKS } from '../../server/src/checks';
import { buildSoa, soaCsv } from '../../server/src/frameworks/soa';
import { ISO_27001_2022 } from '../../server/src/catalog/iso27001-2022';

const CASES: Record<string, (f: Record<string, string>) => Record<string, string>> = {
  'frameworks as a list in a control': (f) => edit(f, 'controls/access.yaml', '      iso27001-2022: [A.5.15, A.8.5]\n      acme-questionnaire: [Q-1]\n', '      - iso27001-2022\n'),
  'requirement ids as a scalar': (f) => edit(f, 'controls/access.yaml', '[A.5.15, A.8.5]', 'A.5.15'),
  'requirement ids as mappings': (f) => edit(f, 'controls/access.yaml', '[A.5.15, A.8.5]', '[{a: 1}, [2], null, 3]'),
  'prototype-shaped keys': (f) => edit(edit(f, 'controls/access.yaml', 'iso27001-2022: [A.5.15, A.8.5]', '__proto__: [constructor]'), 'soc2.yaml', '  - acme-questionnaire', '  - constructor\n  - id: __proto__\n    exclusions: [{ requirement: toString }]'),
  'framework file not a mapping': (f) => ({ ...f, 'frameworks/acme-questionnaire.yaml': '- just\n- a list\n' }),
  'framework file with broken YAML': (f) => ({ ...f, 'frameworks/acme-questionnaire.yaml': 'id: [unclosed\n' }),
  'framework requirements of the wrong shapes': (f) => ({ ...f, 'frameworks/acme-questionnaire.yaml': 'id: acme-questionnaire\nname: X\nrequirements:\n  - Q-1\n  - { id: null }\n  - { id: Q-1, title: [x] }\n  - { id: Q-1, title: dup }\n' }),
  'soc2.yaml frameworks of the wrong shapes': (f) => edit(f, 'soc2.yaml', '  - acme-questionnaire', '  - [nested]\n  - { exclusions: 3 }\n  - id: nist-csf-2.0\n    exclusions: [A, { requirement: null }, { requirement: PR.AA-5 }]'),
  'frameworks: as a scalar in soc2.yaml': (f) => ({ ...f, 'soc2.yaml': f['soc2.yaml']!.replace(/frameworks:[\s\S]*?scope:/, 'frameworks: iso27001-2022\nscope:') }),
};

for (const [name, make] of Object.entries(CASES)) {
  test(`bad input, ${name}: diagnostics without a crash; summary and SoA still build`, async () => {
    const files = make(frameworksRepo());
    const ds = await diagnose(files);
    assert.deepEqual(ds.filter((d) => d.code === 'internal-error').map((d) => d.message), []);
    const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: '2026-07-15' });
    assert.ok(computeSummary(project));
    assert.ok(soaCsv(buildSoa(project, ISO_27001_2022, '2026-07-15')).length > 0);
  });
}

test('the wrong shapes are reported where they stand', async () => {
  const codes = async (name: string) => (await diagnose(CASES[name]!(frameworksRepo()))).map((d) => `${d.code} ${d.file}`);
  assert.ok((await codes('requirement ids as a scalar')).includes('schema controls/access.yaml'));
  assert.ok((await codes('framework file not a mapping')).includes('schema frameworks/acme-questionnaire.yaml'));
  assert.ok((await codes('framework file with broken YAML')).includes('yaml-syntax frameworks/acme-questionnaire.yaml'));
  const shapes = await codes('framework requirements of the wrong shapes');
  assert.ok(shapes.filter((c) => c === 'schema frameworks/acme-questionnaire.yaml').length >= 2, shapes.join('\n'));
  const config = await codes('soc2.yaml frameworks of the wrong shapes');
  assert.ok(config.includes('schema soc2.yaml') && config.includes('unknown-requirement soc2.yaml'), config.join('\n'));
});
