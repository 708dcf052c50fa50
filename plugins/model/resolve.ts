import { compare, type Diagnostics, type Position } from './diagnostics.ts';
import { KIND_NAMES, type ElementKind } from './kinds.ts';
import {
  keyOf,
  type Call,
  type Element,
  type EntityRelation,
  type ElementRef,
  type FlowStep,
  type Model,
  type Permission,
  type Placement,
  type Relations,
  type ResourceUse,
  type Target,
} from './model.ts';
import type { InvalidElement, ParsedElement, ParsedSystem } from './read-elements.ts';
import { References } from './references.ts';
import { resourceCategory } from './resource-category.ts';
import type { DeploymentNodeData } from './schemas/deployment.ts';
import type { ResourceCategory } from './schemas/resource.ts';
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

const CALL_TARGETS: readonly ElementKind[] = ['service', 'resource', 'system'];
/** Who can take part in a flow. */
const PARTICIPANTS: readonly ElementKind[] = ['person', 'system', 'service', 'resource'];
/** Who can raise a requirement. */
const STAKEHOLDERS: readonly ElementKind[] = ['stakeholder', 'person', 'team'];

/**
 * Resolves every reference of the parsed elements and computes the inverse relations.
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
  const elements = [...parsed].sort((a, b) => KIND_NAMES.indexOf(a.kind) - KIND_NAMES.indexOf(b.kind) || compare(a.id, b.id));
  const ids = new Map<ElementKind, Set<string>>(KIND_NAMES.map((k) => [k, new Set<string>()]));
  for (const el of elements) ids.get(el.kind)!.add(el.id);
  const refs = new References(ids, new Set(invalid.map((el) => `${el.kind}:${el.id}`)), diagnostics);

  const calls: Call[] = [];
  const placements = new Multimap<Placement>();
  const affects = new Multimap<ElementRef>();
  const componentUses = new Multimap<Target>();
  const resourceUsers = new Multimap<ResourceUse>();
  const owners: { team: string; owned: ElementRef }[] = [];
  const satisfiedBy = new Multimap<ElementRef>();
  const raisedBy = new Multimap<ElementRef>();
  const riskAffects = new Multimap<ElementRef>();
  const riskOwners = new Map<string, ElementRef>();
  const permissions = new Multimap<Permission>();
  const flowSteps = new Map<string, FlowStep[]>();
  const represents = new Multimap<ElementRef>();
  const domainOf = new Map<string, string>();
  const brokers = new Map<string, string>();
  const occ = { publishes: [], consumes: [], stores: [], dependencies: [], supersedes: [], entities: [] } as {
    [K in keyof Occurrences]: Occurrences[K] extends readonly (infer T)[] ? T[] : never;
  };

  // Positions are found only when a diagnostic needs one: finding them means parsing the file again.
  const resolveAt = (el: ParsedElement | ParsedSystem, path: FieldPath, raw: string, allowed: readonly ElementKind[], role: string) =>
    refs.resolve(raw, allowed, {
      file: el.source.file,
      get at() {
        return el.locate.value(path);
      },
      role,
    });

  if (system.data.owner !== undefined) resolveAt(system, ['owner'], system.data.owner, ['team'], 'owner');

  for (const el of elements) {
    const self: ElementRef = { kind: el.kind, id: el.id };
    const at = <T>(path: FieldPath, target: T) => ({
      owner: self,
      file: el.source.file,
      target,
      get at() {
        return el.locate.value(path);
      },
    });
    switch (el.kind) {
      case 'person':
      case 'system': {
        const data = el.data as Element<'person'>['data'];
        data.uses?.forEach((use, i) => {
          const rel = typeof use === 'string' ? { target: use } : use;
          const path = typeof use === 'string' ? ['uses', i] : ['uses', i, 'target'];
          const to = resolveAt(el, path, rel.target, CALL_TARGETS, 'used element');
          if (to) calls.push({ from: self, to, protocol: rel.protocol, description: rel.description });
        });
        break;
      }
      case 'domain': {
        const data = el.data as Element<'domain'>['data'];
        if (data.owner !== undefined) {
          const team = resolveAt(el, ['owner'], data.owner, ['team'], 'owner');
          if (team) owners.push({ team: team.id, owned: self });
        }
        break;
      }
      case 'service': {
        const data = el.data as Element<'service'>['data'];
        const domain = resolveAt(el, ['domain'], data.domain, ['domain'], 'domain');
        if (domain) domainOf.set(el.id, domain.id);
        if (data.owner !== undefined) {
          const team = resolveAt(el, ['owner'], data.owner, ['team'], 'owner');
          if (team) owners.push({ team: team.id, owned: self });
        }
        data.data?.entities?.forEach((entity, i) => occ.entities.push(at(['data', 'entities', i], entity)));
        data.data?.stores?.forEach((raw, i) => {
          const store = resolveAt(el, ['data', 'stores', i], raw, ['resource'], 'store');
          if (!store) return;
          occ.stores.push(at(['data', 'stores', i], store));
          resourceUsers.add(store.id, { service: el.id, via: 'store' });
        });
        for (const field of ['publishes', 'consumes'] as const) {
          data.events?.[field]?.forEach((raw, i) => {
            const path = ['events', field, i];
            const event = resolveAt(el, path, raw, ['event'], field === 'publishes' ? 'published event' : 'consumed event');
            if (event) occ[field].push(at(path, event));
          });
        }
        data.dependencies?.forEach((dep, i) => {
          const rel = typeof dep === 'string' ? { target: dep } : dep;
          const path = typeof dep === 'string' ? ['dependencies', i] : ['dependencies', i, 'target'];
          const to = resolveAt(el, path, rel.target, CALL_TARGETS, 'dependency');
          if (!to) return;
          calls.push({ from: self, to, protocol: rel.protocol, description: rel.description });
          occ.dependencies.push(at(path, to));
          if (to.kind === 'resource') resourceUsers.add(to.id, { service: el.id, via: 'dependency' });
        });
        const componentIds = new Set((data.components ?? []).map((c) => c.id));
        data.components?.forEach((component, i) => {
          component.uses?.forEach((raw, j) => {
            const target = refs.resolve(
              raw,
              CALL_TARGETS,
              { file: el.source.file, at: el.locate.value(['components', i, 'uses', j]), role: `component '${component.id}' use` },
              { service: el.id, ids: componentIds },
            );
            if (!target) return;
            componentUses.add(`${el.id}/${component.id}`, target);
            if (target.kind === 'resource') resourceUsers.add(target.id, { service: el.id, via: 'component', detail: component.id });
          });
        });
        break;
      }
      case 'event': {
        const data = el.data as Element<'event'>['data'];
        if (data.broker !== undefined) {
          const broker = resolveAt(el, ['broker'], data.broker, ['resource'], 'broker');
          // The broker's users are added once producers and consumers are known.
          if (broker) brokers.set(el.id, broker.id);
        }
        break;
      }
      case 'deployment': {
        const data = el.data as Element<'deployment'>['data'];
        const walk = (nodes: readonly DeploymentNodeData[], trail: Placement['nodes'], path: FieldPath) => {
          nodes.forEach((node, i) => {
            const nodePath = [...path, i];
            const here = [...trail, { id: node.id, name: node.name, technology: node.technology }];
            node.instances?.forEach((instance, j) => {
              const kind = 'service' in instance ? 'service' : 'resource';
              const raw = 'service' in instance ? instance.service : instance.resource;
              const target = resolveAt(el, [...nodePath, 'instances', j, kind], raw, [kind], `deployed ${kind}`);
              if (target) placements.add(keyOf(target), { deployment: el.id, nodes: here, replicas: instance.replicas });
            });
            node.fronts?.forEach((raw, j) => resolveAt(el, [...nodePath, 'fronts', j], raw, ['service'], 'fronted service'));
            if (node.nodes) walk(node.nodes, here, [...nodePath, 'nodes']);
          });
        };
        walk(data.nodes ?? [], [], ['nodes']);
        break;
      }
      case 'decision': {
        const data = el.data as Element<'decision'>['data'];
        data.supersedes?.forEach((raw, i) => {
          const target = resolveAt(el, ['supersedes', i], raw, ['decision'], 'superseded decision');
          if (target) occ.supersedes.push(at(['supersedes', i], target));
        });
        data.affects?.forEach((raw, i) => {
          const target = resolveAt(el, ['affects', i], raw, KIND_NAMES, 'affected element');
          if (target) affects.add(el.id, target);
        });
        break;
      }
      case 'requirement': {
        const data = el.data as Element<'requirement'>['data'];
        data.satisfiedBy?.forEach((raw, i) => {
          const target = resolveAt(el, ['satisfiedBy', i], raw, KIND_NAMES, 'satisfying element');
          if (target) satisfiedBy.add(el.id, target);
        });
        data.raisedBy?.forEach((raw, i) => {
          const target = resolveAt(el, ['raisedBy', i], raw, STAKEHOLDERS, 'stakeholder');
          if (target) raisedBy.add(el.id, target);
        });
        break;
      }
      case 'risk': {
        const data = el.data as Element<'risk'>['data'];
        if (data.owner !== undefined) {
          const owner = resolveAt(el, ['owner'], data.owner, ['team', 'person'], 'risk owner');
          if (owner) riskOwners.set(el.id, owner);
        }
        data.affects?.forEach((raw, i) => {
          const target = resolveAt(el, ['affects', i], raw, KIND_NAMES, 'threatened element');
          if (target) riskAffects.add(el.id, target);
        });
        break;
      }
      case 'role': {
        const data = el.data as Element<'role'>['data'];
        for (const [raw, access] of Object.entries(data.permissions ?? {})) {
          const target = resolveAt(el, ['permissions', raw], raw, KIND_NAMES, 'permission target');
          if (target) permissions.add(el.id, { target, access });
        }
        break;
      }
      case 'flow': {
        const data = el.data as Element<'flow'>['data'];
        const steps: FlowStep[] = [];
        data.steps.forEach((step, i) => {
          const from = resolveAt(el, ['steps', i, 'from'], step.from, PARTICIPANTS, 'sender');
          const to = resolveAt(el, ['steps', i, 'to'], step.to, PARTICIPANTS, 'receiver');
          if (from && to) steps.push({ from, to, message: step.message, reply: step.reply ?? false });
        });
        flowSteps.set(el.id, steps);
        break;
      }
      case 'stakeholder': {
        const data = el.data as Element<'stakeholder'>['data'];
        data.represents?.forEach((raw, i) => {
          const target = resolveAt(el, ['represents', i], raw, ['person', 'team'], 'represented person or team');
          if (target) represents.add(el.id, target);
        });
        break;
      }
      default:
        break;
    }
  }

  // Inverse relations.
  const producers = new Multimap<string>();
  const consumers = new Multimap<string>();
  for (const o of occ.publishes) producers.add(o.target.id, o.owner.id);
  for (const o of occ.consumes) consumers.add(o.target.id, o.owner.id);
  for (const [event, broker] of brokers) {
    for (const service of producers.get(event)) resourceUsers.add(broker, { service, via: 'broker', detail: event });
    for (const service of consumers.get(event)) resourceUsers.add(broker, { service, via: 'broker', detail: event });
  }
  const entityOwners = new Map<string, string>();
  for (const o of [...occ.entities].sort((a, b) => compare(a.owner.id, b.owner.id))) {
    if (!entityOwners.has(o.target)) entityOwners.set(o.target, o.owner.id);
  }
  // Entity relations by each entity they join, in the order services (by id) declare them.
  const entityRelations = new Multimap<EntityRelation>();
  for (const el of elements) {
    if (el.kind !== 'service') continue;
    (el.data as Element<'service'>['data']).data?.relations?.forEach((relation, index) => {
      const entry = { ...relation, service: el.id, index };
      entityRelations.add(relation.from, entry);
      if (relation.to !== relation.from) entityRelations.add(relation.to, entry);
    });
  }
  const categories = new Map<string, ResourceCategory>();
  const decisionsOf = new Multimap<string>();
  for (const [decision, targets] of affects.entries()) for (const t of targets) decisionsOf.add(keyOf(t), decision);
  const supersededBy = new Multimap<string>();
  for (const o of occ.supersedes) supersededBy.add(o.target.id, o.owner.id);
  const domainServices = new Multimap<string>();
  const domainEvents = new Multimap<string>();
  for (const [service, domain] of domainOf) domainServices.add(domain, service);
  for (const o of occ.publishes) {
    const domain = domainOf.get(o.owner.id);
    if (domain) domainEvents.add(domain, o.target.id);
  }
  const owned = new Multimap<ElementRef>();
  for (const { team, owned: el } of owners) owned.add(team, el);
  const requirementsOf = new Multimap<string>();
  for (const [requirement, targets] of satisfiedBy.entries()) for (const t of targets) requirementsOf.add(keyOf(t), requirement);
  const risksOf = new Multimap<string>();
  for (const [risk, targets] of riskAffects.entries()) for (const t of targets) risksOf.add(keyOf(t), risk);
  const flowsOf = new Multimap<string>();
  for (const [flow, steps] of flowSteps) for (const step of steps) for (const end of [step.from, step.to]) flowsOf.add(keyOf(end), flow);

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
    if (el.kind === 'resource') {
      const data = el.data as Element<'resource'>['data'];
      categories.set(el.id, resourceCategory(data.type, data.category));
    }
  }

  const sortRefs = (a: ElementRef, b: ElementRef) => KIND_NAMES.indexOf(a.kind) - KIND_NAMES.indexOf(b.kind) || compare(a.id, b.id);
  const sortCalls = (a: Call, b: Call) => sortRefs(a.from, b.from) || sortRefs(a.to, b.to) || compare(a.protocol ?? '', b.protocol ?? '');
  const callsFrom = new Multimap<Call>();
  const callersOf = new Multimap<Call>();
  for (const call of calls) {
    callsFrom.add(keyOf(call.from), call);
    callersOf.add(keyOf(call.to), call);
  }

  const relations: Relations = {
    calls: callsFrom.freeze(sortCalls),
    callers: callersOf.freeze(sortCalls),
    producers: producers.freeze(compare, true),
    consumers: consumers.freeze(compare, true),
    placements: placements.freeze(
      (a, b) => compare(a.deployment, b.deployment) || compare(a.nodes.map((n) => n.id).join('/'), b.nodes.map((n) => n.id).join('/')),
    ),
    decisions: decisionsOf.freeze(compare, true),
    affects: affects.freeze(sortRefs),
    supersededBy: supersededBy.freeze(compare, true),
    entityOwners: sortedMap(entityOwners),
    entityRelations: entityRelations.freeze((a, b) => compare(a.service, b.service) || a.index - b.index),
    resourceUsers: resourceUsers.freeze(
      (a, b) => compare(a.service, b.service) || compare(a.via, b.via) || compare(a.detail ?? '', b.detail ?? ''),
    ),
    categories: sortedMap(categories),
    domainServices: domainServices.freeze(compare, true),
    domainEvents: domainEvents.freeze(compare, true),
    owned: owned.freeze(sortRefs),
    componentUses: componentUses.freeze((a, b) => compare(keyOf(a), keyOf(b))),
    satisfiedBy: satisfiedBy.freeze(sortRefs),
    requirements: requirementsOf.freeze(compare, true),
    raisedBy: raisedBy.freeze(sortRefs),
    riskAffects: riskAffects.freeze(sortRefs),
    risks: risksOf.freeze(compare, true),
    riskOwners: sortedMap(riskOwners),
    permissions: permissions.freeze((a, b) => sortRefs(a.target, b.target)),
    flowSteps: sortedMap(new Map([...flowSteps].map(([id, steps]) => [id, Object.freeze(steps)]))),
    flows: flowsOf.freeze(compare, true),
    represents: represents.freeze(sortRefs),
  };

  const model: Model = Object.freeze({
    contentDir,
    system: Object.freeze({ data: system.data, source: system.source, ...(system.body ? { body: system.body } : {}) }),
    elements: Object.freeze(modelElements),
    byKind: Object.freeze(byKind) as Model['byKind'],
    relations: Object.freeze(relations),
  });
  return { model, occurrences: occ };
}

/** A map of lists, frozen into sorted read-only lists once complete. */
class Multimap<V> {
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

function sortedMap<V>(map: Map<string, V>): ReadonlyMap<string, V> {
  return new Map([...map].sort(([a], [b]) => compare(a, b)));
}
