import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiskWorkspace } from '../../server/src/engine/disk-workspace';
import { MemoryWorkspace } from '../../server/src/engine/workspace';
import { loadProject } from '../../server/src/engine/load';
import { CliGit } from '../../server/src/git/cli-git';
import { bodyChangeAfter, policyBody, type GitHistory } from '../../server/src/engine/git-history';
import { baseRepo, edit, TODAY } from '../helpers';
import { commitFiles, git, initRepo, removeDir, tempDir, writeFiles } from '../git-helpers';
import { CHECKS } from '../../server/src/checks';

const POLICY = 'policies/access.md';
const approved = (files: Record<string, string>) => edit(files, POLICY, 'owner: alice@example.com\n', 'owner: alice@example.com\napprover: ceo@example.com\napproved_on: 2026-01-15\n');

async function run(dir: string, git?: GitHistory) {
  const { project } = await loadProject(new DiskWorkspace(dir), { checks: CHECKS, today: TODAY, git });
  return project.allDiagnostics().filter((d) => d.code === 'policy-changed-since-approval')
    .map((d) => ({ at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`, message: d.message, severity: d.severity }));
}

test('policy-changed-since-approval: front-matter-only commits after approval do not count; a body commit does', async () => {
  const dir = tempDir();
  try {
    initRepo(dir);
    const v1 = approved(baseRepo());
    commitFiles(dir, v1, '2026-01-10', 'approved text');
    // Same day as the approval: still the approved text.
    const v2 = edit(v1, POLICY, 'by each system owner', 'by each system owner and the security lead');
    commitFiles(dir, v2, '2026-01-15', 'last edit before approval');
    const v3 = edit(v2, POLICY, 'last_reviewed: 2026-03-01', 'last_reviewed: 2026-03-02');
    commitFiles(dir, v3, '2026-02-01', 'metadata only');
    assert.deepEqual(await run(dir, CliGit.open(dir)), []);

    const v4 = edit(v3, POLICY, 'Access is reviewed quarterly', 'Access is reviewed every quarter');
    const sha = commitFiles(dir, v4, '2026-03-05', 'reword the body');
    const v5 = edit(v4, POLICY, 'every quarter', 'every single quarter');
    commitFiles(dir, v5, '2026-04-01', 'another body change');
    assert.deepEqual(await run(dir, CliGit.open(dir)), [{
      at: 'policies/access.md:6:14', severity: 'warning',
      message: `The text of policy POL-AC changed after its approval on 2026-01-15 (commit ${sha.slice(0, 12)} on 2026-03-05); to an auditor it is unapproved until ceo@example.com approves the current text and \`approved_on\` is updated.`,
    }]);

    // Re-approving clears it.
    commitFiles(dir, edit(v5, POLICY, 'approved_on: 2026-01-15', 'approved_on: 2026-04-02'), '2026-04-02', 're-approved');
    assert.deepEqual(await run(dir, CliGit.open(dir)), []);
  } finally {
    removeDir(dir);
  }
});

test('policy-changed-since-approval follows renames and ignores uncommitted edits', async () => {
  const dir = tempDir();
  try {
    initRepo(dir);
    const v1 = approved(baseRepo());
    commitFiles(dir, v1, '2026-01-10');
    git(dir, 'mv', POLICY, 'policies/access-control.md');
    commitFiles(dir, {}, '2026-02-10', 'rename only');
    assert.deepEqual(await run(dir, CliGit.open(dir)), []);
    const moved = 'policies/access-control.md';
    const body = edit({ [moved]: v1[POLICY] }, moved, 'quarterly by', 'monthly by');
    writeFiles(dir, body);
    assert.deepEqual(await run(dir, CliGit.open(dir)), [], 'an edit not yet committed is not in the trail');
    commitFiles(dir, body, '2026-02-20', 'body change after the rename');
    assert.deepEqual((await run(dir, CliGit.open(dir))).map((f) => f.at), ['policies/access-control.md:6:14']);
  } finally {
    removeDir(dir);
  }
});

test('policy-changed-since-approval is off outside git, and git is asked once per policy, not per check run', async () => {
  const files = approved(baseRepo());
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY });
  assert.deepEqual(project.allDiagnostics().filter((d) => d.code === 'policy-changed-since-approval'), []);
  const dir = tempDir();
  try {
    assert.equal(CliGit.open(dir), undefined);
    let asked = 0;
    const counting: GitHistory = { bodyChangedSince: () => { asked++; return { changed: true, commit: 'abc', date: '2026-02-01' }; } };
    const loaded = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY, git: counting });
    loaded.project.allDiagnostics();
    loaded.project.setFile('controls/access.yaml', files['controls/access.yaml'] + '\n', 2);
    assert.equal(loaded.project.allDiagnostics().filter((d) => d.code === 'policy-changed-since-approval').length, 1);
    assert.equal(asked, 1);
  } finally {
    removeDir(dir);
  }
});

test('bodyChangeAfter and policyBody: the body is what counts, the approved version is the last on or before the date', () => {
  const fm = (reviewed: string, body: string) => `---\nid: P\nlast_reviewed: ${reviewed}\n---\n${body}`;
  assert.equal(policyBody(fm('2026-01-01', '\r\n# Title\r\nText.\r\n')), '# Title\nText.');
  const versions = [
    { commit: 'c3', date: '2026-03-01', text: fm('2026-03-01', 'New text.') },
    { commit: 'c2', date: '2026-02-01', text: fm('2026-02-01', 'Old text.') },
    { commit: 'c1', date: '2026-01-01', text: fm('2026-01-01', 'Old text.') },
  ];
  assert.deepEqual(bodyChangeAfter(versions, '2026-01-15'), { changed: true, commit: 'c3', date: '2026-03-01' });
  assert.deepEqual(bodyChangeAfter(versions, '2026-03-01'), { changed: false });
  // a file first committed after its approval date: its first version stands for the approved text
  assert.deepEqual(bodyChangeAfter(versions, '2025-12-01'), { changed: true, commit: 'c3', date: '2026-03-01' });
  assert.equal(bodyChangeAfter([], '2026-01-01'), undefined);
});

test('policy-changed-since-approval asks git once for all policies (issue 20, bug 11), in the CLI and off the main thread', async () => {
  const { gitCalls } = await import('../../server/src/git/cli-git');
  const dir = tempDir();
  try {
    initRepo(dir);
    const files = approved(baseRepo());
    for (const n of [1, 2, 3]) files[`policies/extra-${n}.md`] = files[POLICY].replace('id: POL-AC', `id: POL-X${n}`).replace('approved_on: 2026-01-15', `approved_on: 2026-01-1${n}`);
    commitFiles(dir, files, '2026-01-10', 'approved texts');
    const changed = edit(files, 'policies/extra-2.md', 'Access is reviewed quarterly', 'Access is reviewed every quarter');
    const sha = commitFiles(dir, changed, '2026-03-05', 'reword one policy');
    const expected = [['policies/extra-2.md', `commit ${sha.slice(0, 12)} on 2026-03-05`]];
    const found = (ds: { file: string; code: string; message: string }[]) => ds.filter((d) => d.code === 'policy-changed-since-approval').map((d) => [d.file, /commit \w+ on [\d-]+/.exec(d.message)![0]]);

    const cli = CliGit.open(dir)!;
    const before = gitCalls.count;
    const { project } = await loadProject(new DiskWorkspace(dir), { checks: CHECKS, today: TODAY, git: cli });
    assert.deepEqual(found(project.allDiagnostics()), expected);
    assert.equal(gitCalls.count - before, 2, 'one git log for the four policies, one cat-file for their texts');

    // The language server's way: the same answers, asked with git running in the background before any check.
    const server = CliGit.open(dir)!;
    const loaded = await loadProject(new DiskWorkspace(dir), { checks: CHECKS, today: TODAY, git: server });
    const start = gitCalls.count;
    await loaded.project.prefetchApprovals();
    assert.equal(gitCalls.count - start, 2);
    assert.deepEqual(found(loaded.project.allDiagnostics()), expected);
    assert.equal(gitCalls.count - start, 2, 'no synchronous git call once prefetched');
  } finally {
    removeDir(dir);
  }
});

/** The finding with a history that answers `change` for every policy, and how often it was asked. */
async function withHistory(files: Record<string, string>, change: { changed: boolean; commit?: string; date?: string } | undefined) {
  let asked = 0;
  const history: GitHistory = { bodyChangedSince: () => { asked++; return change; } };
  const { project } = await loadProject(new MemoryWorkspace(files), { checks: CHECKS, today: TODAY, git: history });
  const found = project.allDiagnostics().filter((d) => d.code === 'policy-changed-since-approval' || d.code === 'internal-error')
    .map((d) => ({ at: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1}`, code: d.code, message: d.message, data: d.data }));
  return { found, asked };
}

test('policy-changed-since-approval: the message names a 12-character commit, its day and the approver, and carries both in data', async () => {
  const sha = '0123456789abcdef0123456789abcdef01234567';
  assert.deepEqual(await withHistory(approved(baseRepo()), { changed: true, commit: sha, date: '2026-02-03' }), {
    asked: 1,
    found: [{
      at: 'policies/access.md:6:14-24', code: 'policy-changed-since-approval',
      message: 'The text of policy POL-AC changed after its approval on 2026-01-15 (commit 0123456789ab on 2026-02-03); to an auditor it is unapproved until ceo@example.com approves the current text and `approved_on` is updated.',
      data: { commit: sha, date: '2026-02-03' },
    }],
  });
});

test('policy-changed-since-approval: without a commit, a day or an approver the message still reads', async () => {
  const noApprover = edit(approved(baseRepo()), POLICY, 'approver: ceo@example.com\n', '');
  const { found } = await withHistory(noApprover, { changed: true });
  assert.deepEqual(found.map((f) => [f.at, f.message, f.data]), [[
    'policies/access.md:5:14-24',
    'The text of policy POL-AC changed after its approval on 2026-01-15 (a later commit); to an auditor it is unapproved until its approver approves the current text and `approved_on` is updated.',
    { commit: undefined, date: undefined },
  ]]);
});

test('policy-changed-since-approval is quiet when git says unchanged or does not know, and without approved_on', async () => {
  assert.deepEqual(await withHistory(approved(baseRepo()), { changed: false }), { found: [], asked: 1 });
  assert.deepEqual(await withHistory(approved(baseRepo()), undefined), { found: [], asked: 1 });
  assert.deepEqual(await withHistory(baseRepo(), { changed: true, commit: 'abc' }), { found: [], asked: 0 });
});

test('policy-changed-since-approval passes over a policy file with no front matter', async () => {
  const files = { ...approved(baseRepo()), 'policies/notes.md': '# Notes\n\nNo front matter here.\n' };
  assert.deepEqual((await withHistory(files, { changed: true, commit: 'abc' })).found.map((f) => f.at), ['policies/access.md:6:14-24']);
});
