import * as nodePath from 'node:path';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { Command, CliIO } from '../command';
import { UsageError } from '../args';
import { openRepo } from '../repo';
import { writeNewFiles } from '../write-new-files';
import { isIsoDate } from '../../engine/dates';
import { formatCheckText } from '../../report/check-output';
import { parseCsv } from '../../util/csv';
import { importControlMatrix, parseColumnMap, type MatrixRow } from '../../import/control-matrix';
import { importComply } from '../../import/comply';
import { importDocx } from '../../import/docx';
import { formatReport, type ImportPlan } from '../../import/plan';
import { importedConfig } from '../../import/new-config';
import { readXlsxRows } from '../../import/xlsx';

const SOURCES = ['csv', 'docx', 'comply'] as const;
/** Largest source file read, like the engine's file limit: a matrix or policy is far smaller. */
const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

export const importCommand: Command = {
  name: 'import',
  usage: 'soc2 import csv FILE.csv|FILE.xlsx [dir] [--map field=Header,...] [--group-by COLUMN] | soc2 import docx FILE.docx... [dir] [--id POL-X] | soc2 import comply SOURCE_DIR [dir]; each with [--organization NAME] [--dry-run] [--today YYYY-MM-DD]',
  summary: 'bring a control matrix, Word policies or a comply project in; never overwrites; reports what it mapped, guessed and could not map, then checks the result',
  options: { values: ['--map', '--group-by', '--id', '--organization', '--today'], flags: ['--dry-run'] },
  async run(args, io) {
    const [source, ...rest] = args.positional;
    if (!SOURCES.includes(source as typeof SOURCES[number])) throw new UsageError(source ? `cannot import "${source}"; the sources are ${SOURCES.join(', ')}` : `say what to import: ${SOURCES.join(', ')}`);
    const today = args.values.get('--today') ?? io.today();
    if (!isIsoDate(today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${today}"`);
    for (const [flag, only] of [['--map', 'csv'], ['--group-by', 'csv'], ['--id', 'docx']] as const) {
      if (args.values.has(flag) && source !== only) throw new UsageError(`${flag} applies to soc2 import ${only} only`);
    }
    const organizationArg = args.values.get('--organization')?.trim() || undefined;
    let plan: ImportPlan, dirArg: string | undefined, organization = organizationArg;

    if (source === 'csv') {
      const [file, dir, extra] = rest;
      if (!file) throw new UsageError('name the control matrix: soc2 import csv FILE.csv|FILE.xlsx [dir]');
      if (extra) throw new UsageError(`unexpected argument ${extra}`);
      dirArg = dir;
      const map = parseColumnMap(args.values.get('--map'));
      if (typeof map === 'string') throw new UsageError(map);
      const bytes = readSource(io, file);
      let rows: MatrixRow[], source = nodePath.basename(file);
      if (/\.xlsx$/i.test(file)) {
        const book = await readXlsxRows(bytes).catch((err: Error) => { throw new UsageError(`${file} is not an .xlsx workbook we can read (${err.message.split('\n')[0]})`); });
        rows = book.rows;
        source = `${source}#${book.sheet}`;
      } else rows = parseCsv(new TextDecoder().decode(bytes));
      plan = importControlMatrix(rows, { source, map: args.values.get('--map'), groupBy: args.values.get('--group-by') });
    } else if (source === 'docx') {
      const files = rest.filter((p) => /\.docx$/i.test(p));
      const others = rest.filter((p) => !/\.docx$/i.test(p));
      if (!files.length) throw new UsageError('name one or more Word documents: soc2 import docx FILE.docx... [dir]');
      if (others.length > 1) throw new UsageError(`unexpected argument ${others[1]}`);
      if (args.values.has('--id') && files.length > 1) throw new UsageError('--id names one policy; import one document at a time to use it');
      dirArg = others[0];
      plan = await importDocx(files.map((f) => ({ name: nodePath.basename(f), bytes: readSource(io, f) })), { id: args.values.get('--id') });
    } else {
      const [from, dir, extra] = rest;
      if (!from) throw new UsageError('name the comply project folder: soc2 import comply SOURCE_DIR [dir]');
      if (extra) throw new UsageError(`unexpected argument ${extra}`);
      dirArg = dir;
      const root = nodePath.resolve(io.cwd, from);
      if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${from} is not a folder`);
      const result = importComply(readTree(root), { organization: organizationArg });
      plan = result; organization = result.organization ?? organizationArg;
    }

    const dir = nodePath.resolve(io.cwd, dirArg ?? '.');
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`${dirArg} exists and is not a folder`);
    if (!existsSync(nodePath.join(dir, 'soc2.yaml'))) {
      const org = organization ?? nodePath.basename(dir);
      const config = importedConfig(org, plan.criteria, today);
      plan.files = new Map([['soc2.yaml', config.text], ...plan.files]);
      plan.report.guessed.push({ source: source === 'comply' ? 'comply.yml' : '(none)', target: 'soc2.yaml', message: `new soc2.yaml: Type 1, categories ${config.categories.join(', ')}, organisation "${org}"${organization ? '' : ' (from the folder name; give --organization)'}` });
    }

    const shownDir = dirArg ?? '.';
    io.stdout(`soc2 import ${source} into ${shownDir}${args.flags.has('--dry-run') ? ' (dry run: nothing is written)' : ''}\n`);
    if (args.flags.has('--dry-run')) {
      for (const rel of plan.files.keys()) io.stdout(`  ${existsSync(nodePath.join(dir, ...rel.split('/'))) ? 'would skip ' : 'would write'} ${rel}\n`);
      io.stdout(`\n${formatReport(plan.report)}`);
      return 0;
    }
    const { wrote, skipped, failed } = writeNewFiles(dir, plan.files);
    for (const f of wrote) io.stdout(`  wrote    ${f}\n`);
    for (const f of skipped) io.stdout(`  skipped  ${f} (already exists; left as it is)\n`);
    for (const f of failed) io.stderr(`soc2: could not write ${f}\n`);
    io.stdout(`${wrote.length} written, ${skipped.length} skipped${failed.length ? `, ${failed.length} failed` : ''}.\n\n`);
    io.stdout(formatReport(plan.report));
    if (existsSync(nodePath.join(dir, 'soc2.yaml'))) {
      const repo = await openRepo(dir, today, { ...io, cwd: io.cwd });
      const diagnostics = repo.project.allDiagnostics();
      const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
      io.stdout(`\nsoc2 check ${shownDir}: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes\n`);
      io.stdout(formatCheckText(diagnostics));
    }
    return failed.length ? 1 : 0;
  },
};

function readSource(io: CliIO, file: string): Uint8Array {
  const path = nodePath.resolve(io.cwd, file);
  if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`${file} is not a file`);
  if (statSync(path).size > MAX_SOURCE_BYTES) throw new UsageError(`${file} is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MiB`);
  return readFileSync(path);
}

/** The text files of a comply project (Markdown and YAML), relative paths with forward slashes; hidden folders skipped. */
function readTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'output') continue;
      const path = nodePath.join(dir, entry.name), r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path, r);
      else if (entry.isFile() && /\.(md|ya?ml)$/i.test(entry.name) && statSync(path).size <= MAX_SOURCE_BYTES) files.set(r, readFileSync(path, 'utf8'));
    }
  };
  walk(root, '');
  return files;
}
