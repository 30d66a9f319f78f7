import * as nodePath from 'node:path';
import { existsSync } from 'node:fs';
import type { Command } from '../command';
import { UsageError } from '../args';
import { formatOption, openRepo } from '../repo';
import { FrameworkCatalog } from '../../catalog/framework-catalog';

/**
 * `soc2 frameworks [dir]` lists the built-in frameworks and the repo's own; `soc2 frameworks show ID [dir]`
 * lists one framework's requirements. Outside a compliance repo only the built-ins are listed.
 */
export const frameworks: Command = {
  name: 'frameworks',
  usage: 'soc2 frameworks [dir] [--format text|json]\n  soc2 frameworks show ID [dir] [--format text|json]',
  summary: 'list the frameworks controls can map (built-in and frameworks/*.yaml), or one framework\'s requirements',
  options: { values: ['--format', '--today'], flags: [] },
  async run(args, io) {
    const format = formatOption(args, ['text', 'json']);
    const show = args.positional[0] === 'show';
    const [id, dir, extra] = show ? args.positional.slice(1) : [undefined, ...args.positional];
    if (show && !id) throw new UsageError('say which framework: soc2 frameworks show ID [dir]');
    if (extra !== undefined) throw new UsageError(`unexpected argument ${extra}`);
    const root = nodePath.resolve(io.cwd, dir ?? '.');
    const catalog = existsSync(nodePath.join(root, 'soc2.yaml'))
      ? (await openRepo(dir, args.values.get('--today'), io)).project.frameworks.catalog
      : new FrameworkCatalog();
    if (!show) {
      const list = catalog.all().map((f) => ({ id: f.id, name: f.name, requirements: f.requirements.length, origin: f.origin }));
      if (format === 'json') io.stdout(JSON.stringify({ frameworks: list.map(({ id, name, requirements }) => ({ id, name, requirements })) }, null, 2) + '\n');
      else {
        const w = Math.max(...list.map((f) => f.id.length)) + 2;
        for (const f of list) io.stdout(`${f.id.padEnd(w)}${String(f.requirements).padStart(4)}  ${f.name}${f.origin === 'repo' ? ' (this repo)' : ''}\n`);
      }
      return 0;
    }
    const fw = catalog.get(id!);
    if (!fw) {
      const near = catalog.nearestFrameworks(id!);
      throw new UsageError(`no framework ${id}${near.length ? `; did you mean ${near.join(' or ')}?` : ''} (soc2 frameworks lists them)`);
    }
    if (format === 'json') {
      io.stdout(JSON.stringify({ id: fw.id, name: fw.name, requirements: fw.requirements.map((r) => ({ id: r.id, title: r.title, group: r.group })) }, null, 2) + '\n');
      return 0;
    }
    const groups = new Map(fw.groups.map((g) => [g.id, g]));
    io.stdout(`${fw.name} (${fw.id}): ${fw.requirements.length} requirements\n`);
    let last = '';
    const w = Math.max(...fw.requirements.map((r) => r.id.length)) + 2;
    for (const r of fw.requirements) {
      if (r.group !== last) {
        const g = groups.get(r.group);
        const parent = g?.parent ? groups.get(g.parent) : undefined;
        io.stdout(`\n${parent ? `${parent.name} / ` : ''}${g?.name ?? r.group}${g && g.name !== r.group ? ` (${r.group})` : ''}\n`);
        last = r.group;
      }
      io.stdout(`  ${r.id.padEnd(w)}${r.title}${r.summary ? ` — ${r.summary}` : ''}\n`);
    }
    return 0;
  },
};
