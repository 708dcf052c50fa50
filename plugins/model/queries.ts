import type { Model, Placement } from './model.ts';

/** The domain of a service, when it resolved. */
export function serviceDomain(model: Model, service: string): string | undefined {
  const domain = model.byKind.service.get(service)?.data.domain;
  return domain && model.byKind.domain.has(domain) ? domain : undefined;
}

/** Where a service runs: every deployment's instances of it. The one answer the service's page ("Runs in") and its completeness share. */
export function placementsOf(model: Model, serviceId: string): readonly Placement[] {
  return model.relations.placements.get(`service:${serviceId}`) ?? [];
}
