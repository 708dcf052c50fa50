import type { ApiOperation, OpenApiDescription } from './api-description.ts';

/** `/orders/{id}` and `/orders/:id/` are the same path. */
function pathKey(p: string): string {
  return p.replace(/\{[^}]*\}|:[A-Za-z_][\w-]*/g, '{}').replace(/(.)\/$/, '$1');
}

/**
 * The paths each operation answers on: as written, and behind the path of each server URL
 * (`https://api.shop/v1` with `/orders` answers `/v1/orders`).
 */
function operationKeys(api: OpenApiDescription): { readonly op: ApiOperation; readonly keys: readonly string[] }[] {
  const prefixes = ['', ...api.servers.map(serverPath).filter((p) => p !== '')];
  return api.operations.map((op) => ({ op, keys: [...new Set(prefixes.map((prefix) => pathKey(prefix + op.path)))] }));
}

/** The path of a server URL: `/v1` of `https://shop.example/v1/`, of `shop.example/v1` and of `/v1`; `{variables}` kept. */
function serverPath(server: string): string {
  const afterHost = /^[a-z][\w+.-]*:\/\//i.test(server)
    ? server.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, '')
    : server.slice(Math.max(0, server.indexOf('/')));
  const path = afterHost.startsWith('/') ? afterHost.replace(/[?#].*$/, '').replace(/\/+$/, '') : '';
  return path;
}

/** Which operation of the description an `apis.rest` entry names, and which methods its path has. */
export function matchRest(
  api: OpenApiDescription,
  method: string,
  path: string,
): { readonly operation: ApiOperation | undefined; readonly methodsOfPath: readonly string[] } {
  const key = pathKey(path);
  const candidates = operationKeys(api).filter(({ keys }) => keys.includes(key));
  return { operation: candidates.find(({ op }) => op.method === method)?.op, methodsOfPath: candidates.map(({ op }) => op.method) };
}
