import type { Command } from '../command';
import { check } from './check';
import { summary } from './summary';
import { checks } from './checks';
import { init } from './init';
import { exportCommand } from './export';
import { frameworks } from './frameworks';
import { publish } from './publish';
import { importCommand } from './import';
import { tasks } from './tasks';
import { brief } from './brief';

/** Every CLI command. Adding one: a file in this folder, then a line here. */
export const COMMANDS: readonly Command[] = [check, summary, checks, init, exportCommand, importCommand, publish, tasks, brief, frameworks];
