import type {
  ApiContent,
  AsyncApiDescription,
  ApiOperation,
  GraphqlDescription,
  OpenApiDescription,
  ProtoDescription,
  ProtoService,
  ApiType,
} from '../model/apis/api-description.ts';
import { linkTo } from './links.ts';
import { schemaConstraints, schemaRows, schemaType, type SchemaRow } from './schema-rows.ts';
import type { Site } from './site.ts';
import type { Link } from './view.ts';

/** A service's OpenAPI description as its page shows it: every operation, its parameters, bodies and responses. */
export interface OpenApiView {
  readonly file: Link;
  /** `OpenAPI 3.1.0`. */
  readonly spec: string;
  readonly title: string;
  readonly version: string;
  readonly description?: string | undefined;
  readonly servers: readonly string[];
  readonly operations: readonly OperationView[];
}

export interface OperationView {
  /** The operation's id on the page: `op-createOrder`. */
  readonly anchor: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  readonly description?: string | undefined;
  readonly deprecated: boolean;
  readonly tags: readonly string[];
  /** As schema rows: where each goes (`in path`) leads its constraints. */
  readonly parameters: readonly SchemaRow[];
  readonly request?:
    { readonly required: boolean; readonly description?: string | undefined; readonly bodies: readonly BodyView[] } | undefined;
  readonly responses: readonly { readonly status: string; readonly description: string; readonly bodies: readonly BodyView[] }[];
}

export interface BodyView {
  readonly mediaType: string;
  /** `Order`, `Order[]`, when the body is a named schema. */
  readonly schemaName?: string | undefined;
  readonly rows: readonly SchemaRow[];
  /** The body's type when it has no properties to list (`string`, `array of string`). */
  readonly type: string;
  /** An example, as JSON. */
  readonly example?: string | undefined;
  /** Whether the description gives the example, or it is put together from the schema's own examples. */
  readonly exampleSource?: 'given' | 'schema' | undefined;
}

/** A .proto file as the page shows it. */
export interface ProtoView {
  readonly file: Link;
  readonly syntax: string;
  readonly package?: string | undefined;
  /** When the file holds other services' definitions too: how many of its services are shown. */
  readonly shown?: { readonly services: number; readonly of: number } | undefined;
  readonly services: readonly {
    readonly name: string;
    readonly comment?: string | undefined;
    readonly methods: readonly {
      readonly name: string;
      readonly request: TypeRef;
      readonly response: TypeRef;
      readonly comment?: string | undefined;
    }[];
  }[];
  readonly types: readonly TypeView[];
}

/** A GraphQL schema as the page shows it. */
export interface GraphqlView {
  readonly file: Link;
  readonly operations: readonly {
    /** `Query`, `Mutation`, `Subscription`. */
    readonly kind: string;
    readonly name: string;
    readonly arguments: string;
    readonly type: TypeRef;
    readonly description?: string | undefined;
  }[];
  readonly types: readonly TypeView[];
}

/** A type name, linked to its definition on the page when the file defines it. */
export interface TypeRef {
  readonly text: string;
  readonly href?: string | undefined;
}

export interface TypeView {
  readonly anchor: string;
  readonly name: string;
  readonly kind: string;
  readonly comment?: string | undefined;
  readonly fields: readonly { readonly name: string; readonly type: TypeRef; readonly comment: string }[];
}

/** An AsyncAPI document as a page shows it: its servers, what each operation sends or receives, and each message's payload. */
export interface AsyncApiView extends Pick<AsyncApiDescription, 'spec' | 'title' | 'version' | 'description' | 'servers'> {
  readonly file: Link;
  readonly operations: readonly {
    readonly id: string;
    /** `Sends`, `Receives`. */
    readonly action: string;
    /** The channels' addresses (their ids where they have none). */
    readonly channels: readonly string[];
    readonly summary?: string | undefined;
    /** Each message, linked to its payload below. */
    readonly messages: readonly Link[];
  }[];
  readonly messages: readonly {
    /** Its id on the page: `msg-order.created`. */
    readonly anchor: string;
    readonly name: string;
    readonly title?: string | undefined;
    readonly summary?: string | undefined;
    /** The model's event it is, where one matches. */
    readonly event?: Link | undefined;
    readonly body: BodyView;
  }[];
}

/** An AsyncAPI document as its page shows it; `eventOf` links a message to the model's event it is. */
export function asyncApiView(api: AsyncApiDescription, file: Link, eventOf: (message: string) => Link | undefined): AsyncApiView {
  const anchors = new Set<string>();
  const anchorOf = new Map(api.messages.map((m) => [m.name, unique(anchors, `msg-${m.name.replace(/[^A-Za-z0-9_.-]+/g, '-')}`)]));
  const address = new Map(api.channels.map((c) => [c.id, c.address ?? c.id]));
  return {
    file,
    spec: api.spec,
    title: api.title,
    version: api.version,
    // Its first paragraph: a document's description is often Markdown with headings and lists, which the file keeps.
    description: api.description?.split(/\n\s*\n/)[0]?.trim(),
    servers: api.servers,
    operations: api.operations.map((op) => ({
      id: op.id,
      action: op.action === 'send' ? 'Sends' : 'Receives',
      channels: op.channels.map((c) => address.get(c) ?? c),
      summary: op.summary,
      messages: op.messages.map((m) => ({ text: m, href: anchorOf.has(m) ? `#${anchorOf.get(m)}` : '' })),
    })),
    messages: api.messages.map((m) => ({
      anchor: anchorOf.get(m.name)!,
      name: m.name,
      title: m.title,
      summary: m.summary,
      event: eventOf(m.name),
      body: bodyView({ mediaType: m.contentType ?? 'application/json', schema: m.payload, example: m.example }),
    })),
  };
}

/** The event of the model a message is: by its id or name, written any way (`order.created`, `OrderCreated`). */
export function messageEvents(site: Site): (message: string) => Link | undefined {
  const plain = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const events = new Map<string, string>();
  for (const event of site.model.byKind.event.values())
    for (const name of [event.id, event.data.name]) if (!events.has(plain(name))) events.set(plain(name), event.id);
  return (message) => {
    const id = events.get(plain(message));
    return id === undefined ? undefined : linkTo(site, { kind: 'event', id });
  };
}

export function openApiView(api: OpenApiDescription, file: Link): OpenApiView {
  const anchors = new Set<string>();
  return {
    file,
    spec: api.spec,
    title: api.title,
    version: api.version,
    description: api.description,
    servers: api.servers,
    operations: api.operations.map((op) => operationView(op, unique(anchors, operationAnchor(op)))),
  };
}

/** Where an operation is on the page: by its operationId, else by method and path. */
export function operationAnchor(op: ApiOperation): string {
  const name = op.operationId ?? `${op.method}-${op.path}`;
  return `op-${name
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')}`;
}

function operationView(op: ApiOperation, anchor: string): OperationView {
  return {
    anchor,
    method: op.method,
    path: op.path,
    summary: op.summary ?? op.description?.split(/(?<=\.)\s/)[0] ?? '',
    description: op.summary ? op.description : undefined,
    deprecated: op.deprecated,
    tags: op.tags,
    parameters: op.parameters.map((p) => ({
      name: p.name,
      type: schemaType(p.schema),
      required: p.required,
      description: p.description ?? (typeof p.schema.description === 'string' ? p.schema.description : ''),
      constraints: [`in ${p.in}`, schemaConstraints(p.schema)].filter((c) => c !== '').join('; '),
    })),
    request: op.requestBody && {
      required: op.requestBody.required,
      description: op.requestBody.description,
      bodies: op.requestBody.contents.map(bodyView),
    },
    responses: op.responses.map((r) => ({ status: r.status, description: r.description, bodies: r.contents.map(bodyView) })),
  };
}

function bodyView(content: ApiContent): BodyView {
  const given = content.example;
  const built = given === undefined && content.schema ? exampleOf(content.schema, 0) : undefined;
  const example = given ?? built;
  return {
    mediaType: content.mediaType,
    schemaName: content.schemaName,
    rows: content.schema ? schemaRows(content.schema) : [],
    type: content.schema ? schemaType(content.schema) : '',
    example:
      example === undefined
        ? undefined
        : typeof example === 'string' && !/json/i.test(content.mediaType)
          ? example
          : JSON.stringify(example, null, 2),
    exampleSource: given !== undefined ? 'given' : built !== undefined ? 'schema' : undefined,
  };
}

/**
 * An example put together from the examples a schema gives its properties (and their
 * defaults and first allowed values), as Swagger UI and Redoc do; undefined when the
 * schema gives none at all, so that no example is invented.
 */
function exampleOf(schema: unknown, depth: number): unknown {
  if (depth > 8 || schema === null || typeof schema !== 'object' || Array.isArray(schema)) return undefined;
  const s = schema as Record<string, unknown>;
  if (s.example !== undefined) return s.example;
  if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0];
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  if (s.type === 'array') {
    const item = exampleOf(s.items, depth + 1);
    return item === undefined ? undefined : [item];
  }
  const properties = s.properties;
  if (properties && typeof properties === 'object' && !Array.isArray(properties)) {
    const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    let any = false;
    for (const [key, value] of Object.entries(properties)) {
      const example = exampleOf(value, depth + 1);
      if (example === undefined) continue;
      result[key] = example;
      any = true;
    }
    return any ? { ...result } : undefined;
  }
  return undefined;
}

/** A .proto file, or the part of it one service serves (see model/apis/proto-scope.ts). */
export function protoView(
  api: ProtoDescription,
  file: Link,
  scope: { readonly services: readonly ProtoService[]; readonly messages: readonly ApiType[] } = api,
): ProtoView {
  const { types, ref } = typeViews(scope.messages, 'proto');
  return {
    file,
    syntax: api.syntax,
    package: api.package,
    shown: scope.services.length < api.services.length ? { services: scope.services.length, of: api.services.length } : undefined,
    services: scope.services.map((s) => ({
      name: s.name,
      comment: s.comment,
      methods: s.methods.map((m) => ({
        name: m.name,
        request: streamed(ref(m.request), m.requestStream),
        response: streamed(ref(m.response), m.responseStream),
        comment: m.comment,
      })),
    })),
    types,
  };
}

export function graphqlView(api: GraphqlDescription, file: Link): GraphqlView {
  const { types, ref } = typeViews(api.types, 'graphql');
  const kinds = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' } as const;
  return {
    file,
    operations: api.operations.map((op) => ({
      kind: kinds[op.kind],
      name: op.name,
      arguments: op.arguments,
      type: ref(op.type),
      description: op.description,
    })),
    types,
  };
}

function streamed(type: TypeRef, stream: boolean): TypeRef {
  return stream ? { ...type, text: `stream ${type.text}` } : type;
}

/** The types of a file, each with an anchor, and a way to link a type name written anywhere to its definition. */
function typeViews(list: readonly ApiType[], prefix: string): { types: TypeView[]; ref: (written: string) => TypeRef } {
  const anchors = new Set<string>();
  const anchorOf = list.map((t) => unique(anchors, `${prefix}-${t.name.replace(/[^A-Za-z0-9_-]+/g, '-')}`));
  const byName = new Map<string, string>();
  list.forEach((t, i) => {
    if (!byName.has(t.name)) byName.set(t.name, anchorOf[i]!);
  });
  const ref = (written: string): TypeRef => {
    // The bare name inside `[Order!]!`, `repeated StockLevel`, `map<string, Price>`.
    const names = written.match(/[A-Za-z_][\w.]*/g) ?? [];
    const name = [...names].reverse().find((n) => byName.has(n) || byName.has(n.split('.').at(-1)!));
    const href = name === undefined ? undefined : (byName.get(name) ?? byName.get(name.split('.').at(-1)!));
    return { text: written, href: href === undefined ? undefined : `#${href}` };
  };
  return {
    types: list.map((t, i) => ({
      anchor: anchorOf[i]!,
      name: t.name,
      kind: t.kind,
      comment: t.comment,
      fields: t.fields.map((f) => ({ name: f.name, type: f.type === '' ? { text: '' } : ref(f.type), comment: f.comment ?? '' })),
    })),
    ref,
  };
}

function unique(taken: Set<string>, anchor: string): string {
  let result = anchor;
  for (let i = 2; taken.has(result); i++) result = `${anchor}-${i}`;
  taken.add(result);
  return result;
}
