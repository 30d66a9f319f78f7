import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHECKS } from '../../server/src/checks';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { loadProject } from '../../server/src/engine/load';
import { computeSummary } from '../../server/src/engine/summary';
import type { RootSummary } from '../../server/src/lsp/protocol';
import { renderSummaryHtml } from '../../client/src/summary-html';
import { buildCoverageTree } from '../../client/src/coverage-tree';
import { TODAY } from '../helpers';
import { vendorLines, vendorRepo } from '../vendor-helpers';

async function root(files: Record<string, string>): Promise<RootSummary> {
  const { project } = await loadProject(new MemoryWorkspace(files), { today: TODAY, checks: CHECKS });
  return { root: 'file:///repo', name: 'repo', summary: computeSummary(project), markdown: '' };
}

const NONCE = 'a'.repeat(32);

test('the webview shows the vendor table with a button per vendor, and escapes every value', async () => {
  const files = vendorRepo({}, vendorLines('V-<img src=x onerror=alert(1)>', { name: "'\"><script>alert(2)</script>'", subservice: 'no', assurance: null, last_reviewed: '2025-01-01' }));
  const html = renderSummaryHtml({ roots: [await root(files)], indexing: false }, NONCE);
  assert.match(html, /<h2>Vendors \(2\)<\/h2>/);
  assert.match(html, /<button type="button" class="link" data-root="[^"]+" data-file="vendors&#47;register.yaml" data-line="2">V-CLOUD<\/button><\/td><td>Nimbus Cloud<\/td><td>high<\/td><td>carve-out<\/td><td>soc2-type2 to 2026-09-30<\/td><td>2027-03-01<\/td><td><span class="status-ok">in order<\/span>/);
  assert.equal(/<img|<script>alert|onerror=/.test(html.replace(/<script nonce="[^"]+">[\s\S]*?<\/script>/, '')), false);
  assert.match(html, /vendor-assurance-missing/);
});

test('the coverage tree gets a Vendors node after the categories, each vendor opening its entry', async () => {
  const files = vendorRepo({}, vendorLines('V-IDP', { subservice: 'no', assurance: null }));
  const nodes = buildCoverageTree({ roots: [await root(files)], indexing: false });
  const vendors = nodes.at(-1)!;
  assert.equal(vendors.kind, 'vendors');
  assert.equal(vendors.description, '2 · 1 subservice · 1 with findings');
  assert.deepEqual(vendors.children.map((c) => [c.label, c.description, c.icon, c.location?.line]), [
    ['V-CLOUD', 'carve-out · soc2-type2 to 2026-09-30', 'pass', 2],
    ['V-IDP', 'high · no assurance · vendor-assurance-missing', 'warning', 11],
  ]);
  const none = await root(vendorRepo());
  none.summary.vendors = [];
  assert.equal(buildCoverageTree({ roots: [none], indexing: false }).some((n) => n.kind === 'vendors'), false);
});
