import type { PageRecording } from '../build-state.d.mts';
import { PageOwners } from '../page-cache/page-owners.ts';
import { isPage, pageParts, type PageParts } from '../page-cache/page-parts.ts';
import type { Site } from '../../pages/site.ts';

/**
 * The page cache as a page thread sees it: the build's own thread decided already that the
 * page is to be rendered (see page-threads.ts), so nothing is reused here; what a page read
 * is handed back with it, for the build's page cache to keep, and what the cache keeps of
 * the page beside it (its search view, its scripts' hashes), read here from its text.
 */
export class ThreadPages implements PageRecording {
  readonly #owners: PageOwners;
  readonly #kept = new Map<string, { reads: readonly string[]; parts: PageParts | undefined }>();

  constructor(site: Site) {
    this.#owners = new PageOwners(site);
  }

  startPage(route: string): Set<string> {
    return this.#owners.firstReads(route);
  }

  /** Records what the page read, and its parts; the page itself goes back to the build's own thread, which stores it (so: false). */
  keep(route: string, reads: Set<string>, text: string): boolean {
    this.#kept.set(route, { reads: [...reads], parts: isPage(route) ? pageParts(text) : undefined });
    return false;
  }

  /** What the page at `route` read, and its parts, once: undefined where it was not kept (an endpoint, an error page). */
  take(route: string): { reads: readonly string[]; parts: PageParts | undefined } | undefined {
    const kept = this.#kept.get(route);
    this.#kept.delete(route);
    return kept;
  }
}
