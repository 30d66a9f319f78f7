import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../../server/src/cli/main';
import { DiskWorkspace } from '../../server/src/engine/disk-workspace';
import { loadProject } from '../../server/src/engine/load';
import { CHECKS } from '../../server/src/checks';
import { FrameworkCatalog } from '../../server/src/catalog/framework-catalog';
import { requirementsForCriterion } from '../../server/src/frameworks/crosswalk';

const TODAY = '2026-07-15';
const temps: string[] = [];
after(() => { for (const t of temps) rmSync(t, { recursive: true, force: true }); });

async function soc2(cwd: string, ...argv: string[]) {
  let out = '', err = '';
  const code = await runCli(argv, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, cwd, today: () => TODAY });
  return { code, out, err };
}

test('the control library maps every control to real ISO 27001 and NIST CSF ids', () => {
  const lib = parse(readFileSync(join(__dirname, '..', '..', 'templates', 'control-library.yaml'), 'utf8')) as { controls: { id: string; criteria: string[]; frameworks?: Record<string, string[]> }[] };
  const cat = new FrameworkCatalog();
  const iso = new Set<string>();
  for (const c of lib.controls) {
    assert.ok(c.frameworks?.['iso27001-2022']?.length && c.frameworks['nist-csf-2.0']?.length, c.id);
    for (const [fw, ids] of Object.entries(c.frameworks!)) for (const id of ids) assert.ok(cat.requirement(fw, id), `${c.id}: ${fw} ${id}`);
    for (const id of c.frameworks!['iso27001-2022']!) iso.add(id);
  }
  assert.ok(iso.size >= 55, `the library reaches ${iso.size} Annex A controls`);
  // and it agrees with the crosswalk where both speak: the access review maps what CC6.2/CC6.3 point at
  const ac02 = lib.controls.find((c) => c.id === 'AC-02')!;
  assert.ok(ac02.frameworks!['iso27001-2022']!.every((id) => ac02.criteria.some((cr) => requirementsForCriterion('iso27001-2022', cr).some((p) => p.requirement === id))));
});

test('init --frameworks iso27001-2022 writes the ISO mappings and puts ISO in scope; without it, no mappings', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-init-fw-')); temps.push(dir);
  const r = await soc2(dir, 'init', 'iso', '--frameworks', 'iso27001-2022', '--organization', 'Beta');
  assert.equal(r.code, 0, r.err);
  const config = readFileSync(join(dir, 'iso', 'soc2.yaml'), 'utf8');
  assert.match(config, /^frameworks:\n {2}- id: iso27001-2022$/m);
  const access = readFileSync(join(dir, 'iso', 'controls', 'access-control.yaml'), 'utf8');
  assert.match(access, /frameworks:\n\s+iso27001-2022: \[A\.5\.16, A\.5\.18\]/);
  assert.ok(!access.includes('nist-csf-2.0'));
  const { project } = await loadProject(new DiskWorkspace(join(dir, 'iso')), { checks: CHECKS, today: TODAY });
  const ds = project.allDiagnostics();
  assert.deepEqual(ds.filter((d) => d.severity === 'error'), []);
  // every control is planned: every applicable Annex A control is reported, none is unknown
  assert.equal(ds.filter((d) => d.code === 'unmapped-requirement').length, 93);
  const plain = await soc2(dir, 'init', 'plain', '--organization', 'Beta');
  assert.equal(plain.code, 0, plain.err);
  for (const f of readdirSync(join(dir, 'plain', 'controls'))) assert.ok(!readFileSync(join(dir, 'plain', 'controls', f), 'utf8').includes('frameworks:'), f);
  assert.match(readFileSync(join(dir, 'plain', 'soc2.yaml'), 'utf8'), /^# frameworks:$/m);
  const bad = await soc2(dir, 'init', 'bad', '--frameworks', 'iso27001');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--frameworks: the control library maps iso27001-2022, nist-csf-2.0; not "iso27001"/);
});
