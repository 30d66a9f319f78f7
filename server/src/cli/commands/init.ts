import * as nodePath from 'node:path';
import { existsSync, statSync } from 'node:fs';
import type { Command } from '../command';
import { UsageError } from '../args';
import { onlyDir } from '../repo';
import { writeNewFiles } from '../write-new-files';
import { isIsoDate } from '../../engine/dates';
import { scaffold } from '../../scaffold/scaffold';
import { ignoreSoc2Folder } from '../../cache/folder';
import { DEFAULT_OWNER, defaultPeriod, parseCategories, parsePeriod } from '../../scaffold/options';
import { BUNDLED_TEMPLATES } from '../../scaffold/templates.generated';
import type { ScaffoldOptions } from '../../scaffold/types';
import { crosswalkTargets } from '../../frameworks/crosswalk';

const TEMPLATE_NAMES = BUNDLED_TEMPLATES.policies.map((t) => t.name);

/** Turns the command line into scaffold options; every mistake is a usage error (exit 2). */
function options(values: Map<string, string>, flags: Set<string>, dir: string, clockToday: string): ScaffoldOptions {
  const today = values.get('--today') ?? clockToday;
  if (!isIsoDate(today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${today}"`);
  const typeText = values.get('--type') ?? '2';
  if (typeText !== '1' && typeText !== '2') throw new UsageError(`--type must be 1 or 2, not "${typeText}"`);
  const reportType = typeText === '2' ? 2 : 1;
  const categories = parseCategories((values.get('--categories') ?? 'security').split(','));
  if (typeof categories === 'string') throw new UsageError(`--categories: ${categories}`);
  let period: ScaffoldOptions['period'];
  const periodText = values.get('--period');
  if (periodText !== undefined) {
    if (reportType !== 2) throw new UsageError('--period applies to Type 2 reports only (--type 2)');
    const p = parsePeriod(periodText);
    if (typeof p === 'string') throw new UsageError(`--period: ${p}`);
    period = p;
  } else if (reportType === 2) period = defaultPeriod(today);
  if (flags.has('--no-templates') && values.has('--templates')) throw new UsageError('--templates and --no-templates cannot be used together');
  let templates = TEMPLATE_NAMES;
  if (flags.has('--no-templates')) templates = [];
  else if (values.has('--templates')) {
    templates = values.get('--templates')!.split(',').map((t) => t.trim().replace(/\.md$/, '')).filter(Boolean);
    const unknown = templates.find((t) => !TEMPLATE_NAMES.includes(t));
    if (unknown) throw new UsageError(`--templates: no template named "${unknown}"; the templates are ${TEMPLATE_NAMES.join(', ')}`);
  }
  const organization = (values.get('--organization') ?? nodePath.basename(dir)).trim();
  if (!organization) throw new UsageError('--organization must not be empty');
  const owner = (values.get('--owner') ?? DEFAULT_OWNER).trim();
  if (!owner) throw new UsageError('--owner must not be empty');
  const frameworks = (values.get('--frameworks') ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  const known = crosswalkTargets();
  const unknownFramework = frameworks.find((f) => !known.includes(f));
  if (unknownFramework) throw new UsageError(`--frameworks: the control library maps ${known.join(', ')}; not "${unknownFramework}"`);
  return { organization, reportType, period, categories, owner, today, templates, frameworks: [...new Set(frameworks)] };
}

export const init: Command = {
  name: 'init',
  usage: 'soc2 init [dir] [--type 1|2] [--categories security,availability,...] [--period START..END] [--organization NAME] [--owner NAME] [--templates a,b | --no-templates] [--frameworks iso27001-2022,nist-csf-2.0] [--today YYYY-MM-DD]',
  summary: 'start a compliance repo: soc2.yaml, policy templates and the controls they name (planned); never overwrites a file',
  options: { values: ['--type', '--categories', '--period', '--organization', '--owner', '--templates', '--frameworks', '--today'], flags: ['--no-templates'] },
  async run(args, io) {
    const dirArg = onlyDir(args.positional) ?? '.';
    const dir = nodePath.resolve(io.cwd, dirArg);
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`${dirArg} exists and is not a folder`);
    const o = options(args.values, args.flags, dir, io.today());
    const files = scaffold(o);

    const { wrote, skipped, failed } = writeNewFiles(dir, files);

    const scope = `Type ${o.reportType}${o.period ? `, ${o.period.start}..${o.period.end}` : ''}; ${o.categories.join(', ')}`;
    io.stdout(`SOC 2 compliance repo for ${o.organization} in ${dirArg} (${scope})\n`);
    for (const f of wrote) io.stdout(`  wrote    ${f}\n`);
    for (const f of skipped) io.stdout(`  skipped  ${f} (already exists; left as it is)\n`);
    for (const f of failed) io.stderr(`soc2: could not write ${f}\n`);
    io.stdout(`${wrote.length} written, ${skipped.length} skipped${failed.length ? `, ${failed.length} failed` : ''}.\n`);
    // The cache folder (soc2 check --cache, the editor) must never be committed; it ignores itself.
    try {
      if (ignoreSoc2Folder(dir)) io.stdout('Git ignores .soc2/, where caches go (.soc2/.gitignore).\n');
    } catch (err) {
      io.stderr(`soc2: could not write .soc2/.gitignore (${(err as Error).message})\n`);
    }
    if (wrote.length) {
      const shown = dirArg === '.' ? '' : ` ${dirArg}`;
      io.stdout([
        '',
        'Next steps:',
        '  1. Check the scope in soc2.yaml, and replace the owner in each policy and control with a named person.',
        '  2. Rewrite each control\'s description to say what your team really does.',
        '  3. Set `status: implemented` on a control once it operates, and keep its evidence under evidence/.',
        `  4. Run \`soc2 check${shown}\`: until controls are implemented, every in-scope criterion is reported as unmapped.`,
        `  5. Run \`soc2 summary${shown}\` for the readiness summary.`,
        '',
      ].join('\n'));
    }
    return failed.length ? 1 : 0;
  },
};
