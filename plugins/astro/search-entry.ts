import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the search box calls instead of pagefind's own search: plain JavaScript, copied as it is. */
const API = fileURLToPath(new URL('./client/pagefind-api.js', import.meta.url));

/**
 * Pagefind's UI imports its search from `pagefind/pagefind.js`. That file becomes a module
 * that hands every call on to pagefind's own (moved to `pagefind/engine/`) through
 * archsite's (`client/pagefind-api.js`: filters OR-ed inside and counted across, excerpts
 * without their titles), with the index still read from `pagefind/`.
 */
const ENTRY = `// archsite: pagefind's search, as plugins/astro/client/pagefind-api.js says.
import * as engine from './engine/pagefind.js';
import { pagefindApi } from './archsite-api.js';

const api = await pagefindApi(engine, new URL('./', import.meta.url).pathname);

export const { options, init, destroy, filters, mergeIndex, createInstance, search, debouncedSearch, preload } = api;
`;

/** Puts archsite's entry in front of the search index pagefind wrote into `outDir/pagefind/`. */
export function installSearchEntry(outDir: string): void {
  const dir = path.join(outDir, 'pagefind');
  const entry = path.join(dir, 'pagefind.js');
  if (!existsSync(entry)) return;
  mkdirSync(path.join(dir, 'engine'), { recursive: true });
  renameSync(entry, path.join(dir, 'engine', 'pagefind.js'));
  copyFileSync(API, path.join(dir, 'archsite-api.js'));
  writeFileSync(entry, ENTRY);
}
