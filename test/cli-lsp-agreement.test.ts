import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, REPO, TempWorkspace } from './lsp-client';

/**
 * The CLI and the language server read policies through the same code (engine/markdown-blocks.ts); this
 * holds them to it end to end. Every Markdown file in the repository is checked by `soc2 check` and by
 * the server with the file open in the editor, and the two must publish the same diagnostics: the
 * example program, the prose corpus and the fixture repos as they are, and every other Markdown file
 * (templates, docs, walkthroughs, README) copied as a policy into a scratch repo.
 */
const TODAY = '2026-07-15';
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.') || name === 'dist') return [];
    return statSync(p).isDirectory() ? markdownFiles(p) : name.endsWith('.md') ? [p] : [];
  });
}

const ROOTS = ['examples/acme-saas', 'test/fixtures/prose-corpus', 'test/fixtures/basic', 'test/fixtures/lsp', 'test/fixtures/errors'];

test('soc2 check and the language server give identical diagnostics on every Markdown file in the repository', async () => {
  const ws = new TempWorkspace();
  const roots: string[] = [];
  const covered = new Set<string>();
  for (const r of ROOTS) {
    const dest = ws.path(r.replace(/\//g, '_'));
    cpSync(join(REPO, r), dest, { recursive: true });
    roots.push(dest);
    for (const f of markdownFiles(join(REPO, r, 'policies'))) covered.add(relative(REPO, f));
  }
  // Every other Markdown file becomes a policy of a scratch repo.
  const scratch = ws.path('scratch');
  mkdirSync(join(scratch, 'policies'), { recursive: true });
  writeFileSync(join(scratch, 'soc2.yaml'), 'organization: Scratch\nreport:\n  type: 1\n');
  const others = markdownFiles(REPO).map((f) => relative(REPO, f)).filter((f) => !covered.has(f));
  others.forEach((f, i) => writeFileSync(join(scratch, 'policies', `${i}-${f.replace(/[\\/]/g, '_')}`), readFileSync(join(REPO, f))));
  roots.push(scratch);
  assert.ok(covered.size + others.length > 60, `only ${covered.size + others.length} Markdown files`);

  const client = await LspClient.start({ folders: roots, initializationOptions: { today: TODAY, debounceMs: 0 } });
  try {
    await client.indexed;
    let compared = 0;
    for (const root of roots) {
      // Exit code 1 (errors found) is expected for the fixture repos; the JSON on stdout is what counts.
      const cli = JSON.parse(spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'check', root, '--format', 'json', '--today', TODAY], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout) as
        { diagnostics: { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[] };
      const files = markdownFiles(join(root, 'policies'));
      // Opened as an editor does: the server reads the open document's text, and republishes if that changes anything.
      for (const file of files) client.open(pathToFileURL(file).href, readFileSync(file, 'utf8'));
      await quiet(client);
      for (const file of files) {
        const rel = relative(root, file).replace(/\\/g, '/');
        const uri = pathToFileURL(file).href;
        const fromServer = (client.diagnostics.get(uri) ?? []).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${SEVERITY[d.severity ?? 0]} ${d.code} ${d.message}`).sort();
        const fromCli = cli.diagnostics.filter((d) => d.file === rel).map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code} ${d.message}`).sort();
        assert.deepEqual(fromServer, fromCli, `${relative(ws.dir, root)}/${rel}`);
        compared++;
      }
    }
    assert.ok(compared > 60, `only ${compared} files compared`);
  } finally {
    await client.stop();
    ws.dispose();
  }
});

/** Waits until the server has published nothing for half a second. */
async function quiet(client: LspClient): Promise<void> {
  for (let seen = -1; seen !== client.publishLog.length;) {
    seen = client.publishLog.length;
    await new Promise((r) => setTimeout(r, 500));
  }
}
