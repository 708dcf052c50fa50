import type { Model } from './model.ts';

/** The domain of a service, when it resolved. */
export function serviceDomain(model: Model, service: string): string | undefined {
  const domain = model.byKind.service.get(service)?.data.domain;
  return domain && model.byKind.domain.has(domain) ? domain : undefined;
}
