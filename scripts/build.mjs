// Bundles the CLI, the language server and the extension with esbuild (one file each, no runtime deps).
// The JSON Schema validators are compiled here, once, into ajv standalone code (see
// scripts/schema-standalone.ts), so no shipped process compiles a schema when it starts.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const formatsModule = join(root, 'server/src/engine/schema-formats.ts');

/** Runs scripts/schema-standalone.ts (bundled in memory, as the build has no TypeScript loader) for the code. */
async function standaloneSource() {
  const out = await build({ entryPoints: [join(root, 'scripts/schema-standalone.ts')], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning' });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(join(root, 'scripts/')));
  return mod.exports.standaloneValidators(formatsModule);
}
const validatorsSource = await standaloneSource();

const precompiledValidators = {
  name: 'precompiled-validators',
  setup(b) {
    b.onResolve({ filter: /\/schema-validators$/ }, (args) => ({ path: join(args.resolveDir, args.path).slice(root.length + 1) + '.precompiled.js', namespace: 'soc2-validators', pluginData: args.resolveDir }));
    b.onLoad({ filter: /.*/, namespace: 'soc2-validators' }, (args) => ({ contents: validatorsSource, loader: 'js', resolveDir: args.pluginData }));
  },
};

/**
 * The hash of every source the bundles are built from: the persistent cache (server/src/cache) keys its
 * models by it, so a build whose model shapes differ never reads another build's cache.
 */
function sourceHash() {
  const h = createHash('sha256');
  for (const dir of ['server/src', 'schemas']) {
    for (const f of readdirSync(join(root, dir), { recursive: true }).map(String).sort()) {
      if (/\.(ts|json)$/.test(f)) h.update(`${dir}/${f}\0`).update(readFileSync(join(root, dir, f)));
    }
  }
  return h.digest('hex').slice(0, 16);
}

/** In dist/cli.js, these commands are required from bundles of their own (see server/src/cli/lazy-command.ts). */
const APART = ['import', 'publish'];
const importApart = {
  name: 'commands-apart',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^\\./(${APART.join('|')})$`) }, (args) => (args.importer.endsWith(join('cli', 'commands', 'index.ts')) ? { path: `./cli-${args.path.slice(2)}.js`, external: true } : undefined));
  },
};

/** In dist/server-main.js, the Markdown renderer is required from a bundle of its own (see server/src/publish/policy-page.ts). */
const markdownApart = {
  name: 'markdown-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/markdown$/ }, (args) => (args.importer.endsWith(join('publish', 'policy-page.ts')) ? { path: './server-markdown.js', external: true } : undefined));
  },
};

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', legalComments: 'none', plugins: [precompiledValidators], define: { __SOC2_BUILD__: JSON.stringify(sourceHash()) } };
const entries = [
  // dist/cli.js and dist/server.js are launchers (written below) in front of these two bundles.
  { entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli-main.js', plugins: [precompiledValidators, importApart], minifyWhitespace: true, minifySyntax: true },
  // Run only by `soc2 import` and `soc2 publish`: minified, so splitting them out costs the .vsix nothing.
  { entryPoints: ['server/src/cli/commands/import.ts'], outfile: 'dist/cli-import.js', minify: true },
  { entryPoints: ['server/src/cli/commands/publish.ts'], outfile: 'dist/cli-publish.js', minify: true },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server-main.js', plugins: [precompiledValidators, markdownApart], minifyWhitespace: true, minifySyntax: true },
  // Run only for a publish preview: minified, as the CLI's command bundles are.
  { entryPoints: ['server/src/publish/markdown.ts'], outfile: 'dist/server-markdown.js', minify: true },
  { entryPoints: ['server/src/node/parse-worker.ts'], outfile: 'dist/parse-worker.js', minifyWhitespace: true, minifySyntax: true },
  // The extension host's side and the parse worker are minified too (names kept, for stack traces), so the
  // .vsix stays as small as before the import command moved to a bundle of its own.
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], minifyWhitespace: true, minifySyntax: true },
].filter((e) => existsSync(join(root, e.entryPoints[0])));
await Promise.all(entries.map((e) => build({ ...common, ...e, entryPoints: e.entryPoints.map((p) => join(root, p)), outfile: join(root, e.outfile) })));

/**
 * The launchers: `package.json` `bin` and the extension run dist/cli.js and dist/server.js, which load their
 * bundle through a compile cache where there is one (scripts/launcher.cjs says how and where). The CLI keeps
 * V8's code cache itself on Node < 22.1; the server, whose start is not on a hook's or CI's path, does not.
 */
const launcherTemplate = readFileSync(join(root, 'scripts/launcher.cjs'), 'utf8');
const launcher = (bundle, shebang, codeCache) => `${shebang ? '#!/usr/bin/env node\n' : ''}${launcherTemplate
  .replaceAll('__BUNDLE__', bundle).replaceAll('__BUILD__', sourceHash()).replaceAll('__CODE_CACHE__', String(codeCache))}`;
writeFileSync(join(root, 'dist/cli.js'), launcher('cli-main.js', true, true), { mode: 0o755 });
writeFileSync(join(root, 'dist/server.js'), launcher('server-main.js', false, false));
