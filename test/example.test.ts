import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DiskWorkspace } from '../server/src/engine/disk-workspace';
import { loadProject } from '../server/src/engine/load';
import { CHECKS } from '../server/src/checks';

const EXAMPLE = join(__dirname, '..', 'examples', 'acme-saas');

test('the example repo reports exactly its ten deliberate problems on 2026-07-15', async () => {
  const { project } = await loadProject(new DiskWorkspace(EXAMPLE), { checks: CHECKS, today: '2026-07-15' });
  const found = project.allDiagnostics().map((d) => `${d.code} ${d.file}:${d.range.start.line + 1}`);
  assert.deepEqual(found, [
    'missing-owner controls/continuity.yaml:58',
    'evidence-gap controls/security-operations.yaml:21',
    'owner-departed controls/security-operations.yaml:99',
    'training-overdue people.yaml:49',
    'frequency-mismatch policies/access-control.md:65',
    'acknowledgement-missing policies/information-security.md:7',
    'stale-review policies/vendor-management.md:9',
    'risk-untreated risks/generative-ai-tools.yaml:17',
    'unmapped-criterion soc2.yaml:23',
    'vendor-assurance-stale vendors/register.yaml:52',
  ]);
});
