import { describe, expect, it } from 'vitest';
import { checkTree } from '../helpers/tree.ts';

/**
 * The bad-input corpus: every YAML failure mode, every reference kind broken, odd encodings,
 * empty and huge files, files that are not elements, and paths that try to leave the content
 * folder. Each case is a change to a clean model and the exact lines the check prints.
 */
const SVC = (extra: string) => `name: Orders\nresponsibility: Takes orders.\ndomain: shop\nevents:\n  publishes: [order.placed]\n${extra}`;

const cases: { name: string; files: Record<string, string | Uint8Array>; expected: string[] }[] = [
  // YAML failure modes
  {
    name: 'bad indentation of a mapping',
    files: { 'content/teams/core.yaml': 'name: Core\n  contact: x\n' },
    expected: ['content/teams/core.yaml:1:7 error yaml-syntax: nested mappings are not allowed in compact mappings'],
  },
  {
    name: 'bad indentation inside a list',
    files: { 'content/services/orders.yaml': SVC('dependencies:\n  - target: billing\n   protocol: REST\n') },
    expected: ['content/services/orders.yaml:8:1 error yaml-syntax: sequence item without - indicator'],
  },
  {
    name: 'tab indentation',
    files: { 'content/teams/core.yaml': 'name: Core\nmembers:\n\t- Ada\n' },
    expected: ['content/teams/core.yaml:3:1 error yaml-syntax: tab used for indentation; indent YAML with spaces'],
  },
  {
    name: 'duplicate top-level key',
    files: { 'content/teams/core.yaml': 'name: Core\ncontact: a\ncontact: b\n' },
    expected: ['content/teams/core.yaml:3:1 error duplicate-key: mapping key is written twice'],
  },
  {
    name: 'duplicate nested key',
    files: { 'content/services/orders.yaml': SVC('stack:\n  language: Go\n  language: Rust\n') },
    expected: ['content/services/orders.yaml:8:3 error duplicate-key: mapping key is written twice'],
  },
  {
    name: 'unclosed flow sequence',
    files: { 'content/teams/core.yaml': 'name: Core\nmembers: [Ada, Grace\n' },
    expected: [
      'content/teams/core.yaml:3:1 error yaml-syntax: flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
  },
  {
    name: 'unclosed flow mapping',
    files: { 'content/services/orders.yaml': SVC('stack: { language: Go\n') },
    expected: [
      'content/services/orders.yaml:7:1 error yaml-syntax: flow map in block collection must be sufficiently indented and end with a }',
    ],
  },
  {
    name: 'unclosed quote',
    files: { 'content/teams/core.yaml': 'name: "Core\ncontact: x\n' },
    expected: ['content/teams/core.yaml:3:1 error yaml-syntax: missing closing "quote'],
  },
  {
    name: 'undefined alias',
    files: { 'content/teams/core.yaml': 'name: *missing\n' },
    expected: ['content/teams/core.yaml:1:7 error yaml-syntax: an alias names no anchor: missing'],
  },
  {
    name: 'alias bomb',
    files: {
      'content/teams/core.yaml':
        'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nname: *c\n',
    },
    expected: ['content/teams/core.yaml:2:8 error yaml-too-complex: YAML expands more than 100 aliases; this looks like an alias bomb'],
  },
  {
    name: 'a mapping where a list is expected',
    files: { 'content/teams/core.yaml': 'name: Core\nmembers: { lead: Ada }\n' },
    expected: ["content/teams/core.yaml:2:10 error invalid-type: field 'members' should be a list, not a mapping"],
  },
  {
    name: 'a list where text is expected',
    files: { 'content/teams/core.yaml': 'name: [Core]\n' },
    expected: ["content/teams/core.yaml:1:7 error invalid-type: field 'name' should be text, not a list"],
  },
  {
    name: 'a number where a list item should be a mapping',
    files: { 'content/services/orders.yaml': SVC('apis:\n  rest: [42]\n') },
    expected: ["content/services/orders.yaml:7:10 error invalid-type: field 'apis.rest[0]' should be a mapping, not the number 42"],
  },
  {
    name: 'text where a boolean is expected',
    files: { 'content/resources/db.yaml': 'name: DB\ntype: postgresql\nshared: "yes"\n' },
    expected: ["content/resources/db.yaml:3:9 error invalid-type: field 'shared' should be true or false, not text"],
  },
  {
    name: 'a mapping where text is expected, nested',
    files: { 'content/services/orders.yaml': SVC('nfr:\n  availability: { target: 99.9 }\n') },
    expected: ["content/services/orders.yaml:7:17 error invalid-type: field 'nfr.availability' should be text or a number, not a mapping"],
  },
  {
    name: 'wrong type deep in deployment nodes',
    files: {
      'content/deployments/prod.yaml':
        'name: Prod\nnodes:\n  - id: a\n    name: A\n    nodes:\n      - id: b\n        name: B\n        instances: [{ service: orders, replicas: many }]\n',
    },
    expected: [
      "content/deployments/prod.yaml:8:50 error invalid-type: field 'nodes[0].nodes[0].instances[0].replicas' should be a number, not text",
    ],
  },
  {
    name: 'a scalar document',
    files: { 'content/teams/core.yaml': 'just text\n' },
    expected: ['content/teams/core.yaml:1:1 error invalid-type: element should be a mapping of fields, not text'],
  },
  {
    name: 'unknown top-level field',
    files: { 'content/domains/shop.yaml': 'name: Shop\ntype: core\nowners: x\n' },
    expected: ["content/domains/shop.yaml:3:1 error unknown-field: unknown field 'owners' (did you mean 'owner'?)"],
  },
  {
    name: 'enum out of range',
    files: { 'content/domains/shop.yaml': 'name: Shop\ntype: central\n' },
    expected: ["content/domains/shop.yaml:2:7 error invalid-value: field 'type' is 'central'; expected one of core, supporting, generic"],
  },
  {
    name: 'missing required field in a list item',
    files: { 'content/services/orders.yaml': SVC('components:\n  - { id: api }\n') },
    expected: ["content/services/orders.yaml:7:5 error missing-field: missing required field 'components[0].name'"],
  },
  // Every reference kind, broken
  {
    name: 'system owner',
    files: { 'content/system.yaml': 'name: Shop\nowner: nobody\n' },
    expected: ["content/system.yaml:2:8 error unknown-reference: owner 'nobody' is not a team"],
  },
  {
    name: 'domain owner',
    files: { 'content/domains/shop.yaml': 'name: Shop\ntype: core\nowner: nobody\n' },
    expected: ["content/domains/shop.yaml:3:8 error unknown-reference: owner 'nobody' is not a team"],
  },
  {
    name: 'service domain',
    files: {
      'content/services/billing.yaml': 'name: Billing\nresponsibility: Bills.\ndomain: shopp\nevents:\n  consumes: [order.placed]\n',
    },
    expected: ["content/services/billing.yaml:3:9 error unknown-reference: domain 'shopp' is not a domain (did you mean 'shop'?)"],
  },
  {
    name: 'service owner',
    files: { 'content/services/orders.yaml': SVC('owner: team-x\n') },
    expected: ["content/services/orders.yaml:6:8 error unknown-reference: owner 'team-x' is not a team"],
  },
  {
    name: 'data store',
    files: { 'content/services/orders.yaml': SVC('data:\n  stores: [orders-db]\n') },
    expected: ["content/services/orders.yaml:7:12 error unknown-reference: store 'orders-db' is not a resource"],
  },
  {
    name: 'published event',
    files: { 'content/services/orders.yaml': SVC('').replace('[order.placed]', '[order.placed, order.shiped]') },
    expected: [
      "content/services/orders.yaml:5:29 error unknown-reference: published event 'order.shiped' is not an event (did you mean 'order.placed'?)",
    ],
  },
  {
    name: 'consumed event',
    files: {
      'content/services/billing.yaml':
        'name: Billing\nresponsibility: Bills.\ndomain: shop\nevents:\n  consumes: [order.placed, order.paid]\n',
    },
    expected: [
      "content/services/billing.yaml:5:28 error unknown-reference: consumed event 'order.paid' is not an event (did you mean 'order.placed'?)",
    ],
  },
  {
    name: 'dependency',
    files: { 'content/services/orders.yaml': SVC('dependencies:\n  - { target: biling }\n') },
    expected: [
      "content/services/orders.yaml:7:15 error unknown-reference: dependency 'biling' is not a service, resource or external system (did you mean 'billing'?)",
    ],
  },
  {
    name: 'component use',
    files: { 'content/services/orders.yaml': SVC('components:\n  - { id: api, name: API, uses: [logic] }\n') },
    expected: [
      "content/services/orders.yaml:7:34 error unknown-reference: component 'api' use 'logic' is not a component of this service or a service, resource or external system",
    ],
  },
  {
    name: 'event broker',
    files: { 'content/events/order.placed.yaml': 'name: Order placed\nbroker: kafka\n' },
    expected: ["content/events/order.placed.yaml:2:9 error unknown-reference: broker 'kafka' is not a resource"],
  },
  {
    name: 'deployment instance',
    files: {
      'content/deployments/prod.yaml':
        'name: Prod\nnodes:\n  - { id: k, name: K, instances: [{ service: orders }, { service: billing }, { resource: db }] }\n',
    },
    expected: ["content/deployments/prod.yaml:3:90 error unknown-reference: deployed resource 'db' is not a resource"],
  },
  {
    name: 'person uses',
    files: { 'content/people/customer.yaml': 'name: Customer\nuses: [shop-app]\n' },
    expected: [
      "content/people/customer.yaml:2:8 error unknown-reference: used element 'shop-app' is not a service, resource or external system",
    ],
  },
  {
    name: 'external system uses',
    files: { 'content/systems/psp.yaml': 'name: PSP\nuses:\n  - { target: payments, protocol: HTTPS }\n' },
    expected: [
      "content/systems/psp.yaml:3:15 error unknown-reference: used element 'payments' is not a service, resource or external system",
    ],
  },
  {
    name: 'decision supersedes',
    files: { 'content/decisions/0002-b.md': '---\ntitle: B\nstatus: accepted\ndate: 2024-02-01\nsupersedes: [0001-a]\n---\n' },
    expected: [
      "content/decisions/0002-b.md:5:14 error unknown-reference: superseded decision '0001-a' is not a decision (did you mean '0002-b'?)",
    ],
  },
  {
    name: 'decision affects',
    files: {
      'content/decisions/0002-b.md': '---\ntitle: B\nstatus: accepted\ndate: 2024-02-01\naffects: [orders, domain:shopping]\n---\n',
    },
    expected: [
      "content/decisions/0002-b.md:5:19 error unknown-reference: affected element 'domain:shopping' does not name any element (did you mean 'domain:shop'?)",
    ],
  },
  {
    name: 'entity relation',
    files: {
      'content/services/orders.yaml': SVC('data:\n  entities: [Order]\n  relations: [{ from: Order, to: Invoice, cardinality: "1:N" }]\n'),
    },
    expected: ["content/services/orders.yaml:8:34 error unknown-entity: entity 'Invoice' is not in any service's data.entities"],
  },
  {
    name: 'prose link to a file',
    files: { 'content/docs/guide.md': '---\ntitle: Guide\n---\n\nSee [billing](../services/biling.yaml).\n' },
    expected: [
      "content/docs/guide.md:5:5 error broken-link: link '../services/biling.yaml' points at a file that does not exist (did you mean '../services/billing.yaml'?)",
    ],
  },
  {
    name: 'prose link to a site path',
    files: { 'content/docs/guide.md': '---\ntitle: Guide\n---\n\nSee [billing](/service/billing/).\n' },
    expected: [
      "content/docs/guide.md:5:5 error broken-link: link '/service/billing/' is not a page of the site (did you mean '/services/billing/'?)",
    ],
  },
  {
    name: 'Diagram tag in MDX',
    files: {
      'content/docs/guide.mdx': '---\ntitle: Guide\n---\n\n<Diagram view="component" of="order" />\n\n<Diagram view="containers" />\n',
    },
    expected: [
      "content/docs/guide.mdx:5:1 error unknown-reference: <Diagram view=\"component\"> of 'order' is not a service (did you mean 'orders'?)",
      "content/docs/guide.mdx:7:1 error invalid-value: <Diagram> view 'containers' does not exist; expected one of context, container, component, deployment, event-flow, domain-events, neighbourhood, domain-map, entities, flow (did you mean 'container'?)",
    ],
  },
  {
    name: 'Diagram tag in MDX: a state that does not exist',
    files: {
      'content/docs/guide.mdx':
        '---\ntitle: Guide\n---\n\n<Diagram view="context" state="targt" />\n\n<Diagram view="context" state="both" />\n',
    },
    expected: [
      "content/docs/guide.mdx:5:1 error invalid-value: <Diagram> state 'targt' does not exist; expected one of current, target, both (did you mean 'target'?)",
    ],
  },
  // Encodings
  {
    name: 'UTF-8 with BOM is fine',
    files: { 'content/teams/core.yaml': new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('name: Core\n')]) },
    expected: [],
  },
  {
    name: 'UTF-16 LE',
    files: { 'content/teams/core.yaml': new Uint8Array([0xff, 0xfe, ...Buffer.from('name: Core\n', 'utf16le')]) },
    expected: ['content/teams/core.yaml:1:1 error invalid-encoding: file is UTF-16 text; save it as UTF-8'],
  },
  {
    name: 'UTF-16 BE',
    files: { 'content/teams/core.yaml': new Uint8Array([0xfe, 0xff, 0x00, 0x6e]) },
    expected: ['content/teams/core.yaml:1:1 error invalid-encoding: file is UTF-16 text; save it as UTF-8'],
  },
  {
    name: 'invalid UTF-8 on line 2',
    files: { 'content/teams/core.yaml': new Uint8Array([...Buffer.from('name: Core\ncontact: caf'), 0xe9, 0x0a]) },
    expected: ['content/teams/core.yaml:2:13 error invalid-encoding: file is not valid UTF-8 (byte 0xe9 at offset 23)'],
  },
  {
    name: 'truncated UTF-8 sequence',
    files: { 'content/teams/core.yaml': new Uint8Array([...Buffer.from('name: Core '), 0xe2, 0x82]) },
    expected: ['content/teams/core.yaml:1:12 error invalid-encoding: file is not valid UTF-8 (byte 0xe2 at offset 11)'],
  },
  {
    name: 'NUL byte',
    files: { 'content/teams/core.yaml': new Uint8Array([...Buffer.from('name: Co'), 0x00, ...Buffer.from('re\n')]) },
    expected: ['content/teams/core.yaml:1:9 error invalid-encoding: file holds a NUL byte; it looks binary, not text'],
  },
  // Empty and huge
  {
    name: 'empty file',
    files: { 'content/teams/core.yaml': '' },
    expected: ['content/teams/core.yaml:1:1 error empty-file: file holds no element'],
  },
  {
    name: 'only ---',
    files: { 'content/teams/core.yaml': '---\n' },
    expected: ['content/teams/core.yaml:1:1 error empty-file: file holds no element'],
  },
  {
    name: 'only comments',
    files: { 'content/teams/core.yaml': '# nothing here\n' },
    expected: ['content/teams/core.yaml:1:1 error empty-file: file holds no element'],
  },
  {
    name: 'Markdown without front matter',
    files: { 'content/decisions/0001-a.md': '# A decision\n\nNo fields.\n' },
    expected: ['content/decisions/0001-a.md:1:1 error empty-file: Markdown file has no front matter with the element fields'],
  },
  {
    name: 'an empty Markdown file',
    files: { 'content/decisions/0001-x.md': '' },
    expected: ['content/decisions/0001-x.md:1:1 error empty-file: Markdown file has no front matter with the element fields'],
  },
  {
    name: 'empty front matter',
    files: { 'content/decisions/0001-a.md': '---\n---\n\nBody.\n' },
    expected: ['content/decisions/0001-a.md:1:1 error empty-file: front matter is empty'],
  },
  {
    name: 'huge file',
    files: { 'content/teams/core.yaml': `name: Core\ndescription: "${'x'.repeat(2 * 1024 * 1024)}"\n` },
    expected: ['content/teams/core.yaml:1:1 error file-too-large: file is 2.0 MiB; element files may be at most 1.0 MiB'],
  },
  // Other files
  {
    name: 'a file that is neither YAML nor Markdown',
    files: { 'content/services/diagram.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'content/notes.txt': 'notes' },
    expected: [
      'content/notes.txt:1:1 info ignored-file: file is not an element (only .yaml, .yml, .md and .mdx files in kind folders are); it is kept as an asset',
      'content/services/diagram.png:1:1 info ignored-file: file is not an element (only .yaml, .yml, .md and .mdx files in kind folders are); it is kept as an asset',
    ],
  },
  {
    name: 'a YAML file at the top that is not system.yaml',
    files: { 'content/extra.yaml': 'name: X\n' },
    expected: [
      'content/extra.yaml:1:1 info ignored-file: file is not an element (only .yaml, .yml, .md and .mdx files in kind folders are); it is kept as an asset',
    ],
  },
  // Path traversal
  {
    name: 'schema path traversal',
    files: { 'content/events/order.placed.yaml': 'name: Order placed\nschema: ../../../etc/passwd\n' },
    expected: [
      "content/events/order.placed.yaml:2:9 error path-outside-content: schema path '../../../etc/passwd' leaves the content folder",
    ],
  },
  {
    name: 'openapi absolute path',
    files: { 'content/services/orders.yaml': SVC('apis:\n  openapi: /etc/passwd\n') },
    expected: ["content/services/orders.yaml:7:12 error path-outside-content: openapi path '/etc/passwd' leaves the content folder"],
  },
  {
    name: 'openapi traversal through a folder',
    files: { 'content/services/orders.yaml': SVC('apis:\n  openapi: ./sub/../../../secret.yaml\n') },
    expected: [
      "content/services/orders.yaml:7:12 error path-outside-content: openapi path './sub/../../../secret.yaml' leaves the content folder",
    ],
  },
  // Keys that every JavaScript object inherits, and `__proto__`
  {
    name: '__proto__ as a nested key',
    files: { 'content/events/order.placed.yaml': 'name: Order placed\nexample:\n  order: { __proto__: { admin: true }, id: 1 }\n' },
    expected: [
      "content/events/order.placed.yaml:3:12 error reserved-key: key '__proto__' cannot be read: JavaScript reserves it; rename the key",
    ],
  },
  {
    name: '__proto__ in front matter',
    files: {
      'content/decisions/0001-x.md':
        '---\ntitle: X\nstatus: accepted\ndate: 2024-01-01\nrationale:\n  "__proto__": polluted\n---\n\nProse.\n',
    },
    expected: [
      "content/decisions/0001-x.md:6:3 error reserved-key: key '__proto__' cannot be read: JavaScript reserves it; rename the key",
    ],
  },
  {
    name: 'constructor, valueOf and toString as keys, types and ids',
    files: {
      'content/resources/constructor.yaml': 'name: A\ntype: constructor\n',
      'content/resources/__proto__.yaml': 'name: B\ntype: __proto__\n',
      'content/resources/valueof.yaml': 'name: C\ntype: toString\n',
      'content/decisions/0001-x.md':
        '---\ntitle: X\nstatus: accepted\ndate: 2024-01-01\naffects: [constructor, __proto__]\nrationale: { valueOf: a, constructor: b, toString: c, hasOwnProperty: 1 }\n---\n',
      'content/services/orders.yaml': SVC('data: { stores: [constructor, __proto__, valueof] }\nstack: { constructor: x }\n'),
    },
    expected: ["content/services/orders.yaml:7:10 error unknown-field: unknown field 'stack.constructor'"],
  },
  // Tags and merge keys
  {
    name: 'a !!binary tag',
    files: { 'content/teams/core.yaml': 'name: Core\ncontact: !!binary aGVsbG8=\n' },
    expected: [
      "content/teams/core.yaml:2:10 error unsupported-tag: tag '!!binary' is not supported: archsite reads text, numbers, true/false, lists and mappings (remove the tag, and keep binary data in an asset file)",
    ],
  },
  {
    name: 'a local tag',
    files: { 'content/teams/core.yaml': 'name: !shout Core\n' },
    expected: [
      "content/teams/core.yaml:1:7 error unsupported-tag: tag '!shout' is not supported: archsite reads text, numbers, true/false, lists and mappings (remove the tag)",
    ],
  },
  {
    name: 'core tags change nothing',
    files: { 'content/teams/core.yaml': 'name: !!str 123\ncontact: !!str true\n' },
    expected: [],
  },
  {
    name: 'merge keys merge',
    files: {
      'content/deployments/prod.yaml':
        'name: Prod\nnodes:\n  - &node { id: a, name: Node A, technology: Kubernetes, instances: [{ service: orders }, { service: billing }] }\n  - <<: *node\n    id: b\n    name: Node B\n',
    },
    expected: [],
  },
  // Numbers where text is meant, and numbers that are not what a field takes
  {
    name: 'a number as an id',
    files: { 'content/teams/core.yaml': 'id: 123\nname: Core\n' },
    expected: [
      `content/teams/core.yaml:1:5 error invalid-type: field 'id' should be text, not the number 123 (to write it as text, quote it: "123")`,
    ],
  },
  {
    name: 'a number as text keeps its written form in the hint',
    files: { 'content/teams/core.yaml': 'name: 1.10\n' },
    expected: [
      `content/teams/core.yaml:1:7 error invalid-type: field 'name' should be text, not the number 1.10 (to write it as text, quote it: "1.10")`,
    ],
  },
  {
    name: 'replicas: 1.5',
    files: {
      'content/deployments/prod.yaml': 'name: Prod\nnodes: [{ id: n, name: N, instances: [{ service: orders, replicas: 1.5 }] }]\n',
    },
    expected: [
      "content/deployments/prod.yaml:2:68 error invalid-type: field 'nodes[0].instances[0].replicas' should be a whole number, not 1.5",
    ],
  },
  // Ids and file names that cannot be routes
  {
    name: 'an id of dots alone',
    files: { 'content/teams/core.yaml': 'id: ..\nname: Core\n' },
    expected: [
      "content/teams/core.yaml:1:5 error invalid-value: field 'id' is '..': ids use lower-case letters, digits, -, . and _, are at most 100 characters long and are not dots alone",
    ],
  },
  {
    name: 'an id over 100 characters',
    files: { [`content/teams/${'a'.repeat(101)}.yaml`]: 'name: Core\n' },
    expected: [
      `content/teams/${'a'.repeat(101)}.yaml:1:1 error invalid-id: file name '${'a'.repeat(40)}…' is not a valid id (ids use lower-case letters, digits, -, . and _, are at most 100 characters long and are not dots alone); rename the file or set \`id\``,
    ],
  },
  {
    name: 'docs file names with #, ? and %',
    files: {
      'content/docs/a#b.md': '---\ntitle: A\n---\n',
      'content/docs/why?.md': '---\ntitle: B\n---\n',
      'content/docs/100%.md': '---\ntitle: C\n---\n',
    },
    expected: [
      "content/docs/100%.md:1:1 error invalid-id: docs page 'docs/100%.md' cannot be published: its path holds '%', which the site generator cannot read in a file name; rename the file",
      "content/docs/a#b.md:1:1 error invalid-id: docs page 'docs/a#b.md' cannot be published: its path holds '#', which the site generator cannot read in a file name; rename the file",
      "content/docs/why?.md:1:1 error invalid-id: docs page 'docs/why?.md' cannot be published: its path holds '?', which the site generator cannot read in a file name; rename the file",
    ],
  },
  {
    name: 'two docs pages with one URL',
    files: {
      'content/docs/Getting Started.md': '---\ntitle: A\n---\n',
      'content/docs/getting-started.md': '---\ntitle: B\n---\n',
      'content/docs/guide/index.md': '---\ntitle: C\n---\n',
      'content/docs/guide.md': '---\ntitle: D\n---\n',
    },
    expected: [
      'content/docs/Getting Started.md:1:1 error duplicate-route: page /docs/getting-started/ is also made from content/docs/getting-started.md',
      'content/docs/getting-started.md:1:1 error duplicate-route: page /docs/getting-started/ is also made from content/docs/Getting Started.md',
      'content/docs/guide.md:1:1 error duplicate-route: page /docs/guide/ is also made from content/docs/guide/index.md',
      'content/docs/guide/index.md:1:1 error duplicate-route: page /docs/guide/ is also made from content/docs/guide.md',
    ],
  },
  {
    name: 'docs/index.md is the docs landing page, and links reach it',
    files: {
      'content/docs/index.md': '---\ntitle: Docs\n---\n\nSee [odd](./Odd%20%22name%22.md).\n',
      'content/docs/Odd "name".md':
        '---\ntitle: Odd\n---\n\nBack [home](./index.md) and [to the list](/docs/) and [by route](/docs/odd-name-/).\n',
    },
    expected: [],
  },
  // Link schemes that run code, in every Markdown form
  {
    name: 'unsafe links in every Markdown form',
    files: {
      'content/docs/links.md': [
        '---',
        'title: Links',
        '---',
        '[inline](javascript:alert(1)) [case](JaVaScRiPt:alert(2)) [vb]( vbscript:msgbox )',
        '',
        '[ref][r] and <javascript:alert(3)>',
        '',
        '[r]: javascript:alert(4)',
        '',
        '![fine](data:image/png;base64,AAAA) ![html](data:text/html;base64,AAAA) [data link](data:image/png;base64,AA)',
        '',
        '<a href="jav&#x61;script:alert(5)">entity</a> <img src="data:image/gif;base64,R0l" alt="fine"> <a HREF="java',
        'script:alert(6)">split</a>',
        '',
        '[fine](https://example.org) [mail](mailto:a@example.org) <a href="https://example.org">fine</a>',
        '',
      ].join('\n'),
      'content/docs/jsx.mdx': '---\ntitle: JSX\n---\n\n<a href="javascript:alert(7)">x</a>\n',
    },
    expected: [
      "content/docs/jsx.mdx:5:1 error unsafe-link: link 'javascript:alert(7)' is not allowed: a javascript: link runs code in the reader's browser",
      "content/docs/links.md:4:1 error unsafe-link: link 'javascript:alert(1)' is not allowed: a javascript: link runs code in the reader's browser",
      "content/docs/links.md:4:31 error unsafe-link: link 'JaVaScRiPt:alert(2)' is not allowed: a javascript: link runs code in the reader's browser",
      "content/docs/links.md:4:59 error unsafe-link: link 'vbscript:msgbox' is not allowed: a vbscript: link runs code in the reader's browser",
      "content/docs/links.md:6:14 error unsafe-link: link 'javascript:alert(3)' is not allowed: a javascript: link runs code in the reader's browser",
      "content/docs/links.md:8:1 error unsafe-link: link 'javascript:alert(4)' is not allowed: a javascript: link runs code in the reader's browser",
      "content/docs/links.md:10:37 error unsafe-link: link 'data:text/html;base64,AAAA' is not allowed: a data: image must be of an image type (data:image/...), not 'text/html'",
      "content/docs/links.md:10:73 error unsafe-link: link 'data:image/png;base64,AA' is not allowed: a data: link can hold a page that runs code; only images may be data: URLs",
      "content/docs/links.md:12:1 error unsafe-link: link 'javascript:alert(5)' is not allowed: a javascript: link runs code in the reader's browser",
      "content/docs/links.md:12:96 error unsafe-link: link 'java\\u000ascript:alert(6)' is not allowed: a javascript: link runs code in the reader's browser",
    ],
  },
];

describe('bad-input corpus', () => {
  it('has at least forty cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$name', async ({ files, expected }) => {
    expect(await checkTree(files)).toEqual(expected);
  });
});
