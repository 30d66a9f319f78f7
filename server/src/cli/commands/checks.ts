import type { Command } from '../command';
import { CHECKS } from '../../checks';

export const checks: Command = {
  name: 'checks',
  usage: 'soc2 checks',
  summary: 'list every check with its code, default severity and meaning',
  options: { values: [], flags: [] },
  async run(_args, io) {
    for (const c of CHECKS) io.stdout(`${c.code.padEnd(30)}${c.severity.padEnd(9)}${c.doc}\n`);
    return 0;
  },
};
