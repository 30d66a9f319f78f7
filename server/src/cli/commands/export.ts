import type { Command } from '../command';
import { UsageError } from '../args';
import { openRepo } from '../repo';
import { VERSION } from '../version';
import { buildOscal } from '../../report/oscal';

export const exportCommand: Command = {
  name: 'export',
  usage: 'soc2 export oscal [dir] [--today YYYY-MM-DD]',
  summary: 'print the controls as an OSCAL component-definition (JSON), for GRC tools that read OSCAL',
  options: { values: ['--today'], flags: [] },
  async run(args, io) {
    const [what, dir, extra] = args.positional;
    if (what !== 'oscal') throw new UsageError(what ? `cannot export "${what}"; the only export is oscal` : 'say what to export: soc2 export oscal [dir]');
    if (extra !== undefined) throw new UsageError(`unexpected argument ${extra}`);
    const { project, today } = await openRepo(dir, args.values.get('--today'), io);
    io.stdout(JSON.stringify(buildOscal(project, { today, toolVersion: VERSION }), null, 2) + '\n');
    return 0;
  },
};
