/**
 * The persistent cache (`soc2 check --cache`, server/src/cache): runs with it give byte-identical output to
 * runs without it, warm runs parse only what changed and re-check only what that change affects (counted,
 * not timed), a damaged cache is noted and rebuilt, and concurrent runs on one repo all succeed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEED, ensureRepo } from '../bench/generate';
import { loadProject } from '../server/src/engine/load';
import { DiskWorkspace } from '../server/src/engine/disk-workspace';
import { ProjectCache } from '../server/src/cache/project-cache';
import { CACHE_DIR } from '../server/src/cache/folder';
import { readCacheFile } from '../server/src/cache/cache-file';
import { CliGit } from '../server/src/git/cli-git';
import { CHECKS } from '../server/src/checks';
import { commitFiles, git, initRepo, removeDir, tempDir } from './git-helpers';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const TODAY = '2026-07-15';
const FIXTURES = [join(ROOT, 'test', 'fixtures', 'basic'), join(ROOT, 'test', 'fixtures', 'errors'), join(ROOT, 'test', 'fixtures', 'lsp'), join(ROOT, 'examples', 'acme-saas')];

function soc2(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A copy of a repo in a temporary folder, so the cache is written there and never into the sources. */
function copyOf(src: string): string {
  const dir = tempDir('soc2-cache-');
  cpSync(src, dir, { recursive: true, filter: (p) => !p.includes(`${'/'}.soc2`) });
  return dir;
}

let benchRepo: string | undefined;
/** The benchmark's 1/20 repo, generated once for this file. */
function bench(): string {
  if (!benchRepo) {
    benchRepo = tempDir('soc2-cache-bench-');
    ensureRepo(0.05, DEFAULT_SEED, benchRepo);
  }
  return benchRepo;
}

async function load(dir: string, cache?: ProjectCache) {
  return loadProject(new DiskWorkspace(dir), { today: TODAY, checks: CHECKS }, cache?.readAll);
}

/** Files under a folder of the repo, recursively, sorted, as paths relative to the repo. */
function filesUnder(dir: string, sub: string): string[] {
  return (readdirSync(join(dir, sub), { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1)).sort();
}

/** A first cached run on the repo: loads it with an empty cache (no note allowed) and writes the cache. */
async function coldRun(dir: string) {
  const cold = ProjectCache.open(dir, (m) => assert.fail(m));
  const first = await load(dir, cold);
  const expected = first.project.allDiagnostics();
  cold.save(first.project);
  return { cold, first, expected };
}

/** The cache header's content without the stat signatures of files and folders, which a rewrite of the same bytes changes. */
function headerContent(file: string): unknown {
  const read = readCacheFile(file, 1);
  assert.equal(read.status, 'ok');
  const header = (read as Extract<typeof read, { status: 'ok' }>).sections.section(0) as Record<string, unknown>;
  delete header.signatures;
  delete header.listings;
  return header;
}

function sum(m: Map<string, number>): number { let n = 0; for (const v of m.values()) n += v; return n; }

test('cached runs print exactly what uncached runs print, cold and warm, in every format, over every fixture and the 1/20 bench repo', () => {
  for (const src of [...FIXTURES, bench()]) {
    const dir = copyOf(src);
    try {
      // JSON carries every field of every diagnostic; text and SARIF are checked warm only on the bench repo.
      for (const format of src === bench() ? ['json', 'text', 'sarif'] : ['json']) {
        rmSync(join(dir, '.soc2'), { recursive: true, force: true });
        const plain = soc2('check', dir, '--today', TODAY, '--format', format);
        const cold = soc2('check', dir, '--today', TODAY, '--format', format, '--cache');
        const warm = soc2('check', dir, '--today', TODAY, '--format', format, '--cache');
        assert.ok(plain.out.length > 0, `${src} ${format}`);
        for (const run of [cold, warm]) {
          assert.equal(run.out, plain.out, `${src} ${format}`);
          assert.equal(run.code, plain.code, `${src} ${format}`);
          assert.equal(run.err, plain.err, `${src} ${format}`);
        }
        assert.ok(existsSync(join(dir, CACHE_DIR, 'project.json')));
      }
      const plainSummary = soc2('summary', dir, '--today', TODAY, '--format', 'json');
      assert.equal(soc2('summary', dir, '--today', TODAY, '--format', 'json', '--cache').out, plainSummary.out);
      // Without --cache nothing is written (the CLI's default, as eslint's).
      rmSync(join(dir, '.soc2'), { recursive: true, force: true });
      soc2('check', dir, '--today', TODAY, '--no-cache');
      assert.equal(existsSync(join(dir, '.soc2')), false);
    } finally {
      removeDir(dir);
    }
  }
});

test('after edits, deletions, additions and a new date, the warm run still equals a run without the cache', () => {
  const dir = copyOf(bench());
  try {
    const same = (label: string, today = TODAY) => {
      const cached = soc2('check', dir, '--today', today, '--format', 'json', '--cache');
      const plain = soc2('check', dir, '--today', today, '--format', 'json');
      assert.equal(cached.out, plain.out, label);
      assert.equal(cached.code, plain.code, label);
    };
    same('cold');
    const controls = filesUnder(dir, 'controls');
    const policies = filesUnder(dir, 'policies');
    // A control's frequency and criterion change: its own file, the policies naming it and soc2.yaml's coverage move.
    const c0 = join(dir, controls[0]);
    writeFileSync(c0, readFileSync(c0, 'utf8').replace(/frequency: \w+/, 'frequency: annually').replace(/- CC\d\.\d/, '- CC6.9'));
    same('one control file edited');
    unlinkSync(join(dir, controls[1]));
    same('one control file deleted');
    writeFileSync(join(dir, 'controls', 'zz-new.yaml'), `controls:\n  - id: ${readFileSync(join(dir, controls[2]), 'utf8').match(/id: (\S+)/)![1]}\n    title: Duplicate of another control\n`);
    same('a file duplicating an id added');
    appendFileSync(join(dir, policies[0]), '\nThis policy is reviewed as needed and where appropriate.\n');
    same('a policy edited');
    writeFileSync(join(dir, policies[1]), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]));
    same('a policy made invalid UTF-8');
    rmSync(join(dir, 'evidence'), { recursive: true, force: true });
    same('evidence gone');
    same('another day', '2026-09-30');
  } finally {
    removeDir(dir);
  }
});

test('a warm run parses only the changed file and re-checks only the files that change affects (counts)', async () => {
  const dir = copyOf(bench());
  try {
    const { cold, first, expected } = await coldRun(dir);
    const files = [...first.project.allFiles()].length - 1; // soc2.yaml is always read, never cached
    const shards = readdirSync(join(dir, CACHE_DIR, 'models')).length;
    assert.ok(shards >= 4, `${files} files in ${shards} shards`);
    assert.equal(cold.stats.shardsWritten, shards);
    assert.equal(cold.stats.parsed, files);
    assert.equal(cold.stats.reused, 0);
    assert.equal(cold.stats.written, true);

    const warm = ProjectCache.open(dir, (m) => assert.fail(m));
    const second = await load(dir, warm);
    assert.deepEqual(second.project.allDiagnostics(), expected);
    assert.equal(warm.stats.parsed, 0);
    assert.equal(warm.stats.reused, files);
    assert.equal(warm.stats.diagnosticsReused, files + 1);
    assert.equal(warm.stats.modelsRead, true);
    assert.equal(sum(second.project.counters.checkRuns), 0, 'nothing changed: no check runs');

    // What `soc2 check` asks for: with nothing changed, the cached diagnostics and no model read at all.
    const quick = ProjectCache.open(dir, (m) => assert.fail(m), { diagnosticsOnly: true });
    const quickLoad = await load(dir, quick);
    assert.deepEqual(quick.upToDate, expected);
    assert.equal(quick.stats.modelsRead, false);
    assert.equal(quick.stats.parsed, 0);
    assert.equal(sum(quickLoad.project.counters.checkRuns), 0);
    warm.save(second.project);
    assert.equal(warm.stats.written, false, 'nothing learnt: nothing written');

    const control = join(dir, filesUnder(dir, 'controls')[3]);
    writeFileSync(control, readFileSync(control, 'utf8').replace(/frequency: \w+/, 'frequency: annually'));
    const edited = ProjectCache.open(dir, (m) => assert.fail(m));
    const third = await load(dir, edited);
    const fresh = await load(dir);
    assert.deepEqual(third.project.allDiagnostics(), fresh.project.allDiagnostics());
    assert.equal(edited.stats.parsed, 1);
    edited.save(third.project);
    assert.equal(edited.stats.written, true);
    assert.equal(edited.stats.shardsWritten, 1, 'one file changed: one shard rewritten, the others kept');
    const rechecked = sum(third.project.counters.checkRuns);
    assert.ok(rechecked >= 2 && rechecked <= 15, `re-checked ${rechecked} files`); // the file, soc2.yaml, the policies naming its controls
    assert.equal(edited.stats.diagnosticsReused, files + 1 - rechecked);
  } finally {
    removeDir(dir);
  }
});

test('a truncated, corrupt, foreign or unreadable cache is ignored with a note on stderr and rebuilt; output is unchanged', () => {
  const dir = copyOf(join(ROOT, 'examples', 'acme-saas'));
  const file = join(dir, CACHE_DIR, 'project.json');
  try {
    const plain = soc2('check', dir, '--today', TODAY);
    assert.equal(soc2('check', dir, '--today', TODAY, '--cache').err, plain.err);
    const good = readFileSync(file);
    const goodContent = headerContent(file);
    const shardFiles = () => readdirSync(join(dir, CACHE_DIR, 'models')).map((n) => join(dir, CACHE_DIR, 'models', n)).sort();
    const goodShards = shardFiles().map((f) => readFileSync(f));
    assert.ok(goodShards.length >= 1);
    const policy = join(dir, filesUnder(dir, 'policies')[0]);
    const policyText = readFileSync(policy, 'utf8');
    const touchPolicy = () => appendFileSync(policy, '\n');
    const damages: [string, () => void][] = [
      ['truncated', () => writeFileSync(file, good.subarray(0, Math.floor(good.length / 2)))],
      ['one byte of the diagnostics changed', () => { const b = Buffer.from(good); b[good.indexOf('"diagnostics"') + 20] ^= 0x01; writeFileSync(file, b); }],
      // The models are read only when a file changed: the damage is found then, and only that shard is rebuilt.
      ['one byte of a model shard changed', () => { const shard = shardFiles()[0]; const b = readFileSync(shard); b[b.length - 10] ^= 0x01; writeFileSync(shard, b); touchPolicy(); }],
      ['foreign JSON', () => writeFileSync(file, JSON.stringify({ files: {}, tool: 1 }))],
      ['empty', () => writeFileSync(file, '')],
      ['binary noise', () => writeFileSync(file, Buffer.from([0, 1, 2, 255, 254, 10, 10, 0]))],
      ['a folder in its place', () => { rmSync(file); cpSync(join(dir, 'policies'), file, { recursive: true }); }],
    ];
    for (const [label, damage] of damages) {
      damage();
      const r = soc2('check', dir, '--today', TODAY, '--cache');
      assert.equal(r.out, soc2('check', dir, '--today', TODAY).out, label);
      assert.equal(r.code, plain.code, label);
      assert.match(r.err, /^soc2: note: the cache \.soc2\/cache\/(project|models\/[0-9a-f]{40})\.json (was ignored and will be rebuilt|could not be written)/m, label);
      if (label !== 'a folder in its place') {
        const again = soc2('check', dir, '--today', TODAY, '--cache');
        assert.equal(again.err, plain.err, `${label}: rebuilt, so the next run has nothing to say`);
      }
      writeFileSync(policy, policyText);
      rmSync(file, { recursive: true, force: true });
      soc2('check', dir, '--today', TODAY, '--cache');
      assert.deepEqual(headerContent(file), goodContent, 'the rebuilt cache holds the same hashes, shards and findings');
      assert.deepEqual(shardFiles().map((f) => readFileSync(f)), goodShards, 'and the same shards');
    }
  } finally {
    removeDir(dir);
  }
});

test('a model shard gone (a concurrent run cleaned it up) costs a parse of its files, no note, and the same output', async () => {
  const dir = copyOf(bench());
  try {
    const { expected } = await coldRun(dir);
    const models = join(dir, CACHE_DIR, 'models');
    const gone = readdirSync(models).sort()[0];
    const members = Object.keys(JSON.parse(readFileSync(join(models, gone), 'utf8').split('\n')[2]));
    unlinkSync(join(models, gone));
    // A control file changes too, so the shards are read (with nothing changed, only the header is).
    const control = join(dir, filesUnder(dir, 'controls')[5]);
    writeFileSync(control, readFileSync(control, 'utf8').replace(/frequency: \w+/, 'frequency: annually'));
    const warm = ProjectCache.open(dir, (m) => assert.fail(`no note expected: ${m}`));
    const second = await load(dir, warm);
    assert.deepEqual(second.project.allDiagnostics(), (await load(dir)).project.allDiagnostics());
    assert.notDeepEqual(second.project.allDiagnostics(), expected);
    const changedHere = members.includes(control.slice(dir.length + 1)) ? 0 : 1;
    assert.equal(warm.stats.parsed, members.length + changedHere);
    warm.save(second.project);
    // Written again under its name, unless the changed control was one of its files (then it has a new name).
    assert.equal(existsSync(join(models, gone)), changedHere === 1);
    assert.equal(readdirSync(models).length, readdirSync(models).filter((n) => n.endsWith('.json')).length);
  } finally {
    removeDir(dir);
  }
});

test('concurrent cached checks on one repo all succeed with the same output, and leave a valid cache', async () => {
  const dir = copyOf(bench());
  try {
    const plain = soc2('check', dir, '--today', TODAY);
    const run = () => new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'check', dir, '--today', TODAY, '--cache']);
      let out = '', err = '';
      child.stdout.on('data', (d) => { out += d; });
      child.stderr.on('data', (d) => { err += d; });
      child.on('close', (code) => resolve({ code, out, err }));
    });
    for (let round = 0; round < 3; round++) {
      if (round === 0) rmSync(join(dir, '.soc2'), { recursive: true, force: true });
      if (round === 2) writeFileSync(join(dir, 'policies', 'zz-extra.md'), '---\nid: POL-ZZ\ntitle: Extra\n---\n# Extra\n');
      const expected = round === 2 ? soc2('check', dir, '--today', TODAY) : plain;
      const results = await Promise.all([run(), run(), run()]);
      for (const r of results) {
        assert.equal(r.code, expected.code, r.err);
        assert.equal(r.out, expected.out);
        assert.equal(r.err, expected.err);
      }
    }
    // No temporary file is left behind, and the cache that won the race reads back cleanly.
    assert.deepEqual(readdirSync(join(dir, CACHE_DIR)).sort(), ['models', 'project.json']);
    const read = readCacheFile(join(dir, CACHE_DIR, 'project.json'), 1);
    assert.equal(read.status, 'ok');
    const header = read.status === 'ok' ? read.sections.section(0) as { shards: string[] } : { shards: [] };
    // Every shard the header names is there and reads back; nothing else is (no temporary file, no orphan).
    assert.deepEqual(readdirSync(join(dir, CACHE_DIR, 'models')).sort(), header.shards.filter(Boolean).map((n) => `${n}.json`).sort());
    for (const n of header.shards.filter(Boolean)) {
      const shard = readCacheFile(join(dir, CACHE_DIR, 'models', `${n}.json`), 1);
      assert.equal(shard.status, 'ok');
      if (shard.status === 'ok') shard.sections.section(0);
    }
    const warm = soc2('check', dir, '--today', TODAY, '--cache');
    assert.equal(warm.err, plain.err);
  } finally {
    removeDir(dir);
  }
});

test('git answers are cached under HEAD: a warm run asks git nothing, a new commit asks again, and output stays the same', async () => {
  const dir = copyOf(join(ROOT, 'test', 'fixtures', 'basic'));
  try {
    initRepo(dir);
    const policy = join(dir, 'policies', 'access.md');
    writeFileSync(policy, readFileSync(policy, 'utf8').replace('owner: alice@example.com\n', 'owner: alice@example.com\napprover: ceo@example.com\napproved_on: 2026-01-15\n'));
    commitFiles(dir, {}, '2026-01-10');
    const body = readFileSync(policy, 'utf8');
    commitFiles(dir, { 'policies/access.md': body.replace('reviewed quarterly', 'reviewed every month') }, '2026-02-01');
    const open = async () => {
      const cache = ProjectCache.open(dir, (m) => assert.fail(m));
      const cli = CliGit.open(dir)!;
      const history = cache.wrapHistory(cli, cli.resolve('HEAD'));
      const loaded = await loadProject(new DiskWorkspace(dir), { today: TODAY, checks: CHECKS, git: history });
      const out = loaded.project.allDiagnostics();
      cache.save(loaded.project);
      return { out, asked: (history as unknown as { asked: number }).asked };
    };
    const first = await open();
    assert.equal(first.asked, 1);
    assert.ok(first.out.some((d) => d.code === 'policy-changed-since-approval'));
    const second = await open();
    assert.equal(second.asked, 0);
    assert.deepEqual(second.out, first.out);
    commitFiles(dir, { 'policies/access.md': body }, '2026-03-01');
    const third = await open();
    assert.equal(third.asked, 1);
    const plain = soc2('check', dir, '--today', TODAY, '--format', 'json');
    assert.equal(soc2('check', dir, '--today', TODAY, '--format', 'json', '--cache').out, plain.out);
    assert.equal(soc2('check', dir, '--today', TODAY, '--format', 'json', '--cache').out, plain.out);
    assert.equal(git(dir, 'status', '--porcelain').trim(), '', '.soc2/ is ignored by its own .gitignore and never shows up');
    assert.equal(git(dir, 'check-ignore', '.soc2/cache/project.json').trim(), '.soc2/cache/project.json');
  } finally {
    removeDir(dir);
  }
});

test('--cache with --no-cache is a usage error; soc2 init makes .soc2/ ignore itself', () => {
  assert.equal(soc2('check', join(ROOT, 'test', 'fixtures', 'basic'), '--cache', '--no-cache').code, 2);
  const dir = tempDir('soc2-cache-init-');
  try {
    const r = soc2('init', dir, '--today', TODAY, '--categories', 'security');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Git ignores \.soc2\/, where caches go/m);
    initRepo(dir);
    writeFileSync(join(dir, '.soc2', 'cache-probe'), 'x');
    assert.equal(git(dir, 'check-ignore', '.soc2/cache-probe').trim(), '.soc2/cache-probe');
  } finally {
    removeDir(dir);
  }
});

test.after(() => { if (benchRepo) removeDir(benchRepo); });
