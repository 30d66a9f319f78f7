import type { Command } from '../command';
import { UsageError } from '../args';
import { VERSION } from '../version';
import { buildOscal } from '../../report/oscal';
import { formatOption, openRepo } from '../repo';
import { buildDescriptionDraft } from '../../description/draft';
import { formatDescriptionHtml, formatDescriptionMarkdown } from '../../report/description-draft';

const EXPORTS = ['oscal', 'description'];

export const exportCommand: Command = {
  name: 'export',
  usage: 'soc2 export oscal|description [dir] [--format markdown|html] [--today YYYY-MM-DD]',
  summary: 'print the controls as an OSCAL component-definition (JSON), or a draft system description (section III) to edit',
  options: { values: ['--today', '--format'], flags: [] },
  async run(args, io) {
    const [what, dir, extra] = args.positional;
    if (!what || !EXPORTS.includes(what)) throw new UsageError(what ? `cannot export "${what}"; exports are ${EXPORTS.join(' and ')}` : 'say what to export: soc2 export oscal|description [dir]');
    if (extra !== undefined) throw new UsageError(`unexpected argument ${extra}`);
    if (what === 'description') {
      const format = formatOption(args, ['markdown', 'html']);
      const { project } = await openRepo(dir, args.values.get('--today'), io);
      const draft = buildDescriptionDraft(project);
      io.stdout(format === 'html' ? formatDescriptionHtml(draft) : formatDescriptionMarkdown(draft));
      return 0;
    }
    if (args.values.has('--format')) throw new UsageError('--format applies to export description only');
    const { project, today } = await openRepo(dir, args.values.get('--today'), io);
    io.stdout(JSON.stringify(buildOscal(project, { today, toolVersion: VERSION }), null, 2) + '\n');
    return 0;
  },
};
