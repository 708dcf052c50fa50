import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { editUrlOf } from '../pages/edit-links.ts';
import { lastUpdated } from '../pages/page-meta.ts';

/**
 * Starlight's route data for the pages it renders itself, the content's free pages (`docs/`),
 * made as every element page's is:
 *
 * - the date of the page's last commit, from the build's git dates (Starlight's own look for
 *   the project's `src/content/docs/`, which holds no page of the content);
 * - its "Edit page" link (see pages/edit-links.ts), not Starlight's base URL joined to a path
 *   relative to the project.
 *
 * Read through the page's own view of the site (`Astro.locals.site`, set by middleware.ts before
 * Starlight's), so that the page cache knows the page shows them.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  if (!route.entry.id.startsWith('docs/')) return;
  const { site } = context.locals;
  const doc = site.model.byKind.doc.get(route.entry.id.slice('docs/'.length));
  route.lastUpdated = doc ? lastUpdated(site, doc) : undefined;
  if (route.entry.data.editUrl === false) return;
  const url = doc ? editUrlOf(site, doc.source.path) : undefined;
  route.editUrl = url ? new URL(url) : undefined;
});
