import { compare } from './diagnostics.ts';

/** A map of lists, frozen into sorted read-only lists once complete. */
export class Multimap<V> {
  readonly #map = new Map<string, V[]>();

  add(key: string, value: V): void {
    const list = this.#map.get(key);
    if (list) list.push(value);
    else this.#map.set(key, [value]);
  }

  get(key: string): readonly V[] {
    return this.#map.get(key) ?? [];
  }

  entries(): IterableIterator<[string, V[]]> {
    return this.#map.entries();
  }

  freeze(order: (a: V, b: V) => number, unique = false): ReadonlyMap<string, readonly V[]> {
    const out = new Map<string, readonly V[]>();
    for (const key of [...this.#map.keys()].sort(compare)) {
      let list = [...this.#map.get(key)!].sort(order);
      if (unique) list = list.filter((v, i) => i === 0 || order(v, list[i - 1]!) !== 0);
      out.set(key, Object.freeze(list));
    }
    return out;
  }
}

/** A map sorted by key. */
export function sortedMap<V>(map: Map<string, V>): ReadonlyMap<string, V> {
  return new Map([...map].sort(([a], [b]) => compare(a, b)));
}
