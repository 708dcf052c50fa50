import { keyOf, type Element, type ElementRef, type Model } from '../model/model.ts';
import { consumedIds } from '../model/queries.ts';
import type { FlowGroup, FlowNode, Flowchart } from './flowchart.ts';
import { elementNode, serviceDetail } from './nodes.ts';
import { aggregate, type ViewOptions } from './options.ts';

/**
 * C4 level 3, the components of one service, grouped by layer inside the service's
 * boundary, with the services, resources and external systems they use outside it.
 * Undefined when the service declares no components.
 */
export function componentView(model: Model, serviceId: string, options: ViewOptions): Flowchart | undefined {
  const service = model.byKind.service.get(serviceId);
  const components = service?.data.components ?? [];
  if (!service || components.length === 0) return undefined;
  const boundary = `boundary:${service.id}`;
  const layers = [...new Set(components.map((c) => c.layer ?? 'other'))];
  const groups: FlowGroup[] = [
    { key: boundary, title: `${service.data.name} ${serviceDetail(service)}` },
    ...layers.map((layer) => ({
      key: `layer:${layer}`,
      title: `${layerName(layer)} layer`,
      parent: boundary,
    })),
  ];
  const componentKey = (id: string) => `component:${service.id}/${id}`;
  const nodes: FlowNode[] = components.map((c) => ({
    key: componentKey(c.id),
    name: c.name,
    detail: c.technology ? `[Component: ${c.technology}]` : '[Component]',
    description: c.description,
    style: 'component',
    parent: `layer:${c.layer ?? 'other'}`,
  }));
  const edges = aggregate();
  const outside = new Map<string, FlowNode>();
  for (const c of components) {
    for (const target of model.relations.componentUses.get(`${service.id}/${c.id}`) ?? []) {
      if (target.kind === 'component') {
        edges.add(componentKey(c.id), componentKey(target.id), 'uses');
      } else {
        outside.set(keyOf(target), elementNode(model, target, options));
        const protocol = (model.relations.calls.get(keyOf(service)) ?? []).find((call) => keyOf(call.to) === keyOf(target))?.protocol;
        edges.add(componentKey(c.id), keyOf(target), protocol ?? resourceUse(model, service, target));
      }
    }
  }
  return {
    direction: 'TB',
    title: `Components of ${service.data.name}`,
    nodes: [...nodes, ...[...outside.values()].sort((a, b) => (a.key < b.key ? -1 : 1))],
    groups,
    edges: edges.list(),
  };
}

/**
 * What a component does with what it uses: a broker its service publishes or consumes
 * events through is published to or consumed from, as the containers view draws it; a
 * store is read and written; anything else is used.
 */
function resourceUse(model: Model, service: Element<'service'>, target: ElementRef): string {
  if (target.kind !== 'resource') return 'uses';
  const through = (events: readonly string[] | undefined) =>
    (events ?? []).some((e) => model.byKind.event.get(e.replace(/^event:/, ''))?.data.broker === target.id);
  const publishes = through(service.data.events?.publishes);
  const consumes = through(consumedIds(service.data));
  if (publishes && consumes) return 'publishes and consumes';
  if (publishes) return 'publishes to';
  if (consumes) return 'consumes from';
  return 'reads and writes';
}

/** `api` → `API`, `application` → `Application`: how a layer is named, in diagrams and on pages. */
export function layerName(layer: string): string {
  return /^(api|ui|io)$/i.test(layer) ? layer.toUpperCase() : `${layer.charAt(0).toUpperCase()}${layer.slice(1)}`;
}
