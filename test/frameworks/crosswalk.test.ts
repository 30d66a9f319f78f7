import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crosswalkPairs, criteriaForRequirement, requirementsForCriterion, suggestedRequirements } from '../../server/src/frameworks/crosswalk';
import { FrameworkCatalog } from '../../server/src/catalog/framework-catalog';
import { TSC_FRAMEWORK } from '../../server/src/catalog/tsc-framework';

const iso = (c: string) => requirementsForCriterion('iso27001-2022', c).map((p) => p.requirement);
const tscOf = (r: string) => criteriaForRequirement('iso27001-2022', r).map((p) => p.criterion);

test('crosswalk TSC -> ISO: the obvious pairs hold both ways', () => {
  const pairs: [string[], string[]][] = [
    [['CC6.1', 'CC6.2', 'CC6.3'], ['A.5.15', 'A.5.18', 'A.8.2', 'A.8.5']],
    [['CC8.1'], ['A.8.32']],
    [['A1.2'], ['A.8.13']],
    [['CC9.2'], ['A.5.19', 'A.5.20', 'A.5.21', 'A.5.22']],
    [['CC7.3', 'CC7.4', 'CC7.5'], ['A.5.24', 'A.5.25', 'A.5.26', 'A.5.27']],
    [['CC2.2', 'CC1.4'], ['A.6.3']],
    [['C1.2'], ['A.8.10']],
    [['CC6.4'], ['A.7.1', 'A.7.2']],
  ];
  for (const [criteria, reqs] of pairs) {
    const forward = new Set(criteria.flatMap(iso));
    for (const r of reqs) {
      assert.ok(forward.has(r), `${criteria.join('/')} -> ${r}`);
      assert.ok(tscOf(r).some((c) => criteria.includes(c)), `${r} -> ${criteria.join('/')}`);
    }
  }
  for (const c of ['CC2.2', 'CC1.4']) assert.ok(iso(c).includes('A.6.3'), c);
});

test('crosswalk TSC -> CSF: obvious pairs', () => {
  const csf = (c: string) => requirementsForCriterion('nist-csf-2.0', c).map((p) => p.requirement);
  assert.ok(csf('CC6.3').includes('PR.AA-05'));
  assert.ok(csf('A1.2').includes('PR.DS-11'));
  assert.ok(csf('CC9.2').includes('GV.SC-07'));
  assert.ok(csf('CC7.4').includes('RS.MI-01'));
});

test('every crosswalk pair names real ids on both sides and carries a one-line rationale', () => {
  const cat = new FrameworkCatalog();
  const criteria = new Set(TSC_FRAMEWORK.requirements.map((r) => r.id));
  for (const target of ['iso27001-2022', 'nist-csf-2.0']) {
    const pairs = crosswalkPairs(target);
    assert.ok(pairs.length > 100, target);
    for (const p of pairs) {
      assert.ok(criteria.has(p.criterion), `${target}: ${p.criterion}`);
      assert.ok(cat.requirement(target, p.requirement), `${target}: ${p.requirement}`);
      assert.ok(p.why.length > 10 && p.why.length <= 120 && !p.why.includes('\n'), `${p.criterion}->${p.requirement}`);
    }
    assert.equal(new Set(pairs.map((p) => `${p.criterion}>${p.requirement}`)).size, pairs.length, `${target}: duplicate pair`);
  }
});

test('suggestions for a control leave out what it already maps and name where they come from', () => {
  const loc = (value: string) => ({ value, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  const control = { criteria: [loc('CC6.1'), loc('CC6.3')], frameworks: [{ framework: loc('iso27001-2022'), requirements: [loc('A.5.15')] }] };
  const s = suggestedRequirements(control, 'iso27001-2022');
  assert.ok(!s.some((x) => x.requirement === 'A.5.15'));
  assert.deepEqual(s.find((x) => x.requirement === 'A.8.5')?.from, ['CC6.1']);
  assert.deepEqual(s.find((x) => x.requirement === 'A.8.2')?.from, ['CC6.3']);
});
