import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface GitInfo {
  /** The repository's top folder. */
  readonly top: string;
  /** Last commit date of each file, by absolute path. */
  readonly dates: ReadonlyMap<string, Date>;
}

let cached: { dir: string; info: GitInfo | undefined } | undefined;

/**
 * Last-commit dates of every file under `dir`, from one `git log` run. Undefined when the
 * folder is not in a git repository (or git is missing): pages then show no date.
 * Uncommitted files have no date, so a build's output depends only on what is committed.
 */
export function gitInfo(dir: string): GitInfo | undefined {
  if (cached?.dir === dir) return cached.info;
  let info: GitInfo | undefined;
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const log = execFileSync('git', ['log', '--format=%x00%cI', '--name-only', '--no-renames', '--', '.'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const dates = new Map<string, Date>();
    let current: Date | undefined;
    for (const line of log.split('\n')) {
      if (line.startsWith('\0')) current = new Date(line.slice(1));
      else if (line && current) {
        const file = path.join(top, line);
        // Newest first: the first date seen for a file is its last change.
        if (!dates.has(file)) dates.set(file, current);
      }
    }
    info = { top, dates };
  } catch {
    info = undefined;
  }
  cached = { dir, info };
  return info;
}
