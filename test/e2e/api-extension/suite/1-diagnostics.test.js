// Diagnostics for files nobody opened: the server indexes the whole workspace on start and
// publishes for every file, and the editor holds exactly what `soc2 check` reports.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');
const h = require('./helpers');

suite('Diagnostics of files never opened', () => {
  suiteSetup(async () => { await h.activateExtension(); });

  test('the extension is active and its commands are registered', async () => {
    const { ext } = await h.activateExtension();
    assert.ok(ext.isActive);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['soc2.showSummary', 'soc2.exportReport', 'soc2.restartServer']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });

  test('the checks run as of the pinned date', () => {
    // The runner sets SOC2_TODAY for the editor and the extension forwards it to the server,
    // as `--today` does for the CLI: without it the review and evidence checks would drift.
    assert.equal(process.env.SOC2_TODAY, h.expected().today);
  });

  for (const name of ['acme-saas', 'broken']) {
    suite(name, () => {
      suiteSetup(function () {
        if (!h.expected().roots.some((r) => r.name === name)) this.skip();
      });

      test('the editor holds exactly the diagnostics `soc2 check` reports', async () => {
        const r = h.root(name);
        const want = h.expectedKeys(r);
        assert.ok(want.length > 0, 'the CLI reported nothing: the fixture lost its deliberate problems');
        await h.waitFor(() => JSON.stringify(h.actualKeys(r)) === JSON.stringify(want), {
          timeoutMs: 60_000,
          what: `the ${want.length} diagnostics of ${name}`,
          onTimeout: () => assert.deepEqual(h.actualKeys(r), want),
        });
      });

      test('every deliberate problem is there, with the severity and message the CLI gives', () => {
        const r = h.root(name);
        for (const code of r.deliberate) {
          const cli = r.diagnostics.find((d) => d.code === code);
          assert.ok(cli, `soc2 check does not report the deliberate ${code} any more`);
          const uri = h.uriOf(r, cli.file);
          const got = h.soc2Diagnostics(uri).find((d) => h.codeOf(d) === code && d.range.start.line === cli.line - 1);
          assert.ok(got, `${code} is missing on ${cli.file}:${cli.line}`);
          assert.equal(got.message, cli.message);
          const severity = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information }[cli.severity];
          assert.equal(got.severity, severity, `${code} severity`);
          assert.equal(got.range.end.line, cli.endLine - 1, `${code} end line`);
          assert.equal(got.range.end.character, cli.endColumn - 1, `${code} end column`);
        }
      });

      test('none of those files had to be opened', () => {
        const r = h.root(name);
        const open = vscode.workspace.textDocuments.filter((d) => h.inRoot(r, d.uri) && /\.(md|ya?ml)$/.test(d.uri.fsPath));
        assert.deepEqual(open.map((d) => h.relOf(r, d.uri)), []);
      });
    });
  }
});

// After the suite above: this one opens a control file.
suite('Related information', () => {
  test('frequency-mismatch points at the control\'s frequency', async () => {
    const r = h.root('acme-saas');
    const cli = r.diagnostics.find((d) => d.code === 'frequency-mismatch');
    const d = h.soc2Diagnostics(h.uriOf(r, cli.file)).find((x) => h.codeOf(x) === 'frequency-mismatch');
    assert.ok(d?.relatedInformation?.length, 'no related information');
    const loc = d.relatedInformation[0].location;
    assert.match(loc.uri.fsPath, /\.ya?ml$/);
    const doc = await vscode.workspace.openTextDocument(loc.uri);
    assert.match(doc.lineAt(loc.range.start.line).text, /frequency\s*:/);
    assert.ok(path.relative(r.path, loc.uri.fsPath).startsWith('controls'));
  });
});
