import { describe, expect, it } from 'vitest';
import { DIAGRAM_LIMITS } from '../../plugins/diagrams/limits.ts';
import { readsAtSize } from '../../plugins/astro/diagrams/prerender.ts';
import { buildView, containerViews, siteViews, viewOptions, type ViewName } from '../../plugins/diagrams/index.ts';
import type { Flowchart } from '../../plugins/diagrams/flowchart.ts';
import { ranksOf, standsUp } from '../../plugins/diagrams/stands-up.ts';
import { modelOf } from '../helpers/model.ts';
import { checkTree } from '../helpers/tree.ts';

/** A small shop: a person, an external system, two domains, three services, a store, a broker, an event, a deployment. */
const shop = await modelOf({
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

  it('draws events dotted, from producer to consumer, labelled with the event, and names their broker in a note', () => {
    const container = buildView(shop, 'container', undefined, options)!;
    expect(container.text).toContain('  service_orders -.->|"order.placed"| service_invoices\n');
    expect(container.text).not.toContain('resource_bus -.->');
    expect(container.notes).toEqual([
      'Dotted edges are events, each from the service that publishes them to one that consumes them, through Bus.',
    ]);
  });

  it("draws the events a deployment's broker carries, and each service's stores, between instances", () => {
    const deployment = text('deployment', 'prod');
    expect(deployment).toMatch(/instance_k8s_service_orders -\.->\|"order\.placed"\| instance_\w+_resource_bus\n/);
    expect(deployment).toMatch(/instance_\w+_resource_bus -\.->\|"order\.placed"\| instance_k8s_service_invoices\n/);
    expect(deployment).toMatch(/instance_k8s_service_orders -->\|"reads and writes"\| instance_\w+_resource_db\n/);
  });

  it('shows replicas on deployment instances', () => {
    expect(text('deployment', 'prod')).toContain('    instance_k8s_service_orders["<b>Orders</b><br/><small>× 2</small>"]\n');
  });

  it('draws event flows and neighbourhoods a second time, top to bottom, for a phone, where they are a chain of narrow ranks', () => {
    for (const [name, of] of [
      ['event-flow', 'order.placed'],
      ['neighbourhood', 'orders'],
      ['neighbourhood', 'resource:bus'],
    ] as const) {
      const view = buildView(shop, name, of, options)!;
      expect(view.text, `${name} ${of}`).toContain('flowchart LR\n');
      expect(view.narrow, `${name} ${of}`).toBe(view.text.replace('flowchart LR\n', 'flowchart TB\n'));
    }
    // Two ranks (a store and its one user) gain nothing stood up; nor do views of other kinds.
    expect(buildView(shop, 'neighbourhood', 'resource:db', options)!.narrow).toBeUndefined();
    expect(buildView(shop, 'domain-events', 'sales', options)!.narrow).toBeUndefined();
    expect(buildView(shop, 'context', undefined, options)!.narrow).toBeUndefined();
    expect(buildView(shop, 'deployment', 'prod', options)!.narrow).toBeUndefined();
  });

  it.each([
    ['a chain', ['a>b', 'b>c'], [['a'], ['b'], ['c']], true],
    ['two producers, two consumers', ['p>e', 'q>e', 'e>c', 'e>d'], [['p', 'q'], ['e'], ['c', 'd']], true],
    ['three consumers', ['p>e', 'e>c', 'e>d', 'e>f'], [['p'], ['e'], ['c', 'd', 'f']], false],
    ['two ranks', ['a>b'], [['a'], ['b']], false],
    ['a cycle', ['a>b', 'b>c', 'c>a'], [['b'], ['c'], ['a']], true],
  ])('ranks %s', (_, edges, ranks, stands) => {
    const keys = [...new Set(edges.flatMap((e) => e.split('>')))];
    const chart = {
      direction: 'LR' as const,
      title: 't',
      nodes: keys.map((key) => ({ key, name: key, href: '', style: 'container' as const })),
      edges: edges.map((e) => ({ from: e.split('>')[0]!, to: e.split('>')[1]! })),
    };
    expect(ranksOf(chart as unknown as Flowchart)).toEqual(ranks);
    expect(standsUp(chart as unknown as Flowchart)).toBe(stands);
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

describe('large models stay legible', async () => {
  const files: Record<string, string> = { 'content/system.yaml': 'name: Big\n' };
  for (const d of ['a', 'b', 'c']) files[`content/domains/${d}.yaml`] = `name: Domain ${d.toUpperCase()}\ntype: core\n`;
  for (let i = 0; i < 45; i++) {
    const next = `s${(i + 1) % 45}`;
    files[`content/services/s${i}.yaml`] = `name: S${i}\nresponsibility: R.\ndomain: ${'abc'[i % 3]}\ndependencies: [${next}]\n`;
  }
  const big = await modelOf(files);

  it('collapses a container view of more than 24 boxes into one box per domain, linking to the domain, with the relations between domains counted', () => {
    const view = buildView(big, 'container', undefined, viewOptions('/'))!.text;
    expect(view).toContain('  domain_a["<b>Domain A</b><br/><small>[core domain: 15 services]</small>"]\n');
    expect(view).toContain('  click domain_a href "/domains/a/"\n');
    expect(view).not.toContain('service_s1');
    expect(view).toMatch(/ {2}domain_a -->\|"\d+ calls?"\| domain_b\n/);
  });

  it('offers the build both drawings of the system, whole and by domain, to keep the one that reads at its size', () => {
    const { whole, domains } = containerViews(big, viewOptions('/'));
    expect(whole!.text).toContain('service_s42[');
    expect(domains!.text).toContain('domain_a[');
    expect(domains!.text).not.toContain('service_s1[');
  });

  it('has nothing to group by in a system of one domain', async () => {
    const single = await modelOf({
      'content/system.yaml': 'name: One\n',
      'content/domains/a.yaml': 'name: A\ntype: core\n',
      'content/services/s.yaml': 'name: S\nresponsibility: R.\ndomain: a\n',
    });
    const { whole, domains } = containerViews(single, viewOptions('/'));
    expect(whole?.text).toContain('service_s[');
    expect(domains).toBeUndefined();
  });

  it.each([
    [{ width: 1033, height: 1375 }, true],
    [{ width: 720, height: 1350 }, true],
    [{ width: 720, height: 1351 }, false],
    [{ width: 1440, height: 600 }, true],
    [{ width: 1441, height: 600 }, false],
    [{ width: 2269, height: 4246 }, false],
  ])('a diagram of %o reads on a laptop: %s', (size, reads) => {
    expect(readsAtSize(size)).toBe(reads);
  });

  it("keeps each domain's own container view whole", () => {
    const view = buildView(big, 'container', 'a', viewOptions('/'))!.text;
    expect(view).toContain('service_s0[');
    expect(view).toContain('service_s42[');
  });

  it('summarises the instances of a deployment of more than 40', async () => {
    const deployment = await modelOf({
      ...files,
      'content/deployments/prod.yaml': `name: Prod\nnodes:\n  - id: k8s\n    name: Cluster\n    instances:\n${Array.from({ length: 45 }, (_, i) => `      - { service: s${i} }\n`).join('')}`,
    });
    const view = buildView(deployment, 'deployment', 'prod', viewOptions('/'))!.text;
    expect(view).toContain('node_k8s_instances["<b>45 services</b><br/><small>[Instances]</small>"]');
    expect(view).not.toContain('instance_k8s_service_s1');
  });

  it('draws the collapsed containers view exactly', async () => {
    const view = buildView(big, 'container', undefined, viewOptions('/'))!;
    await expect(view.text).toMatchFileSnapshot('./__snapshots__/container-collapsed.mmd');
    expect(view.notes).toEqual([
      '45 services and their 45 relations are too many to read in one diagram: each of the 3 domains is one box here, and opens its own containers view.',
    ]);
    expect(view.bundles?.find((b) => b.from === 'Domain A' && b.to === 'Domain B')?.items).toContain('S0 → S1');
  });
});

describe('hubs', async () => {
  // One producer, one broker, many events to a few consumers: a star of labelled edges, drawn as one edge a pair.
  const files: Record<string, string> = {
    'content/system.yaml': 'name: Hub\n',
    'content/domains/d.yaml': 'name: D\ntype: core\n',
    'content/resources/bus.yaml': 'name: Event bus\ntype: rabbitmq\n',
    'content/services/orders.yaml': `name: Orders\nresponsibility: R.\ndomain: d\nevents: { publishes: [${Array.from({ length: 10 }, (_, i) => `e${i}`).join(', ')}] }\n`,
    'content/services/stock.yaml': 'name: Stock\nresponsibility: R.\ndomain: d\nevents: { consumes: [e0, e1, e2] }\n',
    'content/services/mail.yaml': `name: Mail\nresponsibility: R.\ndomain: d\nevents: { consumes: [${Array.from({ length: 10 }, (_, i) => `e${i}`).join(', ')}] }\n`,
    'content/services/audit.yaml': 'name: Audit\nresponsibility: R.\ndomain: d\nevents: { consumes: [e9] }\n',
  };
  for (let i = 0; i < 10; i++) files[`content/events/e${i}.yaml`] = `name: Order status changed to step ${i}\nbroker: bus\n`;
  const hub = await modelOf(files);

  it('draws one dotted edge from producer to consumer, counting the events, and lists them under the figure', async () => {
    const view = buildView(hub, 'container', undefined, viewOptions('/'))!;
    await expect(view.text).toMatchFileSnapshot('./__snapshots__/container-hub.mmd');
    expect(view.text).toContain('  service_orders -.->|"3 events"| service_stock\n');
    expect(view.text).toContain('  service_orders -.->|"10 events"| service_mail\n');
    expect(view.text).toContain('  service_orders -.->|"e9"| service_audit\n');
    expect(view.text).not.toContain('resource_bus');
    expect([...view.bundles!].sort((a, b) => (a.to < b.to ? -1 : 1))).toEqual([
      { from: 'Orders', to: 'Mail', items: ['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9'] },
      { from: 'Orders', to: 'Stock', items: ['e0', 'e1', 'e2'] },
    ]);
  });

  it('labels what a component publishes through the broker as publishing', async () => {
    const withComponents = await modelOf({
      ...files,
      'content/services/orders.yaml': `name: Orders\nresponsibility: R.\ndomain: d\nevents: { publishes: [${Array.from({ length: 10 }, (_, i) => `e${i}`).join(', ')}] }\ncomponents: [{ id: outbox, name: Outbox, uses: [bus] }]\n`,
    });
    expect(buildView(withComponents, 'component', 'orders', viewOptions('/'))!.text).toContain(
      'component_orders_outbox -->|"publishes to"| resource_bus',
    );
  });
});

describe('views past what mermaid draws', async () => {
  const files: Record<string, string> = {
    'content/system.yaml': 'name: Scale\n',
    'content/domains/d.yaml': 'name: D\ntype: core\n',
    'content/events/big.yaml': 'name: Big event\n',
    'content/services/hub.yaml': `name: Hub\nresponsibility: Calls everything.\ndomain: d\nevents: { publishes: [big] }\ndependencies: [${Array.from({ length: 2000 }, (_, i) => `x${i}`).join(', ')}]\n`,
  };
  for (let i = 0; i < 2000; i++)
    files[`content/systems/x${i}.yaml`] =
      `name: External system number ${i} with a long name\ndescription: ${'Something it does. '.repeat(4)}\n`;
  for (let i = 0; i < 500; i++)
    files[`content/services/c${i}.yaml`] = `name: Consumer ${i}\nresponsibility: R.\ndomain: d\nevents: { consumes: [big] }\n`;
  const scale = await modelOf(files);

  it.each([
    ['neighbourhood', 'hub', 'Neighbourhood of Hub'],
    ['event-flow', 'big', 'Flow of big'],
  ] as const)('%s of %s is reduced to what can be drawn, and says so', (name, of, title) => {
    const view = buildView(scale, name, of, viewOptions('/'))!;
    expect(view.title).toBe(title);
    expect(view.text.length).toBeLessThanOrEqual(DIAGRAM_LIMITS.text);
    expect(view.text.match(/-\.?->/g)!.length).toBeLessThanOrEqual(DIAGRAM_LIMITS.edges);
    expect(view.reduced).toMatch(/^\d+ of its \d+ boxes and \d+ of its \d+ relations are left out/);
    expect(view.notes).toContain(view.reduced);
    // The element itself, and what leads into it, are always drawn.
    expect(view.text).toContain(name === 'neighbourhood' ? 'service_hub[' : 'event_big>');
    if (name === 'event-flow') expect(view.text).toContain('service_hub -.->|"publishes"| event_big');
  });
});

describe('a broker drawn as messages flow', async () => {
  const model = await modelOf({
    'content/system.yaml': 'name: Shop\n',
    'content/domains/shop.yaml': 'name: Shop\ntype: core\n',
    'content/resources/bus.yaml': 'name: Event bus\ntype: rabbitmq\n',
    'content/services/ordering.yaml':
      'name: Ordering API\nresponsibility: Orders.\ndomain: shop\nevents: { publishes: [order.started, order.paid], consumes: [payment.succeeded] }\n',
    'content/services/basket.yaml': 'name: Basket API\nresponsibility: Baskets.\ndomain: shop\nevents: { consumes: [order.started] }\n',
    'content/services/payment.yaml':
      'name: Payment API\nresponsibility: Pays.\ndomain: shop\nevents: { publishes: [payment.succeeded], consumes: [order.started, order.paid] }\n',
    'content/events/order.started.yaml': 'name: Order started\nbroker: bus\n',
    'content/events/order.paid.yaml': 'name: Order paid\nbroker: bus\n',
    'content/events/payment.succeeded.yaml': 'name: Payment succeeded\nbroker: bus\n',
  });

  it('publishing goes into the broker, consuming comes out of it, never merged, each counted', async () => {
    const view = buildView(model, 'neighbourhood', 'resource:bus', viewOptions('/'))!.text;
    // Basket only consumes: its one edge comes out of the broker.
    expect(view).toContain('  resource_bus -.->|"consumes order.started"| service_basket\n');
    expect(view).not.toMatch(/service_basket -\.->/);
    expect(view).toContain('  service_ordering -.->|"publishes 2 events"| resource_bus\n');
    expect(view).toContain('  resource_bus -.->|"consumes payment.succeeded"| service_ordering\n');
    expect(view).toContain('  resource_bus -.->|"consumes 2 events"| service_payment\n');
    await expect(view).toMatchFileSnapshot('./__snapshots__/neighbourhood-broker-split.mmd');
  });
});

describe('a deployment says how traffic enters', async () => {
  const files = {
    'content/system.yaml': 'name: Shop\n',
    'content/domains/shop.yaml': 'name: Shop\ntype: core\n',
    'content/services/front.yaml': 'name: Frontend\ntype: web-app\nresponsibility: Sells.\ndomain: shop\n',
    'content/services/cart.yaml': 'name: Cart\nresponsibility: Holds.\ndomain: shop\n',
  };
  const cluster = '  - { id: k8s, name: Cluster, instances: [{ service: front, replicas: 2 }, { service: cart }] }\n';

  it('connects a load balancer to the entry services it fronts, inferred from what it is called', async () => {
    const model = await modelOf({
      ...files,
      'content/deployments/prod.yaml': `name: Prod\nnodes:\n  - { id: frontend-external, name: frontend-external, technology: LoadBalancer }\n${cluster}`,
    });
    const view = buildView(model, 'deployment', 'prod', viewOptions('/'))!;
    expect(view.text).toMatch(/ {2}node_frontend_external -->\|"routes to"\| instance_k8s_service_front\n/);
    expect(view.text).not.toMatch(/node_frontend_external -->\|"routes to"\| instance_k8s_service_cart/);
    expect(view.legend).toContainEqual({ kind: 'line', dashed: false, label: 'Traffic and calls' });
    // Traffic is drawn; nothing else to hide here.
    expect(view.relations).toEqual(['traffic']);
    expect(view.hidden).toBeUndefined();
  });

  it('starts with the calls and events between instances hidden, one switch away', () => {
    const view = buildView(shop, 'deployment', 'prod', options)!;
    expect(view.relations).toEqual(['call', 'event', 'data']);
    expect(view.hidden).toEqual(['call', 'event']);
    // Still in the source: hidden in the browser only.
    expect(view.text).toMatch(/instance_k8s_service_web -->\|"REST"\| instance_k8s_service_orders/);
  });

  it('or to the services its `fronts` names, each checked', async () => {
    const model = await modelOf({
      ...files,
      'content/deployments/prod.yaml': `name: Prod\nnodes:\n  - { id: edge, name: Edge proxy, fronts: [cart] }\n${cluster}`,
    });
    expect(buildView(model, 'deployment', 'prod', viewOptions('/'))!.text).toMatch(
      / {2}node_edge -->\|"routes to"\| instance_k8s_service_cart\n/,
    );
    expect(
      await checkTree(
        { ...files, 'content/deployments/prod.yaml': `name: Prod\nnodes:\n  - { id: edge, name: Edge, fronts: [crt] }\n${cluster}` },
        { base: false },
      ),
    ).toEqual([
      "content/deployments/prod.yaml:3:38 error unknown-reference: fronted service 'crt' is not a service (did you mean 'cart'?)",
    ]);
  });
});
