import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The published package: `npm pack` from the built tree, then installed from the tarball into an empty
 * folder with `--offline`. The bundles carry every dependency, so the install needs no registry at all and
 * pulls nothing in beside the package; `npx soc2 check` must then work from there.
 */
const ROOT = join(__dirname, '..');
const MAX_TARBALL_BYTES = 1.5 * 1024 * 1024;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

test('npm pack ships only what runs, installs offline with no dependencies, and `npx soc2 check` works', () => {
  const work = mkdtempSync(join(tmpdir(), 'soc2-pack-'));
  try {
    // An empty npm cache proves the install needs nothing but the tarball.
    const env = { ...process.env, npm_config_cache: join(work, 'npm-cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    const pack = spawnSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', env });
    assert.equal(pack.status, 0, pack.stderr);
    const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    const tarball = join(work, info.filename);
    assert.ok(statSync(tarball).size <= MAX_TARBALL_BYTES, `tarball is ${statSync(tarball).size} bytes`);
    const shipped = info.files.map((f) => f.path).sort();
    for (const needed of ['dist/cli.js', 'dist/server.js', 'dist/parse-worker.js', 'schemas/controls.schema.json', 'README.md', 'LICENSE', 'package.json']) {
      assert.ok(shipped.includes(needed), `${needed} is missing from the package`);
    }
    for (const f of shipped) assert.doesNotMatch(f, /^(test|bench|examples|server\/src|client\/src|node_modules)\/|\.map$/, `${f} should not ship`);

    const app = join(work, 'app');
    cpSync(join(ROOT, 'test', 'fixtures', 'basic'), join(app, 'compliance'), { recursive: true });
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "version": "1.0.0", "private": true }\n');
    const install = spawnSync(npm, ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: app, encoding: 'utf8', env });
    assert.equal(install.status, 0, install.stderr);
    // Nothing but the package itself (and npm's own lock file) lands in node_modules.
    assert.deepEqual(readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.')), ['soc2-as-code']);
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    assert.deepEqual(Object.keys(lock.packages).filter(Boolean), ['node_modules/soc2-as-code']);

    const run = spawnSync(npx, ['--offline', '--no-install', 'soc2', 'check', 'compliance', '--today', '2026-07-15'], { cwd: app, encoding: 'utf8', env });
    const direct = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', join(app, 'compliance'), '--today', '2026-07-15'], { encoding: 'utf8' });
    assert.equal(run.status, direct.status, run.stderr);
    assert.match(run.stdout, /^\d+ problems \(/m);
    assert.equal(run.stdout, direct.stdout);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
