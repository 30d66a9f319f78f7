#!/usr/bin/env node
// `npm run test:e2e`: the packaged extension in a real VS Code (code-server), tested two ways.
//
//   1. API level: a test-only extension (test/e2e/api-extension) loaded beside ours runs a mocha
//      suite inside the extension host and writes its results to a file this script reads.
//   2. UI level: Chromium, driven by playwright-core, uses the workbench as a person would
//      (Problems panel, command palette, summary webview, coverage tree, typing in an editor)
//      and saves a screenshot of each step under test-results/e2e/.
//   3. Neovim: Debian's Neovim 0.7 runs test/e2e/neovim/suite.lua headless against dist/server.js,
//      a second real LSP client (see neovim-suite.mjs).
//
// Everything it needs is set up idempotently under .cache/e2e/ (see setup.mjs). code-server is
// always stopped (its whole process group) however the run ends. Exit code 0 only when every
// test passed. Options:
//   --only=api|ui|publish|neovim  run one suite
//   SOC2_E2E_GREP=<text> runs only the API tests whose title matches
//   --keep         leave the run folder (.cache/e2e/run) for inspection; it is wiped at the next run
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import {
  CACHE, CHROMIUM, CODE_SERVER_BIN, NODE24_BIN, Phases, REPO, RESULTS_DIR, TOOLS,
  envWithNode24, freePort, log, run, sleep, waitFor,
} from './lib.mjs';
import { setup } from './setup.mjs';
import { BROKEN, EXAMPLE, TODAY, prepareWorkspace } from './workspace.mjs';
import { runUiSuite } from './ui-suite.mjs';
import { runNeovimSuite } from './neovim-suite.mjs';
import { runPublishSuite } from './publish-suite.mjs';

const args = new Set(process.argv.slice(2));
const only = [...args].find((a) => a.startsWith('--only='))?.slice(7);
const EXT_ID = 'soc2-as-code.soc2-as-code';
const TEST_EXT_DIR = join(REPO, 'test', 'e2e', 'api-extension');
const RUN = join(CACHE, 'run');
const SHOTS = join(RESULTS_DIR, 'e2e');
const API_TIMEOUT_MS = 5 * 60_000;

/** Every test's outcome, from both suites and from the runner's own phases. */
const results = [];
const record = (suite, title, state, extra = {}) => results.push({ suite, title, state, ...extra });

const phases = new Phases();
let codeServer; // { child, port, logFile }
let browser;

// However the runner ends (Ctrl+C, a kill, an uncaught error), code-server's group goes with it.
function killCodeServerNow() {
  if (codeServer) { try { process.kill(-codeServer.child.pid, 'SIGKILL'); } catch { /* gone */ } }
}
process.on('exit', killCodeServerNow);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    log(`${sig}: stopping code-server`);
    killCodeServerNow();
    process.exit(130);
  });
}

function pkg() { return JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')); }

async function buildAndPackage() {
  if (!pkg().scripts?.package) throw new Error('package.json has no "package" script (npm run package must produce the .vsix)');
  const before = Date.now();
  await run('npm', ['run', 'package', '--silent'], { quiet: true });
  const vsix = readdirSync(REPO).filter((f) => f.endsWith('.vsix')).map((f) => join(REPO, f))
    .filter((f) => statSync(f).mtimeMs >= before - 1000).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!vsix) throw new Error('npm run package produced no .vsix at the top of the repo');
  log(`packaged ${relative(REPO, vsix)} (${(statSync(vsix).size / 1024).toFixed(0)} KB)`);
  return vsix;
}

function codeServerEnv(extra = {}) {
  return envWithNode24({
    // Keep code-server's own config and state out of the user's home.
    XDG_CONFIG_HOME: join(RUN, 'xdg', 'config'),
    XDG_DATA_HOME: join(RUN, 'xdg', 'data'),
    XDG_CACHE_HOME: join(RUN, 'xdg', 'cache'),
    // A loopback gallery: the workbench then never tries to reach a marketplace.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '' }),
    ...extra,
  });
}

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'editor.minimap.enabled': false,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
};

async function installExtensions(vsix, extDir, userDir) {
  mkdirSync(extDir, { recursive: true });
  mkdirSync(join(userDir, 'User'), { recursive: true });
  writeFileSync(join(userDir, 'User', 'settings.json'), `${JSON.stringify(USER_SETTINGS, null, 2)}\n`);
  // The test-only extension, packaged with the project's own vsce (code-server only loads
  // extensions it installed itself: a folder dropped into --extensions-dir is ignored).
  const testExt = JSON.parse(readFileSync(join(TEST_EXT_DIR, 'package.json'), 'utf8'));
  const stage = join(RUN, 'api-extension');
  cpSync(TEST_EXT_DIR, stage, { recursive: true });
  const testVsix = join(RUN, `${testExt.name}.vsix`);
  await run(join(REPO, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', testVsix],
    { cwd: stage, quiet: true });
  await run(join(NODE24_BIN, 'node'), [CODE_SERVER_BIN, '--install-extension', vsix, '--install-extension', testVsix, '--extensions-dir', extDir, '--user-data-dir', userDir],
    { env: codeServerEnv(), quiet: true });
  for (const id of [EXT_ID, `${testExt.publisher}.${testExt.name}`]) {
    const dir = readdirSync(extDir).find((d) => d.startsWith(`${id}-`));
    if (!dir) throw new Error(`${id} is not in ${extDir} after installation`);
    log(`installed ${dir}`);
  }
}

async function startCodeServer(extDir, userDir, env) {
  const port = await freePort();
  const logFile = join(RUN, 'code-server.log');
  const out = [];
  const child = spawn(join(NODE24_BIN, 'node'), [
    CODE_SERVER_BIN,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--extensions-dir', extDir,
    '--user-data-dir', userDir,
  ], { env: codeServerEnv(env), cwd: RUN, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const onData = (d) => { out.push(d); };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = false;
  child.on('exit', () => { exited = true; });
  codeServer = { child, port, logFile, out };
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => {
    if (exited) throw new Error(`code-server exited:\n${Buffer.concat(out).toString().slice(-3000)}`);
    const res = await fetch(`${url}/healthz`).catch(() => undefined);
    return res?.ok;
  }, { timeoutMs: 60_000, what: 'code-server to listen' });
  log(`code-server on ${url} (pid ${child.pid})`);
  return url;
}

async function stopCodeServer() {
  if (!codeServer) return;
  const { child, logFile, out } = codeServer;
  codeServer = undefined;
  try { writeFileSync(logFile, Buffer.concat(out)); } catch { /* the run folder may be gone */ }
  const gone = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
  // Its whole process group: the server, extension hosts, language servers, file watchers.
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  await Promise.race([gone, sleep(5000)]);
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* all gone */ }
}

async function launchBrowser() {
  const require = createRequire(join(TOOLS, 'noop.js'));
  const { chromium } = require('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
  });
  return browser;
}

/** A page that may only talk to the code-server on loopback. */
async function newPage(baseUrl) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  const origin = new URL(baseUrl).origin;
  await context.route((u) => /^(https?|wss?):$/.test(u.protocol) && u.origin !== origin, (route) => {
    log(`   blocked a request to ${route.request().url()}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`   page error: ${e.message.split('\n')[0]}`));
  return page;
}

function findLogs(dir, re, found = []) {
  if (!existsSync(dir)) return found;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) findLogs(p, re, found);
    else if (re.test(e.name)) found.push(p);
  }
  return found;
}

function printLogTails(userDir) {
  for (const f of findLogs(join(userDir, 'logs'), /SOC 2|exthost\.log$|remoteexthost\.log$/)) {
    const text = readFileSync(f, 'utf8').trim().split('\n').slice(-25).join('\n      ');
    if (text) log(`   ${relative(RUN, f)}:\n      ${text}`);
  }
}

async function apiSuite(baseUrl, workspace, resultsFile, userDir) {
  const page = await newPage(baseUrl);
  try {
    await page.goto(`${baseUrl}/?workspace=${encodeURIComponent(workspace.workspaceFile)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    const started = Date.now();
    const res = await waitFor(() => existsSync(resultsFile) && JSON.parse(readFileSync(resultsFile, 'utf8')), {
      timeoutMs: API_TIMEOUT_MS, intervalMs: 500, what: 'the API suite\'s results (did the test extension activate?)',
    }).catch(async (err) => { await page.screenshot({ path: join(SHOTS, 'api-timeout.png') }).catch(() => {}); throw err; });
    await page.screenshot({ path: join(SHOTS, 'api-01-workbench-after-suite.png') });
    log(`   API suite ran in ${((Date.now() - started) / 1000).toFixed(1)}s in VS Code ${res.vscodeVersion} (${res.host}, Node ${res.node})`);
    for (const t of res.tests) {
      record('api', t.title, t.state, { ms: t.ms, error: t.error?.message, reason: t.reason });
    }
    if (res.failed) printLogTails(userDir);
  } finally {
    await page.context().close();
  }
}

function printResults() {
  process.stdout.write('\nResults\n');
  for (const r of results) {
    const mark = r.state === 'passed' ? '✓' : r.state === 'failed' ? '✗' : '-';
    const ms = r.ms !== undefined ? ` (${r.ms} ms)` : '';
    process.stdout.write(`  ${mark} [${r.suite}] ${r.title}${ms}${r.state === 'pending' && r.reason ? ` — skipped: ${r.reason}` : ''}\n`);
    if (r.error) process.stdout.write(`      ${String(r.error).split('\n').join('\n      ')}\n`);
  }
}

async function main() {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  await phases.run('setup (cached after the first run)', setup);
  const vsix = await phases.run('build + package .vsix', buildAndPackage);
  if (!only || only === 'neovim') {
    await phases.run('Neovim suite (headless nvim 0.7)', async () => runNeovimSuite((title, state, extra) => record('neovim', title, state, extra)));
    if (only === 'neovim') return;
  }

  const extDir = join(RUN, 'extensions');
  const userDir = join(RUN, 'user-data');
  const resultsFile = join(RUN, 'api-results.json');
  const { apiWs, uiWs } = await phases.run('prepare workspaces + expected diagnostics (CLI)', async () => {
    rmSync(RUN, { recursive: true, force: true });
    mkdirSync(RUN, { recursive: true });
    return {
      apiWs: await prepareWorkspace(join(RUN, 'api'), [EXAMPLE, BROKEN]),
      uiWs: await prepareWorkspace(join(RUN, 'ui'), [EXAMPLE]),
    };
  });
  await phases.run('install extensions', () => installExtensions(vsix, extDir, userDir));

  const baseUrl = await phases.run('start code-server', () => startCodeServer(extDir, userDir, {
    SOC2_TODAY: TODAY,
    SOC2_E2E_RESULTS: resultsFile,
    SOC2_E2E_WORKSPACE: apiWs.workspaceFile,
    SOC2_E2E_EXPECTED: apiWs.expectedFile,
    SOC2_E2E_MOCHA: join(TOOLS, 'mocha'),
    ...(process.env.SOC2_E2E_GREP ? { SOC2_E2E_GREP: process.env.SOC2_E2E_GREP } : {}),
  }));
  await phases.run('launch chromium', launchBrowser);

  if (!only || only === 'api') {
    await phases.run('API suite (extension host)', () => apiSuite(baseUrl, apiWs, resultsFile, userDir));
  }
  if (!only || only === 'ui') {
    await phases.run('UI suite (Chromium)', async () => {
      const page = await newPage(baseUrl);
      try {
        await runUiSuite({ page, baseUrl, root: uiWs.roots[0], shots: SHOTS, record: (title, state, extra) => record('ui', title, state, extra), log });
      } finally { await page.context().close(); }
    });
  }
  if (!only || only === 'publish') {
    await phases.run('publish suite (site in Chromium, PDF)', () => runPublishSuite({ browser, runDir: RUN, shots: SHOTS, record: (title, state, extra) => record('publish', title, state, extra), log }));
  }
}

let crashed;
try {
  await main();
} catch (err) {
  crashed = err;
  record('runner', 'e2e run', 'failed', { error: err.stack || err.message });
} finally {
  if (browser) await browser.close().catch(() => {});
  await stopCodeServer();
  if (!args.has('--keep')) {
    // Keep the logs of a failed run; drop the rest.
    const failed = crashed || results.some((r) => r.state === 'failed');
    if (!failed) rmSync(RUN, { recursive: true, force: true });
    else log(`run folder kept for inspection: ${relative(REPO, RUN)} (code-server.log, user-data/logs)`);
  }
}

printResults();
phases.print();
const passed = results.filter((r) => r.state === 'passed').length;
const failed = results.filter((r) => r.state === 'failed').length;
const skipped = results.filter((r) => r.state === 'pending').length;
process.stdout.write(`\nScreenshots: ${relative(REPO, SHOTS)}/\n`);
const nvim = results.filter((r) => r.suite === 'neovim');
const nvimPassed = nvim.filter((r) => r.state === 'passed').length;
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''} (Neovim: ${nvimPassed} of ${nvim.length} passed)\n`);
process.exitCode = failed || !passed ? 1 : 0;
