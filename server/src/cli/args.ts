/** A small, strict argument parser: unknown options are usage errors (exit 2), never ignored. */
/** Recognised by name, not class: commands bundled apart (lazy-command.ts) carry their own copy of the class. */
export class UsageError extends Error { override name = 'UsageError'; }
export function isUsageError(err: unknown): err is UsageError { return err instanceof Error && err.name === 'UsageError'; }

export interface ParsedArgs {
  command: string;
  positional: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

export interface OptionSpec { values: readonly string[]; flags: readonly string[] }

export function parseArgs(argv: string[], spec: OptionSpec): ParsedArgs {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h') { flags.add('--help'); continue; }
    if (!a.startsWith('--')) { positional.push(a); continue; }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (spec.values.includes(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      values.set(name, v);
    } else if (spec.flags.includes(name) || name === '--help') {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      flags.add(name);
    } else throw new UsageError(`unknown option ${name}`);
  }
  const [command = '', ...rest] = positional;
  return { command, positional: rest, values, flags };
}
