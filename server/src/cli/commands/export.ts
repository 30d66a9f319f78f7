import type { Command } from '../command';
import { UsageError } from '../args';
import { formatOption, openRepo } from '../repo';
import { VERSION } from '../version';
import { buildOscal } from '../../report/oscal';
import { buildFrameworkOscal } from '../../frameworks/oscal-framework';
import { buildSoa, soaCsv, soaHtml, soaMarkdown } from '../../frameworks/soa';
import { TSC_FRAMEWORK } from '../../catalog/tsc-framework';
import { buildDescriptionDraft } from '../../description/draft';
import { formatDescriptionHtml, formatDescriptionMarkdown } from '../../report/description-draft';

const EXPORTS = ['oscal', 'soa', 'description'];

export const exportCommand: Command = {
  name: 'export',
  usage: 'soc2 export oscal [dir] [--framework ID] [--today YYYY-MM-DD]\n  soc2 export soa [dir] [--framework iso27001-2022] [--format csv|markdown|html] [--today YYYY-MM-DD]\n  soc2 export description [dir] [--format markdown|html] [--today YYYY-MM-DD]',
  summary: 'print the controls as an OSCAL component-definition (JSON), the Statement of Applicability of a framework, or a draft system description (section III) to edit',
  options: { values: ['--today', '--framework', '--format'], flags: [] },
  async run(args, io) {
    const [what, dir, extra] = args.positional;
    if (!what || !EXPORTS.includes(what)) throw new UsageError(what ? `cannot export "${what}"; the exports are oscal, soa and description` : 'say what to export: soc2 export oscal|soa|description [dir]');
    if (extra !== undefined) throw new UsageError(`unexpected argument ${extra}`);
    if (what === 'description') {
      if (args.values.has('--framework')) throw new UsageError('--framework applies to soc2 export oscal and soa');
      const format = formatOption(args, ['markdown', 'html']);
      const { project } = await openRepo(dir, args.values.get('--today'), io);
      const draft = buildDescriptionDraft(project);
      io.stdout(format === 'html' ? formatDescriptionHtml(draft) : formatDescriptionMarkdown(draft));
      return 0;
    }
    const format = what === 'soa' ? formatOption(args, ['csv', 'markdown', 'html']) : undefined;
    if (what === 'oscal' && args.values.has('--format')) throw new UsageError('soc2 export oscal writes JSON only; --format applies to soc2 export soa and description');
    const { project, today } = await openRepo(dir, args.values.get('--today'), io);
    const frameworkId = args.values.get('--framework') ?? (what === 'soa' ? 'iso27001-2022' : TSC_FRAMEWORK.id);
    const catalog = project.frameworks.catalog;
    const framework = catalog.get(frameworkId);
    if (!framework) {
      const near = catalog.nearestFrameworks(frameworkId);
      throw new UsageError(`--framework: no framework ${frameworkId}${near.length ? `; did you mean ${near.join(' or ')}?` : ''} (soc2 frameworks lists them)`);
    }
    if (what === 'oscal') {
      const doc = framework.id === TSC_FRAMEWORK.id ? buildOscal(project, { today, toolVersion: VERSION }) : buildFrameworkOscal(project, framework, { today, toolVersion: VERSION });
      io.stdout(JSON.stringify(doc, null, 2) + '\n');
      return 0;
    }
    if (framework.id === TSC_FRAMEWORK.id) throw new UsageError('the Statement of Applicability is for ISO 27001 or another framework; SOC 2 scope is in soc2 summary');
    const soa = buildSoa(project, framework, today);
    io.stdout(format === 'markdown' ? soaMarkdown(soa) : format === 'html' ? soaHtml(soa, { version: VERSION }) : soaCsv(soa));
    return 0;
  },
};
