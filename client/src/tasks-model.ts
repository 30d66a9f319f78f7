/** The Tasks tree's grouping, kept free of `vscode` so it is tested in plain Node. */
import type { Task } from '../../server/src/people/tasks';

export type TaskGroup = 'Overdue' | 'This month' | 'Later';
export const TASK_GROUPS: readonly TaskGroup[] = ['Overdue', 'This month', 'Later'];

/** Overdue (before today), this month (due by the last day of today's month), later. */
export function groupOf(task: Pick<Task, 'due' | 'overdue'>, today: string): TaskGroup {
  if (task.overdue || task.due < today) return 'Overdue';
  return task.due.slice(0, 7) === today.slice(0, 7) ? 'This month' : 'Later';
}

export function groupTasks<T extends Pick<Task, 'due' | 'overdue'>>(tasks: readonly T[], today: string): Map<TaskGroup, T[]> {
  const out = new Map<TaskGroup, T[]>(TASK_GROUPS.map((g) => [g, []]));
  for (const t of tasks) out.get(groupOf(t, today))!.push(t);
  return out;
}

/** "in 12 days", "today", "3 days ago": the task's description in the tree. */
export function dueLabel(due: string, today: string): string {
  const days = Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days === 0) return 'due today';
  if (days > 0) return `due in ${days} day${days === 1 ? '' : 's'}`;
  return `${-days} day${days === -1 ? '' : 's'} overdue`;
}
