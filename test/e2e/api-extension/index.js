// The API suite's runner: mocha (tdd UI) over every suite/*.test.js, in file-name order.
// `run()` follows @vscode/test-electron's convention for `extensionTestsPath` (it resolves when
// all tests pass and rejects otherwise); extension.js calls the same function in code-server.
// Either way, when SOC2_E2E_RESULTS names a file, the results are written there as JSON.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function loadMocha() {
  // The e2e setup installs mocha into .cache/e2e/tools and passes its path; a project that has
  // mocha as a devDependency resolves it normally.
  const fromEnv = process.env.SOC2_E2E_MOCHA;
  if (fromEnv) return require(fromEnv);
  return require('mocha');
}

function errorInfo(err) {
  if (!err) return undefined;
  return { message: String(err.message || err), stack: err.stack ? String(err.stack).split('\n').slice(0, 12).join('\n') : undefined };
}

function writeResults(file, results) {
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(results, null, 2)}\n`);
  fs.renameSync(tmp, file); // atomic: the outer runner never reads half a file
}

/**
 * @param {{ resultsFile?: string, host?: string } | string} [options] test-electron passes nothing
 *   (or, in its oldest convention, a tests root and a callback)
 */
async function run(options, callback) {
  const opts = typeof options === 'object' && options ? options : {};
  const resultsFile = opts.resultsFile || process.env.SOC2_E2E_RESULTS;
  const vscode = require('vscode');
  const results = {
    host: opts.host || 'vscode-test-electron',
    vscodeVersion: vscode.version,
    node: process.version,
    startedAt: new Date().toISOString(),
    passed: 0,
    failed: 0,
    pending: 0,
    tests: [],
  };
  try {
    const Mocha = loadMocha();
    const mocha = new Mocha({
      ui: 'tdd',
      timeout: 90_000,
      slow: 5_000,
      color: false,
      reporter: 'spec',
      ...(process.env.SOC2_E2E_GREP ? { grep: process.env.SOC2_E2E_GREP } : {}),
    });
    const dir = path.join(__dirname, 'suite');
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));

    const failures = await new Promise((resolve) => {
      const runner = mocha.run(resolve);
      runner.on('pass', (t) => { results.passed++; results.tests.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }); });
      runner.on('fail', (t, err) => { results.failed++; results.tests.push({ title: t.fullTitle(), state: 'failed', ms: t.duration, error: errorInfo(err) }); });
      runner.on('pending', (t) => { results.pending++; results.tests.push({ title: t.fullTitle(), state: 'pending', reason: t.skipReason }); });
    });
    results.finishedAt = new Date().toISOString();
    writeResults(resultsFile, results);
    if (failures > 0 || results.passed === 0) throw new Error(`${failures} of ${results.passed + results.failed} API tests failed`);
    if (typeof callback === 'function') callback();
    return results;
  } catch (err) {
    if (!results.finishedAt) {
      // The suite could not even start (mocha missing, a test file that does not load…).
      results.failed++;
      results.tests.push({ title: 'API suite setup', state: 'failed', error: errorInfo(err) });
      results.finishedAt = new Date().toISOString();
      writeResults(resultsFile, results);
    }
    if (typeof callback === 'function') return callback(err);
    throw err;
  }
}

module.exports = { run };
