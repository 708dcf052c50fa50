import type { Loader, LoaderContext } from 'astro/loaders';
import { pathToFileURL } from 'node:url';

export interface MarkdownBodies {
  readonly bodies: readonly { readonly path: string; readonly text: string; readonly file: string }[];
  /** What else the rendered prose depends on: part of every entry's digest. */
  readonly context: string;
}

/**
 * The prose of Markdown elements, from the model (which has read every file already),
 * rendered with the site's Markdown pipeline and kept by content path. An entry is rendered
 * again only when its text or its context changed.
 */
export function markdownBodyLoader(source: () => MarkdownBodies, onNewSite: (listener: () => Promise<void>) => () => void): Loader {
  let unsubscribe: (() => void) | undefined;
  return {
    name: 'archsite-markdown-bodies',
    async load(loader) {
      await sync(source, loader);
      // In dev, each edit publishes a new site: its prose is rendered before the page reloads.
      unsubscribe?.();
      if (loader.watcher) unsubscribe = onNewSite(() => sync(source, loader));
    },
  };
}

async function sync(source: () => MarkdownBodies, { store, renderMarkdown, generateDigest }: LoaderContext): Promise<void> {
  const { bodies, context } = source();
  // The context is the same for every body (and long on a large site): hashed once.
  const contextDigest = generateDigest(context);
  const kept = new Set<string>();
  for (const body of bodies) {
    kept.add(body.path);
    const digest = generateDigest(`${contextDigest}\0${body.text}`);
    if (store.get(body.path)?.digest === digest) continue;
    const rendered = await renderMarkdown(body.text, { fileURL: pathToFileURL(body.file) });
    store.set({ id: body.path, data: {}, body: body.text, digest, rendered });
  }
  for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
}
