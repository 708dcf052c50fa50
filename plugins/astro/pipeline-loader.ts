import type { Loader } from 'astro/loaders';

/**
 * A content collection whose entries Astro keeps rendered between builds (in .astro/), kept
 * only while archsite's code is the same: the Markdown of an entry is rendered by archsite's
 * plugins (links, diagram figures), and Astro renders an entry again only when its own text
 * changes. A new `fingerprint` empties the collection, so that every entry is rendered again.
 */
export function pipelineBound(loader: Loader, fingerprint: string): Loader {
  return {
    ...loader,
    async load(context) {
      if (context.meta.get('archsite-pipeline') !== fingerprint) {
        context.store.clear();
        context.meta.set('archsite-pipeline', fingerprint);
      }
      return loader.load(context);
    },
  };
}
