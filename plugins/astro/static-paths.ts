import { currentBuild } from 'archsite/build-state';
import type { ElementKind } from '../model/kinds.ts';

/**
 * What routes and collections need before any page renders, from the build's site (see
 * build-state.mjs): the only reads of the site outside a page.
 */

/**
 * The pages of a kind, for a route's `getStaticPaths`: one per element, by id. (Listing the
 * routes is the one read of the site outside a page: the page cache fingerprints which
 * element is which file, so a new or removed element renders every page again.)
 */
export function elementPaths(kind: ElementKind): { params: { id: string } }[] {
  return [...currentBuild().site.model.byKind[kind].keys()].map((id) => ({ params: { id } }));
}

/** The assets published under /files/, for that route's `getStaticPaths`. */
export function assetPaths(): { params: { path: string } }[] {
  return currentBuild().site.assets.map((asset) => ({ params: { path: asset } }));
}

/** The content folder of this build, for the content collections (src/content.config.ts). */
export function buildContentDir(): string {
  return currentBuild().site.model.contentDir;
}
