import { KIND_NAMES } from '../../model/kinds.ts';
import type { Model, Relations } from '../../model/model.ts';
import type { Site } from '../../pages/site.ts';

/**
 * What a page reads of the site, recorded while it renders, so that a rebuild can tell
 * whether the page would come out the same. Keys name what was read:
 *
 * - `system`, `elements` (every element);
 * - `el:<kind>` (every element of a kind), `el:<kind>:<id>` (one element, or its absence);
 * - `rel:<relation>` (a whole relation), `rel:<relation>:<key>` (one entry of it);
 * - `file:<path>` (a file the content points to), `git:<path>` (a content file's last commit date);
 * - `diagram:<view key>` (a generated view), `diagram` (all of them);
 * - `history` (the content's whole history from git), `history:<path>` (one file's);
 * - `versions:<element key>` (the versions of one contract, from git).
 *
 * The site is the only thing a page reads (see pages/site.ts), and each page gets its own
 * recording view of it: what it reads is recorded whatever it reads it through.
 */
class RecordingMap<V> implements ReadonlyMap<string, V> {
  readonly #map: ReadonlyMap<string, V>;
  readonly #prefix: string;
  readonly #reads: Set<string>;

  constructor(map: ReadonlyMap<string, V>, prefix: string, reads: Set<string>) {
    this.#map = map;
    this.#prefix = prefix;
    this.#reads = reads;
  }

  get(key: string): V | undefined {
    this.#reads.add(`${this.#prefix}:${key}`);
    return this.#map.get(key);
  }

  has(key: string): boolean {
    this.#reads.add(`${this.#prefix}:${key}`);
    return this.#map.has(key);
  }

  get size(): number {
    this.#reads.add(this.#prefix);
    return this.#map.size;
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    this.#reads.add(this.#prefix);
    this.#map.forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  entries(): MapIterator<[string, V]> {
    this.#reads.add(this.#prefix);
    return this.#map.entries();
  }

  keys(): MapIterator<string> {
    this.#reads.add(this.#prefix);
    return this.#map.keys();
  }

  values(): MapIterator<V> {
    this.#reads.add(this.#prefix);
    return this.#map.values();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

function recordingModel(model: Model, reads: Set<string>): Model {
  const byKind = Object.fromEntries(
    KIND_NAMES.map((kind) => [kind, new RecordingMap(model.byKind[kind] as ReadonlyMap<string, unknown>, `el:${kind}`, reads)]),
  );
  const relations = Object.fromEntries(
    Object.entries(model.relations).map(([name, map]) => [
      name,
      new RecordingMap(map as ReadonlyMap<string, unknown>, `rel:${name}`, reads),
    ]),
  );
  return Object.freeze({
    contentDir: model.contentDir,
    get system() {
      reads.add('system');
      return model.system;
    },
    get elements() {
      reads.add('elements');
      return model.elements;
    },
    byKind: Object.freeze(byKind) as unknown as Model['byKind'],
    relations: Object.freeze(relations) as unknown as Relations,
  });
}

/** The site as one page sees it: the same data, with every read recorded into `reads`. */
export function recordingSite(site: Site, reads: Set<string>): Site {
  return Object.freeze({
    model: recordingModel(site.model, reads),
    base: site.base,
    // In the build's fingerprint: a new day renders every page again.
    today: site.today,
    git: Object.freeze({
      top: site.git.top,
      dates: new RecordingMap(site.git.dates, 'git', reads),
      // In the build's fingerprint, with the top: every page's edit link.
      branch: site.git.branch,
      repository: site.git.repository,
    }),
    files: new RecordingMap(site.files, 'file', reads),
    // Which files are assets is fingerprinted with the elements (a change renders every page).
    assets: site.assets,
    diagrams: Object.freeze({
      mode: site.diagrams.mode,
      views: new RecordingMap(site.diagrams.views, 'diagram', reads),
      // A view's text is recorded through `views`; its SVGs follow from the text.
      rendered: (text: string) => site.diagrams.rendered(text),
    }),
    history: Object.freeze({
      get commits() {
        reads.add('history');
        return site.history.commits;
      },
      note: site.history.note,
      // One file's history is read as `history:<path>`: a commit re-renders the pages of what it changed.
      byPath: new RecordingMap(site.history.byPath, 'history', reads),
      versions: new RecordingMap(site.history.versions, 'versions', reads),
    }),
  });
}
