import { keyOf, type ElementRef, type Model } from '../model/model.ts';
import type { FlowEdge, FlowGroup, FlowNode, Flowchart } from './flowchart.ts';
import { elementNode } from './nodes.ts';
import { aggregate, plannedCall, type ViewOptions } from './options.ts';
import { serviceDomain as domainOf } from '../model/queries.ts';

const SYSTEM_KEY = 'system:__self';

/**
 * C4 level 2, containers: services and resources inside the system, grouped by domain, with
 * the people and external systems around them. Synchronous calls are solid and labelled with
 * their protocol; events are dotted, one edge from producer to consumer (the broker named in
 * a note). With
 * `domain`, only that domain's containers and their direct neighbours are shown. A view
 * that would hold more than `maxContainers` boxes collapses into one box per domain, each
 * linking to the domain's own container view.
 */
export function containerView(
  model: Model,
  options: ViewOptions,
  domain?: string,
  /**
   * `auto` collapses by the count of boxes (`maxContainers`), where nothing better is known;
   * the build decides by the size the whole view is drawn at instead (see
   * astro/diagrams/prerender.ts), asking for `whole` or `domains`.
   */
  grouping: 'auto' | 'whole' | 'domains' = 'auto',
): Flowchart | undefined {
  const rel = model.relations;
  const inScope = (service: string) => domain === undefined || domainOf(model, service) === domain;
  const services = [...model.byKind.service.keys()].filter(inScope);
  const keep = new Set<string>(services.map((id) => `service:${id}`));
  const edges = aggregate();
  const endpoints: ElementRef[] = [];
  const use = (ref: ElementRef) => {
    keep.add(keyOf(ref));
    endpoints.push(ref);
  };

  for (const calls of rel.calls.values()) {
    for (const call of calls) {
      const fromIn = keep.has(keyOf(call.from)) && call.from.kind === 'service';
      const toIn = call.to.kind === 'service' && inScope(call.to.id);
      if (!fromIn && !toIn) continue;
      use(call.from);
      use(call.to);
      edges.add(keyOf(call.from), keyOf(call.to), call.protocol ?? call.description, false, plannedCall(model, call));
    }
  }
  for (const [resource, uses] of rel.resourceUsers) {
    for (const u of uses) {
      if (u.via !== 'store' || !inScope(u.service)) continue;
      use({ kind: 'resource', id: resource });
      edges.add(`service:${u.service}`, `resource:${resource}`, 'reads and writes');
    }
  }
  const brokers = addEventEdges(model, inScope, use, edges);
  const brokerNames = [...brokers].sort().map((b) => model.byKind.resource.get(b)!.data.name);
  const notes =
    brokerNames.length > 0
      ? [
          `Dotted edges are events, each from the service that publishes them to one that consumes them, through ${brokerNames.join(' and ')}.`,
        ]
      : [];
  for (const person of model.byKind.person.values()) if (domain === undefined) keep.add(keyOf(person));
  for (const system of model.byKind.system.values()) if (domain === undefined) keep.add(keyOf(system));

  const title = domain
    ? `Containers of the ${model.byKind.domain.get(domain)?.data.name ?? domain} domain`
    : `Containers of ${model.system.data.name}`;
  // Progressive disclosure: past what one diagram shows readably, domains as boxes. A dozen
  // services or fewer read well drawn whole, however many stores and actors surround them.
  const drawn = edges.list();
  const relations = drawn.length;
  const crowded = keep.size > options.maxContainers || relations > options.maxContainers * 1.5;
  const collapse = grouping === 'domains' || (grouping === 'auto' && crowded && services.length > options.maxContainers / 2);
  if (domain === undefined && collapse && model.byKind.domain.size > 1) return collapsed(model, options, title, relations);
  if (grouping === 'domains') return undefined;
  // A domain of more services than a diagram can show keeps its own list on its page instead.
  if (keep.size > options.maxNodes * 2) return undefined;

  const { nodes, groups } = containerNodes(model, options, keep, inScope);
  return {
    direction: 'TB',
    title,
    nodes,
    groups: sortGroups(groups),
    edges: drawn.filter((e) => keep.has(e.from) && keep.has(e.to)),
    notes,
  };
}

/**
 * Events go from producer to consumer, one dotted edge a pair however many events it
 * carries: a broker drawn as the hub of every event would be a star of crossing edges.
 * Gives the brokers the events drawn go through.
 */
function addEventEdges(
  model: Model,
  inScope: (service: string) => boolean,
  use: (ref: ElementRef) => void,
  edges: ReturnType<typeof aggregate>,
): Set<string> {
  const rel = model.relations;
  const brokers = new Set<string>();
  for (const event of model.byKind.event.values()) {
    const producers = rel.producers.get(event.id) ?? [];
    const consumers = rel.consumers.get(event.id) ?? [];
    const broker = event.data.broker && model.byKind.resource.has(event.data.broker) ? event.data.broker : undefined;
    if (![...producers, ...consumers].some(inScope)) continue;
    for (const p of producers) {
      const delivered = consumers.filter((c) => c !== p && (inScope(p) || inScope(c)));
      for (const c of delivered) {
        use({ kind: 'service', id: p });
        use({ kind: 'service', id: c });
        edges.add(`service:${p}`, `service:${c}`, event.id, true);
        if (broker) brokers.add(broker);
      }
      // Published and consumed by no one: shown going into its broker, or not at all.
      if (consumers.length === 0 && broker && inScope(p)) {
        use({ kind: 'service', id: p });
        use({ kind: 'resource', id: broker });
        edges.add(`service:${p}`, `resource:${broker}`, event.id, true);
      }
    }
  }
  return brokers;
}

/** The boxes kept: people, services and resources (in their domain's group, inside the system's), external systems. */
function containerNodes(
  model: Model,
  options: ViewOptions,
  keep: ReadonlySet<string>,
  inScope: (service: string) => boolean,
): { nodes: FlowNode[]; groups: FlowGroup[] } {
  const groups: FlowGroup[] = [{ key: SYSTEM_KEY, title: model.system.data.name }];
  const nodes: FlowNode[] = [];
  const order = ['person', 'service', 'resource', 'system'] as const;
  for (const kind of order) {
    for (const id of model.byKind[kind].keys()) {
      const key = `${kind}:${id}`;
      if (!keep.has(key)) continue;
      let parent: string | undefined;
      if (kind === 'service' || kind === 'resource') {
        const d = kind === 'service' ? domainOf(model, id) : resourceDomain(model, id);
        parent = d ? `domain:${d}` : SYSTEM_KEY;
        if (d && !groups.some((g) => g.key === `domain:${d}`)) {
          groups.push({ key: `domain:${d}`, title: `${model.byKind.domain.get(d)!.data.name} domain`, parent: SYSTEM_KEY });
        }
      }
      const outside = kind === 'service' && !inScope(id);
      // Another domain's service is ours, not an external system: drawn as a container, lighter.
      nodes.push(elementNode(model, { kind, id }, options, { parent, ...(outside ? { style: 'neighbour' } : {}) }));
    }
  }
  return { nodes, groups };
}

/** The domain a resource belongs to: that of the services that store data in it, when they agree. */
function resourceDomain(model: Model, resource: string): string | undefined {
  const domains = new Set(
    (model.relations.resourceUsers.get(resource) ?? []).filter((u) => u.via === 'store').map((u) => domainOf(model, u.service)),
  );
  return domains.size === 1 ? [...domains][0] : undefined;
}

function sortGroups(groups: FlowGroup[]): FlowGroup[] {
  const [system, ...domains] = groups;
  return [system!, ...domains.sort((a, b) => (a.key < b.key ? -1 : 1))];
}

/** One box per domain, each linking to its domain page, with the calls and events between them counted. */
function collapsed(model: Model, options: ViewOptions, title: string, relations: number): Flowchart {
  const nodes: FlowNode[] = [];
  for (const person of model.byKind.person.values()) nodes.push(elementNode(model, person, options));
  for (const domain of model.byKind.domain.values()) {
    const count = model.relations.domainServices.get(domain.id)?.length ?? 0;
    nodes.push(
      elementNode(model, domain, options, {
        detail: `[${domain.data.type} domain: ${count} ${count === 1 ? 'service' : 'services'}]`,
      }),
    );
  }
  for (const system of model.byKind.system.values()) nodes.push(elementNode(model, system, options));
  const end = (ref: ElementRef) => {
    if (ref.kind === 'service') {
      const d = domainOf(model, ref.id);
      return d ? `domain:${d}` : undefined;
    }
    if (ref.kind === 'resource') return undefined;
    return keyOf(ref);
  };
  const name = (ref: ElementRef) => (model.byKind[ref.kind].get(ref.id) as { data: { name?: string } } | undefined)?.data.name ?? ref.id;
  // One edge a pair of domains, counting the calls and the events it stands for: solid
  // where there is a call, dotted where there are only events. Two edges a pair (one per
  // kind) would double the edges, and ELK stacks every one of them.
  const pairs = new Map<string, { from: string; to: string; calls: Set<string>; events: Set<string>; planned: boolean }>();
  const relate = (fromRef: ElementRef, toRef: ElementRef, async: boolean, item: string, planned = false) => {
    const from = end(fromRef);
    const to = end(toRef);
    if (!from || !to || from === to) return;
    const key = `${from}\u0000${to}`;
    const pair = pairs.get(key) ?? { from, to, calls: new Set<string>(), events: new Set<string>(), planned: true };
    (async ? pair.events : pair.calls).add(item);
    // Planned only where every relation it stands for is a planned call.
    pair.planned &&= planned && !async;
    pairs.set(key, pair);
  };
  for (const calls of model.relations.calls.values())
    for (const call of calls) relate(call.from, call.to, false, `${name(call.from)} → ${name(call.to)}`, plannedCall(model, call));
  for (const [event, producers] of model.relations.producers)
    for (const p of producers)
      for (const c of model.relations.consumers.get(event) ?? [])
        relate({ kind: 'service', id: p }, { kind: 'service', id: c }, true, event);
  const count = (n: number, one: string, many: string) => (n === 0 ? [] : [`${n} ${n === 1 ? one : many}`]);
  const edges: FlowEdge[] = [...pairs.values()].map(({ from, to, calls, events, planned }) => ({
    from,
    to,
    async: calls.size === 0,
    ...(planned ? { planned } : {}),
    label: [...count(calls.size, 'call', 'calls'), ...count(events.size, 'event', 'events')].join(', '),
    items: [...calls, ...events],
  }));
  return {
    direction: 'TB',
    layout: 'elk',
    title,
    nodes,
    edges,
    notes: [
      `${model.byKind.service.size} services and their ${relations} relations are too many to read in one diagram: each of the ${model.byKind.domain.size} domains is one box here, and opens its own containers view.`,
    ],
  };
}
