/**
 * An architecture of the size real ones have, for looking at diagrams as a reader would: a
 * shop of 14 services in 5 domains, an event bus carrying 12 events, a gateway that calls 10
 * services, a status page that watches every service, databases, and a deployment of it all.
 */
export function realisticSite(): Record<string, string> {
  const files: Record<string, string> = {
    'content/system.yaml': 'name: Webshop\ndescription: An online shop of microservices that talk over HTTP, gRPC and an event bus.\n',
    'content/people/shopper.yaml': 'name: Shopper\ndescription: Buys things.\nuses: [web, app]\n',
    'content/systems/psp.yaml': 'name: Payment provider\ndescription: Charges cards.\n',
    'content/resources/bus.yaml': 'name: Event bus\ntype: rabbitmq\n',
  };
  const domains = { shop: 'Shop front', catalog: 'Catalog', ordering: 'Ordering', payment: 'Payment', ops: 'Operations' } as const;
  for (const [id, name] of Object.entries(domains)) files[`content/domains/${id}.yaml`] = `name: ${name}\ntype: core\n`;
  const events = [
    'order.started',
    'order.awaiting-validation',
    'order.stock-confirmed',
    'order.stock-rejected',
    'order.paid',
    'order.shipped',
    'order.cancelled',
    'payment.succeeded',
    'payment.failed',
    'price.changed',
    'basket.checked-out',
    'grace-period.confirmed',
  ];
  for (const e of events) files[`content/events/${e}.yaml`] = `name: ${e}\nversion: "1.0"\nbroker: bus\nchannel: shop-events\n`;
  const services: [id: string, name: string, domain: keyof typeof domains, extra: string][] = [
    ['web', 'Web shop', 'shop', 'type: web-app\ndependencies: [gateway, identity]\n'],
    ['app', 'Mobile app', 'shop', 'type: mobile-app\ndependencies: [gateway, identity]\n'],
    [
      'gateway',
      'API gateway',
      'shop',
      'type: gateway\ndependencies: [catalog, basket, ordering, identity, search, reviews, recommendations, locations, marketing, webhooks]\n',
    ],
    ['identity', 'Identity', 'ops', 'data: { entities: [User], stores: [identity-db] }\n'],
    [
      'catalog',
      'Catalog',
      'catalog',
      'data: { entities: [Product, Brand], stores: [catalog-db], relations: [{ from: Product, to: Brand, cardinality: "N:1" }] }\nevents: { publishes: [price.changed, order.stock-confirmed, order.stock-rejected], consumes: [order.awaiting-validation, order.paid] }\n',
    ],
    ['search', 'Search', 'catalog', 'events: { consumes: [price.changed] }\n'],
    ['reviews', 'Reviews', 'catalog', ''],
    ['recommendations', 'Recommendations', 'catalog', 'events: { consumes: [order.paid] }\n'],
    [
      'basket',
      'Basket',
      'shop',
      'data: { entities: [Basket], stores: [basket-cache] }\nevents: { publishes: [basket.checked-out], consumes: [price.changed, order.started] }\n',
    ],
    [
      'ordering',
      'Ordering',
      'ordering',
      'data: { entities: [Order, OrderLine], stores: [ordering-db], relations: [{ from: Order, to: OrderLine, cardinality: "1:N" }] }\nevents: { publishes: [order.started, order.awaiting-validation, order.paid, order.shipped, order.cancelled], consumes: [basket.checked-out, order.stock-confirmed, order.stock-rejected, payment.succeeded, payment.failed, grace-period.confirmed] }\n',
    ],
    ['grace', 'Grace period worker', 'ordering', 'type: worker\nevents: { publishes: [grace-period.confirmed] }\n'],
    [
      'payment',
      'Payment',
      'payment',
      'type: worker\nevents: { publishes: [payment.succeeded, payment.failed], consumes: [order.stock-confirmed] }\ndependencies: [psp]\n',
    ],
    ['locations', 'Locations', 'ops', ''],
    ['marketing', 'Marketing', 'ops', 'events: { consumes: [order.shipped, order.cancelled] }\n'],
    ['webhooks', 'Webhooks', 'ops', 'events: { consumes: [order.shipped, order.paid, price.changed] }\n'],
    [
      'status',
      'Status page',
      'ops',
      'type: web-app\ndependencies: [web, gateway, identity, catalog, search, reviews, recommendations, basket, ordering, payment, locations, marketing, webhooks]\n',
    ],
  ];
  for (const [id, name, domain, extra] of services)
    files[`content/services/${id}.yaml`] =
      `name: ${name}\nresponsibility: Does what ${name.toLowerCase()} does for the shop, reliably.\ndomain: ${domain}\nstack: { language: C#, framework: ASP.NET Core }\n${extra}`;
  for (const db of ['identity-db', 'catalog-db', 'ordering-db']) files[`content/resources/${db}.yaml`] = `name: ${db}\ntype: postgresql\n`;
  files['content/resources/basket-cache.yaml'] = 'name: Basket cache\ntype: redis\n';
  files['content/deployments/production.yaml'] = [
    'name: Production',
    'nodes:',
    '  - id: cluster',
    '    name: Kubernetes cluster',
    '    technology: Kubernetes',
    '    nodes:',
    '      - id: pods',
    '        name: Service pods',
    `        instances: [${services
      .filter(([, , , extra]) => !/mobile-app/.test(extra))
      .map(([id]) => `{ service: ${id}, replicas: 2 }`)
      .join(', ')}]`,
    '      - id: infra',
    '        name: Infrastructure',
    '        instances: [{ resource: bus }, { resource: basket-cache }]',
    '  - id: rds',
    '    name: Managed databases',
    '    technology: PostgreSQL 16',
    '    instances: [{ resource: identity-db }, { resource: catalog-db }, { resource: ordering-db }]',
    '  - id: stores',
    '    name: App stores',
    '    instances: [{ service: app }]',
    '',
  ].join('\n');
  return files;
}
