import { execFileSync } from 'node:child_process';

/**
 * The top folder of the git repository archsite runs in (`edit-link` checks that the content
 * is inside it); undefined outside git, or without git.
 */
export function gitTop(dir: string): string | undefined {
  try {
    return (
      execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() ||
      undefined
    );
  } catch {
    return undefined;
  }
}
