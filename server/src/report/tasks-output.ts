import type { Task } from '../people/tasks';
import { toCsv } from './evidence-csv';

export const TASK_COLUMNS = ['kind', 'id', 'title', 'owner', 'due', 'overdue', 'file', 'line'] as const;

export function tasksJson(tasks: readonly Task[]): string {
  return JSON.stringify({ tasks: tasks.map((t) => Object.fromEntries(TASK_COLUMNS.map((k) => [k, t[k]]))) }, null, 2) + '\n';
}

/** RFC 4180, formula-looking cells neutralised like the evidence list. */
export function tasksCsv(tasks: readonly Task[]): string {
  return toCsv([[...TASK_COLUMNS], ...tasks.map((t) => TASK_COLUMNS.map((k) => String(t[k])))]);
}

/** One line per task, soonest first, then a count: what an owner reads in a terminal. */
export function tasksText(tasks: readonly Task[]): string {
  if (!tasks.length) return 'No tasks.\n';
  const lines = tasks.map((t) => `${t.due}  ${t.overdue ? 'OVERDUE  ' : '         '}${t.kind.padEnd(15)} ${t.title} · ${t.owner} · ${t.file}:${t.line}`);
  const overdue = tasks.filter((t) => t.overdue).length;
  return `${lines.join('\n')}\n${tasks.length} task${tasks.length === 1 ? '' : 's'}, ${overdue} overdue.\n`;
}
