// The fast test command Stryker runs once per mutant (npm run test:mutation): only the unit tests of the mutated
// modules (the checks, evidence, intervals, dates, review, summary), all in ONE process, so a run costs one tsx
// start-up instead of one per file. Exit code 1 on the first failing test file, as Stryker's command runner expects.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'test';
const files = [
  ...readdirSync(join(dir, 'checks')).filter((f) => f.endsWith('.test.ts')).map((f) => join(dir, 'checks', f)),
  ...['evidence.test.ts', 'readiness-rule.test.ts', 'summary-risks.test.ts', 'incremental.test.ts', 'evidence-root.test.ts', 'no-cascade.test.ts']
    .map((f) => join(dir, f)),
  ...(existsSync(join(dir, 'mutation')) ? readdirSync(join(dir, 'mutation')) : []).filter((f) => f.endsWith('.test.ts')).map((f) => join(dir, 'mutation', f)),
].filter((f) => !f.includes('policy-changed-since-approval')); // spawns git; its logic is the approvals module, not mutated here
const entry = files.map((f) => `await import(${JSON.stringify('./' + f)});`).join('\n');
const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', entry], { stdio: ['ignore', 'pipe', 'inherit'] });
const out = r.stdout.toString();
const failed = /^# fail [1-9]/m.test(out) || /^not ok /m.test(out) || r.status !== 0;
if (process.env.MUTATION_VERBOSE) process.stdout.write(out.split('\n').filter((l) => /^# (tests|pass|fail)/.test(l)).join('\n') + '\n');
if (failed) process.stdout.write(out.split('\n').filter((l) => /not ok|# fail/.test(l)).join('\n') + '\n');
process.exit(failed ? 1 : 0);
