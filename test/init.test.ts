import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCli } from '../server/src/cli/main';
import { DiskWorkspace } from '../server/src/engine/disk-workspace';
import { loadProject } from '../server/src/engine/load';
import { TSC_2017 } from '../server/src/catalog/tsc2017';
import { CHECKS } from '../server/src/checks';

const TODAY = '2026-07-15';
const temps: string[] = [];
after(() => { for (const t of temps) rmSync(t, { recursive: true, force: true }); });
function tempDir(): string { const d = mkdtempSync(join(tmpdir(), 'soc2-init-')); temps.push(d); return d; }

async function soc2(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await runCli(argv, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, cwd, today: () => TODAY });
  return { code, out, err };
}

async function diagnostics(dir: string) {
  const { project } = await loadProject(new DiskWorkspace(dir), { checks: CHECKS, today: TODAY });
  return project.allDiagnostics();
}
const codeSet = (ds: { code: string }[]) => [...new Set(ds.map((d) => d.code))].sort();
const inScope = (cats: string[]) => TSC_2017.criteria.filter((c) => cats.includes(c.category)).map((c) => c.id);

test('init on an empty folder writes soc2.yaml, 13 policies, their controls, evidence/README.md, the vendor register and the description template', async () => {
  const dir = tempDir();
  const r = await soc2(dir, 'init', 'repo', '--type', '2', '--categories', 'security,availability', '--organization', 'Beta Labs', '--owner', 'dana@beta.example');
  assert.equal(r.code, 0, r.err);
  const wrote = [...r.out.matchAll(/^ {2}wrote {4}(\S+)$/gm)].map((m) => m[1]);
  assert.equal(wrote.length, 33);
  assert.deepEqual(wrote.slice(0, 2), ['soc2.yaml', 'policies/acceptable-use.md']);
  assert.equal(wrote.filter((f) => f.startsWith('policies/')).length, 13);
  assert.equal(wrote.filter((f) => f.startsWith('controls/')).length, 16);
  assert.deepEqual(wrote.slice(-3), ['evidence/README.md', 'vendors/vendors.yaml', 'system/description.md']);
  assert.match(r.out, /^SOC 2 compliance repo for Beta Labs in repo \(Type 2, 2026-08-01\.\.2027-01-31; security, availability\)$/m);
  assert.match(r.out, /^33 written, 0 skipped\.$/m);
  assert.match(readFileSync(join(dir, 'repo', 'soc2.yaml'), 'utf8'), /^ {2}period: \{ start: 2026-08-01, end: 2027-01-31 \}$/m);
});

test('a new repo checks with no errors; its findings are the honest gaps of a new program', async () => {
  const dir = tempDir();
  assert.equal((await soc2(dir, 'init', '--categories', 'security,availability', '--organization', 'Beta Labs')).code, 0);
  const ds = await diagnostics(dir);
  assert.deepEqual(ds.filter((d) => d.severity === 'error'), []);
  // Every control is planned, so every in-scope criterion is a gap; and the confidentiality mappings of
  // the data policies are out of scope, as the info says.
  assert.deepEqual(codeSet(ds), ['out-of-scope-criterion', 'unmapped-criterion']);
  assert.deepEqual(ds.filter((d) => d.severity === 'warning').map((d) => d.data?.criterion), inScope(['security', 'availability']));
  assert.deepEqual(ds.filter((d) => d.code === 'out-of-scope-criterion').map((d) => d.severity), Array(10).fill('info'));
  assert.equal((await soc2(dir, 'check')).code, 0);

  const all = tempDir();
  assert.equal((await soc2(all, 'init', '--categories', 'security,availability,confidentiality,processing-integrity,privacy')).code, 0);
  const allDs = await diagnostics(all);
  assert.deepEqual(codeSet(allDs), ['unmapped-criterion']);
  assert.equal(allDs.length, 61);
});

test('init never overwrites: a second run writes nothing and leaves edited files byte-identical', async () => {
  const dir = tempDir();
  assert.equal((await soc2(dir, 'init', '--categories', 'security')).code, 0);
  const edited = { 'soc2.yaml': 'organization: Mine\r\nreport: { type: 1 }\r\n', 'policies/encryption.md': '---\nid: POL-EN\n---\nmy own text\n' };
  for (const [f, t] of Object.entries(edited)) writeFileSync(join(dir, f), t);
  unlinkSync(join(dir, 'controls', 'people.yaml'));
  const again = await soc2(dir, 'init', '--categories', 'security');
  assert.equal(again.code, 0, again.err);
  assert.deepEqual([...again.out.matchAll(/^ {2}wrote {4}(\S+)$/gm)].map((m) => m[1]), ['controls/people.yaml']);
  assert.match(again.out, /^ {2}skipped {2}soc2\.yaml \(already exists; left as it is\)$/m);
  assert.match(again.out, /^1 written, 32 skipped\.$/m);
  for (const [f, t] of Object.entries(edited)) assert.equal(readFileSync(join(dir, f), 'utf8'), t);
  const third = await soc2(dir, 'init');
  assert.match(third.out, /^0 written, 33 skipped\.$/m);
  assert.doesNotMatch(third.out, /Next steps/);
});

test('type 2 without --period observes the six months from the first day of next month', async () => {
  for (const [today, period] of [['2026-12-15', '{ start: 2027-01-01, end: 2027-06-30 }'], ['2027-01-31', '{ start: 2027-02-01, end: 2027-07-31 }']]) {
    const dir = tempDir();
    assert.equal((await soc2(dir, 'init', '--no-templates', '--today', today)).code, 0);
    assert.match(readFileSync(join(dir, 'soc2.yaml'), 'utf8'), new RegExp(`^ {2}period: ${period.replace(/[{}]/g, '\\$&')}$`, 'm'));
  }
  const given = tempDir();
  assert.equal((await soc2(given, 'init', '--no-templates', '--period', '2027-01-01..2027-06-30')).code, 0);
  assert.match(readFileSync(join(given, 'soc2.yaml'), 'utf8'), /^ {2}period: \{ start: 2027-01-01, end: 2027-06-30 \}$/m);
});

test('--no-templates and type 1 write the bare structure, which checks clean apart from the gaps', async () => {
  const dir = tempDir();
  const r = await soc2(dir, 'init', '--no-templates', '--type', '1');
  assert.equal(r.code, 0, r.err);
  assert.deepEqual([...r.out.matchAll(/^ {2}wrote {4}(\S+)$/gm)].map((m) => m[1]), ['soc2.yaml', 'policies/.gitkeep', 'controls/.gitkeep', 'evidence/README.md', 'vendors/vendors.yaml', 'system/description.md']);
  const config = readFileSync(join(dir, 'soc2.yaml'), 'utf8');
  assert.match(config, /^ {2}type: 1$/m);
  assert.doesNotMatch(config, /^ {2}period:/m);
  const ds = await diagnostics(dir);
  assert.deepEqual(codeSet(ds), ['unmapped-criterion']);
  assert.equal(ds.length, 33);
});

test('--templates writes the chosen policies and only the controls they name, linked only to them', async () => {
  const dir = tempDir();
  assert.equal((await soc2(dir, 'init', '--templates', 'vendor-management,access-control.md')).code, 0);
  assert.equal(existsSync(join(dir, 'policies', 'encryption.md')), false);
  const { project } = await loadProject(new DiskWorkspace(dir), { checks: CHECKS, today: TODAY });
  assert.deepEqual([...project.allControls()].map((c) => c.id).sort(),
    ['AC-01', 'AC-02', 'AC-03', 'AC-04', 'AC-05', 'AC-06', 'AC-07', 'PS-01', 'VN-01', 'VN-02']);
  // VN-01 serves the risk assessment policy too in the library; that policy was not chosen.
  assert.deepEqual(project.controls('VN-01')[0].policies.map((p) => p.value), ['POL-VM']);
  assert.deepEqual(codeSet(project.allDiagnostics()), ['unmapped-criterion']);
});

test('init refuses bad options with exit 2 and writes nothing', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a-file'), '');
  const bad: [string[], RegExp][] = [
    [['--type', '3'], /--type must be 1 or 2/],
    [['--categories', 'security,integrity'], /unknown category "integrity"; the categories are security, availability/],
    [['--period', '2027-06-30..2027-01-01'], /ends \(2027-01-01\) before it starts/],
    [['--period', '2027-01-01'], /must be written START\.\.END/],
    [['--period', '2027-02-30..2027-06-30'], /2027-02-30 is not a real date/],
    [['--type', '1', '--period', '2027-01-01..2027-06-30'], /--period applies to Type 2 reports only/],
    [['--templates', 'nope'], /no template named "nope"/],
    [['--templates', 'encryption', '--no-templates'], /cannot be used together/],
    [['--today', '2026-13-01'], /--today must be a date/],
    [['--organization', ' '], /--organization must not be empty/],
    [['--bogus'], /unknown option --bogus/],
  ];
  for (const [args, message] of bad) {
    const r = await soc2(dir, 'init', 'new', ...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message, args.join(' '));
  }
  assert.match((await soc2(dir, 'init', 'a-file')).err, /a-file exists and is not a folder/);
  assert.equal(existsSync(join(dir, 'new')), false);
});

test('the bundled CLI carries the templates: it runs init from a folder holding nothing but its launcher and bundle', () => {
  const bin = tempDir();
  for (const f of ['cli.js', 'cli-main.js']) copyFileSync(join(__dirname, '..', 'dist', f), join(bin, f));
  const dir = tempDir();
  const r = spawnSync(process.execPath, [join(bin, 'cli.js'), 'init', dir, '--today', TODAY, '--categories', 'security'], { encoding: 'utf8', cwd: bin });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^33 written, 0 skipped\.$/m);
  const check = spawnSync(process.execPath, [join(bin, 'cli.js'), 'check', dir, '--today', TODAY], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  assert.match(check.stdout, /^\d+ problems \(0 errors, 33 warnings, \d+ info\)$/m);
});
