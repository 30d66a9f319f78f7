import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DiskWorkspace } from '../server/src/engine/disk-workspace';
import { MemoryWorkspace } from '../server/src/engine/workspace';
import { loadProject } from '../server/src/engine/load';
import { buildOscal, SOC2_NAMESPACE, uuidV5 } from '../server/src/report/oscal';
import { errorsOf, schemaValidator } from './schema-formats';
import { hostileRepo } from './hostile-fixture';
import { CHECKS } from '../server/src/checks';

const validate = schemaValidator('oscal_component_schema.json');
const EXAMPLE = join(__dirname, '..', 'examples', 'acme-saas');
const opts = { today: '2026-07-15', toolVersion: '0.1.0' };

test('uuidV5 follows RFC 4122 (known vectors) and our namespace is derived the same way', () => {
  assert.equal(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '886313e1-3b8a-5372-9b90-0c9aee199e5d');
  assert.equal(uuidV5('soc2-as-code', '6ba7b811-9dad-11d1-80b4-00c04fd430c8'), SOC2_NAMESPACE);
});

test('the example exports as an OSCAL component-definition valid against the published schema, deterministically', async () => {
  const { project } = await loadProject(new DiskWorkspace(EXAMPLE), { checks: CHECKS, today: '2026-07-15' });
  const doc = buildOscal(project, opts) as any;
  assert.equal(validate(doc), true, errorsOf(validate));
  assert.deepEqual(buildOscal(project, opts), doc, 'same repo, same document');
  const cd = doc['component-definition'];
  assert.deepEqual([cd.metadata.title, cd.metadata['last-modified'], cd.metadata.version, cd.metadata['oscal-version']], ['Acme SaaS, Inc.: SOC 2 controls', '2026-07-15T00:00:00Z', '2026-07-15', '1.0.6']);
  const reqs = cd.components[0]['control-implementations'][0]['implemented-requirements'];
  const cc92 = reqs.find((r: any) => r['control-id'] === 'CC9.2');
  assert.deepEqual(cc92.statements.map((s: any) => [s['statement-id'], s.props.find((p: any) => p.name === 'control-status').value]), [['CC9.2_VR-01', 'planned']]);
  assert.equal(cc92.props.find((p: any) => p.name === 'coverage-status').value, 'gap');
  // owners are parties in the control-owner role
  const nora = cd.metadata.parties.find((p: any) => p.name === 'nora.castillo@acme.example');
  assert.deepEqual(cc92['responsible-roles'], [{ 'role-id': 'control-owner', 'party-uuids': [nora.uuid] }]);
  // every criterion some control maps appears once, in catalog order; unmapped ones do not
  assert.equal(new Set(reqs.map((r: any) => r['control-id'])).size, reqs.length);
  assert.equal(reqs.some((r: any) => r['control-id'] === 'CC6.4'), false);
  // ids are unique across the document
  const uuids = JSON.stringify(doc).match(/"uuid": ?"[^"]+"/g) ?? [];
  assert.equal(new Set(uuids).size, uuids.length);
});

test('the validator is not vacuous: a version-1 UUID or a missing title is rejected', async () => {
  const { project } = await loadProject(new DiskWorkspace(EXAMPLE), { checks: CHECKS, today: '2026-07-15' });
  const doc = buildOscal(project, opts) as any;
  const bad = structuredClone(doc);
  bad['component-definition'].uuid = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
  assert.equal(validate(bad), false);
  delete bad['component-definition'].metadata.title;
  assert.equal(validate(bad), false);
});

test('hostile ids, titles and owners still give a valid document (tokens and strings sanitised)', async () => {
  const { project } = await loadProject(new MemoryWorkspace(hostileRepo()), { checks: CHECKS, today: '2026-07-15' });
  const doc = buildOscal(project, opts) as any;
  assert.equal(validate(doc), true, errorsOf(validate));
});

test('a repo without controls mapping any criterion still exports a valid document', async () => {
  const { project } = await loadProject(new MemoryWorkspace({ 'soc2.yaml': 'organization: Empty Co\nreport: { type: 1 }\n' }), { checks: CHECKS, today: '2026-07-15' });
  const doc = buildOscal(project, opts) as any;
  assert.equal(validate(doc), true, errorsOf(validate));
  assert.equal(doc['component-definition'].components[0]['control-implementations'], undefined);
});
