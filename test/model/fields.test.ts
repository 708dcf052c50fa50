import { describe, expect, it } from 'vitest';
import { loadModel } from '../../plugins/model/load.ts';
import { BASE, checkTree, writeTree } from '../helpers/tree.ts';

/** Field-level validation: each row is one file's text and the exact lines it yields. */
const cases: { name: string; file: string; text: string; expected: string[] }[] = [
  {
    name: 'a missing required field points at the mapping',
    file: 'content/services/orders.yaml',
    text: 'name: Orders\ndomain: shop\nevents:\n  publishes: [order.placed]\n',
    expected: ["content/services/orders.yaml:1:1 error missing-field: missing required field 'responsibility'"],
  },
  {
    name: 'an unknown field, with a suggestion, and no second error for the field it misspells',
    file: 'content/services/orders.yaml',
    text: 'name: Orders\nresponsability: Takes orders.\ndomain: shop\nevents:\n  publishes: [order.placed]\n',
    expected: ["content/services/orders.yaml:2:1 error unknown-field: unknown field 'responsability' (did you mean 'responsibility'?)"],
  },
  {
    name: 'an unknown nested field',
    file: 'content/services/orders.yaml',
    text: 'name: Orders\nresponsibility: Takes orders.\ndomain: shop\nevents:\n  publishes: [order.placed]\nstack:\n  langauge: Go\n',
    expected: ["content/services/orders.yaml:7:3 error unknown-field: unknown field 'stack.langauge' (did you mean 'language'?)"],
  },
  {
    name: 'an unknown field inside a list item of the long form',
    file: 'content/services/billing.yaml',
    text: 'name: Billing\nresponsibility: Bills.\ndomain: shop\nevents:\n  consumes: [order.placed]\ndependencies:\n  - { targt: orders }\n',
    expected: ["content/services/billing.yaml:7:7 error unknown-field: unknown field 'dependencies[0].targt' (did you mean 'target'?)"],
  },
  {
    name: 'an enum value out of range',
    file: 'content/domains/shop.yaml',
    text: 'name: Shop\ntype: cor\n',
    expected: [
      "content/domains/shop.yaml:2:7 error invalid-value: field 'type' is 'cor'; expected one of core, supporting, generic (did you mean 'core'?)",
    ],
  },
  {
    name: 'a service type out of range',
    file: 'content/services/orders.yaml',
    text: 'name: Orders\ntype: microservice\nresponsibility: Takes orders.\ndomain: shop\nevents:\n  publishes: [order.placed]\n',
    expected: [
      "content/services/orders.yaml:2:7 error invalid-value: field 'type' is 'microservice'; expected one of service, web-app, mobile-app, gateway, worker, function",
    ],
  },
  {
    name: 'a wrong type deep in a list',
    file: 'content/services/orders.yaml',
    text: 'name: Orders\nresponsibility: Takes orders.\ndomain: shop\nevents:\n  publishes: [order.placed]\napis:\n  rest:\n    - { method: GET, path: 42 }\n',
    expected: [
      'content/services/orders.yaml:8:28 error invalid-type: field \'apis.rest[0].path\' should be text, not the number 42 (to write it as text, quote it: "42")',
    ],
  },
  {
    name: 'an HTTP method out of range',
    file: 'content/services/orders.yaml',
    text: 'name: Orders\nresponsibility: Takes orders.\ndomain: shop\nevents:\n  publishes: [order.placed]\napis:\n  rest:\n    - { method: FETCH, path: / }\n',
    expected: [
      "content/services/orders.yaml:8:17 error invalid-value: field 'apis.rest[0].method' is 'FETCH'; expected one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS",
    ],
  },
  {
    name: 'a decision date that is not YYYY-MM-DD, and a status out of range',
    file: 'content/decisions/0001-a.md',
    text: '---\ntitle: A\nstatus: approved\ndate: 2024-02-30\n---\n',
    expected: [
      "content/decisions/0001-a.md:3:9 error invalid-value: field 'status' is 'approved'; expected one of proposed, accepted, rejected, deprecated, superseded",
      "content/decisions/0001-a.md:4:7 error invalid-value: field 'date' is '2024-02-30': expected a date that exists",
    ],
  },
  {
    name: 'a javascript: URL is refused',
    file: 'content/systems/psp.yaml',
    text: 'name: PSP\nurl: javascript:alert(1)\n',
    expected: ["content/systems/psp.yaml:2:6 error invalid-value: field 'url' is 'javascript:alert(1)': expected an http(s) URL"],
  },
  {
    name: 'an empty required field',
    file: 'content/teams/core.yaml',
    text: 'name: ""\n',
    expected: ["content/teams/core.yaml:1:7 error invalid-value: field 'name' is empty"],
  },
  {
    name: 'a field left without a value',
    file: 'content/teams/core.yaml',
    text: 'name: Core\ncontact:\n',
    expected: ["content/teams/core.yaml:2:1 error invalid-type: field 'contact' should be text, not empty"],
  },
  {
    name: 'an element that is not a mapping',
    file: 'content/teams/core.yaml',
    text: '- name: Core\n',
    expected: ['content/teams/core.yaml:1:1 error invalid-type: element should be a mapping of fields, not a list'],
  },
  {
    name: 'a multi-document file whose documents lack ids',
    file: 'content/teams/all.yaml',
    text: 'name: Core\n---\nid: edge\nname: Edge\n',
    expected: ['content/teams/all.yaml:1:1 error missing-id: this file holds several elements, so each needs an `id` field'],
  },
  {
    name: 'a file name that is not a valid id',
    file: 'content/teams/Core Team.yaml',
    text: 'name: Core\n',
    expected: [
      "content/teams/Core Team.yaml:1:1 error invalid-id: file name 'Core Team' is not a valid id (ids use lower-case letters, digits, -, . and _, are at most 100 characters long and are not dots alone); rename the file or set `id`",
    ],
  },
  {
    name: 'an id field that is not valid',
    file: 'content/teams/core.yaml',
    text: 'id: Core Team\nname: Core\n',
    expected: [
      "content/teams/core.yaml:1:5 error invalid-value: field 'id' is 'Core Team': ids use lower-case letters, digits, -, . and _, are at most 100 characters long and are not dots alone",
    ],
  },
  {
    name: 'a comma inside an unquoted flow value',
    file: 'content/people/customer.yaml',
    text: 'name: Customer\nuses:\n  - { target: orders, description: Browses, buys and pays }\n',
    expected: [
      "content/people/customer.yaml:3:45 error unknown-field: unknown field 'uses[0].buys and pays' (a comma ends a value inside { }: quote the value that holds it)",
    ],
  },
];

describe('field validation', () => {
  it.each(cases)('$name', async ({ file, text, expected }) => {
    expect(await checkTree({ [file]: text })).toEqual(expected);
  });

  it('an MDX body that does not parse is reported at its line', async () => {
    const lines = await checkTree({ 'content/docs/broken.mdx': '---\ntitle: Broken\n---\n\nText.\n\n<Diagram view="x"\n' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^content\/docs\/broken\.mdx:(7|8):\d+ error markdown-syntax: MDX does not parse: /);
  });
});

describe('numbers', () => {
  it.each([
    ['-1', "content/services/orders.yaml:7:13 error invalid-value: field 'deployment.replicas' is -1; it must be at least 0"],
    ['2.5', "content/services/orders.yaml:7:13 error invalid-type: field 'deployment.replicas' should be a whole number, not 2.5"],
    ['three', "content/services/orders.yaml:7:13 error invalid-type: field 'deployment.replicas' should be a number, not text"],
  ])('replicas: %s', async (replicas, expected) => {
    const text = `name: Orders\nresponsibility: Takes orders.\ndomain: shop\nevents:\n  publishes: [order.placed]\ndeployment:\n  replicas: ${replicas}\n`;
    expect(await checkTree({ 'content/services/orders.yaml': text })).toEqual([expected]);
  });
});

describe('numbers written where text is meant keep their text', () => {
  it.each([
    ['1.10', '1.10'],
    ['1.0', '1.0'],
    ['2', '2'],
    ['0x1F', '0x1F'],
    ['1e3', '1e3'],
    ['.5', '.5'],
    ['"1.10"', '1.10'],
  ])('version: %s is shown as %s', async (written, shown) => {
    const root = writeTree({ ...BASE, 'content/events/order.placed.yaml': `name: Order placed\nversion: ${written}\n` });
    const { model, diagnostics } = await loadModel({ contentDir: 'content', cwd: root });
    expect(diagnostics).toEqual([]);
    expect(model!.byKind.event.get('order.placed')!.data.version).toBe(shown);
  });

  it('in lists, in front matter and in files of several documents; number fields stay numbers', async () => {
    const root = writeTree({
      ...BASE,
      'content/services/orders.yaml':
        'name: Orders\nresponsibility: Takes orders.\ndomain: shop\nevents:\n  publishes: [order.placed]\nnfr: { availability: 99.90, error_rate: 0.10 }\ndeployment: { replicas: 3.0, cpu: 0.50 }\n',
      'content/decisions/0001-x.md': '---\ntitle: X\nstatus: accepted\ndate: 2024-01-01\nrationale: { cost: 1.50 }\n---\n',
      'content/events/more.yaml': '---\nid: a.b\nname: A\nversion: 2.0\n---\nid: c.d\nname: C\nversion: 3.10\n',
    });
    const { model } = await loadModel({ contentDir: 'content', cwd: root });
    const orders = model!.byKind.service.get('orders')!.data;
    expect(orders.nfr).toEqual({ availability: '99.90', error_rate: '0.10' });
    expect(orders.deployment?.replicas).toBe(3);
    expect(orders.deployment?.cpu).toBe('0.50');
    expect(model!.byKind.decision.get('0001-x')!.data.rationale).toEqual({ cost: '1.50' });
    expect(model!.byKind.event.get('a.b')!.data.version).toBe('2.0');
    expect(model!.byKind.event.get('c.d')!.data.version).toBe('3.10');
  });
});
