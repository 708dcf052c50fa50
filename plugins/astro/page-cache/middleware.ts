import { defineMiddleware } from 'astro:middleware';
import { activePageCache, KEPT_PLACEHOLDER } from './page-cache.ts';
import { recordReads } from './recording-model.ts';

/**
 * Serves a page from the last build when nothing it read has changed; otherwise renders
 * it, recording what it reads. Only in builds, and only for HTML pages.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const cache = activePageCache();
  if (!cache || !context.isPrerendered) return next();
  const route = context.url.pathname;
  if (cache.reuse(route)) return new Response(KEPT_PLACEHOLDER, { headers: { 'content-type': 'text/html' } });
  const reads = cache.startPage(route);
  return recordReads(reads, async () => {
    const response = await next();
    if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) return response;
    // The page streams: it is still reading the model until its last byte.
    const html = await response.text();
    cache.keep(route, reads, html);
    return new Response(html, { status: response.status, headers: response.headers });
  });
});
