import type { Command } from '../command';
import { UsageError } from '../args';
import { formatOption, onlyDir, openRepo } from '../repo';
import { computeTasks } from '../../people/tasks';
import { tasksToIcs } from '../../people/ics';
import { tasksCsv, tasksJson, tasksText } from '../../report/tasks-output';
import { toIso } from '../../engine/dates';

export const tasks: Command = {
  name: 'tasks',
  usage: 'soc2 tasks [dir] [--owner WHO] [--within DAYS] [--format text|json|csv|ics] [--today YYYY-MM-DD]',
  summary: 'every dated obligation (reviews, evidence collections, remediation, acknowledgements, training, risk acceptances), soonest first; ics is a calendar to subscribe to',
  options: { values: ['--owner', '--within', '--format', '--today'], flags: [] },
  async run(args, io) {
    const format = formatOption(args, ['text', 'json', 'csv', 'ics']);
    const within = args.values.get('--within');
    if (within !== undefined && !/^\d+$/.test(within)) throw new UsageError(`--within needs a whole number of days, not "${within}"`);
    const owner = args.values.get('--owner');
    if (owner !== undefined && !owner.trim()) throw new UsageError('--owner needs a name, email or roster id');
    const { project } = await openRepo(onlyDir(args.positional), args.values.get('--today'), io);
    const list = computeTasks(project, { owner, withinDays: within === undefined ? undefined : Number(within) });
    io.stdout(format === 'json' ? tasksJson(list) : format === 'csv' ? tasksCsv(list)
      : format === 'ics' ? tasksToIcs(list, { today: toIso(project.today), organization: project.config.organization }) : tasksText(list));
    return 0;
  },
};
