import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../plugins/model/format.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { servicePage } from '../../plugins/pages/service-page.ts';
import { sectionOf } from '../../plugins/pages/view.ts';
import { ROOT } from '../helpers/build.ts';
import { siteOf, testSite } from '../helpers/site.ts';
import { BASE, checkTree, writeTree } from '../helpers/tree.ts';

/** A service of the BASE tree with an `apis` block. */
const service = (apis: string) => `name: Api\nresponsibility: Serves.\ndomain: shop\napis:\n${apis}`;

const OPENAPI = `openapi: 3.0.3
info: { title: Stock API, version: "2.1" }
servers: [{ url: "https://stock.example/v2" }]
paths:
  /items/{sku}:
    parameters:
      - { name: sku, in: path, required: true, schema: { type: string, pattern: "^[A-Z0-9]+$" } }
    get:
      operationId: getItem
      summary: Read an item
      responses:
        "200":
          description: The item
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Item" }
        "404": { $ref: "#/components/responses/Missing" }
    delete:
      summary: Remove an item
      deprecated: true
      responses:
        "204": { description: Removed }
  /items:
    post:
      summary: Add an item
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "./schemas/item.yaml" }
            example: { sku: A1, count: 3 }
      responses:
        "201": { description: Added }
components:
  responses:
    Missing:
      description: No such item
      content:
        application/json: { schema: { $ref: "#/components/schemas/Problem" } }
  schemas:
    Item:
      type: object
      required: [sku]
      properties:
        sku: { type: string, example: A1 }
        count: { type: integer, minimum: 0, example: 3 }
        parts: { type: array, items: { $ref: "#/components/schemas/Item" } }
    Problem:
      type: object
      properties: { detail: { type: string } }
`;

describe('OpenAPI descriptions', () => {
  it('are validated and dereferenced, external $refs inside the content folder included, in the order written', async () => {
    const site = await testSite({
      ...BASE,
      'content/services/api.yaml': service('  openapi: ./api.openapi.yaml\n'),
      'content/services/api.openapi.yaml': OPENAPI,
      'content/services/schemas/item.yaml': 'type: object\nproperties:\n  sku: { type: string }\n  count: { type: integer }\n',
    });
    const file = site.files.get('services/api.openapi.yaml');
    expect(file?.api?.format).toBe('openapi');
    // The file a $ref reads is published with the content.
    expect(site.assets).toContain('services/schemas/item.yaml');
    const { openapi, rest } = sectionOf(servicePage(site, 'api').sections, 'apis')!.apis;
    expect(openapi).toMatchObject({ spec: 'OpenAPI 3.0.3', title: 'Stock API', version: '2.1', servers: ['https://stock.example/v2'] });
    expect(openapi!.operations.map((op) => [op.method, op.path, op.anchor, op.deprecated])).toEqual([
      ['GET', '/items/{sku}', 'op-getItem', false],
      ['DELETE', '/items/{sku}', 'op-DELETE-items-sku', true],
      ['POST', '/items', 'op-POST-items', false],
    ]);
    const [get, , post] = openapi!.operations;
    // Path-level parameters apply to every operation of the path.
    expect(get!.parameters).toEqual([
      { name: 'sku', type: 'string', required: true, description: '', constraints: 'in path; pattern: ^[A-Z0-9]+$' },
    ]);
    const ok = get!.responses[0]!.bodies[0]!;
    expect(ok.schemaName).toBe('Item');
    // A circular schema stays a reference: the table names it instead of recursing.
    expect(ok.rows.map((r) => [r.name, r.type, r.required])).toEqual([
      ['sku', 'string', true],
      ['count', 'integer', false],
      ['parts', 'array of Item', false],
    ]);
    // No example given: one is put together from the schema's own examples.
    expect(JSON.parse(ok.example!)).toEqual({ sku: 'A1', count: 3 });
    expect(ok.exampleSource).toBe('schema');
    // A response written as a $ref keeps the name of the schema it points to.
    expect(get!.responses[1]).toMatchObject({ status: '404', description: 'No such item', bodies: [{ schemaName: 'Problem' }] });
    expect(post!.request).toMatchObject({
      required: true,
      bodies: [{ exampleSource: 'given', rows: [{ name: 'sku' }, { name: 'count' }] }],
    });
    // Without apis.rest, the endpoints are the description's, each linked to its details.
    expect(rest.map((r) => [r.method, r.path, r.href])).toEqual([
      ['GET', '/items/{sku}', '#op-getItem'],
      ['DELETE', '/items/{sku}', '#op-DELETE-items-sku'],
      ['POST', '/items', '#op-POST-items'],
    ]);
  });

  it('reads a description again when a file its $refs read changes, though its own text did not', async () => {
    const root = writeTree({
      ...BASE,
      'content/services/api.yaml': service('  openapi: ./api.openapi.yaml\n'),
      'content/services/api.openapi.yaml': OPENAPI,
      'content/services/schemas/item.yaml': 'type: object\nproperties:\n  sku: { type: string }\n',
    });
    const rows = async () => {
      const loaded = await loadModel({ contentDir: 'content', cwd: root });
      const post = sectionOf(servicePage(siteOf({ ...loaded, model: loaded.model! }), 'api').sections, 'apis')!.apis.openapi!
        .operations[2]!;
      return post.request!.bodies[0]!.rows.map((r) => r.name);
    };
    expect(await rows()).toEqual(['sku']);
    writeFileSync(
      path.join(root, 'content/services/schemas/item.yaml'),
      'type: object\nproperties:\n  sku: { type: string }\n  colour: { type: string }\n',
    );
    expect(await rows()).toEqual(['sku', 'colour']);
  });

  it('reads Swagger 2: body parameters become the request body, the rest stay parameters', async () => {
    const site = await testSite({
      ...BASE,
      'content/services/api.yaml': service('  openapi: ./api.json\n'),
      'content/services/api.json': JSON.stringify({
        swagger: '2.0',
        info: { title: 'Legacy', version: '1' },
        basePath: '/v1',
        consumes: ['application/json'],
        paths: {
          '/orders': {
            post: {
              parameters: [
                { name: 'dry', in: 'query', type: 'boolean' },
                { name: 'order', in: 'body', required: true, schema: { $ref: '#/definitions/Order' } },
              ],
              responses: { '200': { description: 'OK', schema: { type: 'array', items: { $ref: '#/definitions/Order' } } } },
            },
          },
        },
        definitions: { Order: { type: 'object', properties: { id: { type: 'string' } } } },
      }),
    });
    const op = sectionOf(servicePage(site, 'api').sections, 'apis')!.apis.openapi!.operations[0]!;
    expect(op.parameters.map((p) => [p.name, p.constraints, p.type])).toEqual([['dry', 'in query', 'boolean']]);
    expect(op.request?.bodies).toMatchObject([{ mediaType: 'application/json', schemaName: 'Order', rows: [{ name: 'id' }] }]);
    expect(op.responses[0]!.bodies[0]).toMatchObject({ schemaName: 'Order[]', rows: [{ name: '[].id' }] });
  });

  it.each([
    ['with a host', { host: 'legacy.example', schemes: ['http'] }],
    ['without a host', {}],
  ])('matches apis.rest behind a Swagger 2 basePath, %s', async (_, where) => {
    const swagger = (rest: string) =>
      checkTree({
        'content/services/api.yaml': service(`  openapi: ./api.json\n  rest:\n${rest}`),
        'content/services/api.json': JSON.stringify({
          swagger: '2.0',
          info: { title: 'Legacy', version: '1' },
          basePath: '/v1',
          ...where,
          paths: {
            '/orders/{id}': {
              get: {
                parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
                responses: { '200': { description: 'OK' } },
              },
            },
          },
        }),
      });
    expect(await swagger("    - { method: GET, path: '/v1/orders/{id}' }\n")).toEqual([]);
    expect(await swagger('    - { method: GET, path: "/orders/:id" }\n')).toEqual([]);
    expect(await swagger("    - { method: GET, path: '/v2/orders/{id}' }\n")).toEqual([
      'content/services/api.yaml:6:3 warning api-mismatch: GET /orders/{id} of api.json is not listed in apis.rest',
      "content/services/api.yaml:7:7 warning api-mismatch: GET /v2/orders/{id} is not in api.json (did you mean 'GET /orders/{id}'?)",
    ]);
  });

  it('an invalid description is an error at the place in that file, one per fault', async () => {
    const broken = OPENAPI.replace('"204": { description: Removed }', '"204": { summary: Removed }');
    expect(
      await checkTree({
        'content/services/api.yaml': service('  openapi: ./api.openapi.yaml\n'),
        'content/services/api.openapi.yaml': broken,
        'content/services/schemas/item.yaml': 'type: object\n',
      }),
    ).toEqual([
      "content/services/api.openapi.yaml:22:9 error invalid-api-description: paths./items/{sku}.delete.responses.204 must have required property 'description'",
    ]);
    const dangling = OPENAPI.replace('#/components/schemas/Problem', '#/components/schemas/Problm');
    expect(
      await checkTree({
        'content/services/api.yaml': service('  openapi: ./api.openapi.yaml\n'),
        'content/services/api.openapi.yaml': dangling,
        'content/services/schemas/item.yaml': 'type: object\n',
      }),
    ).toEqual([
      "content/services/api.openapi.yaml:39:45 error invalid-api-description: $ref '#/components/schemas/Problm' points at nothing: this file has no '#/components/schemas/Problm' (did you mean '#/components/schemas/Problem'?)",
    ]);
  });

  /**
   * The description, in a folder of no kind, with its one external `$ref` (line 30, column 29)
   * replaced, and the files given. Other diagnostics than errors (the files no element names) are left out.
   */
  const refTo = async (ref: string, files: Record<string, string> = {}) =>
    (
      await checkTree({
        'content/services/api.yaml': service('  openapi: ../apis/api.openapi.yaml\n'),
        'content/apis/api.openapi.yaml': OPENAPI.replace('./schemas/item.yaml', ref),
        ...files,
      })
    ).filter((line) => !line.includes(' info '));
  const AT_REF = 'content/apis/api.openapi.yaml:30:29';

  it.each([
    [
      '/etc/passwd',
      `${AT_REF} error path-outside-content: $ref '/etc/passwd' is an absolute path; write the path relative to this file, inside the content folder`,
    ],
    [
      'file:///etc/passwd',
      `${AT_REF} error path-outside-content: $ref 'file:///etc/passwd' is a URL; archsite fetches nothing and reads only the content folder: copy the file into it`,
    ],
    [
      'http://127.0.0.1:9/item.yaml',
      `${AT_REF} error path-outside-content: $ref 'http://127.0.0.1:9/item.yaml' is a URL; archsite fetches nothing and reads only the content folder: copy the file into it`,
    ],
    [
      '//127.0.0.1/item.yaml',
      `${AT_REF} error path-outside-content: $ref '//127.0.0.1/item.yaml' names another host; archsite fetches nothing: copy the file into the content folder`,
    ],
    [
      '../../../../../etc/passwd',
      `${AT_REF} error path-outside-content: $ref '../../../../../etc/passwd' leaves the content folder; nothing outside it is read`,
    ],
    ['./schemas/', `${AT_REF} error wrong-file-type: $ref './schemas/' names a folder, not a file`],
    ['./schemas', `${AT_REF} error wrong-file-type: $ref './schemas' names a folder, not a file`],
    [
      './schemas/itme.yaml',
      `${AT_REF} error missing-file: $ref './schemas/itme.yaml' names a file that does not exist (did you mean 'item.yaml'?)`,
    ],
    [
      './schemas/item.html',
      `${AT_REF} error wrong-file-type: $ref './schemas/item.html' names a file that is not JSON or YAML: a $ref file must end in .yaml, .yml or .json`,
    ],
    [
      './schemas/item.yaml#/Itemm',
      `${AT_REF} error invalid-api-description: $ref './schemas/item.yaml#/Itemm' points at nothing: './schemas/item.yaml' has no '#/Itemm' (did you mean '#/Item'?)`,
    ],
  ])('a $ref to %s is an error at the $ref, naming it as written; nothing is read or fetched', async (ref, expected) => {
    const lines = await refTo(ref, {
      'content/apis/schemas/item.yaml': 'Item: { type: object }\n',
      'content/apis/schemas/item.html': '<script>alert(1)</script>\n',
      'passwd.yaml': 'type: object\n',
    });
    expect(lines).toEqual([expected]);
  });

  it('a $ref never takes an element out of the model: naming an element file is an error at the $ref', async () => {
    const root = writeTree({
      ...BASE,
      'content/services/api.yaml': service('  openapi: ../apis/api.openapi.yaml\n'),
      'content/apis/api.openapi.yaml': OPENAPI.replace('./schemas/item.yaml', '../teams/core.yaml'),
      'content/teams/core.yaml': 'name: Core team\n',
    });
    const result = await loadModel({ contentDir: 'content', cwd: root });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `${AT_REF} error wrong-file-type: $ref '../teams/core.yaml' names the file of team 'core'; a $ref names a file of the description, never an element's`,
    ]);
    expect(result.model?.byKind.team.has('core')).toBe(true);
    expect(result.assets).not.toContain('teams/core.yaml');
  });

  it('a file a $ref reads has the limits of every content file: an alias bomb, deep nesting or a syntax error is said in that file, at once', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n');
    const started = performance.now();
    expect(await refTo('./schemas/bomb.yaml', { 'content/apis/schemas/bomb.yaml': `${bomb}\n` })).toEqual([
      `${AT_REF} error yaml-too-complex: $ref './schemas/bomb.yaml' names a file that cannot be used; see that file`,
      'content/apis/schemas/bomb.yaml:2:8 error yaml-too-complex: YAML expands more than 100 aliases; this looks like an alias bomb',
    ]);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(
      await refTo('./schemas/deep.json', { 'content/apis/schemas/deep.json': `${'['.repeat(100_000)}${']'.repeat(100_000)}` }),
    ).toEqual([
      `${AT_REF} error yaml-too-complex: $ref './schemas/deep.json' names a file that cannot be used; see that file`,
      'content/apis/schemas/deep.json:1:257 error yaml-too-complex: JSON is nested deeper than 256 levels',
    ]);
    expect(await refTo('./schemas/deep.yaml', { 'content/apis/schemas/deep.yaml': `${'['.repeat(5_000)}${']'.repeat(5_000)}\n` })).toEqual([
      `${AT_REF} error yaml-too-complex: $ref './schemas/deep.yaml' names a file that cannot be used; see that file`,
      'content/apis/schemas/deep.yaml:1:257 error yaml-too-complex: YAML is nested deeper than 256 levels',
    ]);
    expect(await refTo('./schemas/broken.yaml', { 'content/apis/schemas/broken.yaml': 'type: object\nproperties: { a: [\n' })).toEqual([
      `${AT_REF} error invalid-schema: $ref './schemas/broken.yaml' names a file that cannot be used; see that file`,
      expect.stringMatching(/^content\/apis\/schemas\/broken\.yaml:\d+:\d+ error invalid-schema: /),
    ]);
  });

  it('apis.rest must list what the description holds, and the other way round', async () => {
    const lines = await checkTree({
      'content/services/api.yaml': service(
        [
          '  rest:',
          '    - { method: GET, path: "/v2/items/:sku" }', // behind the server's path, written Express-style: the same
          '    - { method: PUT, path: "/items/{sku}" }', // the path exists, the method does not
          '    - { method: POST, path: /itemz }', // a typo
          '  openapi: ./api.openapi.yaml',
          '',
        ].join('\n'),
      ),
      'content/services/api.openapi.yaml': OPENAPI,
      'content/services/schemas/item.yaml': 'type: object\n',
    });
    expect(lines).toEqual([
      'content/services/api.yaml:5:3 warning api-mismatch: DELETE /items/{sku} of api.openapi.yaml is not listed in apis.rest',
      'content/services/api.yaml:5:3 warning api-mismatch: POST /items of api.openapi.yaml is not listed in apis.rest',
      'content/services/api.yaml:7:7 warning api-mismatch: PUT /items/{sku} is not in api.openapi.yaml; it has GET, DELETE for that path',
      "content/services/api.yaml:8:7 warning api-mismatch: POST /itemz is not in api.openapi.yaml (did you mean 'POST /items'?)",
    ]);
  });

  it('the bundled example: every REST endpoint of the Order Service is an operation of its description', async () => {
    const loaded = await loadModel({ contentDir: path.join(ROOT, 'content') });
    expect(loaded.diagnostics).toEqual([]);
    const page = sectionOf(servicePage(siteOf({ ...loaded, model: loaded.model! }), 'order-service').sections, 'apis')!;
    expect(page.apis.openapi!.operations.length).toBeGreaterThanOrEqual(6);
    expect(page.apis.rest.every((r) => r.href?.startsWith('#op-') && r.note === undefined)).toBe(true);
    expect(page.apis.files).toEqual([]);
    const proto = sectionOf(servicePage(siteOf({ ...loaded, model: loaded.model! }), 'product-service').sections, 'apis')!.apis.proto!;
    expect(proto.services.map((s) => [s.name, s.methods.map((m) => m.name)])).toEqual([['Inventory', ['CheckStock', 'ReserveStock']]]);
    expect(proto.types.map((t) => t.name)).toContain('ReservationStatus');
  });
});

const PROTO = `syntax = "proto3";
package shop.v1;

// Carts.
service CartService {
  // Adds one item.
  rpc AddItem (AddItemRequest) returns (Empty);
  rpc Watch (stream Empty) returns (stream Cart);
}
service AdService {
  rpc GetAds (Empty) returns (Empty);
}
message Empty {}
message Item { string sku = 1; int32 count = 2; }
message AddItemRequest { string user_id = 1; Item item = 2; map<string, string> labels = 3; }
message Cart { repeated Item items = 1; oneof owner { string user_id = 2; string guest = 3; } }
message Ad { string text = 1; }
enum Colour { COLOUR_UNSPECIFIED = 0; RED = 1; }
`;

describe('API description files are inert and bounded', () => {
  it.each([
    [
      'graphql',
      './webhooks.html',
      '# <script>alert(document.domain)</script>\ntype Query { a: Int }\n',
      'must end in .graphql, .gql or .graphqls',
    ],
    ['proto', './cart.proto.html', '// <script>alert(1)</script>\nsyntax = "proto3";\n', 'must end in .proto'],
    [
      'openapi',
      './api.svg',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n',
      'must end in .yaml, .yml or .json',
    ],
    ['openapi', './api.yaml.XHTML', 'openapi: 3.0.3\n', 'must end in .yaml, .yml or .json'],
  ])('apis.%s naming %s is refused at the field, and the file is not published', async (format, file, text, expected) => {
    const root = writeTree({
      ...BASE,
      'content/services/api.yaml': service(`  ${format}: ${file}\n`),
      [`content/services/${file.slice(2)}`]: text,
    });
    const result = await loadModel({ contentDir: 'content', cwd: root });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([
      `content/services/api.yaml:5:${format.length + 5} error wrong-file-type: ${format} file '${file}' ${expected}`,
    ]);
    expect(result.assets).toEqual([]);
  });

  it('a prose link to a page a browser would run is unsafe; an SVG image is drawn inline and not published', async () => {
    const root = writeTree({
      ...BASE,
      'content/docs/page.md': '---\ntitle: Page\n---\n\n![Diagram](./d.svg)\n\n[The page](./d.html) and [the picture](./d.svg).\n',
      'content/docs/d.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      'content/docs/d.html': '<script>alert(1)</script>',
    });
    const result = await loadModel({ contentDir: 'content', cwd: root });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'content/docs/d.html:1:1 info ignored-file: file is not an element, and is never published: a browser would open it as a page and run its script',
      "content/docs/page.md:7:1 error unsafe-link: link './d.html' names a file a browser would open as a page, running its script: archsite never publishes .html files",
      "content/docs/page.md:7:26 error unsafe-link: link './d.svg' names a file a browser would open as a page, running its script: archsite never publishes .svg files (show an SVG as an image: ![…](…))",
    ]);
    expect(result.assets).toEqual([]);
  });

  it('an event schema must be JSON or YAML, and no element file', async () => {
    expect(
      await checkTree({
        'content/events/order.placed.yaml': 'name: Order placed\nschema: ./page.htm\n',
        'content/events/page.htm': '<script>alert(1)</script>',
      }),
    ).toContain("content/events/order.placed.yaml:2:9 error wrong-file-type: schema file './page.htm' must end in .json, .yaml or .yml");
    expect(await checkTree({ 'content/events/order.placed.yaml': 'name: Order placed\nschema: ../domains/shop.yaml\n' })).toEqual([
      "content/events/order.placed.yaml:2:9 error wrong-file-type: schema file '../domains/shop.yaml' is the file of domain 'shop', not one of the schema files",
    ]);
  });

  it.each([
    [
      'graphql',
      'schema.graphql',
      `type Query { a(x: ${'['.repeat(20_000)}Int${']'.repeat(20_000)}): Int }\n`,
      '1:81 error invalid-api-description: GraphQL schema is nested deeper than 64 levels',
    ],
    [
      'graphql',
      'schema.graphql',
      `input I { a: Int = ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)} }\ntype Query { a: Int }\n`,
      '1:272 error invalid-api-description: GraphQL schema is nested deeper than 64 levels',
    ],
    [
      'proto',
      'deep.proto',
      `syntax = "proto3";\n${'message M { '.repeat(20_000)}${'}'.repeat(20_000)}\n`,
      '2:779 error invalid-api-description: .proto file is nested deeper than 64 levels',
    ],
    [
      'openapi',
      'deep.json',
      `{"openapi": "3.0.3", "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      '1:282 error yaml-too-complex: JSON is nested deeper than 256 levels',
    ],
  ])('a %s file nested thousands deep is an error where it crosses the limit, at once', async (format, file, text, expected) => {
    const started = performance.now();
    const lines = await checkTree({ 'content/services/api.yaml': service(`  ${format}: ./${file}\n`), [`content/services/${file}`]: text });
    expect(lines.filter((l) => !l.includes(' info '))).toEqual([`content/services/${file}:${expected}`]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a description larger than the limit is refused as an API description file, not as an element file', async () => {
    const lines = await checkTree({
      'content/services/api.yaml': service('  openapi: ./big.yaml\n'),
      'content/services/big.yaml': `openapi: 3.0.3\n# ${'x'.repeat(17 * 1024 * 1024)}\n`,
    });
    expect(lines).toEqual([
      "content/services/api.yaml:5:12 error invalid-schema: openapi file './big.yaml' cannot be used: file is 17.0 MiB; API description files may be at most 16.0 MiB",
    ]);
  });
});

describe('Protocol Buffers', () => {
  it('lists the services, methods and messages of the service’s own part of a shared file', async () => {
    const site = await testSite({
      ...BASE,
      'content/services/cart.yaml':
        'name: Cart Service\nresponsibility: Carts.\ndomain: shop\napis:\n  grpc: [AddItem, Watch]\n  proto: ../protos/shop.proto\n',
      'content/protos/shop.proto': PROTO,
    });
    const proto = sectionOf(servicePage(site, 'cart').sections, 'apis')!.apis.proto!;
    expect(proto).toMatchObject({ syntax: 'proto3', package: 'shop.v1', shown: { services: 1, of: 2 } });
    expect(proto.services).toEqual([
      {
        name: 'CartService',
        comment: 'Carts.',
        methods: [
          {
            name: 'AddItem',
            request: { text: 'AddItemRequest', href: '#proto-AddItemRequest' },
            response: { text: 'Empty', href: '#proto-Empty' },
            comment: 'Adds one item.',
          },
          {
            name: 'Watch',
            request: { text: 'stream Empty', href: '#proto-Empty' },
            response: { text: 'stream Cart', href: '#proto-Cart' },
            comment: undefined,
          },
        ],
      },
    ]);
    // Only the types the service reaches: not the ad service's, nor the unused enum.
    expect(proto.types.map((t) => t.name)).toEqual(['Empty', 'Item', 'AddItemRequest', 'Cart']);
    const fields = (name: string) => proto.types.find((t) => t.name === name)!.fields.map((f) => [f.name, f.type.text]);
    expect(fields('AddItemRequest')).toEqual([
      ['user_id', 'string'],
      ['item', 'Item'],
      ['labels', 'map<string, string>'],
    ]);
    expect(fields('Cart')).toEqual([
      ['items', 'repeated Item'],
      ['user_id', 'string (one of owner)'],
      ['guest', 'string (one of owner)'],
    ]);
  });

  it('a syntax error is positioned in the .proto file; apis.grpc is compared with the service’s part of it', async () => {
    expect(
      await checkTree({
        'content/services/cart.yaml': service('  proto: ./cart.proto\n'),
        'content/services/cart.proto': 'syntax = "proto3";\nmessage A {\n  string = 1;\n}\n',
      }),
    ).toEqual(["content/services/cart.proto:3:1 error invalid-api-description: illegal name '='"]);
    expect(
      await checkTree({
        'content/services/cart.yaml':
          'name: Cart Service\nresponsibility: Carts.\ndomain: shop\napis:\n  grpc: [AddItem, AddItems]\n  proto: ./shop.proto\n',
        'content/services/shop.proto': PROTO,
      }),
    ).toEqual([
      'content/services/cart.yaml:5:3 warning api-mismatch: method CartService.Watch of shop.proto is not listed in apis.grpc',
      "content/services/cart.yaml:5:19 warning api-mismatch: method AddItems is not in shop.proto (did you mean 'AddItem'?)",
    ]);
  });
});

const GRAPHQL = `"""A product of the catalogue."""
type Product { id: ID!, name: String!, price(currency: Currency = EUR): Float }
enum Currency { EUR USD }
input ProductFilter { nameContains: String }
type Query {
  "Products, filtered."
  products(filter: ProductFilter, first: Int = 10): [Product!]!
  product(id: ID!): Product
}
type Mutation { rename(id: ID!, name: String!): Product }
`;

describe('GraphQL schemas', () => {
  it('lists queries, mutations and types, with links from a field to its type', async () => {
    const site = await testSite({
      ...BASE,
      'content/services/api.yaml': service('  graphql: ./schema.graphql\n'),
      'content/services/schema.graphql': GRAPHQL,
    });
    const graphql = sectionOf(servicePage(site, 'api').sections, 'apis')!.apis.graphql!;
    expect(graphql.operations.map((op) => [op.kind, op.name, op.arguments, op.type.text, op.type.href, op.description])).toEqual([
      ['Query', 'products', '(filter: ProductFilter, first: Int = 10)', '[Product!]!', '#graphql-Product', 'Products, filtered.'],
      ['Query', 'product', '(id: ID!)', 'Product', '#graphql-Product', undefined],
      ['Mutation', 'rename', '(id: ID!, name: String!)', 'Product', '#graphql-Product', undefined],
    ]);
    expect(graphql.types.map((t) => [t.kind, t.name, t.comment])).toEqual([
      ['type', 'Product', 'A product of the catalogue.'],
      ['enum', 'Currency', undefined],
      ['input', 'ProductFilter', undefined],
    ]);
  });

  it('syntax errors and unknown types are positioned in the schema file', async () => {
    const check = (text: string) =>
      checkTree({ 'content/services/api.yaml': service('  graphql: ./schema.graphql\n'), 'content/services/schema.graphql': text });
    expect(await check('type Query {\n  a: Int\n  b(: Int\n}\n')).toEqual([
      'content/services/schema.graphql:3:5 error invalid-api-description: Syntax Error: Expected Name, found ":".',
    ]);
    expect(await check('type Query {\n  a: Prodct\n}\n')).toEqual([
      'content/services/schema.graphql:2:6 error invalid-api-description: Unknown type "Prodct".',
    ]);
  });
});
