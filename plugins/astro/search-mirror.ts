import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from './files-under.ts';
import { linkOrCopy } from './link-or-copy.ts';
import { searchView } from './search-view.ts';

/**
 * Lays out the pages' search views in `mirror`, shaped like the output (`services/a/index.html`),
 * for pagefind to index as it would the output: the view the page cache kept, as a hard link
 * where it can be, or one made here from the page. `pages` are the output's HTML files.
 *
 * The folder is brought up to date rather than made anew: a view still linked there from the
 * last build stays (most of them, after an edit), the others are put in, and whatever no page
 * has any more is removed. At a thousand services, making the folder afresh and removing it
 * took a second of every rebuild. Each file is checked, not trusted: one left by a killed build,
 * or a copy, is replaced.
 */
export function layOutSearchViews(outDir: string, pages: readonly string[], views: ReadonlyMap<string, string>, mirror: string): void {
  const stale = new Set(existsSync(mirror) ? filesUnder(mirror) : []);
  for (const page of pages) {
    const target = path.join(mirror, path.relative(outDir, page));
    const had = stale.delete(target);
    const view = views.get(page);
    if (view !== undefined && existsSync(view)) {
      if (had && sameFile(view, target)) continue;
      if (had) rmSync(target, { force: true });
      else mkdirSync(path.dirname(target), { recursive: true });
      linkOrCopy(view, target);
    } else {
      if (!had) mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, searchView(readFileSync(page, 'utf8')));
    }
  }
  for (const file of stale) rmSync(file, { force: true });
  if (stale.size > 0) removeEmptyFolders(mirror);
}

function sameFile(a: string, b: string): boolean {
  const [x, y] = [statSync(a, { throwIfNoEntry: false }), statSync(b, { throwIfNoEntry: false })];
  return x !== undefined && y !== undefined && x.ino === y.ino && x.dev === y.dev;
}

/** Removes the folders under `dir` left empty, deepest first. */
function removeEmptyFolders(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(dir, entry.name);
    removeEmptyFolders(folder);
    if (readdirSync(folder).length === 0) rmdirSync(folder);
  }
}
