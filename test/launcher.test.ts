import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * dist/cli.js and dist/server.js are launchers (scripts/launcher.cjs): they load their bundle through Node's
 * compile cache where the runtime has it (`module.enableCompileCache`, Node 22.1+); on older Node the CLI
 * keeps V8's code cache of its bundle itself. The first tests run a launcher with a stand-in `require`, so
 * each runtime's case is tried on whatever Node runs the tests; the others run the real CLI.
 */
const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const CLI = join(DIST, 'cli.js');
const LAUNCHERS = { 'cli.js': 'cli-main.js', 'server.js': 'server-main.js' } as const;

function runLauncher(file: string, nodeModule: object): string[] {
  const calls: string[] = [];
  const real = createRequire(join(DIST, file));
  const fakeRequire = (id: string) => {
    if (id === 'node:module') return nodeModule;
    if (id === 'node:path') return real(id);
    calls.push(`require ${id}`);
    return {}; // node:fs and node:vm included: the code cache cannot work, so the bundle is required
  };
  const source = readFileSync(join(DIST, file), 'utf8').replace(/^#!.*\n/, '');
  new Function('require', '__dirname', source)(fakeRequire, DIST);
  return calls.filter((c) => !c.startsWith('require node:'));
}

test('each launcher turns the compile cache on in its default place where Node has one, then loads its bundle', () => {
  for (const [file, bundle] of Object.entries(LAUNCHERS)) {
    const order: string[] = [];
    const calls = runLauncher(file, { enableCompileCache: (...args: unknown[]) => { order.push(`cache ${args.length}`); } });
    // No directory argument: Node's default (NODE_COMPILE_CACHE, else the OS temp folder), never the compliance repo.
    assert.deepEqual(order, ['cache 0'], file);
    assert.deepEqual(calls, [`require ${join(DIST, bundle)}`], file);
  }
});

test('when enableCompileCache throws, or the code cache cannot be kept, the launcher still loads its bundle once', () => {
  for (const [file, bundle] of Object.entries(LAUNCHERS)) {
    assert.deepEqual(runLauncher(file, {}), [`require ${join(DIST, bundle)}`], file);
    assert.deepEqual(runLauncher(file, { enableCompileCache: () => { throw new Error('EACCES'); } }), [`require ${join(DIST, bundle)}`], file);
  }
});

test('the package runs the launchers and ships their bundles', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; files: string[] };
  assert.equal(pkg.bin.soc2, 'dist/cli.js');
  assert.match(readFileSync(CLI, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  for (const [file, bundle] of Object.entries(LAUNCHERS)) {
    assert.ok(pkg.files.includes(`dist/${file}`), file);
    assert.ok(pkg.files.includes(`dist/${bundle}`), bundle);
  }
  assert.match(readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8'), /asAbsolutePath\('dist\/server\.js'\)/);
});

// The CLI's own code cache: only where Node has no compile cache of its own.
const nodeHasCompileCache = typeof (createRequire(__filename)('node:module') as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const skip = nodeHasCompileCache ? 'this Node has module.enableCompileCache, which the launcher uses instead' : false;

function cli(cacheDir: string, extraEnv: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, [CLI, 'check', join(ROOT, 'examples', 'acme-saas'), '--today', '2026-07-15', '--format', 'json'], {
    encoding: 'utf8', env: { ...process.env, SOC2_CODE_CACHE_DIR: cacheDir, ...extraEnv },
  });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return r.stdout;
}

function cacheFiles(dir: string): string[] {
  try { return readdirSync(dir).filter((n) => n.endsWith('.v8')); } catch { return []; }
}

test('the CLI keeps a private code cache of its bundle, which the next run uses, and the output does not change', { skip }, (t) => {
  const dir = join(mkdtempSync(join(tmpdir(), 'soc2-codecache-')), 'cache');
  t.after(() => rmSync(join(dir, '..'), { recursive: true, force: true }));
  const plain = cli(dir, { SOC2_CODE_CACHE: '0' });
  assert.deepEqual(cacheFiles(dir), [], 'SOC2_CODE_CACHE=0 keeps nothing');
  assert.ok(JSON.parse(plain).diagnostics.length > 0);
  assert.equal(cli(dir), plain);
  const [name] = cacheFiles(dir);
  assert.match(name, new RegExp(`^cli-main-[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8$`));
  assert.equal(statSync(dir).mode & 0o777, 0o700);
  const file = join(dir, name);
  const first = statSync(file);
  assert.equal(first.mode & 0o777, 0o600);
  // A cache V8 accepts is not written again: the file is the same one, untouched.
  assert.equal(cli(dir), plain);
  const second = statSync(file);
  assert.equal(second.ino, first.ino);
  assert.equal(second.mtimeMs, first.mtimeMs);
});

test('a damaged, shared or foreign code cache is never used: the run is the same and the cache is written anew', { skip }, (t) => {
  const dir = join(mkdtempSync(join(tmpdir(), 'soc2-codecache-')), 'cache');
  t.after(() => rmSync(join(dir, '..'), { recursive: true, force: true }));
  const plain = cli(dir, { SOC2_CODE_CACHE: '0' });
  assert.equal(cli(dir), plain);
  const [name] = cacheFiles(dir);
  const file = join(dir, name);
  const good = readFileSync(file);

  // Damaged (V8 refuses it): rewritten.
  writeFileSync(file, Buffer.alloc(good.length, 7), { mode: 0o600 });
  assert.equal(cli(dir), plain);
  assert.notDeepEqual(readFileSync(file), Buffer.alloc(good.length, 7));

  // A valid cache that others may write: not read (a used cache is never rewritten), so it is replaced by a private one.
  writeFileSync(file, good);
  chmodSync(file, 0o666);
  assert.equal(cli(dir), plain);
  assert.equal(statSync(file).mode & 0o777, 0o600);

  // Owned by someone else (only root can set that up): not read either.
  if (process.getuid?.() === 0) {
    chownSync(file, 65534, 65534);
    assert.equal(cli(dir), plain);
    assert.equal(statSync(file).uid, 0);
  }

  // A cache of another build of the bundle is removed when this build's is written.
  const stale = join(dir, 'cli-main-0000000000000000-v0.0.0-x64.v8');
  writeFileSync(stale, 'old', { mode: 0o600 });
  rmSync(file);
  assert.equal(cli(dir), plain);
  assert.deepEqual(cacheFiles(dir), [name]);
});
