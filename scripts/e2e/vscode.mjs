#!/usr/bin/env node
// `npm run test:vscode`: the same API suite as `npm run test:e2e` (test/e2e/api-extension/suite),
// run by @vscode/test-electron in a desktop VS Code, for machines that can download one.
// Here the suite's own runner (test/e2e/api-extension/index.js, `run()`) is the extensionTestsPath
// and our extension is loaded from the working tree (extensionDevelopmentPath).
//
// Environment:
//   SOC2_VSCODE_EXECUTABLE  use this VS Code binary instead of downloading one
//   SOC2_VSCODE_VERSION     version to download (default: stable)
//   SOC2_E2E_GREP           run only the tests whose title matches
// On Linux without a display, run it under xvfb-run.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { CACHE, REPO, TOOLS, log, run } from './lib.mjs';
import { tools } from './setup.mjs';
import { BROKEN, EXAMPLE, TODAY, prepareWorkspace } from './workspace.mjs';

const RUN = join(CACHE, 'vscode-run');
const resultsFile = join(RUN, 'api-results.json');

function summarize(code) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(resultsFile)) {
    const res = JSON.parse(readFileSync(resultsFile, 'utf8'));
    process.stdout.write(`\nResults (VS Code ${res.vscodeVersion}, ${res.host})\n`);
    for (const t of res.tests) {
      process.stdout.write(`  ${t.state === 'passed' ? '✓' : t.state === 'failed' ? '✗' : '-'} ${t.title}${t.reason ? ` — skipped: ${t.reason}` : ''}\n`);
      if (t.error) process.stdout.write(`      ${t.error.message.split('\n').join('\n      ')}\n`);
    }
    ({ passed, failed, pending: skipped } = res);
  } else if (code) {
    failed = 1;
  }
  process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  process.exitCode = code || failed || !passed ? 1 : 0;
}

async function main() {
  await tools();
  await run('npm', ['run', 'build', '--silent']);
  rmSync(RUN, { recursive: true, force: true });
  mkdirSync(RUN, { recursive: true });
  const ws = await prepareWorkspace(join(RUN, 'workspace'), [EXAMPLE, BROKEN]);

  const require = createRequire(join(TOOLS, 'noop.js'));
  const { runTests, downloadAndUnzipVSCode } = require('@vscode/test-electron');

  let vscodeExecutablePath = process.env.SOC2_VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    const version = process.env.SOC2_VSCODE_VERSION || 'stable';
    log(`downloading VS Code ${version} with @vscode/test-electron (cached in ${relative(REPO, join(CACHE, 'vscode-test'))})`);
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: join(CACHE, 'vscode-test'), timeout: 30_000 });
    } catch (err) {
      const why = String(err?.message || err).split('\n')[0];
      process.stderr.write([
        '',
        `test:vscode: could not download VS Code (${why}).`,
        'This machine cannot reach the VS Code download servers. Either:',
        '  - run `npm run test:e2e`, which runs this same suite in code-server (from the npm registry), or',
        '  - point SOC2_VSCODE_EXECUTABLE at an installed VS Code binary and run `npm run test:vscode` again.',
        '',
      ].join('\n'));
      process.stdout.write('0 passed, 1 failed\n');
      process.exitCode = 1;
      return;
    }
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    log('warning: no DISPLAY: VS Code desktop needs one on Linux (try `xvfb-run -a npm run test:vscode`)');
  }
  let code = 0;
  try {
    code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO,
      extensionTestsPath: join(REPO, 'test', 'e2e', 'api-extension', 'index.js'),
      launchArgs: [
        ws.workspaceFile,
        '--disable-extensions', // other installed extensions; ours is the development one
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
        '--user-data-dir', join(RUN, 'user-data'),
        '--extensions-dir', join(RUN, 'extensions'),
      ],
      extensionTestsEnv: {
        SOC2_TODAY: TODAY,
        SOC2_E2E_EXPECTED: ws.expectedFile,
        SOC2_E2E_RESULTS: resultsFile,
        SOC2_E2E_MOCHA: join(TOOLS, 'mocha'),
        ...(process.env.SOC2_E2E_GREP ? { SOC2_E2E_GREP: process.env.SOC2_E2E_GREP } : {}),
      },
    });
  } catch (err) {
    log(`VS Code test run failed: ${String(err?.message || err)}`);
    code = 1;
  }
  summarize(code);
}

main().catch((err) => {
  process.stderr.write(`${err.stack || err.message}\n`);
  process.stdout.write('0 passed, 1 failed\n');
  process.exitCode = 1;
});
