import { runCli } from './main';
import { todayFromClock } from '../engine/dates';
import { neutralizeControls } from './terminal-safe';

runCli(process.argv.slice(2), { stdout: (s) => process.stdout.write(neutralizeControls(s)), stderr: (s) => process.stderr.write(neutralizeControls(s)), cwd: process.cwd(), today: todayFromClock })
  .then((code) => { process.exitCode = code; })
  .catch((err: unknown) => {
    process.stderr.write(`soc2: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 3;
  });
