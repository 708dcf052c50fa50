import { currentBuild, onPublish } from 'archsite/build-state';
import path from 'node:path';
import { DOCS_INDEX } from '../model/doc-id.ts';

/**
 * What the content collections (src/content.config.ts) read of the build's site. Astro loads
 * them through Vite's module runner at every build and dev start, which transforms each module
 * they import again: these import nothing of the model but the docs pages' ids (the model's
 * kinds and schemas, through the routes' reads, made 58 modules of it where 7 do).
 */

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

/** Whether the content has pages in docs/ (docs/index.md is the docs landing page, not one of them). */
export function hasDocPages(): boolean {
  return [...currentBuild().site.model.byKind.doc.keys()].some((id) => id !== DOCS_INDEX);
}

/** Whether any element outside docs/ (or docs/index.mdx) is written in MDX: only then is there an MDX collection to read. */
export function hasMdxBodies(): boolean {
  return currentBuild().site.model.elements.some((el) => el.source.path.endsWith('.mdx') && (el.kind !== 'doc' || el.id === DOCS_INDEX));
}

/** Calls `listener` whenever a new site is published (in dev, after an edit); returns what stops it. */
export function onNewSite(listener: () => Promise<void>): () => void {
  return onPublish(() => listener());
}
