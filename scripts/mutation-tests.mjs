// The test command Stryker runs once per mutant (npm run test:mutation). Only the unit tests of the mutated
// modules (the checks, evidence, intervals, dates, review, summary), all in ONE process, so a run costs one tsx
// start-up instead of one per file. With a mutant active, only the tests of the file that holds it run: Stryker's
// command runner cannot measure coverage, so without this every mutant would pay for every test.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Checks whose tests live beside their domain rather than in test/checks/<code>.test.ts.
const DESCRIPTION = ['test/vendors/description.test.ts'];
const FILE_PROBLEMS = ['test/robustness/bad-input.test.ts', 'test/robustness/workspace-faults.test.ts'];
const list = (d) => (existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.test.ts')).map((f) => join(d, f)) : []);
const ALL = [
  ...list('test/checks').filter((f) => !f.includes('policy-changed-since-approval')), // spawns git; not mutated here
  ...['evidence', 'readiness-rule', 'summary-risks', 'incremental', 'evidence-root', 'no-cascade'].map((n) => `test/${n}.test.ts`),
  ...DESCRIPTION, ...FILE_PROBLEMS,
  ...list('test/boundaries'),
];
// Always run: the boundary fixtures written for mutation testing, the clean repo (no check may fire on it) and
// the pinned check registry (every check's severity, scope and doc).
const MUTATION = [...list('test/boundaries'), 'test/checks/clean-repo.test.ts', 'test/checks/check-registry.test.ts'];
const checkTests = (...codes) => codes.map((c) => `test/checks/${c}.test.ts`);
const EVIDENCE = ['test/evidence.test.ts', 'test/evidence-root.test.ts', ...checkTests('evidence-stale', 'evidence-gap', 'evidence-missing', 'evidence-future-dated')];

/** Which tests can kill a mutant of each module; a check's own test file is found by its name. */
const TESTS_OF = {
  'server/src/engine/dates.ts': [...EVIDENCE, ...checkTests('stale-review', 'review-due-soon', 'risk-acceptance-expired', 'schema')],
  'server/src/engine/intervals.ts': [...checkTests('evidence-gap'), 'test/intervals.test.ts'],
  'server/src/engine/review.ts': checkTests('stale-review', 'review-due-soon', 'risk-acceptance-expired', 'evidence-stale'),
  'server/src/engine/readiness.ts': ['test/readiness-rule.test.ts', ...checkTests('unmapped-criterion')],
  'server/src/engine/evidence.ts': EVIDENCE,
  'server/src/engine/evidence-cache.ts': ['test/incremental.test.ts', ...EVIDENCE],
  'server/src/engine/summary.ts': ['test/readiness-rule.test.ts', 'test/summary-risks.test.ts', 'test/summary-figures.test.ts'],
  'server/src/checks/reviewable.ts': checkTests('stale-review', 'review-due-soon', 'missing-review-date'),
  'server/src/checks/problem-check.ts': [...checkTests('schema', 'yaml-syntax', 'frontmatter-syntax'), 'test/no-cascade.test.ts'],
  'server/src/checks/schema.ts': checkTests('schema'),
  'server/src/checks/description-exclusion-mismatch.ts': DESCRIPTION,
  'server/src/checks/description-missing-section.ts': DESCRIPTION,
  'server/src/checks/description-subservice-mismatch.ts': DESCRIPTION,
  'server/src/checks/encoding.ts': FILE_PROBLEMS,
  'server/src/checks/file-too-large.ts': FILE_PROBLEMS,
  'server/src/checks/file-unreadable.ts': FILE_PROBLEMS,
  'server/src/checks/owners.ts': checkTests('missing-owner', 'unknown-owner', 'owner-departed', 'policy-frequency-conflict'),
};

function mutantFiles() {
  const cache = '.stryker-mutant-files.json';
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8'));
  const map = {};
  const walk = (d) => readdirSync(d, { withFileTypes: true }).forEach((e) => {
    const p = join(d, e.name);
    if (e.isDirectory()) return walk(p);
    if (!p.endsWith('.ts')) return;
    for (const m of readFileSync(p, 'utf8').matchAll(/stryMutAct_\w+\("(\d+)"\)/g)) map[m[1]] = p;
  });
  walk('server/src');
  writeFileSync(`${cache}.${process.pid}`, JSON.stringify(map));
  renameSync(`${cache}.${process.pid}`, cache);
  return map;
}

function testsFor(mutant) {
  const file = mutantFiles()[mutant];
  if (!file) return ALL;
  const own = /^server\/src\/checks\/(.+)\.ts$/.exec(file);
  const picked = TESTS_OF[file] ?? (own ? checkTests(own[1]) : ALL);
  const chosen = [...new Set([...picked, ...MUTATION])].filter((f) => existsSync(f));
  return chosen.length > MUTATION.length ? chosen : ALL;
}

const active = process.env.__STRYKER_ACTIVE_MUTANT__;
const files = active ? testsFor(active) : ALL;
const entry = files.map((f) => `await import(${JSON.stringify('./' + f)});`).join('\n');
const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', entry], { stdio: ['ignore', 'pipe', 'inherit'] });
const out = r.stdout.toString();
const failed = /^# fail [1-9]/m.test(out) || /^not ok /m.test(out) || r.status !== 0;
if (process.env.MUTATION_VERBOSE) process.stdout.write(`${files.length} files\n` + out.split('\n').filter((l) => /^# (tests|pass|fail)/.test(l)).join('\n') + '\n');
if (failed) process.stdout.write(out.split('\n').filter((l) => /not ok|# fail/.test(l)).join('\n') + '\n');
process.exit(failed ? 1 : 0);
