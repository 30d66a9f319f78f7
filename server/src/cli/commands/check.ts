import type { Command } from '../command';
import { formatOption, onlyDir, openRepo } from '../repo';
import { formatCheckJson, formatCheckText } from '../../report/check-output';

export const check: Command = {
  name: 'check',
  usage: 'soc2 check [dir] [--format text|json] [--today YYYY-MM-DD]',
  summary: 'run every check; exit 1 when any finding is an error',
  options: { values: ['--format', '--today'], flags: [] },
  async run(args, io) {
    const format = formatOption(args, ['text', 'json']);
    const { project } = await openRepo(onlyDir(args.positional), args.values.get('--today'), io);
    const diagnostics = project.allDiagnostics();
    io.stdout(format === 'json' ? formatCheckJson(diagnostics) : formatCheckText(diagnostics));
    return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  },
};
