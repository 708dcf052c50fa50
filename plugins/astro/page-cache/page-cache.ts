import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { linkOrCopy } from '../link-or-copy.ts';
import type { Site } from '../../pages/site.ts';
import type { Settings } from '../settings.ts';
import { buildFingerprint } from './fingerprint.ts';
import { PageOwners } from './page-owners.ts';
import { isPage, pageParts, type PageParts } from './page-parts.ts';
import { PageStore } from './page-store.ts';
import { readHasher } from './read-hashes.ts';
import type { SearchViews } from '../search-index.ts';
import type { PageRecording } from '../build-state.d.mts';

/**
 * Incremental page output: a build serves every page whose reads are unchanged from the
 * page store, so that a rebuild after one edit renders only the pages the edit reaches.
 * The integration opens and saves it; the middleware, bundled with the pages, gets it
 * with the site (see build-state.mjs).
 */
export class PageCache implements PageRecording {
  readonly #store: PageStore;
  readonly #owners: PageOwners;
  readonly #base: string;
  readonly #kept = new Map<string, string>();
  readonly #scripts = new Map<string, readonly string[]>();
  /** The search view (see search-view.ts) of every page that went through the cache, by route. */
  readonly #searchViews = new Map<string, string>();
  #rendered = 0;
  #reused = 0;

  constructor(root: string, site: Site, settings: Settings, shell: unknown) {
    const { model, base } = site;
    // A folder of its own for each site (content folder and base): builds of other sites
    // sharing the cache never replace its manifest or remove its pages.
    const folder = createHash('sha256')
      .update(`${model.contentDir}\0${base}\0${settings.site ?? ''}`)
      .digest('hex')
      .slice(0, 16);
    this.#store = new PageStore(
      path.join(settings.cacheDir, 'pages', folder),
      buildFingerprint(root, site, settings, shell),
      readHasher(site),
    );
    this.#base = `${base.replace(/\/$/, '')}/`;
    this.#owners = new PageOwners(site);
  }

  /**
   * Whether a page can be served from the store. It is then put in the output by
   * `placeKept`, once the build is done, without being read into memory.
   */
  reuse(route: string): boolean {
    const kept = this.#store.reuse(route);
    if (!kept) return false;
    this.#kept.set(route, kept.file);
    if (isPage(route)) {
      this.#reused++;
      this.#scripts.set(route, kept.scripts);
      if (kept.search !== undefined) this.#searchViews.set(route, kept.search);
    }
    return true;
  }

  /**
   * Puts the stored pages in the output, where Astro wrote nothing for them (those kept from the
   * last build, and those this build rendered and stored), once the store has written them: hard
   * links where the store and the output share a file system (nothing to copy, and removing the
   * old output later frees nothing to write back), copies elsewhere.
   */
  async placeKept(outDir: string): Promise<void> {
    await this.#store.written();
    for (const [route, file] of this.#kept) {
      const out = this.#outputFile(outDir, route);
      // Astro wrote nothing there: the build answered the page with no body (see prerender/page-threads.ts).
      if (existsSync(out)) throw new Error(`archsite: the page cache lost track of ${route}`);
      mkdirSync(path.dirname(out), { recursive: true });
      linkOrCopy(file, out);
    }
  }

  /** The inline scripts' policy hashes of every page that went through the cache, by output file. */
  scriptHashes(outDir: string): Map<string, readonly string[]> {
    return new Map([...this.#scripts].map(([route, hashes]) => [this.#outputFile(outDir, route), hashes]));
  }

  #outputFile(outDir: string, route: string): string {
    const relative = decodeURI(route).slice(this.#base.length);
    return isPage(route) ? path.join(outDir, relative, 'index.html') : path.join(outDir, relative);
  }

  startPage(route: string): Set<string> {
    return this.#owners.firstReads(route);
  }

  /**
   * Keeps a page (`/services/a/`) or a page's Markdown text (`/services/a/index.html.md`) just
   * rendered. True when it is stored: the build then answers it with no body, so that Astro
   * encodes and writes nothing, and `placeKept` links the stored file in place, as it does a
   * page kept from the last build (at 1,000 services, 390 MB not written twice).
   */
  keep(route: string, reads: Set<string>, text: string, bytes: Uint8Array): boolean {
    return this.keepRendered(route, reads, bytes, isPage(route) ? pageParts(text) : undefined);
  }

  /**
   * `keep`, for a page rendered elsewhere (a page thread): its UTF-8 bytes as they came, and
   * what the thread read of its text (`parts`, see page-parts.ts), so that this thread never
   * decodes it. `parts` is for an HTML page only: a text has none.
   */
  keepRendered(route: string, reads: Set<string>, body: Uint8Array, parts: PageParts | undefined): boolean {
    if (!isPage(route)) {
      this.#kept.set(route, this.#store.keepText(route, reads, body));
      return true;
    }
    if (!parts) throw new Error(`archsite: the page ${route} came back without what the page cache keeps of it`);
    this.#rendered++;
    this.#scripts.set(route, parts.scripts);
    // Astro makes an optimized image only as the page showing it renders: such a page is rendered every time.
    if (parts.search === undefined) return false;
    const { file, search } = this.#store.keep(route, reads, body, { search: parts.search, scripts: parts.scripts });
    this.#kept.set(route, file);
    this.#searchViews.set(route, search);
    return true;
  }

  /**
   * The search view of every page that went through the cache, by output file, once
   * written: what the search index reads instead of the page (see search-view.ts). With
   * a folder of the store's to lay them out in.
   */
  async searchViews(outDir: string): Promise<SearchViews> {
    await this.#store.written();
    return {
      files: new Map([...this.#searchViews].map(([route, file]) => [this.#outputFile(outDir, route), file])),
      scratch: path.join(this.#store.dir, 'search'),
      keep: true,
    };
  }

  /** Saves what this build rendered; returns how many pages were rendered and reused (HTML pages, not their texts). */
  async close(): Promise<{ rendered: number; reused: number }> {
    await this.#store.save();
    return { rendered: this.#rendered, reused: this.#reused };
  }
}
