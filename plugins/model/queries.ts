import type { Model, Placement } from './model.ts';
import type { ServiceData } from './schemas/service.ts';

/** The domain of a service, when it resolved. */
export function serviceDomain(model: Model, service: string): string | undefined {
  const domain = model.byKind.service.get(service)?.data.domain;
  return domain && model.byKind.domain.has(domain) ? domain : undefined;
}

/** Where a service runs: every deployment's instances of it. The one answer the service's page ("Runs in") and its completeness share. */
export function placementsOf(model: Model, serviceId: string): readonly Placement[] {
  return model.relations.placements.get(`service:${serviceId}`) ?? [];
}

/** A service's `events.consumes` entry, written as an id or as `{ event, fields }`. */
export type ConsumedEntry = NonNullable<NonNullable<ServiceData['events']>['consumes']>[number];

/** The id of the event a `consumes` entry names. */
export function consumedId(entry: ConsumedEntry): string {
  return typeof entry === 'string' ? entry : entry.event;
}

/** The ids of the events a service consumes, as written. */
export function consumedIds(data: ServiceData): string[] {
  return (data.events?.consumes ?? []).map(consumedId);
}

/**
 * The payload fields a service says it reads of an event (`{ event, fields }`), or undefined
 * where it does not say: it may read any of them.
 */
export function fieldsRead(data: ServiceData, event: string): readonly string[] | undefined {
  const entries = (data.events?.consumes ?? []).filter((e) => consumedId(e) === event);
  if (entries.length === 0 || entries.some((e) => typeof e === 'string' || e.fields === undefined)) return undefined;
  return entries.flatMap((e) => (typeof e === 'string' ? [] : (e.fields ?? [])));
}
