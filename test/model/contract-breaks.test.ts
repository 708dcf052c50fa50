import { describe, expect, it } from 'vitest';
import type { ApiOperation, OpenApiDescription } from '../../plugins/model/apis/api-description.ts';
import { graphqlBreaks } from '../../plugins/model/apis/graphql-breaks.ts';
import { protoBreaks } from '../../plugins/model/apis/proto-breaks.ts';
import { eventSchemaBreaks, majorBumped, openApiBreaks, readsField, schemaHasField } from '../../plugins/model/contract-breaks.ts';

const object = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', properties, required });

describe('what a contract change breaks', () => {
  it.each([
    [
      'a field removed',
      object({ id: { type: 'string' }, total: { type: 'number' } }),
      object({ id: { type: 'string' } }),
      ["field 'total' removed"],
    ],
    [
      'a field made required',
      object({ id: { type: 'string' }, note: { type: 'string' } }),
      object({ id: { type: 'string' }, note: { type: 'string' } }, ['note']),
      ["field 'note' is now required"],
    ],
    [
      'a required field added',
      object({ id: { type: 'string' } }),
      object({ id: { type: 'string' }, tax: { type: 'number' } }, ['tax']),
      ["field 'tax' is now required"],
    ],
    [
      'a type narrowed',
      object({ id: { type: ['string', 'null'] } }),
      object({ id: { type: 'string' } }),
      ["field 'id' is string, no longer null"],
    ],
    [
      'a type changed',
      object({ qty: { type: 'string' } }),
      object({ qty: { type: 'integer' } }),
      ["field 'qty' is integer, no longer string"],
    ],
    [
      'an allowed value dropped',
      object({ s: { type: 'string', enum: ['a', 'b'] } }),
      object({ s: { type: 'string', enum: ['a'] } }),
      ['field \'s\' no longer allows "b"'],
    ],
    [
      'a nested field removed',
      object({ customer: object({ id: { type: 'string' }, email: { type: 'string' } }) }),
      object({ customer: object({ id: { type: 'string' } }) }),
      ["field 'customer.email' removed"],
    ],
    [
      'a field of array items removed',
      object({ lines: { type: 'array', items: object({ sku: { type: 'string' } }) } }),
      object({ lines: { type: 'array', items: object({}) } }),
      ["field 'lines[].sku' removed"],
    ],
    [
      'a field added, optional: nothing',
      object({ id: { type: 'string' } }),
      object({ id: { type: 'string' }, note: { type: 'string' } }),
      [],
    ],
    ['integer widened to number: nothing', object({ n: { type: 'integer' } }), object({ n: { type: 'number' } }), []],
    ['no schema before: nothing', undefined, object({ id: { type: 'string' } }), []],
  ])('event schema: %s', (_name, before, after, breaks) => {
    expect(eventSchemaBreaks(before, after)).toEqual(breaks);
  });

  const op = (method: string, path: string, extra: Partial<ApiOperation> = {}): ApiOperation => ({
    method,
    path,
    tags: [],
    deprecated: false,
    parameters: [],
    responses: [
      {
        status: '200',
        description: 'OK',
        contents: [{ mediaType: 'application/json', schema: object({ id: { type: 'string' }, total: { type: 'number' } }) }],
      },
    ],
    ...extra,
  });
  const api = (...operations: ApiOperation[]): OpenApiDescription => ({
    format: 'openapi',
    spec: 'OpenAPI 3.1.0',
    title: 'T',
    version: '1',
    servers: [],
    operations,
  });
  const param = (name: string, required: boolean) => ({ name, in: 'query', required, schema: { type: 'string' } });

  it.each([
    ['an operation removed', api(op('GET', '/a'), op('DELETE', '/a')), api(op('GET', '/a')), ['DELETE /a removed']],
    [
      'a parameter made required',
      api(op('GET', '/a', { parameters: [param('q', false)] })),
      api(op('GET', '/a', { parameters: [param('q', true)] })),
      ["GET /a: query parameter 'q' is now required"],
    ],
    [
      'a required parameter added',
      api(op('GET', '/a')),
      api(op('GET', '/a', { parameters: [param('q', true)] })),
      ["GET /a: new required query parameter 'q'"],
    ],
    [
      'a request body made required',
      api(op('POST', '/a', { requestBody: { required: false, contents: [] } })),
      api(op('POST', '/a', { requestBody: { required: true, contents: [] } })),
      ['POST /a: the request body is now required'],
    ],
    [
      'a response field removed and another retyped',
      api(op('GET', '/a')),
      api(
        op('GET', '/a', {
          responses: [
            {
              status: '200',
              description: 'OK',
              contents: [{ mediaType: 'application/json', schema: object({ id: { type: 'integer' } }) }],
            },
          ],
        }),
      ),
      ["GET /a 200: field 'id' is integer, no longer string", "GET /a 200: field 'total' removed"],
    ],
    [
      'an optional parameter and an operation added: nothing',
      api(op('GET', '/a')),
      api(op('GET', '/a', { parameters: [param('q', false)] }), op('GET', '/b')),
      [],
    ],
  ])('OpenAPI: %s', (_name, before, after, breaks) => {
    expect(openApiBreaks(before, after)).toEqual(breaks);
  });

  it('GraphQL: by graphql-js’s rules, and nothing for a schema that does not build', () => {
    const before = 'type Query { product(id: ID!): Product }\ntype Product { id: ID!, name: String, price: Float }';
    expect(graphqlBreaks(before, 'type Query { product(id: ID!): Product }\ntype Product { id: ID!, name: String }')).toEqual([
      'Field Product.price was removed',
    ]);
    expect(graphqlBreaks(before, `${before}\ntype Extra { a: Int }`)).toEqual([]);
    expect(graphqlBreaks(before, 'type Query {')).toEqual([]);
  });

  const proto = (fields: string, extra = '') =>
    `syntax = "proto3";\npackage shop.v1;\nservice Orders { rpc Get (Order) returns (Order);${extra} }\nmessage Order { ${fields} }\n`;
  it.each([
    [
      'a field removed without reserving it',
      proto('string id = 1; int64 total = 2;'),
      proto('string id = 1;'),
      ['shop.v1.Order: field total = 2 removed without reserving 2'],
    ],
    ['a field removed, its number reserved: nothing', proto('string id = 1; int64 total = 2;'), proto('string id = 1; reserved 2;'), []],
    [
      'a field removed, its name reserved: nothing',
      proto('string id = 1; int64 total = 2;'),
      proto('string id = 1; reserved "total";'),
      [],
    ],
    [
      'a field number reused',
      proto('string id = 1; int64 total = 2;'),
      proto('string id = 1; string note = 2;'),
      ['shop.v1.Order: field number 2 reused: int64 total is now string note'],
    ],
    [
      'a method removed',
      proto('string id = 1;', ' rpc List (Order) returns (Order);'),
      proto('string id = 1;'),
      ['rpc shop.v1.Orders.List removed'],
    ],
    ['a field added: nothing', proto('string id = 1;'), proto('string id = 1; string note = 2;'), []],
    ['a file that does not parse: nothing', proto('string id = 1;'), 'message {', []],
  ])('Protocol Buffers: %s', (_name, before, after, breaks) => {
    expect(protoBreaks(before, after)).toEqual(breaks);
  });

  it.each([
    ['1.0', '2.0', true],
    ['1.4', '1.5', false],
    ['v1', 'v2', true],
    [1, 2, true],
    ['2', '1', false],
    [undefined, '2', false],
    ['beta', 'gamma', false],
  ])('a version %j → %j raises the major number: %s', (before, after, bumped) => {
    expect(majorBumped(before, after)).toBe(bumped);
  });
});

describe('the fields a consumer reads', () => {
  const schema = {
    type: 'object',
    properties: {
      data: {
        type: 'object',
        properties: {
          total: { type: 'number' },
          lines: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } } },
        },
      },
      extra: { type: 'object', additionalProperties: true, properties: {} },
      linked: { $ref: '#/defs/x' },
    },
  };
  it.each([
    ['data.total', true],
    ['data.lines[].sku', true],
    ['data.lines', true],
    ['data.totl', false],
    ['data.lines[].price', false],
    ['nope', false],
    ['extra.anything', undefined],
    ['linked.id', undefined],
    ['data.total.amount', undefined],
  ] as const)('%s is a field of the schema: %s', (field, expected) => {
    expect(schemaHasField(schema, field)).toBe(expected);
  });

  it.each([
    ['data.total', 'data.total', true],
    ['data.total.amount', 'data.total', true],
    ['data', 'data.total', true],
    ['lines[].sku', 'lines', true],
    ['data.totals', 'data.total', false],
    ['id', 'data.total', false],
  ] as const)('reading %s is broken by removing %s: %s', (read, removed, expected) => {
    expect(readsField(read, removed)).toBe(expected);
  });
});
