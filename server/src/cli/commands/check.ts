import type { Command } from '../command';
import { UsageError } from '../args';
import { formatOption, onlyDir, openRepo } from '../repo';
import { snapshotAt } from '../base';
import { VERSION } from '../version';
import { CHECKS } from '../../checks';
import { computeSummary } from '../../engine/summary';
import { computeDelta, findingKey, type ReadinessDelta } from '../../engine/delta';
import { deltaJson, formatCheckJson, formatCheckText, formatDeltaText } from '../../report/check-output';
import { buildSarif } from '../../report/sarif';
import { CACHE_FLAGS, CACHE_USAGE, cacheOption } from '../cache-option';

export const check: Command = {
  name: 'check',
  usage: `soc2 check [dir] [--format text|json|sarif] [--today YYYY-MM-DD] [--max-warnings N] [--base <git-ref>] ${CACHE_USAGE}`,
  summary: 'run every check; exit 1 when any finding is an error, or warnings exceed --max-warnings; --base also reports what changed against a git revision; --cache keeps parsed files and results in .soc2/cache for the next run',
  options: { values: ['--format', '--today', '--max-warnings', '--base'], flags: CACHE_FLAGS },
  async run(args, io) {
    const format = formatOption(args, ['text', 'json', 'sarif']);
    const maxWarnings = parseMaxWarnings(args.values.get('--max-warnings'));
    const baseRef = args.values.get('--base');
    if (baseRef !== undefined && (!baseRef.trim() || baseRef.startsWith('-'))) throw new UsageError(`--base needs a git revision (a branch, tag or commit), not "${baseRef}"`);
    const repo = await openRepo(onlyDir(args.positional), args.values.get('--today'), io, { cache: cacheOption(args), diagnosticsOnly: baseRef === undefined });
    const { project, git } = repo;
    // With --cache and nothing changed since the cached run, its diagnostics stand and nothing was indexed.
    const diagnostics = repo.cache?.upToDate ?? project.allDiagnostics();
    // Said once, and only where a person reads: machine formats stay clean.
    if (!git && format === 'text') io.stderr('soc2: info: not a git repository, so policy-changed-since-approval is off\n');

    let delta: ReadinessDelta | undefined;
    if (baseRef !== undefined) {
      if (!git) throw new UsageError('--base needs the folder to be inside a git repository');
      const commit = git.resolve(baseRef);
      if (!commit) throw new UsageError(`--base: "${baseRef}" does not name a commit in this repository`);
      let base: Awaited<ReturnType<typeof snapshotAt>>;
      try {
        base = await snapshotAt(git, commit, repo.today);
      } catch (err) {
        io.stderr(`soc2: could not read ${baseRef} with git: ${(err as Error).message.split('\n')[0]}\n`);
        return 2;
      }
      if (!base.hasConfig) io.stderr(`soc2: info: ${baseRef} has no soc2.yaml in this folder; comparing against defaults\n`);
      delta = computeDelta(base, { summary: computeSummary(project, diagnostics), diagnostics }, baseRef);
    }

    if (format === 'json') io.stdout(formatCheckJson(diagnostics, delta ? { delta: deltaJson(delta) } : {}));
    else if (format === 'sarif') {
      const baseline = delta ? new Set(diagnostics.filter((d) => !delta!.added.includes(d)).map(findingKey)) : undefined;
      io.stdout(JSON.stringify(buildSarif(diagnostics, { checks: CHECKS, version: VERSION, uriPrefix: git?.prefix, baseline }), null, 2) + '\n');
    } else {
      io.stdout(formatCheckText(diagnostics));
      if (delta) io.stdout(formatDeltaText(delta));
    }

    repo.cache?.save(project);
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    if (maxWarnings !== undefined && warnings > maxWarnings) io.stderr(`soc2: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return diagnostics.some((d) => d.severity === 'error') || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0;
  },
};

function parseMaxWarnings(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number of 0 or more, not "${v}"`);
  return Number(v);
}
