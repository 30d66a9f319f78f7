import * as nodePath from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../args';
import { onlyDir, openRepo } from '../repo';
import { VERSION } from '../version';
import { DiskWorkspace } from '../../engine/disk-workspace';
import { publishProject } from '../../publish/publish';
import { CHROME_NAMES, findChrome, isExecutable } from '../../publish/pdf';

export const publish: Command = {
  name: 'publish',
  usage: 'soc2 publish [dir] --out DIR [--today YYYY-MM-DD] [--pdf] [--chrome PATH]',
  summary: 'write the policies as a static site (index, one page per policy with its revision history, control matrix, criteria, handbook); --pdf also prints them with a local Chromium',
  options: { values: ['--out', '--today', '--chrome'], flags: ['--pdf'] },
  async run(args, io) {
    const outArg = args.values.get('--out');
    if (!outArg?.trim()) throw new UsageError('--out DIR is required: the folder the site is written to (it is created if missing)');
    const chromeArg = args.values.get('--chrome');
    const wantPdf = args.flags.has('--pdf');
    if (chromeArg !== undefined && !wantPdf) throw new UsageError('--chrome names the browser --pdf prints with; add --pdf');
    let chrome: string | undefined;
    if (wantPdf) {
      chrome = chromeArg !== undefined ? nodePath.resolve(io.cwd, chromeArg) : findChrome();
      if (chromeArg !== undefined && !isExecutable(chrome!)) throw new UsageError(`--chrome ${chromeArg}: no executable file there`);
      if (!chrome) {
        io.stderr(`soc2: --pdf needs Chromium or Google Chrome, and none was found (looked for $CHROME_PATH, then ${CHROME_NAMES.join(', ')} on PATH). Install one, or name it with --chrome PATH. soc2 never downloads a browser.\n`);
        return 2;
      }
    }
    const repo = await openRepo(onlyDir(args.positional), args.values.get('--today'), io);
    const out = nodePath.resolve(io.cwd, outArg);
    if (!repo.git) io.stderr('soc2: info: not a git repository, so revision histories are omitted (each policy page says so)\n');
    try {
      const result = await publishProject(repo.project, new DiskWorkspace(repo.dir), repo.git, { out, toolVersion: VERSION, ...(chrome ? { chrome } : {}) });
      const pdfs = result.files.filter((f) => f.endsWith('.pdf')).length;
      io.stdout(`Published ${result.policies} ${result.policies === 1 ? 'policy' : 'policies'} to ${nodePath.relative(io.cwd, out) || '.'}${nodePath.sep}index.html (${result.files.length - pdfs} files${pdfs ? `, ${pdfs} PDFs` : ''}).\n`);
      return 0;
    } catch (err) {
      io.stderr(`soc2: publish failed: ${(err as Error).message}\n`);
      return 2;
    }
  },
};
