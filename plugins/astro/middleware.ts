import { defineMiddleware } from 'astro:middleware';
import { currentBuild } from 'archsite/build-state';
import { recordingSite } from './page-cache/recording-site.ts';

const KEPT_TYPES = /^text\/(html|markdown)\b/;
const UTF8 = new TextDecoder();

/**
 * Hands every page the build's site as `Astro.locals.site`. In a build with the page cache
 * (which keeps the pages unchanged since the last build before they get here, see
 * prerender/page-threads.ts), the page gets a recording view of the site, and what it read
 * is kept with it.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  // The first page waits for the diagrams (and the page cache); the state then published has them.
  await currentBuild().ready?.();
  const { site, pages: cache, clock } = currentBuild();
  clock?.reach('pages');
  context.locals.site = site;
  if (!cache || !context.isPrerendered) return next();
  const route = context.url.pathname;
  const reads = cache.startPage(route);
  context.locals.site = recordingSite(site, reads);
  const response = await next();
  // Pages, and their Markdown texts (`index.html.md`), are kept; other files read the whole site.
  if (response.status !== 200 || !KEPT_TYPES.test(response.headers.get('content-type') ?? '')) return response;
  // The page streams: it is still reading the site until its last byte. Its bytes are kept as they
  // came, and decoded once, for what the cache reads of it (never encoded again).
  const body = new Uint8Array(await response.arrayBuffer());
  // Stored: written there once, and linked into the output once the build is done (no body: Astro writes no file).
  if (cache.keep(route, reads, UTF8.decode(body), body)) return new Response(null, { status: response.status, headers: response.headers });
  return new Response(body, { status: response.status, headers: response.headers });
});
