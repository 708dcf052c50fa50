import type { Model } from '../model/model.ts';
import type { DeploymentNodeData } from '../model/schemas/deployment.ts';
import type { FlowGroup, FlowNode, Flowchart } from './flowchart.ts';
import { elementNode } from './nodes.ts';
import { aggregate, type ViewOptions } from './options.ts';

/**
 * A deployment environment: nested deployment nodes as boundaries, the service and
 * resource instances inside them with their replicas, and what connects the instances: the
 * calls, each service's reads and writes of its stores, and the events each publishes to
 * and consumes from a broker that runs here.
 * When there are more instances than `maxNodes`, each node shows how many it runs
 * instead: a diagram of hundreds of boxes helps nobody.
 */
export function deploymentView(model: Model, deploymentId: string, options: ViewOptions): Flowchart | undefined {
  const deployment = model.byKind.deployment.get(deploymentId);
  if (!deployment) return undefined;
  const groups: FlowGroup[] = [];
  const nodes: FlowNode[] = [];
  const placed = new Map<string, string[]>();
  let instances = 0;
  const countAll = (list: readonly DeploymentNodeData[]) => {
    for (const n of list) {
      instances += n.instances?.length ?? 0;
      countAll(n.nodes ?? []);
    }
  };
  countAll(deployment.data.nodes ?? []);
  const summarise = instances > options.maxNodes;
  /** Nodes that route incoming traffic (a load balancer, an ingress), and the services they route it to. */
  const entries: { key: string; services: readonly string[] }[] = [];
  const walk = (list: readonly DeploymentNodeData[], parent: string | undefined, path: string) => {
    for (const n of list) {
      const key = `node:${path}${n.id}`;
      const fronted = n.fronts ?? (isEntryNode(n) ? entryServices(model, deployment.data.nodes ?? []) : []);
      if (fronted.length > 0) entries.push({ key, services: fronted });
      const detail = n.technology ? `[Deployment node: ${n.technology}]` : '[Deployment node]';
      const hasInside = (n.instances?.length ?? 0) > 0 || (n.nodes?.length ?? 0) > 0;
      if (!hasInside) {
        nodes.push({ key, name: n.name, detail, style: 'deployment-node', parent });
        continue;
      }
      groups.push({ key, title: `${n.name} ${detail}`, parent });
      if (summarise && n.instances?.length) {
        const services = n.instances.filter((i) => 'service' in i).length;
        const resources = n.instances.length - services;
        const parts = [services ? `${services} services` : '', resources ? `${resources} resources` : ''].filter(Boolean).join(', ');
        nodes.push({
          key: `${key}/instances`,
          name: parts,
          detail: '[Instances]',
          style: 'container',
          parent: key,
          link: options.link(deployment),
        });
      } else {
        for (const instance of n.instances ?? []) {
          const ref =
            'service' in instance
              ? ({ kind: 'service', id: instance.service } as const)
              : ({ kind: 'resource', id: instance.resource } as const);
          if (!model.byKind[ref.kind].has(ref.id)) continue;
          const instanceKey = `instance:${path}${n.id}/${ref.kind}:${ref.id}`;
          // Instances are named only: what they are is on their own diagrams, and the nodes say where they run.
          const node = elementNode(model, ref, options, { key: instanceKey, parent: key });
          nodes.push({ ...node, detail: instance.replicas !== undefined ? `× ${instance.replicas}` : undefined });
          placed.set(`${ref.kind}:${ref.id}`, [...(placed.get(`${ref.kind}:${ref.id}`) ?? []), instanceKey]);
        }
      }
      walk(n.nodes ?? [], key, `${path}${n.id}/`);
    }
  };
  walk(deployment.data.nodes ?? [], undefined, '');
  const edges = aggregate();
  if (!summarise) {
    // How traffic enters: from each load balancer or ingress to the instances of what it fronts.
    for (const { key, services } of entries)
      for (const service of services)
        for (const instance of placed.get(`service:${service.replace(/^service:/, '')}`) ?? []) edges.add(key, instance, 'routes to');
    const between = (from: string, to: string, label: string | undefined, async = false) => {
      for (const a of placed.get(from) ?? []) for (const b of placed.get(to) ?? []) edges.add(a, b, label, async);
    };
    for (const from of placed.keys()) {
      for (const call of model.relations.calls.get(from) ?? []) between(from, `${call.to.kind}:${call.to.id}`, call.protocol);
      if (!from.startsWith('service:')) continue;
      const service = model.byKind.service.get(from.slice('service:'.length));
      for (const store of service?.data.data?.stores ?? [])
        between(from, `resource:${store.replace(/^resource:/, '')}`, 'reads and writes');
    }
    // Events through the broker instances this deployment runs: the same relations the
    // containers view draws, where they physically go.
    for (const event of model.byKind.event.values()) {
      const broker = event.data.broker ? `resource:${event.data.broker}` : undefined;
      if (!broker || !placed.has(broker)) continue;
      for (const p of model.relations.producers.get(event.id) ?? []) between(`service:${p}`, broker, event.id, true);
      for (const c of model.relations.consumers.get(event.id) ?? []) between(broker, `service:${c}`, event.id, true);
    }
  }
  return {
    direction: 'LR',
    layout: 'elk',
    title: `Deployment: ${deployment.data.name}`,
    nodes,
    groups,
    edges: edges.list(),
    syncLabel: 'Traffic and calls',
    // What runs where, and how traffic enters, first; the calls and events between instances are one switch away.
    hiddenKinds: ['call', 'event'],
  };
}

/** A node that takes traffic in, by what it is called: a load balancer, an ingress, a CDN. Only a node that runs nothing itself. */
function isEntryNode(n: DeploymentNodeData): boolean {
  if ((n.instances?.length ?? 0) > 0 || (n.nodes?.length ?? 0) > 0) return false;
  return /load.?balancer|\bingress\b|\bLB\b|\bCDN\b|front.?door|\bALB\b|\bNLB\b|\bELB\b/i.test(`${n.name} ${n.technology ?? ''} ${n.id}`);
}

/**
 * Where traffic that enters a deployment goes when a node does not say (`fronts`): its API
 * gateways, or else its web and mobile apps, among the services the deployment runs.
 */
function entryServices(model: Model, nodes: readonly DeploymentNodeData[]): string[] {
  const deployed: string[] = [];
  const collect = (list: readonly DeploymentNodeData[]) => {
    for (const n of list) {
      for (const i of n.instances ?? []) if ('service' in i) deployed.push(i.service.replace(/^service:/, ''));
      collect(n.nodes ?? []);
    }
  };
  collect(nodes);
  const ofType = (types: readonly string[]) =>
    deployed.filter((id) => types.includes(model.byKind.service.get(id)?.data.type ?? 'service'));
  const gateways = ofType(['gateway']);
  return [...new Set(gateways.length > 0 ? gateways : ofType(['web-app', 'mobile-app']))];
}
