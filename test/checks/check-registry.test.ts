/**
 * The check registry as users and other tools see it: each check's code, default severity, scope (the kinds of
 * file it runs on, whether it waits for the whole index, whether it reports parser problems) and one-line doc.
 * `soc2 checks`, the README table, SARIF rule metadata and `checks:` in soc2.yaml all rest on these, so any
 * change to them must be deliberate: the listing is pinned in check-registry.golden.txt. After an intended
 * change, regenerate it with `UPDATE_GOLDEN=1 node --import tsx --test test/checks/check-registry.test.ts`
 * and review the diff.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../../server/src/checks';

const GOLDEN = join(__dirname, 'check-registry.golden.txt');

function listing(): string {
  return CHECKS.map((c) => [
    c.code,
    c.severity,
    c.crossFile ? 'cross-file' : 'file-local',
    c.parseProblems ? 'parser-problems' : 'own-findings',
    `on:${c.appliesTo.join(',')}`,
    c.doc,
  ].join(' | ')).join('\n') + '\n';
}

test('every check keeps its pinned code, severity, scope and doc (check-registry.golden.txt)', () => {
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, listing());
  const expected = readFileSync(GOLDEN, 'utf8').split('\n');
  const actual = listing().split('\n');
  // Line by line, so a failure names the one check that changed.
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) assert.equal(actual[i], expected[i], `check #${i + 1}`);
});

test('no check has an empty code, doc or scope, and codes are unique kebab-case', () => {
  const seen = new Set<string>();
  for (const c of CHECKS) {
    assert.match(c.code, /^[a-z]+(-[a-z0-9]+)*$/, c.code);
    assert.ok(!seen.has(c.code), `duplicate ${c.code}`);
    seen.add(c.code);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(c.severity), c.code);
    assert.ok(c.doc.length > 20 && c.doc.endsWith('.'), c.code);
    assert.ok(c.appliesTo.length > 0 && c.appliesTo.every((k) => k.length > 0), c.code);
  }
});
