import type { Command } from './command';

/**
 * A command whose module is loaded only when it is used (run, or its usage shown). `soc2 import` carries
 * the Word, Excel and HTML converters, `soc2 publish` the HTML renderer: megabytes of code that every
 * `soc2 check` would otherwise compile at start-up. scripts/build.mjs puts each in a bundle of its own
 * beside dist/cli.js.
 */
export function lazyCommand(name: string, load: () => Command): Command {
  let loaded: Command | undefined;
  const get = () => (loaded ??= load());
  return {
    name,
    get usage() { return get().usage; },
    get summary() { return get().summary; },
    get options() { return get().options; },
    run: (args, io) => get().run(args, io),
  };
}
