import type { Command } from '../command';
import { formatOption, onlyDir, openRepo } from '../repo';
import { VERSION } from '../version';
import { computeSummary } from '../../engine/summary';
import { formatSummaryMarkdown, formatSummaryText, summaryJson } from '../../report/summary-text';
import { formatSummaryHtml } from '../../report/summary-html';
import { formatEvidenceCsv } from '../../report/evidence-csv';

export const summary: Command = {
  name: 'summary',
  usage: 'soc2 summary [dir] [--format text|markdown|json|html|evidence-csv] [--today YYYY-MM-DD]',
  summary: 'print the readiness summary (html: one self-contained file for the auditor; evidence-csv: the evidence request list)',
  options: { values: ['--format', '--today'], flags: [] },
  async run(args, io) {
    const format = formatOption(args, ['text', 'markdown', 'json', 'html', 'evidence-csv']);
    const { project } = await openRepo(onlyDir(args.positional), args.values.get('--today'), io);
    if (format === 'evidence-csv') { io.stdout(formatEvidenceCsv(project)); return 0; }
    const s = computeSummary(project);
    const out = format === 'json' ? JSON.stringify(summaryJson(s), null, 2) + '\n'
      : format === 'markdown' ? formatSummaryMarkdown(s)
        : format === 'html' ? formatSummaryHtml(s, { version: VERSION })
          : formatSummaryText(s);
    io.stdout(out);
    return 0;
  },
};
