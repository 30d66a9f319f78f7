import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ISO_27001_2022 } from '../../server/src/catalog/iso27001-2022';
import { NIST_CSF_2_0 } from '../../server/src/catalog/nist-csf-2.0';
import { TSC_FRAMEWORK } from '../../server/src/catalog/tsc-framework';
import { BUILT_IN_FRAMEWORKS, FrameworkCatalog } from '../../server/src/catalog/framework-catalog';

const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const csf = (cat: string, nums: number[]) => nums.map((n) => `${cat}-${String(n).padStart(2, '0')}`);

test('ISO/IEC 27001:2022 Annex A: exactly the 93 controls A.5.1-A.5.37, A.6.1-A.6.8, A.7.1-A.7.14, A.8.1-A.8.34', () => {
  const ids = ISO_27001_2022.requirements.map((r) => r.id);
  assert.equal(ids.length, 93);
  assert.deepEqual(ids, [...range('A.5.', 37), ...range('A.6.', 8), ...range('A.7.', 14), ...range('A.8.', 34)]);
  const perTheme = Object.fromEntries(ISO_27001_2022.groups.map((g) => [g.id, ISO_27001_2022.requirements.filter((r) => r.group === g.id).length]));
  assert.deepEqual(perTheme, { 'A.5': 37, 'A.6': 8, 'A.7': 14, 'A.8': 34 });
});

const CSF_IDS = [
  ...csf('GV.OC', [1, 2, 3, 4, 5]), ...csf('GV.RM', [1, 2, 3, 4, 5, 6, 7]), ...csf('GV.RR', [1, 2, 3, 4]),
  ...csf('GV.PO', [1, 2]), ...csf('GV.OV', [1, 2, 3]), ...csf('GV.SC', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
  ...csf('ID.AM', [1, 2, 3, 4, 5, 7, 8]), ...csf('ID.RA', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), ...csf('ID.IM', [1, 2, 3, 4]),
  ...csf('PR.AA', [1, 2, 3, 4, 5, 6]), ...csf('PR.AT', [1, 2]), ...csf('PR.DS', [1, 2, 10, 11]),
  ...csf('PR.PS', [1, 2, 3, 4, 5, 6]), ...csf('PR.IR', [1, 2, 3, 4]),
  ...csf('DE.CM', [1, 2, 3, 6, 9]), ...csf('DE.AE', [2, 3, 4, 6, 7, 8]),
  ...csf('RS.MA', [1, 2, 3, 4, 5]), ...csf('RS.AN', [3, 6, 7, 8]), ...csf('RS.CO', [2, 3]), ...csf('RS.MI', [1, 2]),
  ...csf('RC.RP', [1, 2, 3, 4, 5, 6]), ...csf('RC.CO', [3, 4]),
];

test('NIST CSF 2.0: 6 functions, 22 categories, exactly the 106 subcategories with NIST\'s numbering gaps', () => {
  const ids = NIST_CSF_2_0.requirements.map((r) => r.id);
  assert.equal(CSF_IDS.length, 106);
  assert.deepEqual(ids, CSF_IDS);
  const functions = NIST_CSF_2_0.groups.filter((g) => !g.parent);
  const categories = NIST_CSF_2_0.groups.filter((g) => g.parent);
  assert.deepEqual(functions.map((f) => f.id), ['GV', 'ID', 'PR', 'DE', 'RS', 'RC']);
  assert.equal(categories.length, 22);
  for (const gap of ['ID.AM-06', 'RS.AN-01', 'RS.AN-02', 'RS.AN-04', 'RS.AN-05', 'PR.DS-03', 'PR.DS-09', 'DE.CM-04', 'RC.CO-01']) assert.ok(!ids.includes(gap), gap);
  for (const r of NIST_CSF_2_0.requirements) assert.ok(categories.some((c) => c.id === r.group && r.id.startsWith(`${c.parent}.`)), r.id);
});

test('TSC 2017 is one framework among them, with its 61 criteria', () => {
  assert.equal(TSC_FRAMEWORK.requirements.length, 61);
  assert.deepEqual(BUILT_IN_FRAMEWORKS.map((f) => f.id), ['tsc-2017', 'iso27001-2022', 'nist-csf-2.0']);
});

test('every built-in requirement has a unique id, a short title and a one-line summary of our own', () => {
  for (const fw of BUILT_IN_FRAMEWORKS) {
    const ids = fw.requirements.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, fw.id);
    for (const r of fw.requirements) {
      assert.ok(r.title.trim() && r.title.length <= 60, `${r.id} title`);
      assert.ok(r.summary && r.summary.length <= 160 && !r.summary.includes('\n'), `${r.id} summary`);
      assert.ok(fw.groups.some((g) => g.id === r.group), `${r.id} group`);
    }
  }
});

test('the usual miswritings resolve to the real id; unknown ids get the nearest ones', () => {
  const cat = new FrameworkCatalog();
  for (const raw of ['A 5.15', '5.15', 'A.05.15', 'a.5.15', 'A5.15', 'A.5.15.']) assert.equal(cat.resolve('iso27001-2022', raw).alias?.id, 'A.5.15', raw);
  for (const raw of ['PR.AA-5', 'PR.AA.05', 'pr.aa-05', 'PR.AA 05']) assert.equal(cat.resolve('nist-csf-2.0', raw).alias?.id, 'PR.AA-05', raw);
  assert.equal(cat.resolve('iso27001-2022', 'A.5.15').exact?.id, 'A.5.15');
  assert.equal(cat.resolve('tsc-2017', 'cc6.1').alias?.id, 'CC6.1');
  const none = cat.resolve('iso27001-2022', 'A.5.38');
  assert.equal(none.alias, undefined);
  assert.ok(none.suggestions.some((s) => s.id === 'A.5.37' || s.id === 'A.5.28'), JSON.stringify(none.suggestions.map((s) => s.id)));
  assert.equal(cat.resolve('nist-csf-2.0', 'ID.AM-06').alias, undefined, 'a numbering gap is not an alias');
  assert.deepEqual(cat.nearestFrameworks('iso27001'), ['iso27001-2022']);
  assert.equal(cat.nearestFrameworks('nist-csf-2')[0], 'nist-csf-2.0');
});
