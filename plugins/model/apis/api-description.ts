/**
 * What archsite reads out of a service's API description files (`apis.openapi`, `apis.proto`,
 * `apis.graphql`): the operations, methods and types, in the order the file writes them.
 * Built by the check (see checks/apis.ts), shown by the service page.
 */
export type ApiDescription = OpenApiDescription | ProtoDescription | GraphqlDescription | AsyncApiDescription;

/** A JSON Schema, dereferenced: `$ref`s are replaced by what they point to, except circular ones. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** An AsyncAPI 2 or 3 document: its servers, channels, operations and messages, in the order it writes them. */
export interface AsyncApiDescription {
  readonly format: 'asyncapi';
  /** `AsyncAPI 3.0.0`. */
  readonly spec: string;
  readonly title: string;
  readonly version: string;
  readonly description?: string | undefined;
  readonly servers: readonly {
    readonly id: string;
    readonly host: string;
    readonly protocol: string;
    readonly description?: string | undefined;
  }[];
  readonly channels: readonly {
    readonly id: string;
    /** The topic or queue: `smartylighting.streetlights.1.0.event.{streetlightId}.lighting.measured`. */
    readonly address?: string | undefined;
    readonly description?: string | undefined;
    /** The names of the messages it carries. */
    readonly messages: readonly string[];
  }[];
  readonly operations: readonly {
    readonly id: string;
    /** What the application does: `send` (it publishes) or `receive` (it consumes). */
    readonly action: 'send' | 'receive';
    /** The channels' ids. */
    readonly channels: readonly string[];
    readonly summary?: string | undefined;
    readonly messages: readonly string[];
  }[];
  readonly messages: readonly {
    /** The message's name (else its id): what events are matched by. */
    readonly name: string;
    readonly title?: string | undefined;
    readonly summary?: string | undefined;
    readonly contentType?: string | undefined;
    readonly payload?: JsonSchema | undefined;
    readonly example?: unknown;
  }[];
}

export interface OpenApiDescription {
  readonly format: 'openapi';
  /** `OpenAPI 3.1.0`, `Swagger 2.0`. */
  readonly spec: string;
  readonly title: string;
  readonly version: string;
  readonly description?: string | undefined;
  /** Server URLs (OpenAPI 3) or `host` + `basePath` (Swagger 2). */
  readonly servers: readonly string[];
  readonly operations: readonly ApiOperation[];
}

export interface ApiOperation {
  /** Upper case: `GET`. */
  readonly method: string;
  readonly path: string;
  readonly operationId?: string | undefined;
  readonly summary?: string | undefined;
  readonly description?: string | undefined;
  readonly tags: readonly string[];
  readonly deprecated: boolean;
  readonly parameters: readonly ApiParameter[];
  readonly requestBody?:
    { readonly required: boolean; readonly description?: string | undefined; readonly contents: readonly ApiContent[] } | undefined;
  readonly responses: readonly ApiResponse[];
}

export interface ApiParameter {
  readonly name: string;
  /** `path`, `query`, `header`, `cookie` (`formData` in Swagger 2). */
  readonly in: string;
  readonly required: boolean;
  readonly description?: string | undefined;
  readonly schema: JsonSchema;
}

export interface ApiResponse {
  /** `200`, `4XX`, `default`. */
  readonly status: string;
  readonly description: string;
  readonly contents: readonly ApiContent[];
}

/** A request or response body in one media type. */
export interface ApiContent {
  readonly mediaType: string;
  /** The name of the schema it refers to (`Order` for `#/components/schemas/Order`), when it refers to one. */
  readonly schemaName?: string | undefined;
  readonly schema?: JsonSchema | undefined;
  /** The example the description gives, as written (`example`, or the first of `examples`). */
  readonly example?: unknown;
}

export interface ProtoDescription {
  readonly format: 'proto';
  /** `proto3`, `proto2`. */
  readonly syntax: string;
  readonly package?: string | undefined;
  readonly services: readonly ProtoService[];
  readonly messages: readonly ApiType[];
}

export interface ProtoService {
  /** Fully qualified: `catalog.v1.Inventory`. */
  readonly name: string;
  readonly comment?: string | undefined;
  readonly methods: readonly {
    readonly name: string;
    readonly request: string;
    readonly response: string;
    readonly requestStream: boolean;
    readonly responseStream: boolean;
    readonly comment?: string | undefined;
  }[];
}

/** A type an API description file defines: a message or enum of a .proto file, a type of a GraphQL schema. */
export interface ApiType {
  readonly name: string;
  /** `message`, `enum`; for GraphQL `type`, `input`, `enum`, `interface`, `union`, `scalar`. */
  readonly kind: string;
  readonly comment?: string | undefined;
  readonly fields: readonly { readonly name: string; readonly type: string; readonly comment?: string | undefined }[];
}

export interface GraphqlDescription {
  readonly format: 'graphql';
  /** The fields of `Query`, `Mutation` and `Subscription` (or the schema's own root types). */
  readonly operations: readonly {
    readonly kind: 'query' | 'mutation' | 'subscription';
    readonly name: string;
    /** `(id: ID!, first: Int)`. */
    readonly arguments: string;
    readonly type: string;
    readonly description?: string | undefined;
  }[];
  /** Every other named type. */
  readonly types: readonly ApiType[];
}

/** A fault in an API description file, where in that file it is. */
export interface ApiProblem {
  /** 1-based; the position is found from `path` when the parser gives none. */
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  /** Where in the document (OpenAPI): mapping keys and sequence indexes. */
  readonly path?: readonly (string | number)[] | undefined;
  readonly message: string;
}

export type ApiResult<T> = { readonly ok: true; readonly api: T } | { readonly ok: false; readonly problems: readonly ApiProblem[] };
