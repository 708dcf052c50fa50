import path from 'node:path';
import { todayOf } from '../model/reviews.ts';

/**
 * The user's settings of a build, read from the environment here and nowhere else: every
 * other file gets them from this object, through the `site` (see pages/site.ts) or the
 * integration's options.
 */
export interface Settings {
  /** The content folder (`ARCHSITE_CONTENT`, or `content/`), absolute. */
  readonly contentDir: string;
  /** The base path the site is published under (`ARCHSITE_BASE`), always ending with `/`. */
  readonly base: string;
  /** The site's own URL (`ARCHSITE_SITE`), for canonical links and the sitemap. */
  readonly site: string | undefined;
  /** Where rendered diagrams (and, in `pages/`, kept pages) live between builds (`ARCHSITE_CACHE_DIR`). */
  readonly cacheDir: string;
  /** The browser that renders diagrams (`ARCHSITE_CHROMIUM`): a path, `none`, or undefined to look for one. */
  readonly chromium: string | undefined;
  /** Put the content security policy into every page (`ARCHSITE_CSP_META=1`). */
  readonly cspMeta: boolean;
  /** Keep unchanged pages between builds (`ARCHSITE_PAGE_CACHE=0` turns it off). */
  readonly pageCache: boolean;
  /** How many pages render at once (`ARCHSITE_PAGE_CONCURRENCY`). */
  readonly pageConcurrency: number;
  /**
   * How many worker threads render pages beside the build's own (`ARCHSITE_PAGE_THREADS`):
   * undefined to size them from the cores and the pages (see astro/prerender/page-threads.ts).
   */
  readonly pageThreads: number | undefined;
  /** Put archsite's own reference (checks, content model, diagrams, security, performance) in the site (`ARCHSITE_REFERENCE=1`). */
  readonly reference: boolean;
  /** Put the authoring help page (`/help/`) in the site (`ARCHSITE_HELP=0` leaves it out). */
  readonly help: boolean;
  /** The day reviews fall due against, YYYY-MM-DD (`--today`; the clock's, in UTC, when unset). */
  readonly today: string;
  /** Astro's log level for builds (`ARCHSITE_LOG_LEVEL`). */
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

const LOG_LEVELS = new Set(['debug', 'info', 'warn', 'error', 'silent']);

/** The settings of a build run from `root` (the project), from an environment. */
export function readSettings(env: Readonly<Record<string, string | undefined>>, root: string, cwd = process.cwd()): Settings {
  const level = env.ARCHSITE_LOG_LEVEL ?? 'warn';
  return {
    contentDir: path.resolve(cwd, env.ARCHSITE_CONTENT || 'content'),
    base: (env.ARCHSITE_BASE || '/').replace(/\/?$/, '/'),
    site: env.ARCHSITE_SITE || undefined,
    cacheDir: path.resolve(cwd, env.ARCHSITE_CACHE_DIR || path.join(root, 'node_modules/.cache/archsite/diagrams')),
    chromium: env.ARCHSITE_CHROMIUM || undefined,
    cspMeta: env.ARCHSITE_CSP_META === '1',
    pageCache: env.ARCHSITE_PAGE_CACHE !== '0',
    pageConcurrency: Math.max(1, Number(env.ARCHSITE_PAGE_CONCURRENCY) || 4),
    pageThreads: threadCount(env.ARCHSITE_PAGE_THREADS),
    reference: env.ARCHSITE_REFERENCE === '1',
    help: env.ARCHSITE_HELP !== '0',
    today: todayOf(new Date()),
    logLevel: (LOG_LEVELS.has(level) ? level : 'warn') as Settings['logLevel'],
  };
}

/** A thread count as written (`0`, `3`), or undefined: unset or not a whole number. */
function threadCount(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}
