import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../server/src/checks';

const README = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

test('the README opens with exactly the two commands', () => {
  const firstBlock = /```sh\n([\s\S]*?)```/.exec(README)![1].trim().split('\n');
  assert.deepEqual(firstBlock, ['npm ci && npm run demo', 'npm test']);
});

test('the README check table lists every registered check with its severity', () => {
  for (const c of CHECKS) {
    assert.match(README, new RegExp(`^\\| \`${c.code}\` \\| ${c.severity} \\|`, 'm'), `${c.code} missing or wrong severity in README`);
  }
});
