import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * dist/cli.js and dist/server.js are launchers: they turn on Node's compile cache where the runtime has
 * it (`module.enableCompileCache`, Node 22.1+), then load their bundle. Run here with a stand-in `require`,
 * so each runtime's case (present, absent, failing) is tried on whatever Node runs the tests.
 */
const ROOT = join(__dirname, '..');
const LAUNCHERS = { 'cli.js': './cli-main.js', 'server.js': './server-main.js' } as const;

function runLauncher(file: string, nodeModule: object): string[] {
  const calls: string[] = [];
  const fakeRequire = (id: string) => {
    if (id === 'node:module') return nodeModule;
    calls.push(`require ${id}`);
    return {};
  };
  const source = readFileSync(join(ROOT, 'dist', file), 'utf8').replace(/^#!.*\n/, '');
  new Function('require', source)(fakeRequire);
  return calls;
}

test('each launcher turns the compile cache on in its default place, then loads its bundle', () => {
  for (const [file, bundle] of Object.entries(LAUNCHERS)) {
    const order: string[] = [];
    const calls = runLauncher(file, { enableCompileCache: (...args: unknown[]) => { order.push(`cache ${args.length}`); } });
    // No directory argument: Node's default (NODE_COMPILE_CACHE, else the OS temp folder), never the compliance repo.
    assert.deepEqual(order, ['cache 0'], file);
    assert.deepEqual(calls, [`require ${bundle}`], file);
  }
});

test('without module.enableCompileCache (Node < 22.1), or when it throws, the launcher still loads its bundle', () => {
  for (const [file, bundle] of Object.entries(LAUNCHERS)) {
    assert.deepEqual(runLauncher(file, {}), [`require ${bundle}`], file);
    assert.deepEqual(runLauncher(file, { enableCompileCache: () => { throw new Error('EACCES'); } }), [`require ${bundle}`], file);
  }
});

test('the package runs the launchers and ships their bundles', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; files: string[] };
  assert.equal(pkg.bin.soc2, 'dist/cli.js');
  assert.match(readFileSync(join(ROOT, 'dist', 'cli.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/);
  for (const [file, bundle] of Object.entries(LAUNCHERS)) {
    assert.ok(pkg.files.includes(`dist/${file}`), file);
    assert.ok(pkg.files.includes(`dist/${bundle.slice(2)}`), bundle);
  }
  assert.match(readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8'), /asAbsolutePath\('dist\/server\.js'\)/);
});
