import type { AstroIntegration } from 'astro';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installSearchEntry } from '../search-entry.ts';
import { buildSearchIndex } from '../search-index.ts';
import type { IntegrationState } from './state.ts';

/**
 * Starlight indexes the built site with pagefind; archsite indexes the pages' search views
 * instead (see search-view.ts): those the page cache kept, or made from the pages without it.
 * Replaces the shell's `astro:build:done` hook.
 */
export function indexSearchInstead(state: IntegrationState, shell: AstroIntegration): void {
  const indexSite = shell.hooks['astro:build:done'];
  shell.hooks['astro:build:done'] = async (options) => {
    const views = state.searchViews;
    state.searchViews = undefined;
    if (!state.shell.pagefind) return indexSite?.(options);
    const out = fileURLToPath(options.dir);
    state.clock?.start('search index');
    await buildSearchIndex(
      out,
      views ?? { files: new Map(), scratch: mkdtempSync(path.join(tmpdir(), 'archsite-search-')), keep: false },
      options.logger.fork('starlight:pagefind'),
    );
    installSearchEntry(out);
    state.clock?.start('output');
  };
}
