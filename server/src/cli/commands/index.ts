import type { Command } from '../command';
import { check } from './check';
import { summary } from './summary';
import { checks } from './checks';
import { init } from './init';
import { exportCommand } from './export';
import { lazyCommand } from '../lazy-command';

/** Loaded when run: in the bundle, `./import` is dist/cli-import.js (scripts/build.mjs). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const importCommand = lazyCommand('import', () => (require('./import') as typeof import('./import')).importCommand);

/** Every CLI command. Adding one: a file in this folder, then a line here. */
export const COMMANDS: readonly Command[] = [check, summary, checks, init, exportCommand, importCommand];
