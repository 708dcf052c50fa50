import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { currentBuild } from 'archsite/build-state';
import { editUrlOf } from '../pages/edit-links.ts';

/**
 * Starlight's route data for the pages it renders itself, the content's free pages
 * (`docs/`): their "Edit page" link is archsite's, made as every element page's is (see
 * pages/edit-links.ts), not Starlight's base URL joined to a path relative to the project.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  if (!route.entry.id.startsWith('docs/') || route.entry.data.editUrl === false) return;
  const { site } = currentBuild();
  const doc = site.model.byKind.doc.get(route.entry.id.slice('docs/'.length));
  const url = doc ? editUrlOf(site, doc.source.path) : undefined;
  route.editUrl = url ? new URL(url) : undefined;
});
