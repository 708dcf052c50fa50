import { compare } from './diagnostics.ts';
import { KIND_NAMES } from './kinds.ts';
import {
  keyOf,
  type Call,
  type ElementRef,
  type EntityRelation,
  type FlowStep,
  type LinkedRef,
  type Permission,
  type Placement,
  type Referrer,
  type Relations,
  type ResourceUse,
  type Target,
} from './model.ts';
import { Multimap, sortedMap } from './multimap.ts';
import type { Occurrence } from './resolve.ts';
import type { ResourceCategory } from './schemas/resource.ts';

/** The references that the inverse relations are computed from. */
interface Written {
  readonly publishes: readonly Occurrence[];
  readonly consumes: readonly Occurrence[];
  readonly supersedes: readonly Occurrence[];
  readonly entities: readonly Occurrence<string>[];
}

/**
 * The model's relations while the kinds' `resolve` add to them, one element at a time;
 * `finish` computes the inverse relations and freezes every list, sorted.
 */
export class RelationBuilder {
  readonly calls: Call[] = [];
  readonly placements = new Multimap<Placement>();
  readonly affects = new Multimap<ElementRef>();
  readonly componentUses = new Multimap<Target>();
  readonly resourceUsers = new Multimap<ResourceUse>();
  /** What each team owns, by team id. */
  readonly owned = new Multimap<ElementRef>();
  readonly satisfiedBy = new Multimap<ElementRef>();
  readonly raisedBy = new Multimap<ElementRef>();
  readonly riskAffects = new Multimap<ElementRef>();
  readonly riskOwners = new Map<string, ElementRef>();
  readonly permissions = new Multimap<Permission>();
  readonly flowSteps = new Map<string, readonly FlowStep[]>();
  readonly represents = new Multimap<ElementRef>();
  readonly entityRelations = new Multimap<EntityRelation>();
  readonly categories = new Map<string, ResourceCategory>();
  /** The domain of each service, by service id. */
  readonly domainOf = new Map<string, string>();
  /** The broker of each event, by event id: its users are added once producers and consumers are known. */
  readonly brokers = new Map<string, string>();
  /** What linked fields point at, by the key of the element that has them (see Resolver.ref). */
  readonly links = new Multimap<LinkedRef & Referrer>();

  finish(written: Written): Relations {
    const producers = new Multimap<string>();
    const consumers = new Multimap<string>();
    for (const o of written.publishes) producers.add(o.target.id, o.owner.id);
    for (const o of written.consumes) consumers.add(o.target.id, o.owner.id);
    for (const [event, broker] of this.brokers) {
      for (const service of producers.get(event)) this.resourceUsers.add(broker, { service, via: 'broker', detail: event });
      for (const service of consumers.get(event)) this.resourceUsers.add(broker, { service, via: 'broker', detail: event });
    }
    const entityOwners = new Map<string, string>();
    for (const o of [...written.entities].sort((a, b) => compare(a.owner.id, b.owner.id))) {
      if (!entityOwners.has(o.target)) entityOwners.set(o.target, o.owner.id);
    }
    const supersededBy = new Multimap<string>();
    for (const o of written.supersedes) supersededBy.add(o.target.id, o.owner.id);
    const domainServices = new Multimap<string>();
    const domainEvents = new Multimap<string>();
    for (const [service, domain] of this.domainOf) domainServices.add(domain, service);
    for (const o of written.publishes) {
      const domain = this.domainOf.get(o.owner.id);
      if (domain) domainEvents.add(domain, o.target.id);
    }
    const flowsOf = new Multimap<string>();
    for (const [flow, steps] of this.flowSteps)
      for (const step of steps) for (const end of [step.from, step.to]) flowsOf.add(keyOf(end), flow);
    const linkedFrom = new Multimap<Referrer>();
    for (const [, links] of this.links.entries())
      for (const { target, inverse, from } of links) linkedFrom.add(keyOf(target), { inverse, from });
    const callsFrom = new Multimap<Call>();
    const callersOf = new Multimap<Call>();
    for (const call of this.calls) {
      callsFrom.add(keyOf(call.from), call);
      callersOf.add(keyOf(call.to), call);
    }

    return {
      calls: callsFrom.freeze(sortCalls),
      callers: callersOf.freeze(sortCalls),
      producers: producers.freeze(compare, true),
      consumers: consumers.freeze(compare, true),
      placements: this.placements.freeze(
        (a, b) => compare(a.deployment, b.deployment) || compare(a.nodes.map((n) => n.id).join('/'), b.nodes.map((n) => n.id).join('/')),
      ),
      decisions: inverse(this.affects).freeze(compare, true),
      affects: this.affects.freeze(sortRefs),
      supersededBy: supersededBy.freeze(compare, true),
      entityOwners: sortedMap(entityOwners),
      entityRelations: this.entityRelations.freeze((a, b) => compare(a.service, b.service) || a.index - b.index),
      resourceUsers: this.resourceUsers.freeze(
        (a, b) => compare(a.service, b.service) || compare(a.via, b.via) || compare(a.detail ?? '', b.detail ?? ''),
      ),
      categories: sortedMap(this.categories),
      domainServices: domainServices.freeze(compare, true),
      domainEvents: domainEvents.freeze(compare, true),
      owned: this.owned.freeze(sortRefs),
      componentUses: this.componentUses.freeze((a, b) => compare(keyOf(a), keyOf(b))),
      satisfiedBy: this.satisfiedBy.freeze(sortRefs),
      requirements: inverse(this.satisfiedBy).freeze(compare, true),
      raisedBy: this.raisedBy.freeze(sortRefs),
      riskAffects: this.riskAffects.freeze(sortRefs),
      risks: inverse(this.riskAffects).freeze(compare, true),
      riskOwners: sortedMap(this.riskOwners),
      permissions: this.permissions.freeze((a, b) => sortRefs(a.target, b.target)),
      flowSteps: sortedMap(new Map([...this.flowSteps].map(([id, steps]) => [id, Object.freeze([...steps])]))),
      flows: flowsOf.freeze(compare, true),
      represents: this.represents.freeze(sortRefs),
      // As written: a stable sort that compares nothing equal keeps the order.
      links: new Map([...this.links.freeze(() => 0)].map(([key, list]) => [key, list.map(({ field, target }) => ({ field, target }))])),
      linkedFrom: linkedFrom.freeze((a, b) => compare(a.inverse, b.inverse) || sortRefs(a.from, b.from)),
    };
  }
}

/** By element key, the ids that point at it. */
function inverse(forward: Multimap<ElementRef>): Multimap<string> {
  const out = new Multimap<string>();
  for (const [id, targets] of forward.entries()) for (const t of targets) out.add(keyOf(t), id);
  return out;
}

/** By kind (in the order of the registry), then id. */
export function sortRefs(a: ElementRef, b: ElementRef): number {
  return KIND_NAMES.indexOf(a.kind) - KIND_NAMES.indexOf(b.kind) || compare(a.id, b.id);
}

function sortCalls(a: Call, b: Call): number {
  return sortRefs(a.from, b.from) || sortRefs(a.to, b.to) || compare(a.protocol ?? '', b.protocol ?? '');
}
