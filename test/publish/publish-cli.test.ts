/**
 * `soc2 publish` end to end, and path safety: policy ids that look like paths write nothing outside --out,
 * a link planted in the output folder is replaced rather than written through, and --pdf without a browser
 * says which option names one.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { removeDir, tempDir, writeFiles } from '../git-helpers';
import { siteFilePath, writeSite } from '../../server/src/publish/write';
import { policyPageNames } from '../../server/src/publish/names';
import { findChrome } from '../../server/src/publish/pdf';
import { brokenLinks, listFiles, readSite } from './site-helpers';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const dirs: string[] = [];
after(() => dirs.forEach(removeDir));
function temp(): string { const d = tempDir('soc2-publish-cli-'); dirs.push(d); return d; }
function soc2(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const HOSTILE_IDS = ['../../x', '..\\..\\y', '/etc/passwd', 'C:\\Windows\\z', 'CON', '.hidden', 'a/b/../../../w', '%2e%2e%2fv', 'é'.repeat(300), 'index', 'POL-1', 'pol-1'];

test('policy ids shaped like paths become plain page names inside --out, and nothing is written anywhere else', () => {
  const sandbox = temp();
  const repo = path.join(sandbox, 'repo');
  writeFiles(repo, {
    'soc2.yaml': 'organization: Path Co\nreport: { type: 1 }\nscope: { categories: [security] }\n',
    ...Object.fromEntries(HOSTILE_IDS.map((id, i) => [`policies/p${i}.md`, `---\nid: ${JSON.stringify(id)}\ntitle: Policy ${i}\n---\n# Policy ${i}\n\nText.\n`])),
  });
  const r = soc2(['publish', repo, '--out', path.join(sandbox, 'out'), '--today', '2026-07-15']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^Published 12 policies to .*index\.html \(17 files\)\.$/m);
  assert.deepEqual(listFiles(sandbox).filter((f) => !f.startsWith('repo/') && !f.startsWith('out/')), [], 'nothing beside repo/ and out/');
  const pages = listFiles(path.join(sandbox, 'out'));
  assert.equal(pages.filter((p) => p.startsWith('policy-')).length, HOSTILE_IDS.length, 'one page per policy, none overwritten');
  for (const p of pages) assert.match(p, /^[a-z0-9-]+\.(html|css)$/);
  assert.ok(pages.includes('policy-x.html') && pages.includes('policy-etc-passwd.html') && pages.includes('policy-pol-1.html') && pages.includes('policy-pol-1-2.html'));
  assert.ok(!existsSync(path.join(sandbox, 'x')) && !existsSync(path.join(sandbox, 'x.html')));
  assert.deepEqual(brokenLinks(readSite(path.join(sandbox, 'out'))), []);
});

test('page names are unique and safe whatever the ids', () => {
  const names = policyPageNames(['A', 'a', 'a', '', '../a', '\u0000', '<script>']);
  assert.deepEqual(names, ['policy-a.html', 'policy-a-2.html', 'policy-a-3.html', 'policy-untitled.html', 'policy-a-4.html', 'policy-untitled-2.html', 'policy-script.html']);
});

test('the writer refuses any name that could leave the output folder, and replaces a planted link instead of following it', () => {
  const sandbox = temp();
  const out = path.join(sandbox, 'out');
  for (const bad of ['../x.html', 'a/../../x.html', '/abs.html', 'pdf/../../x.pdf', '..', 'sub/x.html', 'x.sh', 'X.HTML']) {
    assert.throws(() => siteFilePath(out, bad), /refusing to write/, bad);
  }
  const victim = path.join(sandbox, 'victim.txt');
  writeFileSync(victim, 'keep me');
  mkdirSync(out);
  symlinkSync(victim, path.join(out, 'index.html'));
  writeSite(out, new Map([['index.html', '<!DOCTYPE html>']]));
  assert.equal(readFileSync(victim, 'utf8'), 'keep me');
  assert.equal(lstatSync(path.join(out, 'index.html')).isSymbolicLink(), false);
});

test('usage: --out is required, --chrome goes with --pdf, a named browser must exist', () => {
  const repo = path.join(__dirname, '..', '..', 'examples', 'acme-saas');
  const noOut = soc2(['publish', repo]);
  assert.equal(noOut.code, 2);
  assert.match(noOut.err, /--out DIR is required/);
  const chromeOnly = soc2(['publish', repo, '--out', path.join(temp(), 's'), '--chrome', '/bin/true']);
  assert.equal(chromeOnly.code, 2);
  assert.match(chromeOnly.err, /add --pdf/);
  const missing = soc2(['publish', repo, '--out', path.join(temp(), 's'), '--pdf', '--chrome', '/nonexistent/chromium']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /--chrome \/nonexistent\/chromium: no executable file there/);
  assert.match(soc2(['--help']).out, /soc2 publish \[dir\] --out DIR/);
});

test('--pdf without any browser exits 2 naming --chrome, before writing anything', { skip: findChrome({ PATH: '' }) !== undefined && 'a browser is installed at a fixed location here' }, () => {
  const out = path.join(temp(), 's');
  const r = soc2(['publish', path.join(__dirname, '..', '..', 'examples', 'acme-saas'), '--out', out, '--pdf'], { PATH: '', HOME: process.env.HOME });
  assert.equal(r.code, 2);
  assert.match(r.err, /--pdf needs Chromium or Google Chrome.*name it with --chrome PATH.*never downloads/);
  assert.equal(existsSync(out), false);
});
