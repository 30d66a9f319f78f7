import { test } from 'node:test';
import assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { globMatcher } from '../server/src/engine/file-roles';

/** The prefix guard in front of picomatch must never change an answer, only skip work. */
test('globMatcher answers exactly as picomatch for every glob shape soc2.yaml may hold', () => {
  const globSets = [
    ['policies/**/*.md'], ['policies/access.md'], ['controls/*.yaml', 'controls/**/*.yml'], ['{a,b}/**/*.md'], ['**/*.md'],
    ['!x/**'], ['pol*/**'], ['a/b/c/**/d/*.yaml'], ['[ab]/x.md'], ['policies'], ['policies/**/*.md', 'extra/**'],
    ['Policies/**/*.md'], ['policies/**'], ['x/y'], [],
  ];
  const paths = [
    'policies/a.md', 'policies/sub/b.md', 'policies.md', 'policiesx/a.md', 'policies', 'policies/access.md', 'policies/access.md/x',
    'controls/a.yaml', 'controls/x/y.yml', 'controlsa.yaml', 'a/x.md', 'b/y/z.md', 'c/x.md', 'x/q', 'x', 'pol/a', 'polx/a/b',
    'a/b/c/d/e.yaml', 'a/b/c/z/d/e.yaml', 'a/b/cd/e.yaml', 'evidence/2026-01-01.md', '.hidden/a.md', 'policies/.x.md',
    'Policies/a.md', 'extra/x', 'extra', 'x/y', 'x/y/z', 'x/yz',
  ];
  let compared = 0;
  for (const globs of globSets) {
    const guarded = globMatcher(globs), plain = picomatch([...globs], { dot: false });
    for (const p of paths) { assert.equal(guarded(p), plain(p), `${JSON.stringify(globs)} ${p}`); compared++; }
  }
  assert.equal(compared, globSets.length * paths.length);
  // and the guard is there: a path under no glob's folder never reaches picomatch
  assert.equal(globMatcher(['policies/**/*.md'])('evidence/x.md'), false);
});
