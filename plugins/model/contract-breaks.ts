import type { JsonSchema, OpenApiDescription } from './apis/api-description.ts';

/**
 * What a change to a contract breaks for the ones who rely on it, a sentence each, in the
 * words of the contract: `field 'total' removed`, `GET /orders/{id} removed`. Pure: the
 * contracts before and after in, the sentences out (see cli/breaking-changes.ts for where
 * they are reported, and to whom). A GraphQL schema's and a `.proto` file's are in
 * apis/graphql-breaks.ts and apis/proto-breaks.ts, with the parsers they load: only a
 * comparison (`check --base`) needs those, not every check that reads an event's schema here.
 */

/**
 * An event's payload schema (JSON Schema), read as its consumers read it: a field removed, a
 * field become required (its producers must now send it), a type narrowed or an allowed value
 * dropped. Nested objects and array items are followed: `customer.id`, `lines[].sku`.
 */
export function eventSchemaBreaks(before: unknown, after: unknown): string[] {
  return eventSchemaChanges(before, after).map((change) => change.message);
}

/** A breaking change to an event's schema; a field removed names the field, for the consumers that read it. */
export interface SchemaBreak {
  readonly message: string;
  /** The field removed (`data.total`, `lines[].sku`), where that is the change. */
  readonly removed?: string | undefined;
}

/** The breaking changes to an event's schema, each with the field removed where one is (see `eventSchemaBreaks`). */
export function eventSchemaChanges(before: unknown, after: unknown): SchemaBreak[] {
  return schemaBreaks(before, after, '', 'event').map((message) => {
    const removed = /^field '(.*)' removed$/.exec(message)?.[1];
    return removed === undefined ? { message } : { message, removed };
  });
}

/**
 * Whether a consumer that reads `read` (a field path, `data.total`) is broken by the removal
 * of `removed`: the same field, one inside it, or one it is inside.
 */
export function readsField(read: string, removed: string): boolean {
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[]`);
  return within(read, removed) || within(removed, read);
}

/**
 * Whether a field path (`data.total`, `lines[].sku`) names a field of a JSON Schema: true
 * where it does, false where it does not, undefined where the schema does not say (no
 * `properties` on the way, a `$ref`, a composition): then nothing is claimed.
 */
export function schemaHasField(schema: unknown, field: string): boolean | undefined {
  let at: unknown = schema;
  for (const segment of field.split('.')) {
    const name = segment.replace(/(\[\])+$/, '');
    const arrays = (segment.length - name.length) / 2;
    if (!isSchema(at) || !isSchema(at.properties) || at.$ref !== undefined || at.allOf || at.anyOf || at.oneOf) return undefined;
    if (!Object.hasOwn(at.properties, name))
      return at.additionalProperties === false || at.additionalProperties === undefined ? false : undefined;
    at = (at.properties as Record<string, unknown>)[name];
    for (let i = 0; i < arrays; i++) {
      if (!isSchema(at) || !isSchema(at.items)) return undefined;
      at = at.items;
    }
  }
  return true;
}

/** A response body's schema, read as its clients read it: a field removed or retyped. */
export function responseSchemaBreaks(before: unknown, after: unknown): string[] {
  return schemaBreaks(before, after, '', 'response');
}

function schemaBreaks(before: unknown, after: unknown, at: string, reader: 'event' | 'response'): string[] {
  if (!isSchema(before) || !isSchema(after)) return [];
  const out: string[] = [];
  const named = at === '' ? 'the payload' : `field '${at}'`;
  const was = types(before);
  const now = types(after);
  if (was.length > 0 && now.length > 0) {
    const lost = was.filter((t) => !now.includes(t) && !(t === 'integer' && now.includes('number')));
    if (lost.length > 0) out.push(`${named} is ${now.join(' or ')}, no longer ${lost.join(' or ')}`);
  }
  if (reader === 'event' && Array.isArray(before.enum) && Array.isArray(after.enum)) {
    const dropped = before.enum.filter((v) => !after.enum!.some((w) => JSON.stringify(w) === JSON.stringify(v)));
    if (dropped.length > 0) out.push(`${named} no longer allows ${dropped.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  const oldProps = properties(before);
  const newProps = properties(after);
  const child = (name: string) => (at === '' ? name : `${at}.${name}`);
  for (const [name, schema] of oldProps) {
    if (!newProps.has(name)) out.push(`field '${child(name)}' removed`);
    else out.push(...schemaBreaks(schema, newProps.get(name), child(name), reader));
  }
  if (reader === 'event') {
    const required = new Set(stringList(before.required));
    for (const name of stringList(after.required)) if (!required.has(name)) out.push(`field '${child(name)}' is now required`);
  }
  if (isSchema(before.items) && isSchema(after.items)) out.push(...schemaBreaks(before.items, after.items, `${at}[]`, reader));
  return out;
}

/**
 * An OpenAPI description, read as its clients read it: an operation removed; a parameter
 * made required, or a new one that is; a request body made required; a field of a success
 * response (2XX, JSON) removed or retyped.
 */
export function openApiBreaks(before: OpenApiDescription, after: OpenApiDescription): string[] {
  const out: string[] = [];
  const byKey = new Map(after.operations.map((op) => [`${op.method} ${op.path}`, op]));
  for (const op of before.operations) {
    const key = `${op.method} ${op.path}`;
    const now = byKey.get(key);
    if (!now) {
      out.push(`${key} removed`);
      continue;
    }
    const params = new Map(op.parameters.map((p) => [`${p.in}:${p.name}`, p]));
    for (const p of now.parameters) {
      const was = params.get(`${p.in}:${p.name}`);
      if (p.required && !was) out.push(`${key}: new required ${p.in} parameter '${p.name}'`);
      else if (p.required && was && !was.required) out.push(`${key}: ${p.in} parameter '${p.name}' is now required`);
    }
    if (now.requestBody?.required && !op.requestBody?.required) out.push(`${key}: the request body is now required`);
    for (const response of op.responses.filter((r) => /^2/.test(r.status))) {
      const next = now.responses.find((r) => r.status === response.status);
      const json = (contents: typeof response.contents | undefined) => contents?.find((c) => /json/i.test(c.mediaType))?.schema;
      if (!next) out.push(`${key}: response ${response.status} removed`);
      else out.push(...responseSchemaBreaks(json(response.contents), json(next.contents)).map((b) => `${key} ${response.status}: ${b}`));
    }
  }
  return out;
}

/** The major number of a version (`2.1`, `v3`, `1.0.0-beta`), where it has one. */
export function majorVersion(version: unknown): number | undefined {
  const digits = /^v?(\d+)/i.exec(typeof version === 'number' ? String(version) : typeof version === 'string' ? version.trim() : '')?.[1];
  return digits === undefined ? undefined : Number(digits);
}

/** Whether `after` raises the major version of `before`: the content model's rule for a breaking change. */
export function majorBumped(before: unknown, after: unknown): boolean {
  const was = majorVersion(before);
  const now = majorVersion(after);
  return was !== undefined && now !== undefined && now > was;
}

function isSchema(value: unknown): value is JsonSchema & {
  enum?: unknown[];
  required?: unknown;
  items?: unknown;
  properties?: unknown;
  additionalProperties?: unknown;
  $ref?: unknown;
  allOf?: unknown;
  anyOf?: unknown;
  oneOf?: unknown;
} {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function types(schema: JsonSchema): string[] {
  const type = schema.type;
  return typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

function properties(schema: JsonSchema): Map<string, unknown> {
  const props = schema.properties;
  return props && typeof props === 'object' && !Array.isArray(props) ? new Map(Object.entries(props)) : new Map();
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
