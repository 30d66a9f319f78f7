import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isInside, isSafeRelativePath, parseOpenMessage, safeLine } from '../client/src/link-target';

const ROOT = 'file:///work/acme';
const roots = new Set([ROOT]);

test('plain relative paths are accepted', () => {
  for (const p of ['soc2.yaml', 'controls/access.yaml', 'policies/a b/ü.md', 'evidence/2026-Q1-review.pdf', '.hidden/x.yaml']) assert.equal(isSafeRelativePath(p), true, p);
});

test('paths that could leave the root or name another scheme are refused', () => {
  for (const p of ['', '/etc/passwd', '../secrets.yaml', 'controls/../../x', 'a/./b', 'a//b', 'controls/', 'C:\\Windows\\x', 'c:/x', 'a\\..\\b',
    'file:///etc/passwd', 'vscode://x', 'command:workbench.action.terminal.new', 'a\u0000b', 'a\nb', 'x'.repeat(1025), '..', '.']) {
    assert.equal(isSafeRelativePath(p), false, JSON.stringify(p));
  }
  for (const v of [undefined, null, 1, {}, ['a']]) assert.equal(isSafeRelativePath(v), false);
});

test('webview messages: only {type: open} for a known root and a safe path', () => {
  assert.deepEqual(parseOpenMessage({ type: 'open', root: ROOT, file: 'controls/access.yaml', line: 14 }, roots), { root: ROOT, file: 'controls/access.yaml', line: 14 });
  assert.deepEqual(parseOpenMessage({ type: 'open', root: ROOT, file: 'soc2.yaml', line: 'x' }, roots), { root: ROOT, file: 'soc2.yaml', line: 1 });
  assert.deepEqual(parseOpenMessage({ type: 'open', root: ROOT, file: 'soc2.yaml', line: -3 }, roots), { root: ROOT, file: 'soc2.yaml', line: 1 });
  assert.equal(parseOpenMessage({ type: 'open', root: 'file:///etc', file: 'passwd', line: 1 }, roots), undefined);
  assert.equal(parseOpenMessage({ type: 'open', root: ROOT, file: '../../etc/passwd', line: 1 }, roots), undefined);
  assert.equal(parseOpenMessage({ type: 'run', root: ROOT, file: 'soc2.yaml' }, roots), undefined);
  assert.equal(parseOpenMessage({ root: ROOT, file: 'soc2.yaml' }, roots), undefined);
  assert.equal(parseOpenMessage(null, roots), undefined);
  assert.equal(parseOpenMessage('open soc2.yaml', roots), undefined);
  assert.equal(parseOpenMessage([{ type: 'open', root: ROOT, file: 'soc2.yaml' }], roots), undefined);
  assert.equal(parseOpenMessage(JSON.parse('{"__proto__":{"type":"open"},"root":"file:///work/acme","file":"soc2.yaml"}'), roots), undefined);
});

test('safeLine and isInside', () => {
  assert.equal(safeLine(1), 1);
  assert.equal(safeLine(1.5), undefined);
  assert.equal(safeLine(0), undefined);
  assert.equal(safeLine(Number.POSITIVE_INFINITY), undefined);
  assert.equal(isInside('/work/acme', '/work/acme/controls/a.yaml'), true);
  assert.equal(isInside('/work/acme/', '/work/acme/soc2.yaml'), true);
  assert.equal(isInside('/work/acme', '/work/acme-evil/soc2.yaml'), false);
  assert.equal(isInside('/work/acme', '/work/acme'), false);
  assert.equal(isInside('/work/acme', '/work/other'), false);
});
