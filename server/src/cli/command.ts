import type { ParsedArgs } from './args';

export interface CliIO { stdout: (s: string) => void; stderr: (s: string) => void; cwd: string; /** The clock, for the default of --today. */ today: () => string }

/** One CLI command: its name, usage line, options and what it does. Returns the exit code. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  options: { values: readonly string[]; flags: readonly string[] };
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}
