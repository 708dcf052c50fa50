import { currentBuild } from 'archsite/build-state';
import { KINDS, type ElementKind } from '../model/kinds.ts';

/**
 * What routes read of the build's site before any page renders (see build-state.mjs): with
 * the content collections' reads (collection-reads.ts), the only reads of the site outside a
 * page.
 */

/**
 * The pages of a kind, for a route's `getStaticPaths`: one per element, by id. (Listing the
 * routes is the one read of the site outside a page: the page cache fingerprints which
 * element is which file, so a new or removed element renders every page again.)
 */
export function elementPaths(kind: ElementKind): { params: { id: string } }[] {
  return [...currentBuild().site.model.byKind[kind].keys()].map((id) => ({ params: { id } }));
}

/** Every element page's plain-text version (`/<folder>/<id>/index.html.md`): docs pages aside, which are Markdown already. */
export function elementTextPaths(): { params: { kind: string; id: string }; props: { kind: ElementKind } }[] {
  const { model } = currentBuild().site;
  return KINDS.filter((info) => info.kind !== 'doc').flatMap((info) =>
    [...model.byKind[info.kind].keys()].map((id) => ({ params: { kind: info.folder, id }, props: { kind: info.kind } })),
  );
}

/** The assets published under /files/, for that route's `getStaticPaths`. */
export function assetPaths(): { params: { path: string } }[] {
  return currentBuild().site.assets.map((asset) => ({ params: { path: asset } }));
}
