import { pathToFileURL, fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { ApiContent, ApiOperation, ApiParameter, ApiProblem, ApiResult, OpenApiDescription } from './api-description.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OpenApiInput {
  /** The document, parsed from YAML or JSON; it is not modified. */
  readonly value: object;
  /** The file's absolute path: relative `$ref`s resolve against it. */
  readonly file: string;
  /**
   * A file another `$ref` points to, by absolute path, as already read and parsed (see
   * openapi-refs.ts, which follows every `$ref` first, under the content folder's rules and
   * limits), or a throw. Nothing is read here, and nothing is ever fetched.
   */
  readonly referenced: (file: string) => object;
}

type Obj = Record<string, unknown>;

/**
 * Validates an OpenAPI 3.0/3.1 or Swagger 2 document against its specification and
 * dereferences it with `@apidevtools/swagger-parser`, then lists its operations in the order
 * the document writes them, in one shape for both generations of the specification.
 */
export async function describeOpenApi(input: OpenApiInput): Promise<ApiResult<OpenApiDescription>> {
  let api: Obj;
  try {
    api = (await SwaggerParser.validate(
      pathToFileURL(input.file).href,
      structuredClone(input.value) as never,
      {
        resolve: {
          http: false,
          file: false,
          content: {
            order: 1,
            canRead: (file: { url: string }) => file.url.startsWith('file:'),
            read: () => '',
          },
        },
        // Every file was parsed under the content's limits already: its value is handed over as it is.
        parse: {
          json: false,
          yaml: false,
          text: false,
          binary: false,
          content: {
            order: 1,
            canParse: true,
            parse: (file: { url: string }) => structuredClone(input.referenced(fileURLToPath(file.url.replace(/#.*$/, '')))),
          },
        },
        dereference: {
          circular: 'ignore',
          // A schema that was referenced by name keeps the name as its title, so that tables can say `array of LineItem`.
          onDereference: (ref: string, value: Obj) => {
            const name = ref.includes('/schemas/') || ref.includes('/definitions/') ? decoded(ref.split('/').at(-1) ?? '') : '';
            if (name && isObj(value) && value.title === undefined) value.title = name;
          },
        },
      } as SwaggerParser.Options,
    )) as unknown as Obj;
  } catch (error) {
    return { ok: false, problems: problemsOf(error) };
  }
  const original = input.value as Obj;
  const swagger2 = typeof api.swagger === 'string';
  const info = obj(api.info);
  return {
    ok: true,
    api: {
      format: 'openapi',
      spec: swagger2 ? `Swagger ${String(api.swagger)}` : `OpenAPI ${String(api.openapi)}`,
      title: str(info.title) ?? '',
      version: str(info.version) ?? '',
      description: str(info.description),
      servers: swagger2
        ? swaggerServers(api)
        : list(api.servers).flatMap((s) => (typeof obj(s).url === 'string' ? [String(obj(s).url)] : [])),
      operations: operations(api, original, swagger2),
    },
  };
}

/** Swagger 2's `schemes`, `host` and `basePath` as server URLs: `https://shop.example/v1`, or `/v1` without a host. */
function swaggerServers(api: Obj): string[] {
  const basePath = str(api.basePath) ?? '';
  const host = str(api.host);
  if (host === undefined) return basePath === '' || basePath === '/' ? [] : [basePath];
  const schemes = list(api.schemes).filter((s): s is string => typeof s === 'string');
  return (schemes.length > 0 ? schemes : ['https']).map((scheme) => `${scheme}://${host}${basePath}`);
}

function operations(api: Obj, original: Obj, swagger2: boolean): ApiOperation[] {
  const local = (node: unknown) => follow(original, node);
  // A circular schema stays a `$ref` after dereferencing: it is looked up in the dereferenced document.
  const own = (schema: unknown) => (isObj(schema) ? follow(api, schema) : undefined);
  const result: ApiOperation[] = [];
  const paths = obj(api.paths);
  const originalPaths = obj(original.paths);
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = obj(rawItem);
    const originalItem = obj(member(originalPaths, path));
    for (const method of METHODS) {
      if (!Object.hasOwn(item, method)) continue;
      const op = obj(item[method]);
      const originalOp = obj(member(originalItem, method));
      const parameters = mergeParameters(list(item.parameters), list(op.parameters));
      const body = swagger2
        ? swaggerBody(parameters, originalItem, originalOp, api, op, own)
        : openApiBody(op, local(originalOp.requestBody), own);
      result.push({
        method: method.toUpperCase(),
        path,
        operationId: str(op.operationId),
        summary: str(op.summary),
        description: str(op.description),
        tags: list(op.tags).filter((t): t is string => typeof t === 'string'),
        deprecated: op.deprecated === true,
        parameters: parameters
          .filter((p) => p.in !== 'body')
          .map((p): ApiParameter => ({
            name: str(p.name) ?? '',
            in: str(p.in) ?? '',
            required: p.required === true,
            description: str(p.description),
            // Swagger 2 writes the type on the parameter itself.
            schema: isObj(p.schema)
              ? own(p.schema)!
              : Object.fromEntries(Object.entries(p).filter(([k]) => !['name', 'in', 'required', 'description'].includes(k))),
          })),
        requestBody: body,
        responses: Object.entries(obj(op.responses)).map(([status, raw]) => {
          const response = obj(raw);
          const originalResponse = local(member(obj(originalOp.responses), status));
          return {
            status,
            description: str(response.description) ?? '',
            contents: swagger2
              ? swaggerContents(own(response.schema), originalResponse.schema, list(op.produces ?? api.produces), response.examples)
              : contents(response.content, originalResponse.content, own),
          };
        }),
      });
    }
  }
  return result;
}

/** Path-level parameters apply unless the operation overrides them (same name and location). */
function mergeParameters(pathLevel: unknown[], operationLevel: unknown[]): Obj[] {
  const own = operationLevel.map(obj);
  const key = (p: Obj) => `${String(p.in)}:${String(p.name)}`;
  const overridden = new Set(own.map(key));
  return [...pathLevel.map(obj).filter((p) => !overridden.has(key(p))), ...own];
}

function openApiBody(op: Obj, originalBody: Obj, own: (schema: unknown) => Obj | undefined): ApiOperation['requestBody'] {
  if (!isObj(op.requestBody)) return undefined;
  const body = op.requestBody;
  return {
    required: body.required === true,
    description: str(body.description),
    contents: contents(body.content, originalBody.content, own),
  };
}

/**
 * What a local `$ref` (`#/components/responses/NotFound`) points to in the document as
 * written, where the names of the schemas are still there to read.
 */
function follow(root: Obj, node: unknown, depth = 0): Obj {
  const value = obj(node);
  if (typeof value.$ref !== 'string' || !value.$ref.startsWith('#/') || depth > 8) return value;
  let target: unknown = root;
  for (const part of value.$ref.slice(2).split('/')) {
    const key = decoded(part).replace(/~1/g, '/').replace(/~0/g, '~');
    target = isObj(target) && Object.hasOwn(target, key) ? target[key] : undefined;
  }
  return follow(root, target, depth + 1);
}

function swaggerBody(
  parameters: Obj[],
  originalItem: Obj,
  originalOp: Obj,
  api: Obj,
  op: Obj,
  own: (schema: unknown) => Obj | undefined,
): ApiOperation['requestBody'] {
  const body = parameters.find((p) => p.in === 'body');
  if (!body) return undefined;
  const originalBody = [...list(originalOp.parameters), ...list(originalItem.parameters)].map(obj).find((p) => p.in === 'body');
  return {
    required: body.required === true,
    description: str(body.description),
    contents: swaggerContents(own(body.schema), originalBody?.schema, list(op.consumes ?? api.consumes), undefined),
  };
}

function swaggerContents(schema: unknown, originalSchema: unknown, mediaTypes: unknown[], examples: unknown): ApiContent[] {
  if (!isObj(schema)) return [];
  const types = mediaTypes.filter((t): t is string => typeof t === 'string');
  return (types.length > 0 ? types : ['application/json']).map((mediaType) => ({
    mediaType,
    schemaName: refName(originalSchema),
    schema,
    example: isObj(examples) && Object.hasOwn(examples, mediaType) ? examples[mediaType] : undefined,
  }));
}

function contents(content: unknown, originalContent: unknown, own: (schema: unknown) => Obj | undefined): ApiContent[] {
  return Object.entries(obj(content)).map(([mediaType, raw]) => {
    const media = obj(raw);
    const original = obj(member(obj(originalContent), mediaType));
    const firstExample = Object.values(obj(media.examples)).map(obj)[0];
    return {
      mediaType,
      schemaName: refName(original.schema),
      schema: own(media.schema),
      example: media.example !== undefined ? media.example : firstExample?.value,
    };
  });
}

/** `Order` for `{ $ref: '#/components/schemas/Order' }`, and for an array of them `Order[]`. */
function refName(schema: unknown): string | undefined {
  if (!isObj(schema)) return undefined;
  if (typeof schema.$ref === 'string') return decoded(schema.$ref.split('/').at(-1) ?? '') || undefined;
  if (schema.type === 'array') {
    const inner = refName(schema.items);
    return inner === undefined ? undefined : `${inner}[]`;
  }
  return undefined;
}

/** Swagger Parser's errors, each with where it is when the error says. */
function problemsOf(error: unknown): ApiProblem[] {
  const e = obj(error);
  const details = list(e.details).map(obj);
  if (details.length > 0) {
    // ajv repeats a fault once per branch of an `if`/`oneOf`; the first message of each place is the useful one.
    const seen = new Set<string>();
    const problems: ApiProblem[] = [];
    for (const d of details) {
      const pointer = str(d.instancePath) ?? '';
      if (seen.has(pointer)) continue;
      seen.add(pointer);
      const extra = isObj(d.params) && typeof d.params.additionalProperty === 'string' ? ` '${d.params.additionalProperty}'` : '';
      problems.push({ path: fromPointer(pointer), message: `${where(pointer)}${str(d.message) ?? 'is invalid'}${extra}` });
    }
    return problems;
  }
  const message = error instanceof Error ? error.message : String(error);
  // Swagger Parser's own checks name the operation as `/paths/orders/{id}/get`.
  const operation = /^Validation failed\. \/paths(\/.*)\/(get|put|post|delete|options|head|patch|trace)\b/.exec(message);
  if (operation)
    return [{ path: ['paths', operation[1]!, operation[2]!], message: message.replace(/^Validation failed\. /, '').split('\n')[0]! }];
  // A $ref that points nowhere says where it is written.
  const at = typeof e.parentPath === 'string' ? fromPointer(e.parentPath.replace(/^[^#]*#/, '')) : undefined;
  return [{ path: at, message: message.split('\n')[0] ?? 'is not a valid OpenAPI description' }];
}

function where(pointer: string): string {
  return pointer === '' ? 'the document ' : `${fromPointer(pointer).join('.')} `;
}

/** A JSON pointer (`/paths/~1orders/get`) as a field path. */
function fromPointer(pointer: string): (string | number)[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((part) => {
      const key = decoded(part).replace(/~1/g, '/').replace(/~0/g, '~');
      return /^\d+$/.test(key) ? Number(key) : key;
    });
}

/** A member the document itself holds: keys come from content, and `constructor` is not one unless written. */
function member(holder: Obj, key: string): unknown {
  return Object.hasOwn(holder, key) ? holder[key] : undefined;
}

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function obj(value: unknown): Obj {
  return isObj(value) ? value : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A `$ref` segment, percent-decoded when it can be: a malformed `%` is kept as written. */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
