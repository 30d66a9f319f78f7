// Host 1 of the API suite: this test-only extension, installed next to the real one in
// code-server by `npm run test:e2e`. It stays idle unless the runner asked for a run
// (SOC2_E2E_RESULTS) and this window is the workspace the runner opened for it
// (SOC2_E2E_WORKSPACE): other windows, such as the UI suite's, are left alone.
// Host 2 is @vscode/test-electron, which calls index.js's run() itself (npm run test:vscode).
'use strict';
const vscode = require('vscode');
const { run } = require('./index');

function activate() {
  const resultsFile = process.env.SOC2_E2E_RESULTS;
  if (!resultsFile) return;
  const wanted = process.env.SOC2_E2E_WORKSPACE;
  const ws = vscode.workspace.workspaceFile;
  if (wanted && (!ws || ws.scheme !== 'file' || ws.fsPath !== wanted)) return;
  // Not awaited: activation must finish so the workbench carries on; results go to the file.
  run({ resultsFile, host: 'code-server' }).catch((err) => console.error('[soc2 e2e] suite crashed:', err));
}

function deactivate() {}

module.exports = { activate, deactivate };
