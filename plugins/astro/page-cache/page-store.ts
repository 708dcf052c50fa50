import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { searchView } from '../search-view.ts';
import { UNKNOWN } from './read-hashes.ts';

/** Bump when what a page depends on is recorded differently. */
const STORE_VERSION = '5';

interface PageEntry {
  /** Hash of each read the page made when it was rendered. */
  readonly reads: Record<string, string>;
  /** The page's file in the store (HTML, or a Markdown text): named by its route and the build that rendered it. */
  readonly html: string;
  /** An HTML page as the search index reads it (see search-view.ts), next to it. */
  readonly search?: string | undefined;
  /** The policy hashes of the page's inline scripts (see csp.ts), so that the policy needs no second read of it. */
  readonly scripts: readonly string[];
  /**
   * The HTML file's size and modification time when it was stored. Kept pages are linked
   * into the output, not copied: a file changed in place since (through either name) no
   * longer matches, and its page is rendered again.
   */
  readonly size?: number;
  readonly mtimeMs?: number;
}

interface Manifest {
  readonly version: string;
  /** The build's fingerprint: code, configuration and the site's shell. */
  readonly fingerprint: string;
  readonly pages: Record<string, PageEntry>;
}

/**
 * The pages of the last build, kept with what each read of the model, so that a rebuild
 * serves a page from here when nothing it read has changed (and the build's fingerprint
 * is the same), and renders it otherwise. Entries are written as pages render and the
 * manifest is replaced once the build is done: a build that fails leaves the last
 * good manifest, whose HTML files are still there (each build writes files of its own).
 */
export class PageStore {
  readonly #dir: string;
  readonly #fingerprint: string;
  readonly #hashOf: (key: string) => string;
  readonly #previous: Record<string, PageEntry>;
  readonly #next: Record<string, PageEntry> = {};
  /** This build, in the names of the files it writes. */
  readonly #build = `${Date.now().toString(36)}-${process.pid}`;
  readonly #writes: Promise<void>[] = [];

  /** The store's folder. */
  get dir(): string {
    return this.#dir;
  }

  constructor(dir: string, fingerprint: string, hashOf: (key: string) => string) {
    this.#dir = dir;
    this.#fingerprint = fingerprint;
    this.#hashOf = hashOf;
    let manifest: Manifest | undefined;
    try {
      manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    } catch {
      manifest = undefined;
    }
    this.#previous = manifest?.version === STORE_VERSION && manifest.fingerprint === fingerprint ? manifest.pages : {};
  }

  /** The stored file of a page (and an HTML page's search view), when nothing it read has changed since. */
  reuse(route: string): { file: string; search: string | undefined; scripts: readonly string[] } | undefined {
    const entry = this.#previous[route];
    if (!entry) return undefined;
    for (const [key, value] of Object.entries(entry.reads)) {
      const now = this.#hashOf(key);
      if (now === UNKNOWN || now !== value) return undefined;
    }
    const file = path.join(this.#dir, entry.html);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat || stat.size !== entry.size || stat.mtimeMs !== entry.mtimeMs) return undefined;
    this.#next[route] = entry;
    return { file, search: entry.search === undefined ? undefined : path.join(this.#dir, entry.search), scripts: entry.scripts };
  }

  /**
   * Keeps a page just rendered, with what it read. Written while the next pages render; a
   * file of its own for this build, so the last manifest's files stay as they were until
   * this build's manifest replaces it.
   */
  keep(route: string, reads: Iterable<string>, html: string, scripts: readonly string[]): string {
    const name = this.#name(route);
    const [file, search] = [`${name}.html`, `${name}.search.html`];
    mkdirSync(this.#dir, { recursive: true });
    this.#writes.push(writeFile(path.join(this.#dir, file), html), writeFile(path.join(this.#dir, search), searchView(html)));
    this.#next[route] = { reads: this.#hashes(reads), html: file, search, scripts };
    return path.join(this.#dir, search);
  }

  /** Keeps a text just rendered (a page's Markdown), with what it read: the search index does not read it. */
  keepText(route: string, reads: Iterable<string>, text: string): void {
    const file = `${this.#name(route)}.txt`;
    mkdirSync(this.#dir, { recursive: true });
    this.#writes.push(writeFile(path.join(this.#dir, file), text));
    this.#next[route] = { reads: this.#hashes(reads), html: file, scripts: [] };
  }

  #name(route: string): string {
    return `${createHash('sha1').update(route).digest('hex').slice(0, 20)}-${this.#build}`;
  }

  #hashes(reads: Iterable<string>): Record<string, string> {
    return Object.fromEntries([...reads].sort().map((key) => [key, this.#hashOf(key)]));
  }

  /** Resolves once every file this build kept is written. */
  async written(): Promise<void> {
    await Promise.all(this.#writes);
  }

  /** Writes the manifest of this build, once its pages are written, and drops the HTML no page refers to any more. */
  async save(): Promise<void> {
    await Promise.all(this.#writes);
    for (const [route, entry] of Object.entries(this.#next)) {
      if (entry.size !== undefined) continue;
      const { size, mtimeMs } = statSync(path.join(this.#dir, entry.html));
      this.#next[route] = { ...entry, size, mtimeMs };
    }
    mkdirSync(this.#dir, { recursive: true });
    const manifest: Manifest = { version: STORE_VERSION, fingerprint: this.#fingerprint, pages: this.#next };
    const file = path.join(this.#dir, 'manifest.json');
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(manifest));
    renameSync(`${file}.${process.pid}.tmp`, file);
    const used = new Set(Object.values(this.#next).flatMap((entry) => [entry.html, entry.search ?? entry.html]));
    for (const name of readdirSync(this.#dir))
      if (/\.(html|txt)$/.test(name) && !used.has(name)) rmSync(path.join(this.#dir, name), { force: true });
  }
}
