import type { Command } from '../command';
import { formatOption, onlyDir, openRepo } from '../repo';
import { computeSummary } from '../../engine/summary';
import { formatSummaryMarkdown, formatSummaryText, summaryJson } from '../../report/summary-text';

export const summary: Command = {
  name: 'summary',
  usage: 'soc2 summary [dir] [--format text|markdown|json] [--today YYYY-MM-DD]',
  summary: 'print the readiness summary',
  options: { values: ['--format', '--today'], flags: [] },
  async run(args, io) {
    const format = formatOption(args, ['text', 'markdown', 'json']);
    const { project } = await openRepo(onlyDir(args.positional), args.values.get('--today'), io);
    const s = computeSummary(project);
    io.stdout(format === 'json' ? JSON.stringify(summaryJson(s), null, 2) + '\n' : format === 'markdown' ? formatSummaryMarkdown(s) : formatSummaryText(s));
    return 0;
  },
};
