/**
 * Nothing runs, nothing leaks: the CLI (every command and format) and the language server (initialize,
 * index, requests) run with no-network-preload.cjs, which records and refuses every socket, DNS lookup,
 * HTTP request and child process. The only program ever allowed is `git`, with an argument array, in a
 * folder that is a git repository, and for the server only in a trusted workspace.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionRequest, HoverRequest, WorkspaceSymbolRequest } from 'vscode-languageserver-protocol/node';
import { LspClient, REPO } from '../lsp-client';
import { TODAY } from '../lsp-fixture';
import { SummaryRequest } from '../../server/src/lsp/protocol';

const PRELOAD = path.join(__dirname, 'no-network-preload.cjs');
const CLI = path.join(REPO, 'dist', 'cli.js');

interface Attempt { pid: number; kind: string; file?: string; args?: string[]; allowed?: boolean; refused?: boolean; target?: string }

const tmp = mkdtempSync(path.join(tmpdir(), 'soc2-guard-'));
const plain = path.join(tmp, 'plain');   // not a git repository
const repo = path.join(tmp, 'repo');     // a git repository
let logN = 0;

function gitAvailable(): boolean {
  try { execFileSync('git', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; }
}

before(() => {
  cpSync(path.join(REPO, 'examples', 'acme-saas'), plain, { recursive: true });
  cpSync(path.join(REPO, 'examples', 'acme-saas'), repo, { recursive: true });
  if (gitAvailable()) {
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { stdio: 'ignore' });
    git('init', '-q'); git('add', '.'); git('commit', '-q', '-m', 'import');
  }
});
after(() => rmSync(tmp, { recursive: true, force: true }));

const readLog = (file: string): Attempt[] => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Attempt) : []);
const network = (a: Attempt[]) => a.filter((x) => !x.kind.startsWith('child_process.'));
const programs = (a: Attempt[]) => a.filter((x) => x.kind.startsWith('child_process.'));

interface CliRun { args: string[]; status: number | null; stderr: string; attempts: Attempt[] }

/** Runs the built CLI under the guard, a few at a time; returns what each run tried. */
async function cli(runs: string[][], allowGit: boolean): Promise<CliRun[]> {
  const one = (args: string[]) => new Promise<CliRun>((resolve) => {
    const log = path.join(tmp, `cli-${++logN}.jsonl`);
    const child = spawn(process.execPath, ['--require', PRELOAD, CLI, ...args], {
      cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '', SOC2_GUARD_LOG: log, SOC2_GUARD_ALLOW_GIT: allowGit ? '1' : '' },
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
    child.on('close', (status) => resolve({ args, status, stderr, attempts: readLog(log) }));
  });
  const out: CliRun[] = [];
  for (let i = 0; i < runs.length; i += 3) out.push(...await Promise.all(runs.slice(i, i + 3).map(one)));
  return out;
}

/** Every command and output format the CLI lists in its help, on a folder. */
function invocations(dir: string): string[][] {
  const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;
  const out: string[][] = [['checks']];
  for (const line of help.split('\n')) {
    const m = /^\s*soc2 (\w+(?: \w+)?) \[dir\]/.exec(line);
    if (!m || m[1] === 'init') continue;
    const formats = /--format ([\w|-]+)/.exec(line)?.[1].split('|') ?? [undefined];
    // A command that writes files (publish) is given a fresh output folder, as its usage requires.
    const outDir = /--out DIR/.test(line) ? ['--out', path.join(tmp, `out-${m[1].replace(/ /g, '-')}-${out.length}`)] : [];
    // A command that needs one of two modes (brief: --owner or --all) runs the one that does the most.
    if (/--all --out DIR/.test(line)) outDir.unshift('--all');
    for (const f of formats) out.push([...m[1].split(' '), dir, '--today', TODAY, ...outDir, ...(f ? ['--format', f] : [])]);
  }
  return out;
}

describe('the CLI', () => {
  test('covers every format it lists', () => {
    const formats = invocations(plain).map((a) => `${a[0]} ${a.includes('--format') ? a[a.indexOf('--format') + 1] : ''}`.trim());
    for (const f of ['checks', 'check text', 'check json', 'summary text', 'summary markdown', 'summary json']) assert.ok(formats.includes(f), `${f} in ${formats.join(', ')}`);
  });

  test('outside a git repository: no socket, no DNS, no HTTP, no program started', async () => {
    for (const r of await cli([...invocations(plain), ['init', path.join(tmp, 'fresh'), '--today', TODAY]], false)) {
      const args = r.args;
      assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')} exited ${r.status}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /no-network-preload|EACCES/, args.join(' '));
      assert.deepEqual(r.attempts, [], `${args.join(' ')} tried: ${JSON.stringify(r.attempts)}`);
    }
  });

  test('in a git repository: only git, with an argument array, and nothing else', { skip: !gitAvailable() && 'git is not installed' }, async () => {
    let gitRuns = 0;
    for (const r of await cli(invocations(repo), true)) {
      const args = r.args;
      assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')} exited ${r.status}: ${r.stderr}`);
      assert.deepEqual(network(r.attempts), [], args.join(' '));
      for (const p of programs(r.attempts)) {
        assert.equal(p.file, 'git');
        assert.ok(Array.isArray(p.args) && p.allowed, JSON.stringify(p));
        assert.ok(!p.args!.some((a) => /^(push|fetch|clone|pull|remote|submodule|config)$/.test(a)), `git ${p.args!.join(' ')}`);
      }
      gitRuns += programs(r.attempts).length;
    }
    assert.ok(gitRuns > 0, 'git was never asked: the approval check cannot have run');
  });
});

/** Starts the server under the guard (NODE_OPTIONS reaches the child LspClient spawns). */
async function guardedServer(folder: string, trusted: boolean, allowGit: boolean): Promise<{ client: LspClient; log: string }> {
  const log = path.join(tmp, `server-${++logN}.jsonl`);
  const saved = { ...process.env };
  Object.assign(process.env, { NODE_OPTIONS: `--require ${PRELOAD}`, SOC2_GUARD_LOG: log, SOC2_GUARD_ALLOW_GIT: allowGit ? '1' : '' });
  try {
    const client = await LspClient.start({ folders: [folder], initializationOptions: { today: TODAY, trusted } });
    return { client, log };
  } finally {
    for (const k of ['NODE_OPTIONS', 'SOC2_GUARD_LOG', 'SOC2_GUARD_ALLOW_GIT']) { if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k]; }
  }
}

/** Sockets the process holds, other than its standard input, output and error (libuv makes those socket pairs). */
function extraSockets(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/fd`).filter((fd) => Number(fd) > 2).map((fd) => { try { return `${fd} -> ${readlinkSync(`/proc/${pid}/fd/${fd}`)}`; } catch { return ''; } }).filter((l) => /socket:/.test(l));
  } catch { return []; }
}

async function exercise(client: LspClient, folder: string): Promise<void> {
  await client.indexed;
  const uri = pathToFileURL(path.join(folder, 'controls', 'access.yaml')).href;
  const text = readFileSync(path.join(folder, 'controls', 'access.yaml'), 'utf8');
  client.open(uri, text);
  const at = text.indexOf('CC6.');
  const line = text.slice(0, at).split('\n').length - 1;
  const position = { line, character: at - text.lastIndexOf('\n', at) - 1 };
  await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
  await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'AC' });
  const summary = await client.connection.sendRequest(SummaryRequest, {}) as { roots: unknown[] };
  assert.equal(summary.roots.length, 1);
  // A policy edited and saved: the moment a git-aware server would look at history again.
  const policy = pathToFileURL(path.join(folder, 'policies', 'access-control.md')).href;
  client.open(policy, readFileSync(path.join(folder, 'policies', 'access-control.md'), 'utf8'));
  client.change(policy, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
  await new Promise((r) => setTimeout(r, 300));
}

describe('the language server', () => {
  test('untrusted workspace, in a git repository: no program at all, no socket but its stdio', async () => {
    const { client, log } = await guardedServer(repo, false, false);
    try {
      await exercise(client, repo);
      assert.deepEqual(extraSockets(client.child.pid!), []);
      assert.deepEqual(readLog(log), []);
      assert.ok(client.logs.some((l) => /restricted mode/.test(l)), 'the restricted mode is said once in the output channel');
    } finally { await client.stop(); }
  });

  test('trusted workspace outside git: no program, no socket', async () => {
    const { client, log } = await guardedServer(plain, true, false);
    try {
      await exercise(client, plain);
      assert.deepEqual(extraSockets(client.child.pid!), []);
      assert.deepEqual(readLog(log), []);
    } finally { await client.stop(); }
  });

  test('trusted workspace in a git repository: only git, with an argument array', { skip: !gitAvailable() && 'git is not installed' }, async () => {
    const { client, log } = await guardedServer(repo, true, true);
    try {
      await exercise(client, repo);
      assert.deepEqual(extraSockets(client.child.pid!), []);
      const attempts = readLog(log);
      assert.deepEqual(network(attempts), []);
      assert.ok(programs(attempts).length > 0, 'git was used');
      for (const p of programs(attempts)) assert.ok(p.file === 'git' && Array.isArray(p.args) && p.allowed, JSON.stringify(p));
    } finally { await client.stop(); }
  });

  test('the guard itself works: it records and refuses what it should', () => {
    const log = path.join(tmp, 'self.jsonl');
    const script = `
      const tries = [() => require('node:net').connect(80, 'example.com'), () => require('node:https').get('https://example.com'),
        () => fetch('https://example.com'), () => require('node:dns').lookup('example.com', () => {}),
        () => require('node:child_process').execSync('echo hi'), () => require('node:child_process').spawn('git', ['status'], { shell: true })];
      for (const t of tries) { try { t(); } catch {} }`;
    writeFileSync(path.join(tmp, 'self.js'), script);
    spawnSync(process.execPath, ['--require', PRELOAD, path.join(tmp, 'self.js')], { env: { ...process.env, NODE_OPTIONS: '', SOC2_GUARD_LOG: log, SOC2_GUARD_ALLOW_GIT: '1' } });
    assert.deepEqual(readLog(log).map((a) => `${a.kind}${a.refused ? ' refused' : ''}`), [
      'net.connect refused', 'https.get refused', 'fetch refused', 'dns.lookup refused', 'child_process.execSync refused', 'child_process.spawn refused',
    ]);
  });
});
