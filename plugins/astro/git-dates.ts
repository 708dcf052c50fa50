import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface GitInfo {
  /** The repository's top folder. */
  readonly top: string;
  /** Last commit date of each file, by absolute path. */
  readonly dates: ReadonlyMap<string, Date>;
  /** The branch checked out; undefined on a detached head (a CI checkout of a commit). */
  readonly branch?: string | undefined;
  /** The web address of the `origin` remote, where it is one (https, or GitHub-style `git@host:owner/repo`). */
  readonly repository?: string | undefined;
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
    info = {
      top,
      dates,
      branch: gitLine(dir, ['symbolic-ref', '--quiet', '--short', 'HEAD']),
      repository: webAddress(gitLine(dir, ['remote', 'get-url', 'origin'])),
    };
  } catch {
    info = undefined;
  }
  cached = { dir, info };
  return info;
}

/** One line of a git command's output, or undefined when it fails or prints nothing. */
function gitLine(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The web address of a remote: `https://github.com/acme/shop.git` and
 * `git@github.com:acme/shop.git` give `https://github.com/acme/shop`. Undefined for a remote
 * that is not on the web (a path, a file: URL) and for credentials in the address, which are
 * never published.
 */
export function webAddress(remote: string | undefined): string | undefined {
  if (!remote) return undefined;
  const scp = /^[\w.-]+@([\w.-]+):(?!\/)(.+?)(?:\.git)?\/?$/.exec(remote);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  let url: URL;
  try {
    url = new URL(remote);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'ssh:') return undefined;
  if (url.password || (url.username && url.protocol !== 'ssh:')) return undefined;
  const pathname = url.pathname.replace(/\.git\/?$/, '').replace(/\/+$/, '');
  return pathname ? `https://${url.hostname}${pathname}` : undefined;
}
