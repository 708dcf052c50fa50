import type { ContentFile, ContentRoot } from './content-files.ts';
import type { DataFileResult } from './data-file.ts';
import { Diagnostics } from './diagnostics.ts';
import type { SourceDocument } from './parse-source.ts';

/** A content file as read and parsed, with what reading it found. */
export interface CachedSource {
  readonly docs: readonly SourceDocument[];
  readonly found: Diagnostics;
}

/** A file the content points to, as read (and, for JSON and YAML, parsed). */
export interface CachedAsset {
  readonly text: string;
  /** The parsed value, or why it does not parse; undefined for a .proto or GraphQL file. */
  readonly parsed?: DataFileResult | undefined;
}

/**
 * What a long-running check (`check --watch`) keeps from one run to the next: the list of
 * content files, every file as read and parsed, and the files the content points to (API
 * descriptions are kept by checks/apis.ts for any run). A run with a cache reads and parses only what was
 * forgotten since the last; everything after parsing (validation, resolution, the checks)
 * runs over the whole model every time, so a result never depends on what was cached.
 */
export class CheckCache {
  #listing: { readonly root: string; readonly files: readonly ContentFile[]; readonly found: Diagnostics } | undefined;
  readonly #sources = new Map<string, CachedSource>();
  readonly #assets = new Map<string, CachedAsset | string>();

  /** The content files, listed once until a file is added or removed. */
  listing(root: ContentRoot, list: (found: Diagnostics) => ContentFile[]): { files: readonly ContentFile[]; found: Diagnostics } {
    if (this.#listing?.root !== root.dir) {
      const found = new Diagnostics();
      this.#listing = { root: root.dir, files: list(found), found };
    }
    return this.#listing;
  }

  source(absolute: string, read: () => CachedSource): CachedSource {
    let cached = this.#sources.get(absolute);
    if (!cached) this.#sources.set(absolute, (cached = read()));
    return cached;
  }

  /** A file the content points to, as read, or why it cannot be read. */
  asset(absolute: string, read: () => CachedAsset | string): CachedAsset | string {
    let cached = this.#assets.get(absolute);
    if (!cached) this.#assets.set(absolute, (cached = read()));
    return cached;
  }

  /**
   * A file changed (`change`), or was added, removed or renamed (`rename`): what was read
   * of it is forgotten, and for a rename the list of files too.
   */
  forget(absolute: string, event: 'change' | 'rename'): void {
    this.#sources.delete(absolute);
    this.#assets.delete(absolute);
    if (event === 'rename') this.#listing = undefined;
  }
}
