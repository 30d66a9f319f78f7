import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, edit, findings } from '../helpers';
import { peopleRepo } from '../people-helpers';

const TRAINING = 'training:\n  - course: Security awareness\n    cycle: annual\n    within_days_of_start: 30\n';
const repo = (rows: string[], config = TRAINING) => ({ ...peopleRepo(config), 'training/lms.csv': ['person,course,date', ...rows].join('\n') + '\n' });

test('training-overdue: never taken past the starter window, or last taken more than a cycle ago', async () => {
  // alice took it 2025-07-01 (due again 2026-07-01: late); bob never took it (due 2025-05-31: late);
  // carol started 2026-07-01 (due 2026-07-31: not late); dan left.
  assert.deepEqual(await findings(repo(['alice,Security awareness,2025-07-01']), 'training-overdue'), [
    { at: 'people.yaml:2:9', severity: 'warning', message: 'Alice Moreau is past due for "Security awareness": due 2026-07-01 (14 days ago), last completed 2025-07-01.' },
    { at: 'people.yaml:8:9', severity: 'warning', message: 'Bob Lee is past due for "Security awareness": due 2025-05-31 (410 days ago), never completed.' },
  ]);
});

test('training-overdue is quiet when everyone is current, on the due date itself, and without required courses', async () => {
  assert.deepEqual(await findings(repo(['alice,Security awareness,2026-02-01', 'bob@example.com,security awareness,2026-03-01']), 'training-overdue'), []);
  assert.deepEqual(await findings(repo(['alice,Security awareness,2025-07-15', 'bob,Security awareness,2026-03-01']), 'training-overdue'), []);
  assert.deepEqual((await findings(repo(['alice,Security awareness,2025-07-14', 'bob,Security awareness,2026-03-01']), 'training-overdue')).map((x) => x.message), [
    'Alice Moreau is past due for "Security awareness": due 2026-07-14 (1 day ago), last completed 2025-07-14.',
  ]);
  assert.deepEqual(await findings(repo([], ''), 'training-overdue'), []);
});

test('training-overdue names a person without a name by their id', async () => {
  const files: Record<string, string> = repo(['alice,Security awareness,2026-02-01']);
  files['people.yaml'] = files['people.yaml'].replace('    name: Bob Lee\n', '');
  assert.deepEqual((await findings(files, 'training-overdue')).map((x) => [x.at, x.message]), [
    ['people.yaml:8:9', 'bob is past due for "Security awareness": due 2025-05-31 (410 days ago), never completed.'],
  ]);
});

test('training-overdue says nothing on a file too large to read', async () => {
  const files = edit((() => { const f: Record<string, string> = repo([]); f['people.yaml'] += '#' + 'x'.repeat(3000) + '\n'; return f; })(), 'soc2.yaml', 'scope:', 'limits:\n  max_file_bytes: 2000\nscope:');
  assert.deepEqual((await diagnose(files)).filter((d) => d.file === 'people.yaml').map((d) => d.code), ['file-too-large']);
});
