import type { Command } from '../command';
import { formatOption, onlyDir, openRepo } from '../repo';
import { VERSION } from '../version';
import { computeSummary } from '../../engine/summary';
import { formatSummaryMarkdown, formatSummaryText, summaryJson } from '../../report/summary-text';
import { formatSummaryHtml } from '../../report/summary-html';
import { formatEvidenceCsv } from '../../report/evidence-csv';
import { UsageError } from '../args';
import { estimateCrosswalk, crosswalkTargets } from '../../frameworks/crosswalk';
import { crosswalkJson, crosswalkMarkdown, crosswalkText } from '../../frameworks/crosswalk-format';
import { CACHE_FLAGS, CACHE_USAGE, cacheOption } from '../cache-option';

export const summary: Command = {
  name: 'summary',
  usage: `soc2 summary [dir] [--format text|markdown|json|html|evidence-csv] [--crosswalk iso27001-2022|nist-csf-2.0] [--today YYYY-MM-DD] ${CACHE_USAGE}`,
  summary: 'print the readiness summary (html: one self-contained file for the auditor; evidence-csv: the evidence request list; --crosswalk: how far another framework is)',
  options: { values: ['--format', '--today', '--crosswalk'], flags: CACHE_FLAGS },
  async run(args, io) {
    const format = formatOption(args, ['text', 'markdown', 'json', 'html', 'evidence-csv']);
    const { project, cache } = await openRepo(onlyDir(args.positional), args.values.get('--today'), io, { cache: cacheOption(args) });
    if (format === 'evidence-csv') { io.stdout(formatEvidenceCsv(project)); cache?.save(project); return 0; }
    const target = args.values.get('--crosswalk');
    if (target !== undefined) {
      const fw = project.frameworks.catalog.get(target);
      if (!fw || !crosswalkTargets().includes(fw.id)) throw new UsageError(`--crosswalk: the crosswalks are to ${crosswalkTargets().join(', ')}; not "${target}"`);
      if (format === 'html') throw new UsageError('--crosswalk prints text, markdown or json');
      const x = estimateCrosswalk(project, fw);
      io.stdout(format === 'json' ? JSON.stringify(crosswalkJson(x), null, 2) + '\n' : format === 'markdown' ? crosswalkMarkdown(x) : crosswalkText(x));
      cache?.save(project);
      return 0;
    }
    const s = computeSummary(project);
    const out = format === 'json' ? JSON.stringify(summaryJson(s), null, 2) + '\n'
      : format === 'markdown' ? formatSummaryMarkdown(s)
        : format === 'html' ? formatSummaryHtml(s, { version: VERSION })
          : formatSummaryText(s);
    io.stdout(out);
    cache?.save(project);
    return 0;
  },
};
