import type { Diagnostics, Position } from './diagnostics.ts';
import { kindInfo, KIND_NAMES, type ElementKind } from './kinds.ts';
import type { KindDefinition, OccurrenceList, Resolver } from './kinds/define.ts';
import { keyOf, type Element, type ElementRef, type Model } from './model.ts';
import type { InvalidElement, ParsedElement, ParsedSystem } from './read-elements.ts';
import { References } from './references.ts';
import { RelationBuilder, sortRefs } from './relation-builder.ts';
import type { FieldPath } from './yaml-position.ts';

/** A resolved reference and where it was written, for the checks that point at it. */
export interface Occurrence<T = ElementRef> {
  readonly owner: ElementRef;
  readonly target: T;
  readonly file: string;
  readonly at: Position;
}

/** Every resolved reference of the kinds that checks look at. */
export interface Occurrences {
  readonly publishes: readonly Occurrence[];
  readonly consumes: readonly Occurrence[];
  readonly stores: readonly Occurrence[];
  readonly dependencies: readonly Occurrence[];
  readonly supersedes: readonly Occurrence[];
  readonly entities: readonly Occurrence<string>[];
}

/**
 * Resolves every reference of the parsed elements and computes the inverse relations: each
 * kind's definition resolves its own fields (kinds/<kind>.ts), adding to the relations.
 * Unresolved references are reported and left out of the model, so that everything the
 * model holds points at something that exists.
 */
export function resolveModel(
  contentDir: string,
  system: ParsedSystem,
  parsed: readonly ParsedElement[],
  invalid: readonly InvalidElement[],
  diagnostics: Diagnostics,
): { model: Model; occurrences: Occurrences } {
  const elements = [...parsed].sort((a, b) => sortRefs(a, b));
  const ids = new Map<ElementKind, Set<string>>(KIND_NAMES.map((k) => [k, new Set<string>()]));
  for (const el of elements) ids.get(el.kind)!.add(el.id);
  const refs = new References(ids, new Set(invalid.map((el) => `${el.kind}:${el.id}`)), diagnostics);
  const relations = new RelationBuilder();
  const occ: { [K in keyof Occurrences]: Occurrences[K] extends readonly (infer T)[] ? T[] : never } = {
    publishes: [],
    consumes: [],
    stores: [],
    dependencies: [],
    supersedes: [],
    entities: [],
  };

  if (system.data.owner !== undefined) {
    const file = system.source.file;
    refs.resolve(system.data.owner, ['team'], {
      file,
      get at() {
        return system.locate.value(['owner']);
      },
      role: 'owner',
    });
  }
  for (const el of elements) {
    // The definition of the element's own kind: TypeScript cannot tie the two through the union of kinds.
    const definition = kindInfo(el.kind) as KindDefinition<ElementKind, unknown>;
    definition.resolve?.(el, resolver(el, definition, refs, relations, occ));
  }

  const byKind = Object.fromEntries(KIND_NAMES.map((k) => [k, new Map<string, Element>()])) as Record<ElementKind, Map<string, Element>>;
  const modelElements: Element[] = [];
  for (const el of elements) {
    const element = Object.freeze({
      kind: el.kind,
      id: el.id,
      data: deepFreeze(el.data),
      source: el.source,
      ...(el.body ? { body: el.body } : {}),
    }) as Element;
    modelElements.push(element);
    byKind[el.kind].set(el.id, element);
  }

  const model: Model = Object.freeze({
    contentDir,
    system: Object.freeze({ data: system.data, source: system.source, ...(system.body ? { body: system.body } : {}) }),
    elements: Object.freeze(modelElements),
    byKind: Object.freeze(byKind) as Model['byKind'],
    relations: Object.freeze(relations.finish(occ)),
  });
  return { model, occurrences: occ };
}

/**
 * The resolver a kind's `resolve` is handed for one element: references resolved against the
 * whole model, and reported, as the kind declares them. Positions are found only when a
 * diagnostic needs one: finding them means parsing the file again.
 */
function resolver(
  el: ParsedElement,
  definition: KindDefinition<ElementKind, unknown>,
  refs: References,
  relations: RelationBuilder,
  occ: { [K in OccurrenceList]: Occurrence[] } & { entities: Occurrence<string>[] },
): Resolver {
  const self: ElementRef = { kind: el.kind, id: el.id };
  const field = (name: string) => {
    if (!Object.hasOwn(definition.references, name)) throw new Error(`${el.kind} declares no reference field '${name}'`);
    const { kinds, role, inverse } = definition.references[name]!;
    // The registry checked that every kind named is one (kinds.ts).
    return { kinds: kinds === 'any' ? KIND_NAMES : (kinds as readonly ElementKind[]), role, inverse };
  };
  const site = (path: FieldPath, role: string) => ({
    file: el.source.file,
    get at() {
      return el.locate.value(path);
    },
    role,
  });
  const at = <T>(path: FieldPath, target: T): Occurrence<T> => ({
    owner: self,
    file: el.source.file,
    target,
    get at() {
      return el.locate.value(path);
    },
  });
  return {
    self,
    relations,
    ref(name, path, raw) {
      const { kinds, role, inverse } = field(name);
      const target = refs.resolve(raw, kinds, site(path, role));
      if (target && inverse !== undefined) relations.links.add(keyOf(self), { field: name, target, inverse, from: self });
      return target;
    },
    refOrComponent(name, path, raw, components, role) {
      return refs.resolve(raw, field(name).kinds, site(path, role), { service: el.id, ids: components });
    },
    occurrence(list, path, target) {
      occ[list].push(at(path, target));
    },
    entity(path, name) {
      occ.entities.push(at(path, name));
    },
  };
}

/** Freezes a value and everything it holds. Iterative, so depth cannot overflow the stack. */
function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    // Typed arrays (`!!binary`) cannot be frozen, and hold only bytes.
    if (item === null || typeof item !== 'object' || Object.isFrozen(item) || ArrayBuffer.isView(item)) continue;
    Object.freeze(item);
    for (const child of Object.values(item)) stack.push(child);
  }
  return value;
}
