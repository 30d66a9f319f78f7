/**
 * The manifest side of the scaffold commands: each registered command is contributed, the walkthrough's
 * media, snippets and schemas it points at exist and ship in the .vsix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';

const ROOT = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const contributes = manifest.contributes ?? {};
const source = readFileSync(join(ROOT, 'client', 'src', 'scaffold-commands.ts'), 'utf8');
const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]);

test('every scaffold command is contributed under the SOC 2 category', () => {
  assert.deepEqual(registered, ['soc2.initRepo', 'soc2.newPolicy', 'soc2.newControl']);
  for (const id of registered) {
    const c = (contributes.commands ?? []).find((x: { command: string }) => x.command === id);
    assert.ok(c, `${id} is not in contributes.commands`);
    assert.equal(c.category, 'SOC 2');
  }
});

test('the walkthrough goes from an empty folder to the readiness summary, and its media ship', () => {
  const walk = (contributes.walkthroughs ?? []).find((w: { id: string }) => w.id === 'soc2.getStarted');
  assert.ok(walk, 'no soc2.getStarted walkthrough');
  const steps = walk.steps as { id: string; description: string; media: { markdown: string } }[];
  assert.ok(steps.length >= 4 && steps.length <= 5);
  assert.match(steps[0].description, /\(command:soc2\.initRepo\)/);
  assert.match(steps.at(-1)!.description, /\(command:soc2\.showSummary\)/);
  const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const shipped = (file: string) => ignore.reduce((kept, rule) => (rule.startsWith('!') ? kept || picomatch(rule.slice(1))(file) : kept && !picomatch(rule)(file)), true);
  for (const s of steps) {
    assert.ok(existsSync(join(ROOT, s.media.markdown)), `${s.id}: ${s.media.markdown} is missing`);
    assert.ok(shipped(s.media.markdown), `${s.media.markdown} is excluded by .vscodeignore`);
  }
});

test('snippets and YAML schemas are contributed from files that exist', () => {
  const snippets = Object.fromEntries((contributes.snippets ?? []).map((s: { language: string; path: string }) => [s.language, s.path]));
  assert.deepEqual(snippets, { yaml: './snippets/controls.code-snippets.json', markdown: './snippets/policy.code-snippets.json' });
  const validation = (contributes.yamlValidation ?? []) as { fileMatch: string | string[]; url: string }[];
  const schemaFor = (path: string) => validation.find((v) => [v.fileMatch].flat().some((g) => picomatch(g)(path)))?.url;
  assert.equal(schemaFor('/work/repo/soc2.yaml'), './schemas/soc2.schema.json');
  // Controls files get their schema from the language server (completion, hover, the schema check) wherever
  // paths.controls puts them; a glob here would also claim an app's unrelated controls/ui.yaml.
  assert.equal(schemaFor('/work/repo/controls/access.yaml'), undefined);
  assert.equal(schemaFor('/work/app/src/controls/ui.yaml'), undefined);
  assert.equal(schemaFor('/work/repo/policies/access.md'), undefined);
  for (const p of [...Object.values(snippets) as string[], ...validation.map((v) => v.url)]) assert.ok(existsSync(join(ROOT, p)), p);
});
