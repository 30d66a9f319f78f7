import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DiskWorkspace } from '../server/src/engine/disk-workspace';
import { loadProject } from '../server/src/engine/load';
import { CHECKS } from '../server/src/checks';

const EXAMPLE = join(__dirname, '..', 'examples', 'acme-saas');

test('the example repo reports exactly its ten deliberate SOC 2 problems and its ISO 27001 gaps on 2026-07-15', async () => {
  const { project } = await loadProject(new DiskWorkspace(EXAMPLE), { checks: CHECKS, today: '2026-07-15' });
  const found = project.allDiagnostics().map((d) => `${d.code} ${d.file}:${d.range.start.line + 1}`);
  assert.deepEqual(found.slice(0, 9), [
    'missing-owner controls/continuity.yaml:64',
    'evidence-gap controls/security-operations.yaml:23',
    'owner-departed controls/security-operations.yaml:114',
    'training-overdue people.yaml:49',
    'frequency-mismatch policies/access-control.md:67',
    'acknowledgement-missing policies/information-security.md:7',
    'stale-review policies/vendor-management.md:9',
    'risk-untreated risks/generative-ai-tools.yaml:17',
    'unmapped-criterion soc2.yaml:23',
  ]);
  assert.deepEqual(found.at(-1), 'vendor-assurance-stale vendors/register.yaml:52');
  // ISO 27001: the supplier controls only the planned VR-01 maps, the office's physical security (SOC 2 carved
  // it out, ISO does not), intellectual property, cabling, data masking and web filtering; A.7.6 and A.8.30 excluded.
  const iso = project.allDiagnostics().filter((d) => d.code === 'unmapped-requirement').map((d) => (d.data as { requirement: string }).requirement);
  assert.deepEqual(found.slice(9, -1), iso.map(() => 'unmapped-requirement soc2.yaml:40'));
  assert.deepEqual(iso, ['A.5.19', 'A.5.20', 'A.5.21', 'A.5.22', 'A.5.23', 'A.5.32', 'A.7.1', 'A.7.2', 'A.7.3', 'A.7.4', 'A.7.12', 'A.8.11', 'A.8.23']);
});
