import type { Command } from '../command';
import { check } from './check';
import { summary } from './summary';
import { checks } from './checks';
import { init } from './init';
import { exportCommand } from './export';
import { frameworks } from './frameworks';
import { lazyCommand } from '../lazy-command';

/** Loaded when run: in the bundle, `./import` is dist/cli-import.js and `./publish` dist/cli-publish.js (scripts/build.mjs). */
/* eslint-disable @typescript-eslint/no-require-imports */
const importCommand = lazyCommand('import', () => (require('./import') as typeof import('./import')).importCommand);
const publish = lazyCommand('publish', () => (require('./publish') as typeof import('./publish')).publish);
import { tasks } from './tasks';
import { brief } from './brief';

/** Every CLI command. Adding one: a file in this folder, then a line here. */
export const COMMANDS: readonly Command[] = [check, summary, checks, init, exportCommand, importCommand, publish, tasks, brief, frameworks];
