import { compare } from '../model/diagnostics.ts';
import { consumedIds } from '../model/queries.ts';
import { keyOf, type ElementRef, type Model } from '../model/model.ts';
import type { FlowEdge, FlowNode, Flowchart } from './flowchart.ts';
import { elementNode } from './nodes.ts';
import { aggregate, plannedCall, type ViewOptions } from './options.ts';

/**
 * A service and everything it touches: who calls it, what it calls, where it stores data,
 * and who it exchanges events with (dotted, labelled with the events).
 */
export function serviceNeighbourhood(model: Model, serviceId: string, options: ViewOptions): Flowchart | undefined {
  const service = model.byKind.service.get(serviceId);
  if (!service) return undefined;
  const self = keyOf(service);
  const rel = model.relations;
  const nodes = new Map<string, FlowNode>([[self, elementNode(model, service, options, { style: 'focus', withDescription: true })]]);
  const add = (ref: ElementRef) => {
    if (!nodes.has(keyOf(ref))) nodes.set(keyOf(ref), elementNode(model, ref, options));
  };
  const edges = aggregate();
  for (const call of rel.callers.get(self) ?? []) {
    add(call.from);
    edges.add(keyOf(call.from), self, call.protocol ?? call.description, false, plannedCall(model, call));
  }
  for (const call of rel.calls.get(self) ?? []) {
    add(call.to);
    edges.add(self, keyOf(call.to), call.protocol ?? call.description, false, plannedCall(model, call));
  }
  // The resources it stores in, in resource id order; looked up one by one, so the view
  // depends on those resources only.
  const stores = [...new Set((service.data.data?.stores ?? []).map((raw) => raw.replace(/^resource:/, '')))].sort(compare);
  for (const resource of stores) {
    const uses = rel.resourceUsers.get(resource) ?? [];
    if (!uses.some((u) => u.service === service.id && u.via === 'store')) continue;
    add({ kind: 'resource', id: resource });
    edges.add(self, `resource:${resource}`, 'reads and writes');
  }
  for (const event of service.data.events?.publishes ?? []) {
    for (const consumer of rel.consumers.get(event) ?? []) {
      if (consumer === service.id) continue;
      add({ kind: 'service', id: consumer });
      edges.add(self, `service:${consumer}`, event, true);
    }
  }
  for (const event of consumedIds(service.data)) {
    for (const producer of rel.producers.get(event) ?? []) {
      if (producer === service.id) continue;
      add({ kind: 'service', id: producer });
      edges.add(`service:${producer}`, self, event, true);
    }
  }
  return { direction: 'LR', title: `Neighbourhood of ${service.data.name}`, nodes: [...nodes.values()], edges: edges.list() };
}

/**
 * A resource and the services that use it, and how. A broker's events are drawn as they
 * flow: from each producer into the broker ("publishes …"), and from the broker out to each
 * consumer ("consumes …"), never merged into one edge, so a reader sees who sends and who
 * receives.
 */
export function resourceNeighbourhood(model: Model, resourceId: string, options: ViewOptions): Flowchart | undefined {
  const resource = model.byKind.resource.get(resourceId);
  const uses = model.relations.resourceUsers.get(resourceId) ?? [];
  if (!resource || uses.length === 0) return undefined;
  const self = keyOf(resource);
  const nodes = new Map<string, FlowNode>([[self, elementNode(model, resource, options, { withDescription: true })]]);
  const edges = aggregate();
  const published = aggregate();
  const consumed = aggregate();
  const LABEL = { store: 'reads and writes', dependency: 'calls', component: 'uses' } as const;
  for (const u of uses) {
    const key = `service:${u.service}`;
    if (!nodes.has(key)) nodes.set(key, elementNode(model, { kind: 'service', id: u.service }, options));
    if (u.via !== 'broker') edges.add(key, self, LABEL[u.via]);
    else {
      if ((model.relations.producers.get(u.detail ?? '') ?? []).includes(u.service)) published.add(key, self, u.detail, true);
      if ((model.relations.consumers.get(u.detail ?? '') ?? []).includes(u.service)) consumed.add(self, key, u.detail, true);
    }
  }
  const verb = (word: string) => (edge: FlowEdge) => ({
    ...edge,
    label: edge.items ? `${word} ${edge.items.length} events` : `${word} ${edge.label ?? ''}`.trim(),
  });
  return {
    direction: 'LR',
    title: `Users of ${resource.data.name}`,
    nodes: [...nodes.values()],
    edges: [...edges.list(), ...published.list().map(verb('publishes')), ...consumed.list().map(verb('consumes'))],
  };
}
