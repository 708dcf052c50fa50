import { currentBuild } from 'archsite/build-state';
import type { ElementKind } from '../model/kinds.ts';

/**
 * The pages of a kind, for a route's `getStaticPaths`: one per element, by id. (Listing the
 * routes is the one read of the site outside a page: the page cache fingerprints which
 * element is which file, so a new or removed element renders every page again.)
 */
export function elementPaths(kind: ElementKind): { params: { id: string } }[] {
  return [...currentBuild().site.model.byKind[kind].keys()].map((id) => ({ params: { id } }));
}
