import { AsyncLocalStorage } from 'node:async_hooks';
import { KIND_NAMES } from '../../model/kinds.ts';
import type { Model, Relations } from '../../model/model.ts';

/**
 * What a page reads of the model, recorded while it renders, so that a rebuild can tell
 * whether the page would come out the same. Keys name what was read:
 *
 * - `system`, `elements` (every element);
 * - `el:<kind>` (every element of a kind), `el:<kind>:<id>` (one element, or its absence);
 * - `rel:<relation>` (a whole relation), `rel:<relation>:<key>` (one entry of it);
 * - `file:<path>` (a content file read as is), `git:<file>` (a file's last commit date).
 *
 * Pages may render concurrently, so each page's reads go to the set of the asynchronous
 * context it renders in.
 */
const state = globalThis as typeof globalThis & { __archsitePageReads?: AsyncLocalStorage<Set<string>> };
// One store for every copy of this module (the integration's and the pages' bundle).
const reading = (state.__archsitePageReads ??= new AsyncLocalStorage<Set<string>>());

/** Records that the page being rendered, if any, read `key`. */
export function recordRead(key: string): void {
  reading.getStore()?.add(key);
}

/** Runs `render` with every read it makes, however deep and however asynchronous, recorded into `reads`. */
export function recordReads<T>(reads: Set<string>, render: () => Promise<T>): Promise<T> {
  return reading.run(reads, render);
}

/** A map that records which keys are looked up, and a read of the whole map when iterated. */
class RecordingMap<V> implements ReadonlyMap<string, V> {
  readonly #map: ReadonlyMap<string, V>;
  readonly #prefix: string;

  constructor(map: ReadonlyMap<string, V>, prefix: string) {
    this.#map = map;
    this.#prefix = prefix;
  }

  get(key: string): V | undefined {
    recordRead(`${this.#prefix}:${key}`);
    return this.#map.get(key);
  }

  has(key: string): boolean {
    recordRead(`${this.#prefix}:${key}`);
    return this.#map.has(key);
  }

  get size(): number {
    recordRead(this.#prefix);
    return this.#map.size;
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    recordRead(this.#prefix);
    this.#map.forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  entries(): MapIterator<[string, V]> {
    recordRead(this.#prefix);
    return this.#map.entries();
  }

  keys(): MapIterator<string> {
    recordRead(this.#prefix);
    return this.#map.keys();
  }

  values(): MapIterator<V> {
    recordRead(this.#prefix);
    return this.#map.values();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

const recording = new WeakMap<Model, Model>();

/** The model as pages see it: the same data, with every read recorded. */
export function recordingModel(model: Model): Model {
  let wrapped = recording.get(model);
  if (wrapped) return wrapped;
  const byKind = Object.fromEntries(
    KIND_NAMES.map((kind) => [kind, new RecordingMap(model.byKind[kind] as ReadonlyMap<string, unknown>, `el:${kind}`)]),
  );
  const relations = Object.fromEntries(
    Object.entries(model.relations).map(([name, map]) => [name, new RecordingMap(map as ReadonlyMap<string, unknown>, `rel:${name}`)]),
  );
  wrapped = Object.freeze({
    contentDir: model.contentDir,
    get system() {
      recordRead('system');
      return model.system;
    },
    get elements() {
      recordRead('elements');
      return model.elements;
    },
    byKind: Object.freeze(byKind) as unknown as Model['byKind'],
    relations: Object.freeze(relations) as unknown as Relations,
  });
  recording.set(model, wrapped);
  return wrapped;
}
