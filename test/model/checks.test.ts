import { describe, expect, it } from 'vitest';
import { checkTree } from '../helpers/tree.ts';

/**
 * One row per contract check: a small change to a clean model, and the exact lines
 * `check` prints for it. Positions are 1-based and point at the offending value.
 */
const cases: { name: string; files: Record<string, string>; expected: string[] }[] = [
  {
    name: 'the base model is clean',
    files: {},
    expected: [],
  },
  {
    name: 'unknown dependency, with a suggestion',
    files: {
      'content/services/orders.yaml': [
        'name: Orders',
        'responsibility: Takes orders.',
        'domain: shop',
        'events:',
        '  publishes: [order.placed]',
        'dependencies:',
        '  - { target: biling, protocol: REST }',
        '',
      ].join('\n'),
    },
    expected: [
      "content/services/orders.yaml:7:15 error unknown-reference: dependency 'biling' is not a service, resource or external system (did you mean 'billing'?)",
    ],
  },
  {
    name: 'unknown dependency in the short form',
    files: {
      'content/services/orders.yaml':
        'name: Orders\nresponsibility: Takes orders.\ndomain: shop\nevents:\n  publishes: [order.placed]\ndependencies:\n  - paymnt\n',
    },
    expected: [
      "content/services/orders.yaml:7:5 error unknown-reference: dependency 'paymnt' is not a service, resource or external system",
    ],
  },
  {
    name: 'unknown domain and owner',
    files: {
      'content/services/orders.yaml':
        'name: Orders\nresponsibility: Takes orders.\ndomain: shopp\nowner: core-team\nevents:\n  publishes: [order.placed]\n',
    },
    expected: [
      "content/services/orders.yaml:3:9 error unknown-reference: domain 'shopp' is not a domain (did you mean 'shop'?)",
      "content/services/orders.yaml:4:8 error unknown-reference: owner 'core-team' is not a team",
    ],
  },
  {
    name: 'unknown store, event and broker',
    files: {
      'content/services/orders.yaml':
        'name: Orders\nresponsibility: Takes orders.\ndomain: shop\ndata:\n  stores: [order-db]\nevents:\n  publishes: [order.placed, order.placd]\n',
      'content/events/order.placed.yaml': 'name: Order placed\nbroker: kafka\n',
    },
    expected: [
      "content/events/order.placed.yaml:2:9 error unknown-reference: broker 'kafka' is not a resource",
      "content/services/orders.yaml:5:12 error unknown-reference: store 'order-db' is not a resource",
      "content/services/orders.yaml:7:29 error unknown-reference: published event 'order.placd' is not an event (did you mean 'order.placed'?)",
    ],
  },
  {
    name: 'a component uses a component of its service, an element, or nothing',
    files: {
      'content/services/orders.yaml': [
        'name: Orders',
        'responsibility: Takes orders.',
        'domain: shop',
        'events:',
        '  publishes: [order.placed]',
        'components:',
        '  - { id: api, name: API, uses: [logic, billing] }',
        '  - { id: logic, name: Logic, uses: [repo] }',
        '',
      ].join('\n'),
    },
    expected: [
      "content/services/orders.yaml:8:38 error unknown-reference: component 'logic' use 'repo' is not a component of this service or a service, resource or external system",
    ],
  },
  {
    name: 'deployment instances and duplicate node ids',
    files: {
      'content/deployments/prod.yaml': [
        'name: Production',
        'nodes:',
        '  - id: k8s',
        '    name: Cluster',
        '    instances:',
        '      - { service: orders, replicas: 2 }',
        '      - { service: biling }',
        '  - id: k8s',
        '    name: Other',
        '    instances: [{ resource: db }]',
        '',
      ].join('\n'),
    },
    expected: [
      "content/deployments/prod.yaml:7:20 error unknown-reference: deployed service 'biling' is not a service (did you mean 'billing'?)",
      "content/deployments/prod.yaml:8:9 error duplicate-node-id: node id 'k8s' is already used on line 3",
      "content/deployments/prod.yaml:10:29 error unknown-reference: deployed resource 'db' is not a resource",
      "content/services/billing.yaml:1:1 warning undeployed-service: service 'billing' is not run by any deployment",
    ],
  },
  {
    name: 'person and external system relationships',
    files: {
      'content/people/customer.yaml': 'name: Customer\nuses:\n  - orders\n  - { target: webapp, description: Browses }\n',
      'content/systems/psp.yaml': 'name: PSP\nuses: [billng]\n',
    },
    expected: [
      "content/people/customer.yaml:4:15 error unknown-reference: used element 'webapp' is not a service, resource or external system",
      "content/systems/psp.yaml:2:8 error unknown-reference: used element 'billng' is not a service, resource or external system (did you mean 'billing'?)",
    ],
  },
  {
    name: 'decision references: supersedes and affects',
    files: {
      'content/decisions/0001-a.md':
        '---\ntitle: A\nstatus: accepted\ndate: 2024-01-01\nsupersedes: [0000-zero]\naffects: [orders, service:nope]\n---\n',
    },
    expected: [
      "content/decisions/0001-a.md:5:14 error unknown-reference: superseded decision '0000-zero' is not a decision",
      "content/decisions/0001-a.md:6:19 error unknown-reference: affected element 'service:nope' does not name any element",
    ],
  },
  {
    name: 'an ambiguous bare id',
    files: {
      'content/resources/orders.yaml': 'name: Orders DB\ntype: postgresql\n',
      'content/services/billing.yaml':
        'name: Billing\nresponsibility: Bills orders.\ndomain: shop\nevents:\n  consumes: [order.placed]\ndependencies: [orders, resource:orders]\n',
    },
    expected: [
      "content/services/billing.yaml:6:16 error ambiguous-reference: dependency 'orders' is ambiguous: it names a service and a resource; write 'service:orders' or 'resource:orders'",
    ],
  },
  {
    name: 'an event consumed that no service publishes',
    files: {
      'content/services/billing.yaml':
        'name: Billing\nresponsibility: Bills orders.\ndomain: shop\nevents:\n  consumes: [order.placed, order.paid]\n',
      'content/events/order.paid.yaml': 'name: Order paid\n',
    },
    expected: [
      "content/services/billing.yaml:5:28 error unpublished-event: service 'billing' consumes event 'order.paid', which no service publishes",
    ],
  },
  {
    name: 'events published and not consumed, or not used at all',
    files: {
      'content/services/orders.yaml':
        'name: Orders\nresponsibility: Takes orders.\ndomain: shop\nevents:\n  publishes: [order.placed, order.shipped]\n',
      'content/events/order.shipped.yaml': 'name: Order shipped\n',
      'content/events/order.lost.yaml': 'name: Order lost\n',
    },
    expected: [
      "content/events/order.lost.yaml:1:1 warning unused-event: event 'order.lost' is neither published nor consumed by any service",
      "content/events/order.shipped.yaml:1:1 warning unconsumed-event: event 'order.shipped' is published by 'orders' but no service consumes it",
    ],
  },
  {
    name: 'an entity owned by two services',
    files: {
      'content/services/orders.yaml':
        'name: Orders\nresponsibility: Takes orders.\ndomain: shop\ndata:\n  entities: [Order, Invoice]\nevents:\n  publishes: [order.placed]\n',
      'content/services/billing.yaml':
        'name: Billing\nresponsibility: Bills orders.\ndomain: shop\ndata:\n  entities: [Invoice]\nevents:\n  consumes: [order.placed]\n',
    },
    expected: [
      "content/services/billing.yaml:5:14 error duplicate-entity-owner: entity 'Invoice' is also owned by service 'orders'; data has one owner",
      "content/services/orders.yaml:5:21 error duplicate-entity-owner: entity 'Invoice' is also owned by service 'billing'; data has one owner",
    ],
  },
  {
    name: 'a database used by two services, unless shared',
    files: {
      'content/resources/db.yaml': 'name: DB\ntype: postgresql\n',
      'content/resources/cache.yaml': 'name: Cache\ntype: redis\n',
      'content/resources/shared-db.yaml': 'name: Shared\ntype: mysql\nshared: true\n',
      'content/services/orders.yaml':
        'name: Orders\nresponsibility: Takes orders.\ndomain: shop\ndata:\n  stores: [db, cache, shared-db]\nevents:\n  publishes: [order.placed]\n',
      'content/services/billing.yaml':
        'name: Billing\nresponsibility: Bills orders.\ndomain: shop\ndata:\n  stores: [db, cache, shared-db]\nevents:\n  consumes: [order.placed]\n',
    },
    expected: [
      "content/services/billing.yaml:5:12 warning shared-database: database 'db' is also used by service 'orders'; mark it 'shared: true' if that is deliberate",
      "content/services/orders.yaml:5:12 warning shared-database: database 'db' is also used by service 'billing'; mark it 'shared: true' if that is deliberate",
    ],
  },
  {
    name: 'a cycle of synchronous dependencies',
    files: {
      'content/services/orders.yaml':
        'name: Orders\nresponsibility: Takes orders.\ndomain: shop\nevents:\n  publishes: [order.placed]\ndependencies: [billing]\n',
      'content/services/billing.yaml':
        'name: Billing\nresponsibility: Bills orders.\ndomain: shop\nevents:\n  consumes: [order.placed]\ndependencies:\n  - { target: orders, protocol: gRPC }\n',
    },
    expected: ['content/services/orders.yaml:6:16 warning dependency-cycle: synchronous dependency cycle: billing → orders → billing'],
  },
  {
    name: 'decisions that supersede each other',
    files: {
      'content/decisions/0001-a.md': '---\ntitle: A\nstatus: superseded\ndate: 2024-01-01\nsupersedes: [0002-b]\n---\n',
      'content/decisions/0002-b.md': '---\ntitle: B\nstatus: accepted\ndate: 2024-02-01\nsupersedes: [0001-a]\n---\n',
    },
    expected: [
      'content/decisions/0001-a.md:5:14 error supersedes-cycle: decisions supersede each other in a cycle: 0001-a → 0002-b → 0001-a',
      'content/decisions/0002-b.md:5:14 error supersedes-cycle: decisions supersede each other in a cycle: 0002-b → 0001-a → 0002-b',
    ],
  },
  {
    name: 'a superseded decision that nothing supersedes',
    files: {
      'content/decisions/0001-a.md': '---\ntitle: A\nstatus: superseded\ndate: 2024-01-01\n---\n\nOld.\n',
    },
    expected: [
      "content/decisions/0001-a.md:3:9 warning unsuperseded-decision: decision '0001-a' is marked superseded, but no decision supersedes it",
    ],
  },
  {
    name: 'a service no deployment runs',
    files: {
      'content/deployments/prod.yaml': 'name: Production\nnodes:\n  - id: k8s\n    name: Cluster\n    instances: [{ service: orders }]\n',
    },
    expected: ["content/services/billing.yaml:1:1 warning undeployed-service: service 'billing' is not run by any deployment"],
  },
  {
    name: 'two elements of one kind with the same id',
    files: {
      'content/services/more/orders.yaml': 'name: Orders again\nresponsibility: Takes orders.\ndomain: shop\n',
      'content/events/more.yaml': 'id: order.placed\nname: Again\n---\nid: order.paid\nname: Paid\n',
    },
    expected: [
      "content/events/more.yaml:1:1 error duplicate-id: event id 'order.placed' is also used at content/events/order.placed.yaml:1",
      "content/events/more.yaml:4:1 warning unused-event: event 'order.paid' is neither published nor consumed by any service",
      "content/events/order.placed.yaml:1:1 error duplicate-id: event id 'order.placed' is also used at content/events/more.yaml:1",
      "content/services/more/orders.yaml:1:1 error duplicate-id: service id 'orders' is also used at content/services/orders.yaml:1",
      "content/services/orders.yaml:1:1 error duplicate-id: service id 'orders' is also used at content/services/more/orders.yaml:1",
    ],
  },
  {
    name: 'a missing system.yaml',
    files: { 'content/system.yaml': '' },
    expected: ['content/system.yaml:1:1 error empty-file: file holds no element'],
  },
  {
    name: 'a schema file that does not exist, leaves the content folder, or does not parse',
    files: {
      'content/events/order.placed.yaml': 'name: Order placed\nschema: ./order.placed.schema.jsn\n',
      'content/events/order.placed.schema.json': '{}',
      'content/events/a.yaml': 'name: A\nschema: ../../etc/passwd\n',
      'content/events/b.yaml': 'name: B\nschema: ./b.json\n',
      'content/events/b.json': '{ "type": ',
      'content/services/orders.yaml':
        'name: Orders\nresponsibility: Takes orders.\ndomain: shop\napis:\n  openapi: /etc/passwd\n  proto: ./orders.proto\nevents:\n  publishes: [order.placed, a, b]\n',
    },
    expected: [
      "content/events/a.yaml:1:1 warning unconsumed-event: event 'a' is published by 'orders' but no service consumes it",
      "content/events/a.yaml:2:9 error path-outside-content: schema path '../../etc/passwd' leaves the content folder",
      "content/events/b.yaml:1:1 warning unconsumed-event: event 'b' is published by 'orders' but no service consumes it",
      "content/events/b.yaml:2:9 error invalid-schema: schema file './b.json' does not parse: Unexpected end of JSON input",
      // The misspelt schema path leaves the real schema unreferenced: a note, not an error.
      'content/events/order.placed.schema.json:1:1 info ignored-file: file is not an element (only .yaml, .yml, .md and .mdx files in kind folders are); it is kept as an asset',
      "content/events/order.placed.yaml:2:9 error missing-file: schema file './order.placed.schema.jsn' does not exist (did you mean './order.placed.schema.json'?)",
      "content/services/orders.yaml:5:12 error path-outside-content: openapi path '/etc/passwd' leaves the content folder",
      "content/services/orders.yaml:6:10 error missing-file: proto file './orders.proto' does not exist",
    ],
  },
  {
    name: 'prose links: relative files, fragments and site paths',
    files: {
      'content/docs/guide.md': [
        '---',
        'title: Guide',
        '---',
        '',
        'See [orders](../services/orders.yaml), [billing](../services/biling.yaml),',
        '[the route](/services/orders/), [a typo](/services/order/), [outside](../../README.md),',
        '[external](https://example.com) and `[code](../nowhere.md)`.',
        '',
        '[ref]: ../events/order.placed.yaml#anything',
        '',
        '![diagram](./missing.png)',
        '',
      ].join('\n'),
    },
    expected: [
      "content/docs/guide.md:5:40 error broken-link: link '../services/biling.yaml' points at a file that does not exist (did you mean '../services/billing.yaml'?)",
      "content/docs/guide.md:6:33 error broken-link: link '/services/order/' is not a page of the site (did you mean '/services/orders/'?)",
      "content/docs/guide.md:6:61 error broken-link: link '../../README.md' leaves the content folder",
      "content/docs/guide.md:11:1 error broken-link: link './missing.png' points at a file that does not exist",
    ],
  },
  {
    name: 'prose links into a file of several elements name one',
    files: {
      'content/events/more.yaml': 'id: order.paid\nname: Paid\n---\nid: order.sent\nname: Sent\n',
      'content/services/billing.yaml':
        'name: Billing\nresponsibility: Bills orders.\ndomain: shop\nevents:\n  consumes: [order.placed]\n  publishes: [order.paid, order.sent]\n',
      'content/services/orders.md': [
        '---',
        'name: Orders',
        'responsibility: Takes orders.',
        'domain: shop',
        'events:',
        '  publishes: [order.placed]',
        '  consumes: [order.paid, order.sent]',
        '---',
        'Waits for [payment](../events/more.yaml#order.paid), [all](../events/more.yaml)',
        'and [a typo](../events/more.yaml#order.sen).',
      ].join('\n'),
      'content/services/orders.yaml': '',
    },
    expected: [
      "content/services/orders.md:9:54 error broken-link: link '../events/more.yaml' points at a file of 2 elements; name one with a fragment, as in '#order.paid'",
      "content/services/orders.md:10:5 error broken-link: link '../events/more.yaml#order.sen' names no element of 'events/more.yaml' (did you mean '#order.sent'?)",
      'content/services/orders.yaml:1:1 error empty-file: file holds no element',
    ],
  },
];

describe('contract checks', () => {
  it.each(cases)('$name', async ({ files, expected }) => {
    expect(await checkTree(files)).toEqual(expected);
  });

  it('reports a missing system.yaml and still checks everything else', async () => {
    const files = { 'content/services/a.yaml': 'name: A\nresponsibility: r\ndomain: nowhere\n' };
    expect(await checkTree(files, { base: false })).toEqual([
      "content/services/a.yaml:3:9 error unknown-reference: domain 'nowhere' is not a domain",
      'content/system.yaml:1:1 error missing-system: the content folder has no system.yaml describing the system',
    ]);
  });
});
