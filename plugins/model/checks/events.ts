import { schemaHasField } from '../contract-breaks.ts';
import { namedFile } from '../named-file.ts';
import { didYouMean } from '../suggest.ts';
import type { Check, CheckContext } from './context.ts';

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

/** The event ids of a raw service's `events.<field>` list (an id, or `{ event }`). */
function rawList(value: unknown, field: 'publishes' | 'consumes'): string[] {
  const list = (value as { events?: Record<string, unknown> } | null)?.events?.[field];
  if (!Array.isArray(list)) return [];
  return list.flatMap((v: unknown) =>
    typeof v === 'string' ? [v] : v && typeof (v as { event?: unknown }).event === 'string' ? [(v as { event: string }).event] : [],
  );
}

/**
 * The fields a consumer says it reads (`consumes: [{ event, fields }]`) are fields of the
 * event's schema (`unknown-event-field`), where the schema says which fields it has: it is
 * what a breaking change to the schema is judged by (see contract-breaks.ts).
 */
export const checkFieldsRead: Check = ({ model, parsed, documents, diagnostics }: CheckContext) => {
  for (const service of model.byKind.service.values()) {
    service.data.events?.consumes?.forEach((entry, i) => {
      if (typeof entry === 'string' || entry.fields === undefined) return;
      const event = model.byKind.event.get(entry.event);
      const schema = event && eventSchemaValue(event.data.schema, event.source.path, documents);
      if (schema === undefined) return;
      entry.fields.forEach((field, j) => {
        if (schemaHasField(schema, field) !== false) return;
        const at = parsed.get(`service:${service.id}`)?.locate.value(['events', 'consumes', i, 'fields', j]) ?? service.source.start;
        diagnostics.report(
          'unknown-event-field',
          service.source.file,
          at,
          `service '${service.id}' reads field '${field}' of event '${entry.event}', which its schema does not have${didYouMean(field, fieldPaths(schema))}`,
        );
      });
    });
  }
};

/** An event's schema: inline, or the file it names as the check read it; undefined for a URL or none. */
function eventSchemaValue(schema: unknown, eventPath: string, documents: CheckContext['documents']): unknown {
  if (typeof schema !== 'string') return schema;
  const file = namedFile(eventPath, schema);
  return file === undefined ? undefined : documents.get(file)?.value;
}

/** Every field path a schema describes (`data.total`, `lines[].sku`), for a did-you-mean. */
function fieldPaths(schema: unknown, prefix = ''): string[] {
  const properties = (schema as { properties?: unknown } | null)?.properties;
  if (!properties || typeof properties !== 'object') return [];
  return Object.entries(properties as Record<string, unknown>).flatMap(([name, child]) => {
    const here = prefix === '' ? name : `${prefix}.${name}`;
    const items = (child as { items?: unknown } | null)?.items;
    return [here, ...fieldPaths(child, here), ...(items ? fieldPaths(items, `${here}[]`) : [])];
  });
}

function list(ids: readonly string[]): string {
  return ids.map((id) => `'${id}'`).join(', ');
}
