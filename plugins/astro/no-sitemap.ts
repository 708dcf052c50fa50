import type { AstroIntegration } from 'astro';

/**
 * Stands in for `@astrojs/sitemap` when the site's own URL is unknown: Starlight adds the
 * sitemap integration unless one of that name is there, and that one warns on every build
 * that it cannot work without `site`. This says once, as information, how to get a sitemap.
 */
export function noSitemap(): AstroIntegration {
  return {
    name: '@astrojs/sitemap',
    hooks: {
      'astro:build:done': ({ logger }) => {
        logger.info('no sitemap: give system.yaml a `url` (or set ARCHSITE_SITE) to publish one');
      },
    },
  };
}
