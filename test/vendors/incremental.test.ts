import { CHECKS } from '../../server/src/checks';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { loadProject } from '../../server/src/engine/load';
import { TODAY } from '../helpers';
import { descriptionRepo } from './description-fixture';

async function fresh(files: Record<string, string>) {
  const { project } = await loadProject(new MemoryWorkspace(files), { today: TODAY, checks: CHECKS });
  return project.allDiagnostics();
}

/** After each edit, the index's diagnostics must equal those of a repo loaded from scratch. */
test('edits to vendors, controls naming them, soc2.yaml and the description keep every finding exact', async () => {
  let files = descriptionRepo();
  const { project } = await loadProject(new MemoryWorkspace(files), { today: TODAY, checks: CHECKS });
  project.allDiagnostics();
  const steps: [string, (t: string) => string][] = [
    ['controls/access.yaml', (t) => t.replace('    policies: [POL-AC]', '    policies: [POL-AC]\n    vendors: [V-CLOUD, V-MAIL]')],
    ['vendors/register.yaml', (t) => t.replace('  - id: V-MAIL', '  - id: V-POST')],
    ['vendors/register.yaml', (t) => t.replace('    monitored_by: [AC-01]\n', '')],
    ['controls/access.yaml', (t) => t.replace('vendors: [V-CLOUD, V-MAIL]', 'vendors: [V-MAIL]')],
    ['controls/access.yaml', (t) => t.replace('  - id: AC-01', '  - id: AC-02')],
    ['soc2.yaml', (t) => `${t}  exclusions:\n    - criterion: CC6.4\n      vendor: V-POST\n`],
    ['vendors/register.yaml', (t) => t.replace('subservice: carve-out', 'subservice: no')],
    ['system/description.md', (t) => t.replace('Nimbus Cloud hosts', 'V-POST hosts')],
    ['vendors/register.yaml', (t) => t.replace('  - id: V-POST', '  - id: V-CLOUD')],
  ];
  for (const [path, change] of steps) {
    const next = change(files[path]);
    assert.notEqual(next, files[path], `step on ${path} changed nothing`);
    files = { ...files, [path]: next };
    project.setFile(path, next, 1);
    const strip = (d: Awaited<ReturnType<typeof fresh>>) => d.map((x) => `${x.file}:${x.range.start.line}:${x.range.start.character} ${x.code} ${x.message}`).sort();
    assert.deepEqual(strip(project.allDiagnostics()), strip(await fresh(files)), `after editing ${path}`);
  }
  project.removeFile('vendors/register.yaml');
  delete files['vendors/register.yaml'];
  const strip = (d: Awaited<ReturnType<typeof fresh>>) => d.map((x) => `${x.file}:${x.range.start.line} ${x.code} ${x.message}`).sort();
  assert.deepEqual(strip(project.allDiagnostics()), strip(await fresh(files)), 'after deleting the register');
});
