// Packages the extension from a staging folder that holds only what ships, so vsce does not walk
// node_modules, .cache (code-server for the e2e tests) or .bench before applying .vscodeignore.
import { cpSync, mkdirSync, rmSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '..');
const stage = join(root, '.cache', 'package-stage');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const item of ['package.json', 'README.md', 'LICENSE', '.vscodeignore', 'dist', 'schemas', 'snippets', 'client/walkthrough']) {
  const from = join(root, item);
  if (existsSync(from)) cpSync(from, join(stage, item), { recursive: true, filter: (p) => !p.endsWith('.map') });
}
// `files` in package.json is the npm package's whitelist; vsce refuses it beside .vscodeignore, which
// already says what the .vsix holds, so the staged manifest goes without it.
const manifest = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8'));
delete manifest.files;
writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const out = join(root, 'soc2-as-code.vsix');
const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], { cwd: stage, stdio: 'inherit' });
process.exit(r.status ?? 1);
