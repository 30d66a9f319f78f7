/**
 * Publishing from disk: revision histories from git on a temporary repository, the same bytes from two runs,
 * nothing written into the compliance repo, and the note outside git.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { commitFiles, git, initRepo, removeDir, tempDir, writeFiles } from '../git-helpers';
import { publishFolder } from '../../server/src/publish/publish';
import { brokenLinks, elementsOf, listFiles, readSite } from './site-helpers';

const TODAY = '2026-07-15';
const dirs: string[] = [];
after(() => dirs.forEach(removeDir));
function temp(): string { const d = tempDir('soc2-publish-'); dirs.push(d); return d; }

const CONFIG = 'organization: History Co\nreport: { type: 1 }\nscope: { categories: [security] }\n';
const CONTROLS = 'controls:\n  - id: AC-01\n    title: MFA\n    owner: ops@history.example\n    frequency: continuous\n    status: implemented\n    criteria: [CC6.1]\n    policies: [POL-AC]\n';
const policy = (fm: string, body: string) => `---\nid: POL-AC\ntitle: Access Control Policy\nowner: dana@history.example\napprover: sam@history.example\nversion: "1.0"\nreview_cycle: annual\ncriteria: [CC6.1]\ncontrols: [AC-01]\n${fm}---\n\n# Access Control Policy\n\n${body}\n`;
const BODY_1 = 'Every account uses multi-factor authentication (AC-01).';
const BODY_2 = 'Every account uses phishing-resistant multi-factor authentication (AC-01).';

/** A repo whose policy was drafted, approved (a metadata-only commit), changed, then re-dated. */
function historyRepo(): { dir: string; commits: Record<string, string> } {
  const dir = temp();
  initRepo(dir);
  const commits: Record<string, string> = {};
  commits.draft = commitFiles(dir, { 'soc2.yaml': CONFIG, 'controls/ac.yaml': CONTROLS, 'policies/access.md': policy('last_reviewed: 2026-01-10\n', BODY_1) }, '2026-01-10', 'First draft of the access policy');
  commits.approve = commitFiles(dir, { 'policies/access.md': policy('last_reviewed: 2026-02-01\napproved_on: 2026-02-01\n', BODY_1) }, '2026-02-01', 'Record approval');
  commits.change = commitFiles(dir, { 'policies/access.md': policy('last_reviewed: 2026-02-01\napproved_on: 2026-02-01\n', BODY_2) }, '2026-03-05', 'Require phishing-resistant factors');
  commits.redate = commitFiles(dir, { 'policies/access.md': policy('last_reviewed: 2026-04-01\napproved_on: 2026-02-01\n', BODY_2) }, '2026-04-01', 'Annual review');
  return { dir, commits };
}

test('the revision history lists each commit that changed the body, with date, author and subject, and the approved text', async () => {
  const { dir, commits } = historyRepo();
  const out = path.join(temp(), 'site');
  const result = await publishFolder(dir, TODAY, true, { out, toolVersion: 'test' });
  assert.equal(result.inGit, true);
  assert.equal(result.commit, commits.redate);
  const html = readFileSync(path.join(out, 'policy-pol-ac.html'), 'utf8');
  const els = elementsOf(html);
  const history = els.find((e) => e.tag === 'section' && e.attrs.class === 'history')!;
  const rows = els.filter((e) => e.tag === 'tr' && e.parent?.tag === 'tbody' && isWithin(e, history)).map((r) => els.filter((c) => c.tag === 'td' && c.parent === r).map((c) => c.text));
  assert.deepEqual(rows, [
    ['2026-01-10', 'Test', 'First draft of the access policy (approved text)', commits.draft.slice(0, 12)],
    ['2026-03-05', 'Test', 'Require phishing-resistant factors', commits.change.slice(0, 12)],
  ], 'metadata-only commits (approval, re-dating) are not revisions');
  assert.ok(history.text.includes(`is commit ${commits.approve}`), 'names the commit of the approved text');
  assert.ok(history.text.includes('has changed since then'));
  const status = els.find((e) => e.tag === 'th' && e.text === 'Status')!.parent!.text;
  assert.match(status, /changed since approval/);
  const index = readFileSync(path.join(out, 'index.html'), 'utf8');
  assert.match(elementsOf(index).filter((e) => e.tag === 'tbody').pop()!.text, /POL-ACAccess Control Policy1\.0dana@history\.examplesam@history\.example2026-02-012027-04-01changed since approval/);
  assert.deepEqual(brokenLinks(readSite(out)), []);
});

test('uncommitted edits are published and flagged; a new policy says it has no history yet', async () => {
  const { dir } = historyRepo();
  writeFiles(dir, { 'policies/access.md': policy('last_reviewed: 2026-04-01\napproved_on: 2026-02-01\n', `${BODY_2}\n\nA sentence not committed yet.`), 'policies/new.md': '---\nid: POL-NEW\ntitle: New\n---\n# New\n' });
  const out = path.join(temp(), 'site');
  await publishFolder(dir, TODAY, true, { out, toolVersion: 'test' });
  assert.match(readFileSync(path.join(out, 'policy-pol-ac.html'), 'utf8'), /changes that are not committed yet/);
  assert.match(readFileSync(path.join(out, 'policy-pol-new.html'), 'utf8'), /has not been committed yet/);
});

test('two runs on the same commit and date give byte-identical files; nothing is written into the repo', async () => {
  const { dir } = historyRepo();
  const before = listFiles(dir).filter((f) => !f.startsWith('.git/'));
  const a = path.join(temp(), 'a'), b = path.join(temp(), 'b');
  await publishFolder(dir, TODAY, true, { out: a, toolVersion: 'test' });
  await publishFolder(dir, TODAY, true, { out: b, toolVersion: 'test' });
  const fa = listFiles(a);
  assert.deepEqual(fa, listFiles(b));
  assert.ok(fa.length >= 6);
  for (const f of fa) assert.ok(readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))), `${f} differs between runs`);
  assert.deepEqual(listFiles(dir).filter((f) => !f.startsWith('.git/')), before, 'the compliance repo is untouched');
  assert.equal(git(dir, 'status', '--porcelain'), '');
  // A different date is a different site (statuses are as of --today), and says so.
  const c = path.join(temp(), 'c');
  await publishFolder(dir, '2027-06-01', true, { out: c, toolVersion: 'test' });
  assert.notEqual(readFileSync(path.join(c, 'index.html'), 'utf8'), readFileSync(path.join(a, 'index.html'), 'utf8'));
});

test('outside git the history is omitted and each page says so', async () => {
  const dir = temp();
  mkdirSync(path.join(dir, 'policies'), { recursive: true });
  writeFileSync(path.join(dir, 'soc2.yaml'), CONFIG);
  writeFileSync(path.join(dir, 'policies', 'access.md'), policy('approved_on: 2026-02-01\n', BODY_1));
  const out = path.join(temp(), 'site');
  const result = await publishFolder(dir, TODAY, true, { out, toolVersion: 'test' });
  assert.equal(result.inGit, false);
  const page = readFileSync(path.join(out, 'policy-pol-ac.html'), 'utf8');
  assert.match(page, /Not available: this site was published from a folder outside a git repository/);
  assert.doesNotMatch(page, /<th>Commit<\/th>/);
  assert.match(readFileSync(path.join(out, 'index.html'), 'utf8'), /Published outside a git repository/);
});

function isWithin(e: { parent?: unknown }, ancestor: unknown): boolean {
  for (let p = e.parent as { parent?: unknown } | undefined; p; p = p.parent as { parent?: unknown } | undefined) if (p === ancestor) return true;
  return false;
}
