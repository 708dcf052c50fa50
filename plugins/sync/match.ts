import type { Element, Model } from '../model/model.ts';

/** A name reduced to what two spellings of it share: `cart-service`, `cartservice` and `Cart Service` → `cart`. */
export function matchKey(name: string): string {
  const plain = name.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return plain.replace(/(service|svc)$/, '') || plain;
}

/**
 * Finds the model's service or resource that a deployed workload is: by id, then by id or
 * name spelled another way (`cartservice` is `cart-service`). A Map keyed by content.
 */
export class ModelMatcher {
  readonly #byKey = new Map<string, Element<'service' | 'resource'>>();

  constructor(model: Model | undefined) {
    if (!model) return;
    for (const kind of ['service', 'resource'] as const)
      for (const el of model.byKind[kind].values())
        for (const key of [el.id, matchKey(el.id), matchKey(el.data.name)]) if (!this.#byKey.has(key)) this.#byKey.set(key, el);
  }

  /** The element a workload named `name` (reached by `hostnames`) is, if the model has it. */
  find(name: string, hostnames: readonly string[] = []): Element<'service' | 'resource'> | undefined {
    for (const candidate of [name, ...hostnames]) {
      const found = this.#byKey.get(candidate) ?? this.#byKey.get(matchKey(candidate));
      if (found) return found;
    }
    return undefined;
  }
}
