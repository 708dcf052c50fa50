import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { linkOrCopy } from './link-or-copy.ts';
import { searchView } from './search-view.ts';

interface Logger {
  info(message: string): void;
  error(message: string): void;
}

/** The pages' search views: by output file, the file of its search view; and a folder to lay them out in. */
export interface SearchViews {
  readonly files: ReadonlyMap<string, string>;
  readonly scratch: string;
}

/**
 * Builds the site's search index, as Starlight does (pagefind over every HTML file of the
 * output, written to `pagefind/`), but reading each page's search view (see
 * search-view.ts): the one the page cache kept, or made here. The views are put in a folder
 * shaped like the output, as hard links where they can be, so pagefind sees the same files
 * at the same URLs.
 */
export async function buildSearchIndex(outDir: string, views: SearchViews, logger: Logger): Promise<void> {
  const started = performance.now();
  logger.info('Building search index with Pagefind...');
  // Replaced whole: what a killed build left there goes too.
  const mirror = views.scratch;
  rmSync(mirror, { recursive: true, force: true });
  try {
    for (const file of htmlFiles(outDir)) {
      const target = path.join(mirror, path.relative(outDir, file));
      mkdirSync(path.dirname(target), { recursive: true });
      const view = views.files.get(file);
      if (view !== undefined && existsSync(view)) linkOrCopy(view, target);
      else writeFileSync(target, searchView(readFileSync(file, 'utf8')));
    }
    const { index, errors } = await pagefind.createIndex();
    if (!index) throw new Error(errors.join('\n'));
    const added = await index.addDirectory({ path: mirror });
    if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
    logger.info(`Found ${added.page_count} HTML files.`);
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    const ms = performance.now() - started;
    logger.info(`Finished building search index in ${ms < 750 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(2)}s`}.`);
  } catch (cause) {
    logger.error(`Pagefind error: ${cause instanceof Error ? cause.message : String(cause)}`);
    throw new Error('Failed to run Pagefind.', { cause });
  } finally {
    await pagefind.close();
    rmSync(mirror, { recursive: true, force: true });
  }
}

/** Every HTML file under `dir`, as pagefind finds them (its own output aside). */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(dir, file).startsWith(`pagefind${path.sep}`))
    .sort();
}
