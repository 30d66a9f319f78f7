import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseRepo, edit, findings } from '../helpers';

test('frontmatter-syntax fires on bad YAML inside the front matter, at its line', async () => {
  const files = edit(baseRepo(), 'policies/access.md', 'criteria: [CC6.1]', 'criteria: [CC6.1');
  const f = await findings(files, 'frontmatter-syntax');
  assert.equal(f.length >= 1, true);
  assert.match(f[0].at, /^policies\/access\.md:[67]:/);
});

test('frontmatter-syntax fires on unterminated front matter', async () => {
  const files = { ...baseRepo(), 'policies/open.md': '---\nid: POL-X\nowner: a\n\n# Body\n' };
  const f = await findings(files, 'frontmatter-syntax');
  assert.deepEqual(f.map((x) => x.at), ['policies/open.md:1:1']);
  assert.match(f[0].message, /never closed/);
});

test('frontmatter-syntax is quiet on a good policy', async () => {
  assert.deepEqual(await findings(baseRepo(), 'frontmatter-syntax'), []);
});
