import * as nodePath from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { DiskWorkspace } from '../engine/disk-workspace';
import { loadProject } from '../engine/load';
import { computeSummary } from '../engine/summary';
import { isIsoDate, todayFromClock } from '../engine/dates';
import { formatCheckJson, formatCheckText } from '../report/check-output';
import { formatSummaryMarkdown, formatSummaryText, summaryJson } from '../report/summary-text';
import { CHECKS } from '../checks';

export interface CliIO { stdout: (s: string) => void; stderr: (s: string) => void; cwd: string }

const USAGE = `soc2 — SOC 2 policies and controls as code

Usage:
  soc2 check   [dir] [--format text|json] [--today YYYY-MM-DD]
  soc2 summary [dir] [--format text|markdown|json] [--today YYYY-MM-DD]
  soc2 checks        list every check with its code, severity and meaning

dir defaults to the current folder and must hold a soc2.yaml.
Exit codes: 0 no errors, 1 error-severity findings, 2 usage error or no soc2.yaml.
`;

class UsageError extends Error {}

interface Parsed { command: string; dir: string; format?: string; today?: string; flags: Set<string>; values: Map<string, string> }

const VALUE_FLAGS = new Set(['--format', '--today', '--base', '--max-warnings', '--output']);

function parseArgs(argv: string[]): Parsed {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.split('=', 2) as [string, string | undefined];
      if (VALUE_FLAGS.has(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`${name} needs a value`);
        values.set(name, v);
      } else if (name === '--help' || name === '--version') flags.add(name);
      else throw new UsageError(`unknown option ${name}`);
    } else if (a === '-h') flags.add('--help');
    else positional.push(a);
  }
  const [command = '', dir = '.', ...rest] = positional;
  if (rest.length) throw new UsageError(`unexpected argument ${rest[0]}`);
  return { command, dir, format: values.get('--format'), today: values.get('--today'), flags, values };
}

/** Runs the CLI and returns its exit code; all output goes through `io`, so tests run it in-process. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let args: Parsed;
  try {
    args = parseArgs(argv);
  } catch (err) {
    io.stderr(`soc2: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.flags.has('--help') || args.command === 'help' || args.command === '') {
    (args.command === '' && !args.flags.has('--help') ? io.stderr : io.stdout)(USAGE);
    return args.command === '' && !args.flags.has('--help') ? 2 : 0;
  }
  if (args.flags.has('--version')) { io.stdout('0.1.0\n'); return 0; }
  if (args.command === 'checks') {
    for (const c of CHECKS) io.stdout(`${c.code.padEnd(24)}${c.severity.padEnd(9)}${c.doc}\n`);
    return 0;
  }
  const formats: Record<string, string[]> = { check: ['text', 'json'], summary: ['text', 'markdown', 'json'] };
  if (!formats[args.command]) { io.stderr(`soc2: unknown command "${args.command}"\n\n${USAGE}`); return 2; }
  const format = args.format ?? 'text';
  if (!formats[args.command].includes(format)) { io.stderr(`soc2: --format must be one of ${formats[args.command].join(', ')} for ${args.command}\n`); return 2; }
  const today = args.today ?? todayFromClock();
  if (!isIsoDate(today)) { io.stderr(`soc2: --today must be a date written YYYY-MM-DD, not "${today}"\n`); return 2; }
  const dir = nodePath.resolve(io.cwd, args.dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) { io.stderr(`soc2: ${args.dir} is not a folder\n`); return 2; }
  if (!existsSync(nodePath.join(dir, 'soc2.yaml'))) {
    io.stderr(`soc2: ${args.dir} has no soc2.yaml; create one (see README) or point at the folder that has it.\n`);
    return 2;
  }
  const { project, listProblems } = await loadProject(new DiskWorkspace(dir), { today });
  for (const p of listProblems) io.stderr(`soc2: could not list ${p.path} (${p.reason}); skipped\n`);
  const diagnostics = project.allDiagnostics();
  if (args.command === 'check') {
    io.stdout(format === 'json' ? formatCheckJson(diagnostics) : formatCheckText(diagnostics));
    return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  }
  const summary = computeSummary(project, diagnostics);
  io.stdout(format === 'json' ? JSON.stringify(summaryJson(summary), null, 2) + '\n' : format === 'markdown' ? formatSummaryMarkdown(summary) : formatSummaryText(summary));
  return 0;
}
