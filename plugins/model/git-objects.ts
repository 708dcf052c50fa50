import { execFileSync } from 'node:child_process';

/** Runs git in `cwd` and gives its output as text; throws when git fails (not a repository, an unknown revision). */
export function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['pipe', 'pipe', 'ignore'] });
}

/**
 * The contents of `names` (`<commit>:<path>`, or object ids), read through one
 * `git cat-file --batch`, as bytes. Its output is read as bytes: each header gives its
 * blob's size in bytes, so each blob is cut out where it is, whatever it holds. A name git
 * does not know is left out.
 */
export function gitBlobs(cwd: string, names: readonly string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (names.length === 0) return out;
  let data: Buffer;
  try {
    data = execFileSync('git', ['cat-file', '--batch'], {
      cwd,
      input: `${names.join('\n')}\n`,
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
  } catch {
    return out;
  }
  let at = 0;
  for (const name of names) {
    const end = data.indexOf(0x0a, at);
    if (end < 0) break;
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(data.toString('utf8', at, end))?.[1];
    at = end + 1;
    // A missing object has a header line and no body.
    if (size === undefined) continue;
    out.set(name, data.subarray(at, at + Number(size)));
    at += Number(size) + 1;
  }
  return out;
}
