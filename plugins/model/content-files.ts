import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { compare, START, type Diagnostics } from './diagnostics.ts';

/** A file found in the content folder. */
export interface ContentFile {
  /** Absolute path. */
  readonly absolute: string;
  /** Path under the content folder, with `/` separators: `services/order-service.yaml`. */
  readonly relative: string;
  /** Path as diagnostics print it: relative to the working directory. */
  readonly display: string;
}

/** Where the content lives, and how its paths are printed. */
export interface ContentRoot {
  /** Absolute, real path of the content folder. */
  readonly dir: string;
  /** The directory diagnostics paths are relative to. */
  readonly cwd: string;
}

export function displayPath(root: ContentRoot, absolute: string): string {
  return path.relative(root.cwd, absolute).split(path.sep).join('/') || '.';
}

/** True when `target` is the folder `dir` or lies below it. */
export function isInside(dir: string, target: string): boolean {
  const rel = path.relative(dir, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Lists every file under the content folder, sorted by path so that nothing depends on
 * the file system's order. Symbolic links are followed only while they stay inside the
 * content folder; links that leave it, dangle or loop are reported and never read.
 * Hidden files and folders (`.git`, `.DS_Store`) and `node_modules` are skipped.
 */
export function listContentFiles(root: ContentRoot, diagnostics: Diagnostics): ContentFile[] {
  const files: ContentFile[] = [];
  const visitedDirs = new Set<string>([root.dir]);
  // An explicit stack instead of recursion: a deep tree cannot overflow it.
  const stack: string[] = [root.dir];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let names: string[];
    try {
      names = readdirSync(dir).sort(compare);
    } catch {
      diagnostics.report('unreadable-file', displayPath(root, dir), START, 'folder cannot be read');
      continue;
    }
    const subdirs: string[] = [];
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const absolute = path.join(dir, name);
      const display = displayPath(root, absolute);
      let stats = lstatSync(absolute);
      if (stats.isSymbolicLink()) {
        let real: string;
        try {
          real = realpathSync(absolute);
          stats = statSync(real);
        } catch (error) {
          const loop = (error as NodeJS.ErrnoException).code === 'ELOOP';
          diagnostics.report(
            'broken-symlink',
            display,
            START,
            loop ? 'symbolic link loops back on itself' : 'symbolic link points at nothing',
          );
          continue;
        }
        if (!isInside(root.dir, real)) {
          diagnostics.report('symlink-outside-content', display, START, 'symbolic link points outside the content folder; it is not read');
          continue;
        }
        if (stats.isDirectory()) {
          if (visitedDirs.has(real)) {
            diagnostics.report('broken-symlink', display, START, 'symbolic link loops back to a folder already read');
            continue;
          }
          visitedDirs.add(real);
        }
      }
      if (stats.isDirectory()) {
        subdirs.push(absolute);
      } else if (stats.isFile()) {
        files.push({
          absolute,
          relative: path.relative(root.dir, absolute).split(path.sep).join('/'),
          display,
        });
      }
    }
    // Push in reverse so folders are visited in name order.
    for (const sub of subdirs.reverse()) stack.push(sub);
  }
  return files.sort((a, b) => compare(a.relative, b.relative));
}
