import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describeDocument, remoteRefs } from '../../model/apis/asyncapi.ts';
import type { Model } from '../../model/model.ts';
import { ModelMatcher, matchKey } from '../match.ts';
import { freeId, idFrom, importedDomain, type Draft, type ImportPlan } from './plan.ts';

/** An AsyncAPI server's protocol, as the resource type the model knows it by. */
const PROTOCOLS: ReadonlyMap<string, string> = new Map([
  ['kafka', 'kafka'],
  ['kafka-secure', 'kafka'],
  ['amqp', 'rabbitmq'],
  ['amqps', 'rabbitmq'],
  ['amqp1', 'activemq'],
  ['mqtt', 'mqtt'],
  ['secure-mqtt', 'mqtt'],
  ['mqtt5', 'mqtt'],
  ['nats', 'nats'],
  ['jms', 'activemq'],
  ['sns', 'sns'],
  ['sqs', 'sqs'],
  ['googlepubsub', 'pubsub'],
  ['pulsar', 'pulsar'],
  ['redis', 'redis'],
  ['solace', 'solace'],
  ['ibmmq', 'ibmmq'],
  ['anypointmq', 'anypointmq'],
]);

/** One message of one document, and what the document's application does with it. */
interface Seen {
  readonly key: string;
  readonly name: string;
  readonly summary?: string | undefined;
  readonly channel?: string | undefined;
  readonly payload?: unknown;
  readonly example?: unknown;
  readonly sends: boolean;
  readonly receives: boolean;
}

interface ReadDocument {
  readonly file: string;
  /** Its text, to copy beside the service when it stands alone (no `$ref` to another file). */
  readonly text?: string | undefined;
  readonly extension: string;
  readonly title: string;
  readonly version: string;
  readonly description?: string | undefined;
  readonly servers: readonly { id: string; host: string; protocol: string; description?: string | undefined }[];
  readonly messages: readonly Seen[];
}

/**
 * Drafts what AsyncAPI 2 or 3 documents (a file, or every document in a folder) describe,
 * read with `@asyncapi/parser`: a service for each document's application, publishing what
 * it sends and consuming what it receives; an event for each message, with its payload as
 * the schema, its channel and its broker; and a broker resource for each server host. A
 * message sent by one document and received by another is one event. An event the model has
 * already is pointed at, not drafted. What a service receives and nobody sends is left as a
 * note in its file: consuming it would be an error until its producer is modelled.
 */
export async function planFromAsyncApi(
  from: string,
  cwd: string,
  model: Model | undefined,
): Promise<{ plan: ImportPlan } | { problems: readonly string[] }> {
  const full = path.resolve(cwd, from);
  const files = statSync(full, { throwIfNoEntry: false })?.isDirectory() ? asyncApiFiles(full) : [full];
  const { asyncApiParser } = await import('../../model/apis/asyncapi-parser.ts');
  // The files beside the documents may be read; nothing is fetched.
  const parser = asyncApiParser((absolute) => {
    try {
      return readFileSync(absolute, 'utf8');
    } catch {
      return undefined;
    }
  });
  const documents: ReadDocument[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const shown = path.relative(cwd, file).split(path.sep).join('/');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push(`${shown}:1:1 error cannot read it: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      continue;
    }
    if (!/^\s*["']?asyncapi["']?\s*:/m.test(text)) continue;
    const value = parseLoose(text);
    const remote = remoteRefs(value);
    if (remote.length > 0) {
      problems.push(`${shown}:1:1 error $ref '${remote[0]}' names another host: archsite fetches nothing; bundle the document first`);
      continue;
    }
    const { document, diagnostics } = await parser.parse(text, { source: file });
    if (!document) {
      for (const d of diagnostics.filter((d) => d.severity === 0).slice(0, 10))
        problems.push(`${shown}:${(d.range?.start.line ?? 0) + 1}:${(d.range?.start.character ?? 0) + 1} error ${d.message}`);
      continue;
    }
    const standsAlone = !refersOut(value);
    documents.push({
      ...readDocument(shown, document),
      text: standsAlone ? text : undefined,
      extension: /\.json$/i.test(file) ? 'json' : 'yaml',
    });
  }
  if (documents.length === 0)
    return { problems: problems.length > 0 ? problems : [`${from}:1:1 error no AsyncAPI document (a file with an \`asyncapi\` field)`] };
  return { plan: planDocuments(from, documents, model) };
}

/** A document as the importer reads it: what it describes, and each message with what the application does with it. */
function readDocument(
  file: string,
  document: import('@asyncapi/parser').AsyncAPIDocumentInterface,
): Omit<ReadDocument, 'text' | 'extension'> {
  const api = describeDocument(document);
  const described = new Map(api.messages.map((m) => [m.name, m]));
  const address = new Map(api.channels.map((c) => [c.id, c.address]));
  const messages = new Map<string, Seen>();
  for (const operation of api.operations) {
    const sends = operation.action === 'send';
    for (const key of operation.messages) {
      const before = messages.get(key);
      const message = described.get(key);
      messages.set(key, {
        key,
        name: message?.title ?? key,
        summary: message?.summary,
        channel: before?.channel ?? address.get(operation.channels[0] ?? ''),
        payload: message?.payload,
        example: message?.example,
        sends: (before?.sends ?? false) || sends,
        receives: (before?.receives ?? false) || !sends,
      });
    }
  }
  return {
    file,
    title: api.title,
    version: api.version,
    description: api.description,
    servers: api.servers,
    messages: [...messages.values()],
  };
}

function planDocuments(from: string, documents: readonly ReadDocument[], model: Model | undefined): ImportPlan {
  const origin = `the AsyncAPI ${documents.length === 1 ? `document ${documents[0]!.file}` : `documents in ${from}`}`;
  const matcher = new ModelMatcher(model);
  const taken = {
    service: new Set(model?.byKind.service.keys()),
    event: new Set(model?.byKind.event.keys()),
    resource: new Set(model?.byKind.resource.keys()),
  };
  const drafts: Draft[] = [];
  const notes: string[] = [];
  const { id: domain, draft: domainDraft } = importedDomain(new Set(model?.byKind.domain.keys()), from);

  const brokers = planBrokers(documents, matcher, taken.resource, drafts);
  const broker = (doc: ReadDocument) => {
    const first = doc.servers[0];
    return first ? brokers.get(first.host.replace(/:\d+$/, '').toLowerCase()) : undefined;
  };

  // One event per message, across documents: by the message's name.
  const events = new Map<string, string>();
  const existingEvents = new Map(
    [...(model?.byKind.event.values() ?? [])].flatMap(
      (e) =>
        [
          [e.id, e.id],
          [matchKey(e.data.name), e.id],
        ] as const,
    ),
  );
  for (const doc of documents)
    for (const message of doc.messages) {
      if (events.has(message.key)) continue;
      const existing =
        existingEvents.get(idFrom(message.key, { camel: true }) ?? '') ??
        existingEvents.get(matchKey(message.key)) ??
        existingEvents.get(matchKey(message.name));
      if (existing) {
        events.set(message.key, existing);
        notes.push(`message ${message.key} is event '${existing}' already: not drafted`);
        continue;
      }
      const id = freeId(idFrom(message.key, { camel: true }) ?? 'event', taken.event);
      events.set(message.key, id);
      const via = broker(doc);
      drafts.push({
        kind: 'event',
        id,
        data: {
          name: message.name,
          version: doc.version,
          ...(message.summary ? { description: message.summary } : {}),
          ...(message.channel ? { channel: message.channel } : {}),
          ...(via ? { broker: via } : {}),
          ...(message.payload !== undefined ? { schema: message.payload } : {}),
          ...(message.example !== undefined ? { example: message.example } : {}),
        },
        inferred: [`version: the document's (${doc.version})`],
        left: message.payload === undefined ? ['schema: the message has no payload schema'] : [],
      });
    }

  const producers = new Set([
    ...documents.flatMap((d) => d.messages.filter((m) => m.sends).map((m) => events.get(m.key)!)),
    ...(model ? [...model.relations.producers.keys()] : []),
  ]);
  const assets: { path: string; text: string }[] = [];
  const services = serviceDrafts(documents, { matcher, taken: taken.service, events, producers, domain, broker, notes, assets });
  const needsDomain = services.length > 0;
  drafts.push(...services);
  return {
    origin,
    system: { name: documents[0]!.title, description: `Imported from ${origin}.` },
    drafts: [...(needsDomain && domainDraft ? [domainDraft] : []), ...drafts],
    assets,
    notes,
  };
}

/** One broker resource for each host the servers name (a cluster reached on two ports is one cluster), by host. */
function planBrokers(documents: readonly ReadDocument[], matcher: ModelMatcher, taken: Set<string>, drafts: Draft[]): Map<string, string> {
  const brokers = new Map<string, string>();
  for (const server of documents.flatMap((d) => d.servers)) {
    const host = server.host.replace(/:\d+$/, '').toLowerCase();
    if (brokers.has(host)) continue;
    const type = PROTOCOLS.get(server.protocol.toLowerCase()) ?? server.protocol.toLowerCase();
    const existing = matcher.find(host) ?? matcher.find(server.id);
    if (existing?.kind === 'resource') {
      brokers.set(host, existing.id);
      continue;
    }
    const sameType = documents
      .flatMap((d) => d.servers)
      .filter((s) => (PROTOCOLS.get(s.protocol.toLowerCase()) ?? s.protocol.toLowerCase()) === type);
    const oneHost = new Set(sameType.map((s) => s.host.replace(/:\d+$/, '').toLowerCase())).size === 1;
    const id = freeId((oneHost ? idFrom(type) : undefined) ?? idFrom(host) ?? 'broker', taken);
    brokers.set(host, id);
    drafts.push({
      kind: 'resource',
      id,
      data: { name: host, type, category: 'queue', description: server.description ?? `The ${server.protocol} server ${server.host}.` },
      inferred: [`type: ${type}, from the protocol ${server.protocol}`],
      left: [],
    });
  }
  return brokers;
}

/** A service for each document's application the model does not have: what it sends it publishes, what it receives (and someone publishes) it consumes. */
function serviceDrafts(
  documents: readonly ReadDocument[],
  context: {
    matcher: ModelMatcher;
    taken: Set<string>;
    events: ReadonlyMap<string, string>;
    producers: ReadonlySet<string>;
    domain: string;
    broker: (doc: ReadDocument) => string | undefined;
    notes: string[];
    /** The documents copied beside their services. */
    assets: { path: string; text: string }[];
  },
): Draft[] {
  const { matcher, events, producers, domain, broker, notes } = context;
  const drafts: Draft[] = [];
  for (const doc of documents) {
    const existing = matcher.find(doc.title);
    if (existing) {
      notes.push(`${doc.title} is ${existing.kind} '${existing.id}' already: add its publishes and consumes yourself`);
      continue;
    }
    const publishes = doc.messages.filter((m) => m.sends).map((m) => events.get(m.key)!);
    const received = doc.messages.filter((m) => m.receives).map((m) => events.get(m.key)!);
    const consumes = received.filter((id) => producers.has(id));
    const orphans = received.filter((id) => !producers.has(id));
    const sentence = doc.description
      ?.split(/(?<=[.!?])\s/)[0]
      ?.replace(/[#*`]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    const id = freeId(idFrom(doc.title) ?? 'service', context.taken);
    const copy = doc.text === undefined ? undefined : `services/${id}.asyncapi.${doc.extension}`;
    if (copy) context.assets.push({ path: copy, text: doc.text! });
    else
      notes.push(`${doc.file} refers to other files: bundle it into one, copy it beside services/${id}.yaml and name it in apis.asyncapi`);
    drafts.push({
      kind: 'service',
      id,
      data: {
        name: doc.title,
        type: 'service',
        responsibility: sentence || `TODO: what ${doc.title} is responsible for.`,
        domain,
        ...(copy ? { apis: { asyncapi: `./${copy.split('/').pop()}` } } : {}),
        ...(publishes.length + consumes.length > 0
          ? { events: { ...(publishes.length > 0 ? { publishes } : {}), ...(consumes.length > 0 ? { consumes } : {}) } }
          : {}),
        ...(broker(doc) ? { dependencies: [{ target: broker(doc), protocol: doc.servers[0]!.protocol }] } : {}),
      },
      inferred: [
        ...(sentence ? ['responsibility: the first sentence of the description'] : []),
        ...(publishes.length > 0 ? ['events.publishes: what its operations send'] : []),
        ...(consumes.length > 0 ? ['events.consumes: what its operations receive'] : []),
      ],
      left: [
        'owner: the team that runs it',
        ...orphans.map(
          (id) => `events.consumes: it receives '${id}', which no service in the model publishes yet: model its producer, then add it`,
        ),
      ],
    });
  }
  return drafts;
}

function asyncApiFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name.startsWith('.') || entry.name === 'node_modules' ? [] : asyncApiFiles(full);
      return /\.(ya?ml|json)$/i.test(entry.name) ? [full] : [];
    });
}

/** A document's value for a look at its `$ref`s; nothing when it does not parse (the parser says why). */
function parseLoose(text: string): unknown {
  try {
    return parse(text, { maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

/** Whether a document has a `$ref` to another file (anything but `#/…`). */
function refersOut(value: unknown, depth = 0): boolean {
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, v]) => (key === '$ref' ? typeof v === 'string' && !v.startsWith('#') : refersOut(v, depth + 1)));
}
