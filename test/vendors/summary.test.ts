import { CHECKS } from '../../server/src/checks';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { loadProject } from '../../server/src/engine/load';
import { computeSummary } from '../../server/src/engine/summary';
import { formatSummaryMarkdown, formatSummaryText, summaryJson } from '../../server/src/report/summary-text';
import { formatSummaryHtml } from '../../server/src/report/summary-html';
import { TODAY } from '../helpers';
import { vendorLines } from '../vendor-helpers';
import { descriptionRepo } from './description-fixture';

async function summaryOf(files: Record<string, string>) {
  const { project } = await loadProject(new MemoryWorkspace(files), { today: TODAY, checks: CHECKS });
  return computeSummary(project);
}

function repo(): Record<string, string> {
  const files = descriptionRepo({ frontMatter: ['cuecs: [{ id: CUEC-01, description: Customers remove their leavers., criteria: [CC6.2] }]'] });
  files['vendors/idp.yaml'] = ['vendors:', ...vendorLines('V-IDP', { name: 'KeyGate', subservice: 'inclusive', assurance: '{ type: soc2-type2, period_start: 2024-05-01, period_end: 2025-04-30 }', csocs: null, last_reviewed: '2025-06-01' }), ''].join('\n');
  return files;
}

test('the summary lists vendors, subservice organisations first, with assurance, next review and a flag per problem', async () => {
  const s = await summaryOf(repo());
  assert.deepEqual(s.vendors?.map((v) => [v.id, v.subservice, v.criticality, v.assurance?.periodEnd, v.nextReview, v.problems]), [
    ['V-CLOUD', 'carve-out', 'high', '2026-09-30', '2027-03-01', []],
    ['V-IDP', 'inclusive', 'high', '2025-04-30', '2026-06-01', ['stale-review', 'vendor-assurance-stale']],
    ['V-MAIL', 'no', 'low', undefined, '2027-03-01', []],
  ]);
  assert.deepEqual(s.cuecs, [{ id: 'CUEC-01', description: 'Customers remove their leavers.', criteria: ['CC6.2'] }]);
});

test('text, Markdown and JSON carry the vendor table and CUECs', async () => {
  const s = await summaryOf(repo());
  const text = formatSummaryText(s);
  assert.match(text, /\nVendors \(3; 2 subservice organisations\):\n  Id +Criticality +Subservice +Assurance +Next review +Problems\n  V-CLOUD +high +carve-out +SOC 2 Type 2 to 2026-09-30 +2027-03-01 +none\n  V-IDP +high +inclusive +SOC 2 Type 2 to 2025-04-30 +2026-06-01 +stale-review, vendor-assurance-stale\n  V-MAIL +low +no +none +2027-03-01 +none\n/);
  assert.match(text, /Complementary user entity controls \(1\):\n  CUEC-01: Customers remove their leavers\. \[CC6\.2\]/);
  assert.match(formatSummaryMarkdown(s), /\| V-IDP \| KeyGate \| high \| inclusive \| SOC 2 Type 2 to 2025-04-30 \| 2026-06-01 \| stale-review, vendor-assurance-stale \|/);
  const json = summaryJson(s) as { vendors: Record<string, unknown>[]; cuecs: unknown[] };
  assert.deepEqual(json.vendors[1], {
    id: 'V-IDP', name: 'KeyGate', service: null, owner: 'bob@example.com', criticality: 'high', subservice: 'inclusive',
    assurance: { type: 'soc2-type2', periodStart: '2024-05-01', periodEnd: '2025-04-30', received: null, bridgeLetterUntil: null },
    csocs: 0, nextReview: '2026-06-01', problems: ['stale-review', 'vendor-assurance-stale'], file: 'vendors/idp.yaml', line: 2,
  });
  assert.equal(json.cuecs.length, 1);
});

test('a repo without vendors says so; the HTML vendor table escapes every value', async () => {
  const files = repo();
  delete files['vendors/idp.yaml'];
  delete files['vendors/register.yaml'];
  assert.match(formatSummaryText(await summaryOf(files)), /\nVendors: none recorded\.\n/);
  const evil = repo();
  evil['vendors/idp.yaml'] = evil['vendors/idp.yaml'].replace('name: KeyGate', 'name: "<script>alert(1)</script>"').replace('id: V-IDP', 'id: "V-<b>"');
  const html = formatSummaryHtml(await summaryOf(evil));
  assert.equal(/<script>alert|<b>/.test(html), false);
  assert.match(html, /<h2>Vendors<\/h2>/);
  assert.match(html, /V-&#60;b&#62;/);
});
