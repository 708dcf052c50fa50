import path from 'node:path';

/**
 * The content path of a file an element names (`schema: ./order.created.schema.json`,
 * `apis.openapi: ./orders.openapi.yaml`): relative to the element's own file. Undefined for a
 * URL (`https://…`, any scheme), which is not a file of the content.
 */
export function namedFile(elementPath: string, written: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(written)) return undefined;
  return path.posix.normalize(path.posix.join(path.posix.dirname(elementPath), written));
}

/** An OpenAPI description's `info.version`, as text; undefined where it has none. */
export function openApiVersion(description: unknown): string | undefined {
  const version = (description as { info?: { version?: unknown } } | null | undefined)?.info?.version;
  return typeof version === 'string' || typeof version === 'number' ? String(version) : undefined;
}
