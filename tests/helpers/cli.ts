import { spawnSync } from 'node:child_process';
import { fixedClockEnv } from './clock';
import { built } from './workspace';

/** Runs the built command line as a user does, on the suite's clock; what it printed and its exit code. */
export function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [built.cliEntry, ...args], {
    encoding: 'utf8',
    env: fixedClockEnv(),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
