import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dueLabel, groupOf, groupTasks } from '../client/src/tasks-model';

test('the Tasks tree groups: overdue before today, this month through its last day, later after', () => {
  const today = '2026-07-15';
  assert.equal(groupOf({ due: '2026-07-14', overdue: true }, today), 'Overdue');
  assert.equal(groupOf({ due: '2026-07-15', overdue: false }, today), 'This month');
  assert.equal(groupOf({ due: '2026-07-31', overdue: false }, today), 'This month');
  assert.equal(groupOf({ due: '2026-08-01', overdue: false }, today), 'Later');
  const g = groupTasks([{ due: '2026-08-01', overdue: false }, { due: '2026-07-01', overdue: true }, { due: '2026-07-20', overdue: false }], today);
  assert.deepEqual([...g].map(([k, v]) => [k, v.length]), [['Overdue', 1], ['This month', 1], ['Later', 1]]);
  assert.deepEqual([dueLabel('2026-07-15', today), dueLabel('2026-07-16', today), dueLabel('2026-07-27', today), dueLabel('2026-07-14', today), dueLabel('2026-07-12', today)],
    ['due today', 'due in 1 day', 'due in 12 days', '1 day overdue', '3 days overdue']);
});
