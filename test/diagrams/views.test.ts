import { describe, expect, it } from 'vitest';
import { buildView, siteViews, viewOptions, type ViewName } from '../../plugins/diagrams/index.ts';
import { modelOf } from '../helpers/model.ts';

/** A small shop: a person, an external system, two domains, three services, a store, a broker, an event, a deployment. */
const shop = modelOf({
  'content/system.yaml': 'name: Shop\n',
  'content/people/buyer.yaml': 'name: Buyer\nuses: [{ target: web, description: Buys }]\n',
  'content/systems/psp.yaml': 'name: PSP\n',
  'content/domains/sales.yaml': 'name: Sales\ntype: core\n',
  'content/domains/billing.yaml': 'name: Billing\ntype: generic\n',
  'content/resources/db.yaml': 'name: Orders DB\ntype: postgresql\n',
  'content/resources/bus.yaml': 'name: Bus\ntype: kafka\n',
  'content/services/web.yaml':
    'name: Web\ntype: web-app\nresponsibility: Sells.\ndomain: sales\ndependencies: [{ target: orders, protocol: REST }]\nstack: { language: TypeScript }\n',
  'content/services/orders.yaml':
    'name: Orders\nresponsibility: Takes orders.\ndomain: sales\ndata: { entities: [Order], stores: [db] }\nevents: { publishes: [order.placed] }\ncomponents:\n  - { id: api, name: API, layer: api, uses: [repo] }\n  - { id: repo, name: Repo, layer: data, uses: [db] }\n',
  'content/services/invoices.yaml':
    'name: Invoices\ntype: worker\nresponsibility: Bills.\ndomain: billing\ndata:\n  entities: [Invoice]\n  relations: [{ from: Invoice, to: Order, cardinality: "N:1", label: bills }]\nevents: { consumes: [order.placed] }\ndependencies: [psp]\n',
  'content/events/order.placed.yaml': 'name: Order placed\nbroker: bus\nchannel: orders\n',
  'content/deployments/prod.yaml':
    'name: Prod\nnodes:\n  - { id: k8s, name: Cluster, technology: Kubernetes, instances: [{ service: web }, { service: orders, replicas: 2 }, { service: invoices }] }\n  - { id: data, name: Data, instances: [{ resource: db }, { resource: bus }] }\n',
});
const options = viewOptions('/shop/');

describe('generated mermaid, whole', () => {
  const views: [ViewName, string | undefined][] = [
    ['context', undefined],
    ['container', undefined],
    ['container', 'billing'],
    ['component', 'orders'],
    ['deployment', 'prod'],
    ['event-flow', 'order.placed'],
    ['domain-events', 'sales'],
    ['neighbourhood', 'orders'],
    ['neighbourhood', 'resource:db'],
    ['domain-map', undefined],
    ['entities', undefined],
  ];
  it.each(views)('%s %s', async (name, of) => {
    const view = buildView(shop, name, of, options);
    await expect(view?.text).toMatchFileSnapshot(`./__snapshots__/${name}${of ? `-${of.replace(/[^a-z0-9.-]/gi, '_')}` : ''}.mmd`);
  });
});

describe('generated mermaid, facts', () => {
  const text = (name: ViewName, of?: string) => buildView(shop, name, of, options)!.text;

  it('uses ELK and C4 classes, and links every node to its page under the base', () => {
    const container = text('container');
    expect(container.startsWith('---\nconfig:\n  layout: elk\n---\nflowchart TB\n')).toBe(true);
    expect(container).toContain('  click service_orders href "/shop/services/orders/"\n');
    expect(container).toContain('  class person_buyer person\n');
    expect(container).toContain('  class system_psp external\n');
    expect(container).toContain('  resource_db[("<b>Orders DB</b><br/><small>[Database: postgresql]</small>")]\n');
  });

  it('draws events dotted, through their broker, labelled with the event', () => {
    const container = text('container');
    expect(container).toContain('  service_orders -.->|"order.placed"| resource_bus\n');
    expect(container).toContain('  resource_bus -.->|"order.placed"| service_invoices\n');
  });

  it('shows replicas on deployment instances', () => {
    expect(text('deployment', 'prod')).toContain('    instance_k8s_service_orders["<b>Orders</b><br/><small>× 2</small>"]\n');
  });

  it('gives nothing for a view with nothing to show', () => {
    expect(buildView(shop, 'component', 'web', options)).toBeUndefined();
    expect(buildView(shop, 'deployment', 'nope', options)).toBeUndefined();
    expect(buildView(shop, 'entities', 'web', options)).toBeUndefined();
  });

  it('lists every view the site shows', () => {
    expect(siteViews(shop, options).map((v) => `${v.name}${v.of ? ` ${v.of}` : ''}`)).toEqual([
      'context',
      'container',
      'domain-map',
      'entities',
      'neighbourhood invoices',
      'entities invoices',
      'neighbourhood orders',
      'component orders',
      'entities orders',
      'neighbourhood web',
      'container billing',
      'container sales',
      'domain-events sales',
      'event-flow order.placed',
      'neighbourhood resource:bus',
      'neighbourhood resource:db',
      'deployment prod',
    ]);
  });
});

describe('large models stay legible', () => {
  const files: Record<string, string> = { 'content/system.yaml': 'name: Big\n' };
  for (const d of ['a', 'b', 'c']) files[`content/domains/${d}.yaml`] = `name: Domain ${d.toUpperCase()}\ntype: core\n`;
  for (let i = 0; i < 45; i++) {
    const next = `s${(i + 1) % 45}`;
    files[`content/services/s${i}.yaml`] = `name: S${i}\nresponsibility: R.\ndomain: ${'abc'[i % 3]}\ndependencies: [${next}]\n`;
  }
  const big = modelOf(files);

  it('collapses a container view of more than 40 boxes into one box per domain, linking to the domain', () => {
    const view = buildView(big, 'container', undefined, viewOptions('/'))!.text;
    expect(view).toContain('    domain_a["<b>Domain A</b><br/><small>[core domain: 15 services]</small>"]\n');
    expect(view).toContain('  click domain_a href "/domains/a/"\n');
    expect(view).not.toContain('service_s1');
    expect(view).toContain('  domain_a -->|"calls"| domain_b\n');
  });

  it("keeps each domain's own container view whole", () => {
    const view = buildView(big, 'container', 'a', viewOptions('/'))!.text;
    expect(view).toContain('service_s0[');
    expect(view).toContain('service_s42[');
  });

  it('summarises the instances of a deployment of more than 40', () => {
    const deployment = modelOf({
      ...files,
      'content/deployments/prod.yaml': `name: Prod\nnodes:\n  - id: k8s\n    name: Cluster\n    instances:\n${Array.from({ length: 45 }, (_, i) => `      - { service: s${i} }\n`).join('')}`,
    });
    const view = buildView(deployment, 'deployment', 'prod', viewOptions('/'))!.text;
    expect(view).toContain('node_k8s_instances["<b>45 services</b><br/><small>[Instances]</small>"]');
    expect(view).not.toContain('instance_k8s_service_s1');
  });
});
