import { rmSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { filesUnder } from './files-under.ts';
import { layOutSearchViews } from './search-mirror.ts';

interface Logger {
  info(message: string): void;
  error(message: string): void;
}

/**
 * The pages' search views: by output file, the file of its search view; and a folder to lay
 * them out in, kept from one build to the next (the page cache's), or removed once indexed.
 */
export interface SearchViews {
  readonly files: ReadonlyMap<string, string>;
  readonly scratch: string;
  readonly keep: boolean;
}

/**
 * Builds the site's search index, as Starlight does (pagefind over every HTML file of the
 * output, written to `pagefind/`), but reading each page's search view (see
 * search-view.ts): the one the page cache kept, or made here. The views are put in a folder
 * shaped like the output (see search-mirror.ts), so pagefind sees the same files at the
 * same URLs.
 */
export async function buildSearchIndex(outDir: string, views: SearchViews, logger: Logger): Promise<void> {
  const started = performance.now();
  logger.info('Building search index with Pagefind...');
  const mirror = views.scratch;
  try {
    layOutSearchViews(outDir, htmlFiles(outDir), views.files, mirror);
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
    if (!views.keep) rmSync(mirror, { recursive: true, force: true });
  }
}

/** Every HTML file under `dir`, as pagefind finds them (its own output aside). */
function htmlFiles(dir: string): string[] {
  return filesUnder(dir).filter((file) => file.endsWith('.html') && !path.relative(dir, file).startsWith(`pagefind${path.sep}`));
}
