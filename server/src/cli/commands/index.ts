import type { Command } from '../command';
import { check } from './check';
import { summary } from './summary';
import { checks } from './checks';
import { init } from './init';
import { exportCommand } from './export';
import { importCommand } from './import';

/** Every CLI command. Adding one: a file in this folder, then a line here. */
export const COMMANDS: readonly Command[] = [check, summary, checks, init, exportCommand, importCommand];
