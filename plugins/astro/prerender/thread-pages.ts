import type { PageRecording } from '../build-state.d.mts';
import { PageOwners } from '../page-cache/page-owners.ts';
import type { Site } from '../../pages/site.ts';

/**
 * The page cache as a page thread sees it: the build's own thread decided already that the
 * page is to be rendered (see page-threads.ts), so nothing is reused here; what a page read
 * is handed back with it, for the build's page cache to keep.
 */
export class ThreadPages implements PageRecording {
  readonly #owners: PageOwners;
  readonly #kept = new Map<string, readonly string[]>();

  constructor(site: Site) {
    this.#owners = new PageOwners(site);
  }

  startPage(route: string): Set<string> {
    return this.#owners.firstReads(route);
  }

  /** Records what the page read; the page itself goes back to the build's own thread, which stores it (so: false). */
  keep(route: string, reads: Set<string>): boolean {
    this.#kept.set(route, [...reads]);
    return false;
  }

  /** What the page at `route` read, once: undefined where it was not kept (an endpoint, an error page). */
  take(route: string): readonly string[] | undefined {
    const reads = this.#kept.get(route);
    this.#kept.delete(route);
    return reads;
  }
}
