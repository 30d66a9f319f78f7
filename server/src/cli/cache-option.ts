import { UsageError } from './args';

/** The flags of commands that can use the persistent cache (see server/src/cache). */
export const CACHE_FLAGS = ['--cache', '--no-cache'] as const;
export const CACHE_USAGE = '[--cache|--no-cache]';

/**
 * Off unless asked, as with eslint: a CI job or a pre-commit hook that wants it says --cache, and nothing is
 * ever written into a repo that did not ask. --no-cache is there to override an alias or a script.
 */
export function cacheOption(args: { flags: Set<string> }): boolean {
  const on = args.flags.has('--cache'), off = args.flags.has('--no-cache');
  if (on && off) throw new UsageError('--cache and --no-cache contradict each other; give one');
  return on;
}
