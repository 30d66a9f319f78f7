import * as nodePath from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../args';
import { formatOption, onlyDir, openRepo } from '../repo';
import { writeNewFiles } from '../write-new-files';
import { allOwners, ownerBrief } from '../../people/brief';
import { briefHtml, briefMarkdown } from '../../report/brief-output';
import { toIso } from '../../engine/dates';

export const brief: Command = {
  name: 'brief',
  usage: 'soc2 brief [dir] (--owner WHO | --all --out DIR) [--format markdown|html] [--today YYYY-MM-DD]',
  summary: "an owner's briefing before fieldwork: their controls (what each is, how often, criteria, evidence expected and newest, what the auditor will ask, open findings), policies, risks and the next 90 days of tasks",
  options: { values: ['--owner', '--out', '--format', '--today'], flags: ['--all'] },
  async run(args, io) {
    const format = formatOption(args, ['markdown', 'html']);
    const owner = args.values.get('--owner');
    const all = args.flags.has('--all');
    if (!!owner === all) throw new UsageError('name one owner with --owner, or use --all with --out');
    if (all && !args.values.get('--out')) throw new UsageError('--all writes one file per owner: say where with --out DIR');
    if (owner !== undefined && !owner.trim()) throw new UsageError('--owner needs a name, email or roster id');
    const repo = await openRepo(onlyDir(args.positional), args.values.get('--today'), io);
    const { project } = repo;
    const diagnostics = project.allDiagnostics();
    const today = toIso(project.today);
    const render = (who: string) => { const b = ownerBrief(project, who, diagnostics); return format === 'html' ? briefHtml(b, today) : briefMarkdown(b, today); };
    if (owner) {
      const b = ownerBrief(project, owner, diagnostics);
      if (!b.controls.length && !b.policies.length && !b.risks.length && !b.tasks.length) io.stderr(`soc2: ${owner} owns nothing in this repo; check the spelling (owners: ${allOwners(project).join(', ')})\n`);
      io.stdout(format === 'html' ? briefHtml(b, today) : briefMarkdown(b, today));
      return 0;
    }
    const ext = format === 'html' ? 'html' : 'md';
    const files = new Map(allOwners(project).map((o) => [`brief-${o.toLowerCase().replace(/[^a-z0-9.@-]+/g, '-').replace(/^[-.]+/, '') || 'owner'}.${ext}`, render(o)]));
    const out = nodePath.resolve(io.cwd, args.values.get('--out')!);
    const { wrote, skipped, failed } = writeNewFiles(out, files);
    for (const f of wrote) io.stdout(`  wrote    ${f}\n`);
    for (const f of skipped) io.stdout(`  skipped  ${f} (already exists; left as it is)\n`);
    for (const f of failed) io.stderr(`soc2: could not write ${f}\n`);
    io.stdout(`${wrote.length} briefings written, ${skipped.length} skipped.\n`);
    return failed.length ? 1 : 0;
  },
};
