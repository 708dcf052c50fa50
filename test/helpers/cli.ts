import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The archsite command line's entry. */
export const CLI = path.resolve(import.meta.dirname, '../../plugins/cli/main.js');

/** Runs `archsite check` the way `npm run check` does, in `cwd`, with no content folder from the environment. */
export function check(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, 'check', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ARCHSITE_CONTENT: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
