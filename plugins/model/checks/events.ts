import type { Check } from './context.ts';

/**
 * Events must flow: a consumed event needs a producer (error); a published event with no
 * consumer, and an event nobody references, are warnings.
 */
export const checkEvents: Check = ({ model, occurrences, invalid, diagnostics }) => {
  const { producers, consumers } = model.relations;
  // A service whose fields did not validate may still publish: do not blame its consumers.
  const maybePublished = new Set(invalid.filter((el) => el.kind === 'service').flatMap((el) => rawList(el.value, 'publishes')));
  const maybeConsumed = new Set(invalid.filter((el) => el.kind === 'service').flatMap((el) => rawList(el.value, 'consumes')));
  for (const o of occurrences.consumes) {
    if (producers.has(o.target.id) || maybePublished.has(o.target.id)) continue;
    diagnostics.report(
      'unpublished-event',
      o.file,
      o.at,
      `service '${o.owner.id}' consumes event '${o.target.id}', which no service publishes`,
    );
  }
  for (const event of model.byKind.event.values()) {
    const published = producers.has(event.id) || maybePublished.has(event.id);
    const consumed = consumers.has(event.id) || maybeConsumed.has(event.id);
    if (published && !consumed) {
      diagnostics.report(
        'unconsumed-event',
        event.source.file,
        event.source.start,
        `event '${event.id}' is published by ${list(producers.get(event.id)!)} but no service consumes it`,
      );
    } else if (!published && !consumed) {
      diagnostics.report(
        'unused-event',
        event.source.file,
        event.source.start,
        `event '${event.id}' is neither published nor consumed by any service`,
      );
    }
  }
};

/** The strings of a raw service's `events.<field>` list. */
function rawList(value: unknown, field: 'publishes' | 'consumes'): string[] {
  const list = (value as { events?: Record<string, unknown> } | null)?.events?.[field];
  return Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : [];
}

function list(ids: readonly string[]): string {
  return ids.map((id) => `'${id}'`).join(', ');
}
