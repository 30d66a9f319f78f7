import { isUsageError, parseArgs } from './args';
import type { CliIO } from './command';
import { COMMANDS } from './commands';

export type { CliIO };

import { VERSION } from './version';

export { VERSION };

function usage(): string {
  return `soc2 ${VERSION}: SOC 2 policies and controls as code

Usage:
${COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`).join('\n')}

dir defaults to the current folder. --today sets the date checks measure against (default: the clock).
Exit codes: 0 no errors, 1 error-severity findings (or more warnings than --max-warnings), 2 usage error or no soc2.yaml.
`;
}

/** Runs the CLI and returns its exit code; all output goes through `io`, so tests run it in-process. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const name = argv.find((a) => !a.startsWith('-')) ?? '';
  if (argv.includes('--version')) { io.stdout(`${VERSION}\n`); return 0; }
  if (!name || name === 'help') {
    const asked = argv.includes('--help') || argv.includes('-h') || name === 'help';
    (asked ? io.stdout : io.stderr)(usage());
    return asked ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) { io.stderr(`soc2: unknown command "${name}"\n\n${usage()}`); return 2; }
  try {
    const args = parseArgs(argv, command.options);
    if (args.flags.has('--help')) { io.stdout(`Usage: ${command.usage}\n  ${command.summary}\n`); return 0; }
    return await command.run(args, io);
  } catch (err) {
    if (isUsageError(err)) { io.stderr(`soc2: ${err.message}\nUsage: ${command.usage}\n`); return 2; }
    throw err;
  }
}
