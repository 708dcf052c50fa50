import { pathToFileURL } from 'node:url';
import type { AsyncAPIDocumentInterface } from '@asyncapi/parser';
import type { ApiProblem, ApiResult, AsyncApiDescription, JsonSchema } from './api-description.ts';

export interface AsyncApiInput {
  readonly text: string;
  /** The file's absolute path: relative `$ref`s resolve against it. */
  readonly file: string;
  /**
   * The files its `$ref`s name, by absolute path, as already read (see openapi-refs.ts, which
   * follows every `$ref` first, under the content folder's rules): nothing else is read, and
   * nothing is ever fetched.
   */
  readonly referenced: ReadonlyMap<string, string>;
}

/**
 * Validates an AsyncAPI 2 or 3 document with `@asyncapi/parser` (loaded only for content that
 * has one), then lists what it describes in one shape for both versions: `send` is what the
 * application publishes, `receive` what it consumes (AsyncAPI 2's `subscribe` and `publish`).
 */
export async function describeAsyncApi(input: AsyncApiInput): Promise<ApiResult<AsyncApiDescription>> {
  const { asyncApiParser } = await import('./asyncapi-parser.ts');
  const parser = asyncApiParser((absolute) => input.referenced.get(absolute));
  let parsed;
  try {
    parsed = await parser.parse(input.text, { source: pathToFileURL(input.file).href });
  } catch (error) {
    return { ok: false, problems: [{ message: error instanceof Error ? error.message.split('\n')[0]! : String(error) }] };
  }
  const { document, diagnostics } = parsed;
  if (!document) {
    const problems: ApiProblem[] = diagnostics
      .filter((d) => d.severity === 0)
      .slice(0, 20)
      .map((d) => ({
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        message: `${d.message}${d.path.length > 0 ? ` (at ${d.path.join('.')})` : ''}`,
      }));
    return { ok: false, problems: problems.length > 0 ? problems : [{ message: 'not a valid AsyncAPI document' }] };
  }
  return { ok: true, api: describeDocument(document) };
}

/** What a parsed AsyncAPI document describes, in one shape for versions 2 and 3. */
export function describeDocument(document: AsyncAPIDocumentInterface): AsyncApiDescription {
  return {
    format: 'asyncapi',
    spec: `AsyncAPI ${document.version()}`,
    title: document.info().title(),
    version: document.info().version(),
    description: document.info().description(),
    servers: document
      .servers()
      .all()
      .map((s) => ({ id: s.id(), host: s.host(), protocol: s.protocol(), description: s.description() })),
    channels: document
      .channels()
      .all()
      .map((c) => ({
        id: c.id(),
        address: c.address() ?? undefined,
        description: c.description(),
        messages: c.messages().all().map(messageName),
      })),
    operations: document
      .operations()
      .all()
      .map((o, i) => ({
        id: o.id() ?? `operation-${i + 1}`,
        action: o.isSend() ? 'send' : 'receive',
        channels: o
          .channels()
          .all()
          .map((c) => c.id()),
        summary: o.summary() ?? o.description(),
        messages: o.messages().all().map(messageName),
      })),
    messages: document
      .messages()
      .all()
      .map((m) => ({
        name: messageName(m),
        title: m.title(),
        summary: m.summary() ?? m.description(),
        contentType: m.contentType(),
        payload: m.payload() ? (withoutParserKeys(m.payload()!.json()) as JsonSchema) : undefined,
        example: m.examples().all()[0]?.payload(),
      })),
  };
}

const messageName = (m: { name(): string | undefined; id(): string }) => m.name() ?? m.id();

/**
 * A schema as the parser gives it, without the parser's own annotations (`x-parser-schema-id`);
 * keys from content are kept as own properties, and a schema that contains itself is cut
 * where it comes round again (`{ $ref: '#circular' }`).
 */
export function withoutParserKeys(value: unknown, ancestors: object[] = []): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ancestors.includes(value) || ancestors.length > 64) return { $ref: '#circular' };
  const inside = [...ancestors, value];
  if (Array.isArray(value)) return value.map((v) => withoutParserKeys(v, inside));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value))
    if (!key.startsWith('x-parser-'))
      Object.defineProperty(out, key, { value: withoutParserKeys(v, inside), enumerable: true, writable: true, configurable: true });
  return out;
}

/** The `$ref`s of a document that name something on another host (`https://…`, `//host/…`): never fetched. */
export function remoteRefs(value: unknown, found: string[] = [], depth = 0): string[] {
  if (depth > 64 || value === null || typeof value !== 'object') return found;
  for (const [key, v] of Object.entries(value)) {
    if (key === '$ref' && typeof v === 'string' && /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(v) && !/^file:/i.test(v)) found.push(v);
    else remoteRefs(v, found, depth + 1);
  }
  return found;
}
