import type { ProtoDescription, ProtoService, ApiType } from './api-description.ts';

/**
 * The part of a .proto file that one service serves. A system often keeps every service's
 * definitions in one file (`demo.proto`); a service's page and checks are about its own:
 * the proto services that hold a method it lists in `apis.grpc`, else the one named like
 * it (`CartService` for `cart-service` or "Cart Service"), else all of them; and the
 * messages and enums those reach.
 */
export function protoScope(
  api: ProtoDescription,
  service: { readonly id: string; readonly name: string; readonly grpc: readonly string[] },
): { readonly services: readonly ProtoService[]; readonly messages: readonly ApiType[] } {
  const listed = new Set(service.grpc);
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const names = new Set([squash(service.id), squash(service.name)]);
  const shortName = (s: ProtoService) => squash(s.name.split('.').at(-1) ?? s.name);
  const byMethods = api.services.filter((s) => s.methods.some((m) => listed.has(m.name)));
  const byName = api.services.filter((s) => names.has(shortName(s)) || names.has(`${shortName(s)}service`));
  const services = byMethods.length > 0 ? byMethods : byName.length > 0 ? byName : api.services;
  if (services.length === api.services.length) return { services, messages: api.messages };
  // The messages the chosen services reach, through their fields, transitively.
  const messageByName = new Map(api.messages.map((m) => [m.name, m]));
  const find = (written: string) => messageByName.get(written) ?? messageByName.get(written.split('.').at(-1) ?? written);
  const reached = new Set<ApiType>();
  const visit = (written: string) => {
    for (const part of written.match(/[A-Za-z_][\w.]*/g) ?? []) {
      const type = find(part);
      if (!type || reached.has(type)) continue;
      reached.add(type);
      for (const f of type.fields) visit(f.type);
    }
  };
  for (const s of services) for (const m of s.methods) (visit(m.request), visit(m.response));
  return { services, messages: api.messages.filter((m) => reached.has(m)) };
}
