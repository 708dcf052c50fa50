import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isInside } from '../model/content-files.ts';
import { printable } from '../model/diagnostics.ts';
import { refusal } from './args.ts';

/**
 * The file every build writes into its output: a folder that holds it was written by
 * archsite, and the next build may replace it whole. Anything else is the user's.
 */
export const OUTPUT_MARKER = '_archsite/archsite-output.txt';
export const OUTPUT_MARKER_TEXT = 'This folder was written by `archsite build`. The next build replaces it whole.\n';
/** What outputs written before the marker existed carry: the policy file every build writes. */
const EARLIER_MARKER = '_archsite/content-security-policy.txt';

/**
 * The rules for `--out`, checked before anything is read or built. archsite replaces the
 * output folder whole, so it must be a folder archsite may lose:
 *
 * - a new folder, an empty one, or an earlier archsite output (it holds the marker file);
 *   any other folder only with `--force`;
 * - never a file, never a symbolic link (the link would be replaced by a folder; give the
 *   folder it points to), never inside the content folder, and never a folder that holds
 *   the content, the archsite project or the working directory, `--force` or not.
 */
export function checkOutDir(outDir: string, options: { contentDir: string; projectRoot: string; force: boolean }): string {
  const dist = path.resolve(outDir);
  const shown = shownPath(dist);
  let stat;
  try {
    stat = lstatSync(dist);
  } catch {
    // Does not exist yet: the build creates it.
  }
  if (stat?.isSymbolicLink())
    throw refusal(`--out ${shown} is a symbolic link; give the folder it points to (${realTarget(dist)}) instead`);
  if (stat && !stat.isDirectory()) throw refusal(`--out ${shown} is a file, not a folder`);
  const blocking = stat ? undefined : fileOnTheWay(dist);
  if (blocking) throw refusal(`cannot write --out ${shown}: ${shownPath(blocking)} is a file, not a folder`);

  // Compared where they really are: a link on the way must not hide that one holds the other.
  const real = realPath(dist);
  for (const [dir, what] of [
    [options.contentDir, 'the content folder'],
    [options.projectRoot, 'the archsite project'],
    [process.cwd(), 'the working directory'],
  ] as const) {
    if (isInside(real, realPath(dir))) throw refusal(`--out ${shown} would replace ${what}; choose a folder of its own`);
  }
  if (isInside(realPath(options.contentDir), real)) throw refusal(`--out ${shown} is inside the content folder; build the site outside it`);
  if (stat && !options.force && !isReplaceable(dist))
    throw refusal(
      `--out ${shown} holds files that archsite did not write; choose a new or empty folder, or add --force to replace it whole`,
    );
  return dist;
}

/** The nearest existing ancestor of a path that does not exist, when it is not a folder: the build could not create the path. */
function fileOnTheWay(p: string): string | undefined {
  for (let current = path.dirname(p); ; current = path.dirname(current)) {
    try {
      return statSync(current).isDirectory() ? undefined : current;
    } catch {
      if (path.dirname(current) === current) return undefined;
    }
  }
}

/** An empty folder, or one an earlier build wrote. */
function isReplaceable(dir: string): boolean {
  return readdirSync(dir).length === 0 || existsSync(path.join(dir, OUTPUT_MARKER)) || existsSync(path.join(dir, EARLIER_MARKER));
}

/** Where a path really is: its nearest existing ancestor resolved through links, then the rest. */
export function realPath(p: string): string {
  const rest: string[] = [];
  let current = path.resolve(p);
  for (;;) {
    try {
      return path.join(realpathSync(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.resolve(p);
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

function realTarget(link: string): string {
  try {
    return shownPath(realpathSync(link));
  } catch {
    return 'it is broken';
  }
}

/** A path as the user would name it: relative to the working directory when inside it, escaped for a terminal. */
export function shownPath(p: string): string {
  const relative = path.relative(process.cwd(), p);
  return printable(relative === '' ? '.' : relative.startsWith('..') ? p : relative);
}
