import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { baseRepo, edit } from './helpers';
import { commitFiles, initRepo, removeDir, tempDir, writeFiles } from './git-helpers';
import { errorsOf, schemaValidator } from './schema-formats';

const CLI = join(__dirname, '..', 'dist', 'cli.js');
function soc2(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The compliance repo lives in a subfolder, as it often does in a product repository. */
const SUB = 'compliance';
const inSub = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([p, c]) => [`${SUB}/${p}`, c]));

function scenario(): { dir: string } {
  const dir = tempDir();
  initRepo(dir);
  const base = {
    ...baseRepo(),
    'controls/change.yaml': 'id: CM-01\ntitle: Change approval\nfrequency: on-event\nstatus: implemented\ncriteria: [CC8.1]\nlast_reviewed: 2026-03-01\nevidence:\n  - name: PRs\n    collected: [2026-05-01]\n',
  };
  commitFiles(dir, inSub(base), '2026-06-01', 'base');
  // The "pull request": AC-01 is demoted to planned (CC6.1 loses its implemented control),
  // CM-01 gets an owner (a warning fixed), and a new control maps a criterion that does not exist (an error added).
  let head = edit(base, 'controls/access.yaml', 'status: implemented', 'status: planned');
  head = edit(head, 'controls/change.yaml', 'title: Change approval\n', 'title: Change approval\nowner: dev@example.com\n');
  head = { ...head, 'controls/new.yaml': 'id: NW-01\ntitle: New\nowner: x@example.com\nfrequency: annual\nstatus: planned\ncriteria: [CC6.9]\nlast_reviewed: 2026-03-01\n' };
  writeFiles(dir, inSub(head));
  return { dir };
}

test('check --base <ref> reports criteria newly uncovered and findings added and fixed, in text and JSON', () => {
  const { dir } = scenario();
  try {
    const json = soc2(dir, 'check', SUB, '--base', 'main', '--today', '2026-07-15', '--format', 'json');
    assert.equal(json.code, 1, json.err);
    const delta = JSON.parse(json.out).delta;
    assert.equal(delta.base, 'main');
    assert.deepEqual(delta.criteria, { newlyUncovered: [{ id: 'CC6.1', from: 'covered', to: 'gap' }], newlyCovered: [] });
    const brief = (list: { code: string; file: string; line: number }[]) => list.map((d) => `${d.code} ${d.file}:${d.line}`);
    assert.deepEqual(brief(delta.diagnostics.added), ['unknown-criterion controls/new.yaml:6', 'unmapped-criterion soc2.yaml:6']);
    assert.deepEqual(brief(delta.diagnostics.fixed), ['missing-owner controls/change.yaml:1']);
    assert.match(delta.diagnostics.added[1].message, /^CC6\.1 .* has no implemented or partial control; only planned: AC-01\.$/);
    assert.ok(delta.readiness.before > delta.readiness.after);

    const text = soc2(dir, 'check', SUB, '--base', 'main', '--today', '2026-07-15');
    assert.match(text.out, new RegExp(`^Changes against main: readiness ${delta.readiness.before}% → ${delta.readiness.after}%$`, 'm'));
    assert.match(text.out, /^ {2}criteria newly uncovered: CC6\.1 \(covered → gap\)$/m);
    assert.match(text.out, /^ {2}criteria newly covered: none$/m);
    assert.match(text.out, /^ {2}findings added: 2$/m);
    assert.match(text.out, /^ {4}controls\/new\.yaml:6:\d+ error CC6\.9 is not a Trust Services Criteria id/m);
    assert.match(text.out, /^ {2}findings fixed: 1$/m);
    assert.equal(text.err, '', 'inside git there is no info line');
  } finally {
    removeDir(dir);
  }
});

test('check --base with --format sarif marks results new or unchanged against the base', () => {
  const { dir } = scenario();
  try {
    const r = soc2(dir, 'check', SUB, '--base', 'HEAD', '--today', '2026-07-15', '--format', 'sarif');
    const log = JSON.parse(r.out);
    const validate = schemaValidator('sarif-schema-2.1.0.json');
    assert.equal(validate(log), true, errorsOf(validate));
    const state = (rule: string) => log.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === rule).map((x: { baselineState: string }) => x.baselineState);
    assert.deepEqual(state('unknown-criterion'), ['new']);
    assert.ok(state('unmapped-criterion').includes('new'));
    assert.ok(state('unmapped-criterion').includes('unchanged'));
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri.startsWith(`${SUB}/`), true);
  } finally {
    removeDir(dir);
  }
});

test('--base refuses refs that name no commit or look like options', () => {
  const { dir } = scenario();
  try {
    const missing = soc2(dir, 'check', SUB, '--base', 'no-such-branch');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /--base: "no-such-branch" does not name a commit in this repository/);
    const option = soc2(dir, 'check', SUB, '--base', '--output=/tmp/x');
    assert.equal(option.code, 2);
    assert.match(option.err, /--base needs a git revision/);
  } finally {
    removeDir(dir);
  }
});
