import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UNKNOWN } from './read-hashes.ts';

/** Bump when what a page depends on is recorded differently. */
const STORE_VERSION = '6';

interface PageEntry {
  /** The reads the page made when it was rendered: indexes into the manifest's `reads`. */
  readonly reads: readonly number[];
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
  /**
   * Every read a page made, once, with its hash in that build (`[key, hash]`), sorted by key.
   * A register or an overview reads every element: written out with each page, the reads
   * of 1,000 services made a manifest of 17 MB, read and written again at every build.
   */
  readonly reads: readonly (readonly [string, string])[];
  readonly pages: Record<string, PageEntry>;
}

/** A page of this build, its reads as keys until the manifest numbers them. */
type NextEntry = Omit<PageEntry, 'reads'> & { readonly reads: readonly string[] };

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
  readonly #previous: Manifest | undefined;
  /** Whether each read of the last manifest answers the same now, as first asked. */
  readonly #unchanged: (boolean | undefined)[] = [];
  readonly #next = new Map<string, NextEntry>();
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
    this.#previous = manifest?.version === STORE_VERSION && manifest.fingerprint === fingerprint ? manifest : undefined;
  }

  /** The stored file of a page (and an HTML page's search view), when nothing it read has changed since. */
  reuse(route: string): { file: string; search: string | undefined; scripts: readonly string[] } | undefined {
    const previous = this.#previous;
    const entry = previous && Object.hasOwn(previous.pages, route) ? previous.pages[route] : undefined;
    if (!previous || !entry) return undefined;
    if (!entry.reads.every((read) => this.#answersTheSame(previous, read))) return undefined;
    const file = path.join(this.#dir, entry.html);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat || stat.size !== entry.size || stat.mtimeMs !== entry.mtimeMs) return undefined;
    this.#next.set(route, { ...entry, reads: entry.reads.map((read) => previous.reads[read]![0]) });
    return { file, search: entry.search === undefined ? undefined : path.join(this.#dir, entry.search), scripts: entry.scripts };
  }

  /** Whether the last manifest's read number `read` answers now as it did then (asked once a read). */
  #answersTheSame(previous: Manifest, read: number): boolean {
    let same = this.#unchanged[read];
    if (same === undefined) {
      const [key, then] = previous.reads?.[read] ?? ['', UNKNOWN];
      const now = this.#hashOf(key);
      same = this.#unchanged[read] = now !== UNKNOWN && now === then;
    }
    return same;
  }

  /**
   * Keeps a page just rendered (its text, or its UTF-8 bytes as a page thread hands them back),
   * with what it read, its search view and its scripts' hashes (see page-parts.ts). Written
   * while the next pages render; a file of its own for this build, so the last manifest's
   * files stay as they were until this build's manifest replaces it.
   */
  keep(
    route: string,
    reads: Iterable<string>,
    html: string | Uint8Array,
    { search: view, scripts }: { readonly search: string; readonly scripts: readonly string[] },
  ): { file: string; search: string } {
    const name = this.#name(route);
    const [file, search] = [`${name}.html`, `${name}.search.html`];
    mkdirSync(this.#dir, { recursive: true });
    this.#writes.push(writeFile(path.join(this.#dir, file), html), writeFile(path.join(this.#dir, search), view));
    this.#next.set(route, { reads: [...reads], html: file, search, scripts });
    return { file: path.join(this.#dir, file), search: path.join(this.#dir, search) };
  }

  /** Keeps a text just rendered (a page's Markdown), with what it read: the search index does not read it. Returns its file. */
  keepText(route: string, reads: Iterable<string>, text: string | Uint8Array): string {
    const file = `${this.#name(route)}.txt`;
    mkdirSync(this.#dir, { recursive: true });
    this.#writes.push(writeFile(path.join(this.#dir, file), text));
    this.#next.set(route, { reads: [...reads], html: file, scripts: [] });
    return path.join(this.#dir, file);
  }

  #name(route: string): string {
    return `${createHash('sha1').update(route).digest('hex').slice(0, 20)}-${this.#build}`;
  }

  /** Resolves once every file this build kept is written. */
  async written(): Promise<void> {
    await Promise.all(this.#writes);
  }

  /** Writes the manifest of this build, once its pages are written, and drops the HTML no page refers to any more. */
  async save(): Promise<void> {
    await Promise.all(this.#writes);
    // A page kept from the last build read what it reads now, and each read answers as it did.
    const keys = [...new Set([...this.#next.values()].flatMap((entry) => entry.reads))].sort();
    const number = new Map(keys.map((key, i) => [key, i]));
    const pages: Record<string, PageEntry> = Object.create(null) as Record<string, PageEntry>;
    for (const [route, entry] of [...this.#next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const { size, mtimeMs } =
        entry.size === undefined || entry.mtimeMs === undefined
          ? statSync(path.join(this.#dir, entry.html))
          : { size: entry.size, mtimeMs: entry.mtimeMs };
      pages[route] = { ...entry, reads: entry.reads.map((key) => number.get(key)!).sort((a, b) => a - b), size, mtimeMs };
    }
    mkdirSync(this.#dir, { recursive: true });
    const manifest: Manifest = {
      version: STORE_VERSION,
      fingerprint: this.#fingerprint,
      reads: keys.map((key) => [key, this.#hashOf(key)]),
      pages,
    };
    const file = path.join(this.#dir, 'manifest.json');
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(manifest));
    renameSync(`${file}.${process.pid}.tmp`, file);
    const used = new Set([...this.#next.values()].flatMap((entry) => [entry.html, entry.search ?? entry.html]));
    for (const name of readdirSync(this.#dir))
      if (/\.(html|txt)$/.test(name) && !used.has(name)) rmSync(path.join(this.#dir, name), { force: true });
  }
}
