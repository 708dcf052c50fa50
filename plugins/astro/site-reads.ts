import { currentBuild, onPublish } from 'archsite/build-state';
import path from 'node:path';
import { KINDS, type ElementKind } from '../model/kinds.ts';
import { DOCS_INDEX } from '../model/routes.ts';

/**
 * What routes and collections read of the build's site before any page renders (see
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

/** The content folder of this build, for the content collections (src/content.config.ts). */
export function buildContentDir(): string {
  return currentBuild().site.model.contentDir;
}

/**
 * The Markdown prose of the elements (docs/ aside, which Starlight reads as pages; docs/index.md
 * included), as the model read it, for the body collection: not read from disk again. With
 * what else their rendering depends on (the base, how diagrams are drawn, which file is
 * which element's page), so that a change there renders them again.
 */
export function markdownBodies(): { readonly bodies: { path: string; text: string; file: string }[]; readonly context: string } {
  const { site } = currentBuild();
  const { model } = site;
  const bodies = model.elements.flatMap((el) =>
    el.body && el.source.path.endsWith('.md') && (el.kind !== 'doc' || el.id === DOCS_INDEX)
      ? [{ path: el.source.path, text: el.body.text, file: path.join(model.contentDir, el.source.path) }]
      : [],
  );
  const context = JSON.stringify([site.base, site.diagrams.mode, model.elements.map((el) => `${el.kind}:${el.id}:${el.source.path}`)]);
  return { bodies, context };
}

/** Whether any element outside docs/ (or docs/index.mdx) is written in MDX: only then is there an MDX collection to read. */
/** Whether the content has pages in docs/ (docs/index.md is the docs landing page, not one of them). */
export function hasDocPages(): boolean {
  return [...currentBuild().site.model.byKind.doc.keys()].some((id) => id !== DOCS_INDEX);
}

export function hasMdxBodies(): boolean {
  return currentBuild().site.model.elements.some((el) => el.source.path.endsWith('.mdx') && (el.kind !== 'doc' || el.id === DOCS_INDEX));
}

/** Calls `listener` whenever a new site is published (in dev, after an edit); returns what stops it. */
export function onNewSite(listener: () => Promise<void>): () => void {
  return onPublish(() => listener());
}
