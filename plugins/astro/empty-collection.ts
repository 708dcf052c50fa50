import type { Loader } from 'astro/loaders';

/**
 * A loader for a collection that has no entries in this build: the docs pages of content
 * without a docs/ folder. Astro warns about a collection it holds nothing for ("does not exist
 * or is empty") every time Starlight lists it; an entry written and taken back again leaves
 * the collection present and empty, which is what it is.
 */
export function emptyCollection(name: string): Loader {
  return {
    name: `archsite-empty-${name}`,
    load: async ({ store }) => {
      store.clear();
      store.set({ id: '.empty', data: {} });
      store.delete('.empty');
    },
  };
}
