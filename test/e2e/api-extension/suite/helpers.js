// Shared helpers of the API suite. Plain JS, no build step: the same files run in code-server's
// extension host and under @vscode/test-electron.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const EXTENSION_ID = 'soc2-as-code.soc2-as-code';

let expectedCache;
/**
 * What the runner prepared: `{ today, roots: [{ name, path, deliberate: [code], diagnostics: [cli json] }] }`.
 * The diagnostics are `soc2 check --format json` on the same copy the editor has open.
 */
function expected() {
  if (expectedCache) return expectedCache;
  const file = process.env.SOC2_E2E_EXPECTED;
  if (!file) throw new Error('SOC2_E2E_EXPECTED is not set: run this suite through `npm run test:e2e` or `npm run test:vscode`');
  expectedCache = JSON.parse(fs.readFileSync(file, 'utf8'));
  return expectedCache;
}

function root(name) {
  const r = expected().roots.find((x) => x.name === name);
  if (!r) throw new Error(`the workspace has no compliance root named ${name}`);
  return r;
}

const uriOf = (r, rel) => vscode.Uri.file(path.join(r.path, rel));
const relOf = (r, uri) => path.relative(r.path, uri.fsPath).split(path.sep).join('/');
const inRoot = (r, uri) => uri.scheme === 'file' && !path.relative(r.path, uri.fsPath).startsWith('..');

const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

/** Polls until `fn` returns a truthy value; on time-out, fails with `what` (and runs `onTimeout` for a better message). */
async function waitFor(fn, { timeoutMs = 30_000, intervalMs = 100, what = 'a condition', onTimeout } = {}) {
  const end = Date.now() + timeoutMs;
  let lastErr;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) { lastErr = err; }
    if (Date.now() > end) {
      if (onTimeout) await onTimeout();
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? `: ${lastErr.message}` : ''}`);
    }
    await sleep(intervalMs);
  }
}

const codeOf = (d) => (d.code && typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** Our diagnostics (source `soc2`) on one file. */
const soc2Diagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'soc2');

/** Every `soc2` diagnostic under a root, as `file:line:col code` keys (1-based, as the CLI prints them). */
function actualKeys(r) {
  const keys = [];
  for (const [uri, diags] of vscode.languages.getDiagnostics()) {
    if (!inRoot(r, uri)) continue;
    for (const d of diags) {
      if (d.source !== 'soc2') continue;
      keys.push(`${relOf(r, uri)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)}`);
    }
  }
  return keys.sort();
}

const expectedKeys = (r) => r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`).sort();

/** Activates the extension under test (it is also activated by the workspace's soc2.yaml). */
async function activateExtension() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this editor`);
  const api = await ext.activate();
  return { ext, api };
}

/** Position (0-based) of the first match of `re` in a file on disk, at capture group 1 if any. */
function positionIn(r, rel, re) {
  const text = fs.readFileSync(path.join(r.path, rel), 'utf8');
  const m = new RegExp(re.source, re.flags.replace('d', '') + 'd').exec(text);
  if (!m) throw new Error(`no match for ${re} in ${rel}`);
  const offset = m[1] !== undefined ? m.indices[1][0] : m.index;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - (before.lastIndexOf('\n') + 1);
  return new vscode.Position(line, character);
}

/** Plain text of hover contents (MarkdownString, MarkedString or string). */
function hoverText(hovers) {
  const parts = [];
  for (const h of hovers || []) for (const c of h.contents) parts.push(typeof c === 'string' ? c : c.value);
  return parts.join('\n');
}

const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);

/** Marks the current test pending with a reason the results file and the runner show. */
function skip(ctx, reason) {
  ctx.test.skipReason = reason;
  ctx.skip();
}

module.exports = {
  EXTENSION_ID, expected, root, uriOf, relOf, inRoot, sleep, waitFor, codeOf, soc2Diagnostics,
  actualKeys, expectedKeys, activateExtension, positionIn, hoverText, labelOf, skip,
};
