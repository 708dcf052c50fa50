import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Pagefind's UI asks for every value ticked in a filter together (Kind = Event and Service
 * finds pages that are both: none). Readers mean either. Pagefind's search takes
 * `{ any: [...] }` for that, and its UI imports the search from `pagefind/pagefind.js`: so
 * that file becomes a module that hands every call on to pagefind's own (moved to
 * `pagefind/engine/`), with each filter's values OR-ed, and the index still read from
 * `pagefind/`.
 */
const ENTRY = `// archsite: pagefind's search, with the values ticked in one filter OR-ed (see plugins/astro/search-entry.ts).
import * as engine from './engine/pagefind.js';

const basePath = new URL('./', import.meta.url).pathname;
const anyOf = (filters) =>
  Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, Array.isArray(values) ? { any: values } : values]));
const withAny = (options) => (options && options.filters ? { ...options, filters: anyOf(options.filters) } : options);

await engine.options({ basePath });

export const options = (options) => engine.options({ ...options, basePath });
export const init = () => engine.init();
export const destroy = () => engine.destroy();
export const filters = () => engine.filters();
export const mergeIndex = (indexPath, options) => engine.mergeIndex(indexPath, options);
export const createInstance = (options) => engine.createInstance(options);
export const search = (term, options) => engine.search(term, withAny(options));
export const debouncedSearch = (term, options, timeout) => engine.debouncedSearch(term, withAny(options), timeout);
export const preload = (term, options) => engine.preload(term, withAny(options));
`;

/** Puts the OR-ing entry in front of the search index pagefind wrote into `outDir/pagefind/`. */
export function installSearchEntry(outDir: string): void {
  const dir = path.join(outDir, 'pagefind');
  const entry = path.join(dir, 'pagefind.js');
  if (!existsSync(entry)) return;
  mkdirSync(path.join(dir, 'engine'), { recursive: true });
  renameSync(entry, path.join(dir, 'engine', 'pagefind.js'));
  writeFileSync(entry, ENTRY);
}
