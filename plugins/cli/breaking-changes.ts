import path from 'node:path';
import type { ContentDocument } from '../model/checks/context.ts';
import { graphqlBreaks } from '../model/apis/graphql-breaks.ts';
import { protoBreaks } from '../model/apis/proto-breaks.ts';
import { eventSchemaChanges, majorBumped, openApiBreaks, readsField } from '../model/contract-breaks.ts';
import { fieldsRead } from '../model/queries.ts';
import { Diagnostics, type Diagnostic } from '../model/diagnostics.ts';
import type { LoadResult } from '../model/load.ts';
import { keyOf, type Element, type ElementRef, type Model } from '../model/model.ts';
import { nameOf } from '../model/names.ts';
import type { FieldPath } from '../model/yaml-position.ts';

/** Both sides of a comparison: a model and the files its elements point to. */
interface Side {
  readonly model: Model;
  readonly documents: ReadonlyMap<string, ContentDocument>;
}

/**
 * The contract changes from the base to the working tree that break their consumers, as
 * diagnostics at the element in the working tree: each names what changed and who relies on
 * it. `breaking-change` (a warning, an error with `--strict`) unless the contract's `version`
 * took a new major number, the content model's rule for a breaking change, which makes it
 * `versioned-breaking-change`: a warning still, which `--strict` allows.
 */
export function breakingChanges(base: Side, head: Side & { locate: LoadResult['locate'] }): Diagnostic[] {
  const diagnostics = new Diagnostics();
  const say = (
    el: Element,
    at: FieldPath,
    what: string,
    breaks: string[],
    consumers: readonly ElementRef[],
    versions?: [unknown, unknown],
  ) => {
    if (breaks.length === 0) return;
    const announced = versions !== undefined && majorBumped(versions[0], versions[1]);
    const who = [...new Map(consumers.map((c) => [keyOf(c), nameOf(head.model, c)])).values()].sort();
    const message = `breaking change to ${what}${announced ? `, announced by version ${String(versions![0])} → ${String(versions![1])}` : ''}: ${breaks.join('; ')}${who.length > 0 ? ` (relied on by ${who.join(', ')})` : ' (nothing in the model relies on it yet)'}`;
    diagnostics.report(
      announced ? 'versioned-breaking-change' : 'breaking-change',
      el.source.file,
      head.locate(el, at) ?? el.source.start,
      message,
    );
  };
  for (const event of head.model.byKind.event.values()) {
    const was = base.model.byKind.event.get(event.id);
    if (!was) continue;
    const consumers = [
      ...new Set([...(base.model.relations.consumers.get(event.id) ?? []), ...(head.model.relations.consumers.get(event.id) ?? [])]),
    ];
    // What each consumer reads, as it says in the working tree (else at the base); undefined: it may read anything.
    const reads = (id: string) => {
      const service = head.model.byKind.service.get(id) ?? base.model.byKind.service.get(id);
      return service ? fieldsRead(service.data, event.id) : undefined;
    };
    const broken = new Set<string>();
    const breaks = eventSchemaChanges(eventSchema(base, was), eventSchema(head, event)).flatMap((change) => {
      if (change.removed === undefined) {
        consumers.forEach((c) => broken.add(c));
        return [change.message];
      }
      // A field removed breaks the consumers that read it, or that do not say what they read.
      const readers = consumers.filter((c) => reads(c)?.some((field) => readsField(field, change.removed!)) ?? true);
      readers.forEach((c) => broken.add(c));
      const listed = readers.filter((c) => reads(c) !== undefined);
      return readers.length === 0
        ? []
        : [listed.length > 0 ? `${change.message} (read by ${listed.map((c) => `'${c}'`).join(', ')})` : change.message];
    });
    const at = event.data.version !== undefined ? ['version'] : ['schema'];
    const relying = [...broken].map((id) => ({ kind: 'service' as const, id }));
    say(event, at, `event '${event.id}'`, breaks, relying, [was.data.version, event.data.version]);
  }
  for (const service of head.model.byKind.service.values()) {
    const was = base.model.byKind.service.get(service.id);
    if (!was) continue;
    const callers = (model: Model) => (model.relations.callers.get(keyOf(service)) ?? []).map((call) => call.from);
    const consumers = [...callers(base.model), ...callers(head.model)];
    const before = described(base, was, 'openapi');
    const after = described(head, service, 'openapi');
    if (before?.api?.format === 'openapi' && after?.api?.format === 'openapi')
      say(service, ['apis', 'openapi'], `the OpenAPI description of '${service.id}'`, openApiBreaks(before.api, after.api), consumers, [
        before.api.version,
        after.api.version,
      ]);
    const oldProto = described(base, was, 'proto');
    const newProto = described(head, service, 'proto');
    if (oldProto && newProto)
      say(service, ['apis', 'proto'], `the Protocol Buffers of '${service.id}'`, protoBreaks(oldProto.text, newProto.text), consumers);
    const oldSchema = described(base, was, 'graphql');
    const newSchema = described(head, service, 'graphql');
    if (oldSchema && newSchema)
      say(service, ['apis', 'graphql'], `the GraphQL schema of '${service.id}'`, graphqlBreaks(oldSchema.text, newSchema.text), consumers);
  }
  return diagnostics.list();
}

/** An event's schema: written inline, or the file it names (read by the check). */
function eventSchema(side: Side, event: Element<'event'>): unknown {
  const schema = event.data.schema;
  if (typeof schema !== 'string') return schema;
  return side.documents.get(relativeTo(event, schema))?.value;
}

/** The API description file a service names in `apis.<field>`, as the check read it. */
function described(side: Side, service: Element<'service'>, field: 'openapi' | 'proto' | 'graphql'): ContentDocument | undefined {
  const written = service.data.apis?.[field];
  return written && !/^https?:/i.test(written) ? side.documents.get(relativeTo(service, written)) : undefined;
}

function relativeTo(el: Element, written: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(el.source.path), written));
}
