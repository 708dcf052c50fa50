import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type {
  ApiDescription,
  ApiOperation,
  ApiProblem,
  ApiResult,
  AsyncApiDescription,
  OpenApiDescription,
  ProtoDescription,
} from '../apis/api-description.ts';
import { followRefs, type RefRead } from '../apis/openapi-refs.ts';
import { describedKey } from '../check-store.ts';
import { protoScope } from '../apis/proto-scope.ts';
import { matchRest } from '../apis/rest-match.ts';
import type { CachedAsset } from '../check-cache.ts';
import { isInside } from '../content-files.ts';
import { MAX_DATA_BYTES, parseDataFile } from '../data-file.ts';
import { START, type Position } from '../diagnostics.ts';
import { endingsOf, fitsField } from '../file-types.ts';
import { GRAPHQL_SYNTAX, positionOf, PROTO_SYNTAX, tooDeepAt } from '../nesting.ts';
import type { ParsedElement } from '../read-elements.ts';
import { readText } from '../read-text.ts';
import { closest, didYouMean } from '../suggest.ts';
import { nestedMessage } from '../yaml-nodes.ts';
import { YamlLocator } from '../yaml-position.ts';
import type { CheckContext } from './context.ts';
import { elementFileName } from './element-files.ts';

/** GraphQL and .proto files nest a few levels; their parsers recurse once a level. */
const MAX_API_DEPTH = 64;

type Format = 'openapi' | 'asyncapi' | 'proto' | 'graphql';

/**
 * Reads every service's API description files (`apis.openapi`, `apis.asyncapi`, `apis.proto`,
 * `apis.graphql`), and a broker's AsyncAPI document, with the parser made for each: an invalid
 * file is an error at the place in that file; a valid one is kept for the pages (`documents`).
 * Then `apis.rest`, `apis.grpc` and `events`, where a service writes them, must list what its
 * files describe, and the other way round; and the events a broker carries must name its channels.
 * Runs after checkAssets, which has read each file that exists inside the content folder.
 */
export async function checkApis(context: CheckContext): Promise<void> {
  const described = new Map<string, ApiDescription | undefined>();
  for (const el of context.parsed.values()) {
    if (el.kind !== 'service' && el.kind !== 'resource') continue;
    const apis = (el as ParsedElement<'service'>).data.apis as Partial<Record<Format, string>> | undefined;
    for (const format of el.kind === 'service' ? (['openapi', 'asyncapi', 'proto', 'graphql'] as const) : (['asyncapi'] as const)) {
      const written = apis?.[format];
      if (!written || /^https?:\/\//i.test(written)) continue;
      const relative = path.posix.normalize(path.posix.join(path.posix.dirname(el.source.path), written));
      if (!described.has(relative)) described.set(relative, await describe(format, relative, context));
      const api = described.get(relative);
      if (api?.format === 'openapi') compareRest(el as ParsedElement<'service'>, api, written, context);
      if (api?.format === 'proto') compareGrpc(el as ParsedElement<'service'>, api, written, context);
      if (api?.format === 'asyncapi' && el.kind === 'service') compareEvents(el as ParsedElement<'service'>, api, written, context);
      if (api?.format === 'asyncapi' && el.kind === 'resource') compareChannels(el, api, written, context);
    }
  }
}

async function describe(format: Format, relative: string, context: CheckContext): Promise<ApiDescription | undefined> {
  const doc = context.documents.get(relative);
  const file = context.files.get(relative);
  // Missing, unreadable or not JSON/YAML: checkAssets has said so.
  if (!doc || !file) return undefined;
  let result: ApiResult<ApiDescription>;
  if (format === 'openapi' || format === 'asyncapi') {
    const value = doc.value;
    if (value === undefined) return undefined;
    const read = describedFiles(relative, value, context);
    if (!read) return undefined;
    // The files its `$ref`s read are published with it.
    for (const referenced of read.keys()) context.assets.add(referenced);
    result =
      format === 'openapi'
        ? await describeOpenApi(file.absolute, { text: doc.text, value }, read, context)
        : await describeAsyncApiFile(file.absolute, doc.text, read, context);
  } else {
    const text = doc.text;
    const deep = tooDeepAt(text, MAX_API_DEPTH, format === 'proto' ? PROTO_SYNTAX : GRAPHQL_SYNTAX);
    result =
      deep !== undefined
        ? {
            ok: false,
            problems: [
              { ...positionOf(text, deep), message: nestedMessage(format === 'proto' ? '.proto file' : 'GraphQL schema', MAX_API_DEPTH) },
            ],
          }
        : format === 'proto'
          ? (await import('../apis/proto.ts')).describeProto(text)
          : (await import('../apis/graphql.ts')).describeGraphql(text);
  }
  if (!result.ok) {
    const locate = format === 'openapi' || format === 'asyncapi' ? locator(doc.text) : undefined;
    for (const problem of result.problems)
      context.diagnostics.report('invalid-api-description', file.display, position(problem, locate), problem.message);
    return undefined;
  }
  context.documents.set(relative, { ...doc, api: result.api });
  return result.api;
}

/**
 * The files of an OpenAPI description, by content path: the description and every file its
 * `$ref`s read, each judged and read under the rules of every content file (see
 * openapi-refs.ts). Undefined, with the faults reported where they are, when any `$ref`
 * cannot be followed: the validator is not run on a description it could not read whole.
 */
function describedFiles(relative: string, value: object, context: CheckContext): Map<string, ReferencedFile> | undefined {
  const texts = new Map<string, string>([[relative, context.documents.get(relative)!.text]]);
  const { files, problems } = followRefs({ relative, value }, (target) => {
    const read = readReferenced(target, context);
    if (read.ok) texts.set(target, read.text);
    return read.ok ? { ok: true, file: { relative: target, value: read.value } } : read;
  });
  for (const problem of problems) {
    const file = context.files.get(problem.file)!;
    const at = 'position' in problem.at ? problem.at.position : locator(texts.get(problem.file)!).value(problem.at.path);
    context.diagnostics.report(problem.code, file.display, at, problem.message);
  }
  if (problems.length > 0) return undefined;
  files.delete(relative);
  return new Map(
    [...files].map(([target, f]) => [target, { absolute: context.files.get(target)!.absolute, text: texts.get(target)!, value: f.value }]),
  );
}

interface ReferencedFile {
  readonly absolute: string;
  readonly text: string;
  readonly value: object;
}

async function describeOpenApi(
  absolute: string,
  doc: { readonly text: string; readonly value: object },
  read: ReadonlyMap<string, ReferencedFile>,
  context: CheckContext,
): Promise<ApiResult<OpenApiDescription>> {
  const known = recentDescriptions.get(absolute);
  const same =
    known !== undefined &&
    known.text === doc.text &&
    known.read.size === read.size &&
    [...read].every(([target, f]) => known.read.get(target) === f.text);
  if (same) return known.result;
  // Loaded only for content that has an OpenAPI description: the validator is large.
  const { describeOpenApi: describeFile } = await import('../apis/openapi.ts');
  const byAbsolute = new Map([...read.values()].map((f) => [f.absolute, f.value]));
  const result = await describeFile({
    value: doc.value,
    file: absolute,
    referenced: (target) => {
      const value = byAbsolute.get(target);
      // followRefs has read every file a `$ref` names: anything else is not the content's.
      if (value === undefined) throw new Error(`$ref file '${path.relative(context.root.dir, target)}' was not read`);
      return value;
    },
  });
  remember(absolute, { text: doc.text, read: new Map([...read].map(([target, f]) => [target, f.text])), result });
  return result;
}

/**
 * An AsyncAPI document's description: the one an earlier check stored for the same texts, or
 * the parser's (loaded only then), stored for the next check when the document is valid.
 */
async function describeAsyncApiFile(
  absolute: string,
  text: string,
  read: ReadonlyMap<string, ReferencedFile>,
  { store }: CheckContext,
): Promise<ApiResult<AsyncApiDescription>> {
  const key = describedKey(text, new Map([...read].map(([relative, f]) => [relative, f.text])));
  const known = store?.description(key);
  if (known) return { ok: true, api: known };
  const referenced = new Map([...read.values()].map((f) => [f.absolute, f.text]));
  const result =
    recentAsyncApi.get(key) ?? (await (await import('../apis/asyncapi.ts')).describeAsyncApi({ text, file: absolute, referenced }));
  if (result.ok) store?.recordDescription(key, result.api);
  recentAsyncApi.delete(key);
  recentAsyncApi.set(key, result);
  if (recentAsyncApi.size > KEPT_DESCRIPTIONS) recentAsyncApi.delete(recentAsyncApi.keys().next().value!);
  return result;
}

/**
 * The last AsyncAPI descriptions, by the hash of their texts (describedKey): the parser
 * compiles the AsyncAPI schema again for every document it reads (a fifth of a second), so a
 * dev server, a watcher or a test suite checking the same document again takes it from here,
 * with or without a check store.
 */
const recentAsyncApi = new Map<string, ApiResult<AsyncApiDescription>>();

/**
 * The last description of each OpenAPI file, kept while its text and the texts of the files
 * its `$ref`s read stay the same: validating and dereferencing is a check's largest cost on
 * a small model, and a dev server, a watcher or a test suite checks the same files again and
 * again. A few files' worth: the oldest is dropped past that. Only a description that could
 * be read whole is kept: a `$ref` that failed is followed again on the next run.
 */
const recentDescriptions = new Map<
  string,
  { readonly text: string; readonly read: ReadonlyMap<string, string>; readonly result: ApiResult<OpenApiDescription> }
>();
const KEPT_DESCRIPTIONS = 32;

function remember(absolute: string, entry: typeof recentDescriptions extends Map<string, infer V> ? V : never): void {
  recentDescriptions.delete(absolute);
  recentDescriptions.set(absolute, entry);
  if (recentDescriptions.size > KEPT_DESCRIPTIONS) recentDescriptions.delete(recentDescriptions.keys().next().value!);
}

/**
 * A file an OpenAPI `$ref` names, by content path: it must be a file of the content folder
 * (not through a link that leaves it), a JSON or YAML file, no element's file, and read and
 * parse within the limits of every content file.
 */
function readReferenced(target: string, context: CheckContext): (RefRead & { ok: false }) | { ok: true; text: string; value: object } {
  const { root, files } = context;
  const file = files.get(target);
  if (!file) {
    const absolute = path.join(root.dir, target);
    if (existsSync(absolute) && statSync(absolute).isDirectory())
      return { ok: false, code: 'wrong-file-type', message: 'names a folder, not a file' };
    const siblings = [...files.keys()].filter((f) => path.posix.dirname(f) === path.posix.dirname(target));
    const near = closest(target, siblings);
    return {
      ok: false,
      code: 'missing-file',
      message: `names a file that does not exist${near === undefined ? '' : ` (did you mean '${path.posix.basename(near)}'?)`}`,
    };
  }
  try {
    if (!isInside(root.dir, realpathSync(file.absolute)))
      return {
        ok: false,
        code: 'path-outside-content',
        message: 'leads outside the content folder through a symbolic link; nothing outside it is read',
      };
  } catch {
    return { ok: false, code: 'missing-file', message: 'names a file that cannot be read' };
  }
  if (!fitsField('$ref', target))
    return {
      ok: false,
      code: 'wrong-file-type',
      message: `names a file that is not JSON or YAML: a $ref file must end in ${endingsOf('$ref')}`,
    };
  const element = elementFileName(target, context);
  if (element !== undefined)
    return {
      ok: false,
      code: 'wrong-file-type',
      message: `names the file of ${element}; a $ref names a file of the description, never an element's`,
    };
  const loaded = context.cache
    ? context.cache.asset(file.absolute, () => loadData(file.absolute, target))
    : loadData(file.absolute, target);
  if (typeof loaded === 'string') return { ok: false, code: 'invalid-schema', message: `names a file that cannot be used: ${loaded}` };
  const parsed = loaded.parsed!;
  if (!parsed.ok) return { ok: false, code: parsed.code, message: parsed.message, inFile: parsed.at ?? START };
  return { ok: true, text: loaded.text, value: parsed.value };
}

/** A JSON or YAML file as read and parsed, or why it cannot be read. */
function loadData(absolute: string, relative: string): CachedAsset | string {
  const read = readText(absolute, MAX_DATA_BYTES, 'API description files');
  return read.ok ? { text: read.text, parsed: parseDataFile(relative, read.text) } : read.message;
}

function locator(text: string): YamlLocator {
  const lines = new LineCounter();
  return new YamlLocator(parseDocument(text, { lineCounter: lines }), lines);
}

function position(problem: ApiProblem, locate: YamlLocator | undefined): Position {
  if (problem.line !== undefined) return { line: problem.line, column: problem.column ?? 1 };
  if (problem.path !== undefined && locate) return locate.key(problem.path);
  return START;
}

function compareRest(el: ParsedElement<'service'>, api: OpenApiDescription, written: string, { diagnostics }: CheckContext): void {
  const rest = el.data.apis?.rest;
  if (!rest) return;
  const file = path.posix.basename(written);
  const matched = new Set<ApiOperation>();
  rest.forEach((entry, i) => {
    const { operation, methodsOfPath } = matchRest(api, entry.method, entry.path);
    if (operation) {
      matched.add(operation);
      return;
    }
    const hint =
      methodsOfPath.length > 0
        ? `; it has ${methodsOfPath.join(', ')} for that path`
        : didYouMean(
            `${entry.method} ${entry.path}`,
            api.operations.map((op) => `${op.method} ${op.path}`),
          );
    diagnostics.report(
      'api-mismatch',
      el.source.file,
      el.locate.value(['apis', 'rest', i]),
      `${entry.method} ${entry.path} is not in ${file}${hint}`,
    );
  });
  const at = el.locate.key(['apis', 'rest']);
  for (const op of api.operations)
    if (!matched.has(op))
      diagnostics.report('api-mismatch', el.source.file, at, `${op.method} ${op.path} of ${file} is not listed in apis.rest`);
}

function compareGrpc(el: ParsedElement<'service'>, api: ProtoDescription, written: string, { diagnostics }: CheckContext): void {
  const grpc = el.data.apis?.grpc;
  if (!grpc) return;
  const file = path.posix.basename(written);
  const names = grpc.map((entry) => (typeof entry === 'string' ? entry : entry.name));
  const methods = api.services.flatMap((s) => s.methods.map((m) => m.name));
  names.forEach((name, i) => {
    if (!methods.includes(name))
      diagnostics.report(
        'api-mismatch',
        el.source.file,
        el.locate.value(['apis', 'grpc', i]),
        `method ${name} is not in ${file}${didYouMean(name, methods)}`,
      );
  });
  // Only the proto services this one serves: a file may hold the whole system's.
  const at = el.locate.key(['apis', 'grpc']);
  for (const service of protoScope(api, { id: el.id, name: el.data.name, grpc: names }).services)
    for (const m of service.methods)
      if (!names.includes(m.name))
        diagnostics.report('api-mismatch', el.source.file, at, `method ${service.name}.${m.name} of ${file} is not listed in apis.grpc`);
}

/** Two names for one event: `order.created`, `OrderCreated` and `order-created` are the same. */
const sameName = (a: string, b: string) => a.toLowerCase().replace(/[^a-z0-9]/g, '') === b.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * A service's AsyncAPI document against its `events`: what its operations send are the events it
 * publishes, what they receive the events it consumes, matched by the message's name and the
 * event's id or name. Each side is said where it is written.
 */
function compareEvents(el: ParsedElement<'service'>, api: AsyncApiDescription, written: string, context: CheckContext): void {
  if (api.operations.length === 0) return;
  const file = path.posix.basename(written);
  const eventName = (id: string) => {
    const event = context.parsed.get(`event:${id}`) as ParsedElement<'event'> | undefined;
    return event?.data.name;
  };
  const matches = (message: string, id: string) => sameName(message, id) || sameName(message, eventName(id) ?? id);
  const sides = [
    { action: 'send', field: 'publishes', verb: 'sends', listed: el.data.events?.publishes ?? [] },
    {
      action: 'receive',
      field: 'consumes',
      verb: 'receives',
      listed: (el.data.events?.consumes ?? []).map((c) => (typeof c === 'string' ? c : c.event)),
    },
  ] as const;
  for (const { action, field, verb, listed } of sides) {
    const messages = [...new Set(api.operations.filter((o) => o.action === action).flatMap((o) => o.messages))];
    listed.forEach((id, i) => {
      if (messages.some((m) => matches(m, id))) return;
      context.diagnostics.report(
        'api-mismatch',
        el.source.file,
        el.locate.value(['events', field, i]),
        `event '${id}' is not a message that ${file} ${verb}${didYouMean(id, messages)}`,
      );
    });
    for (const message of messages)
      if (!listed.some((id) => matches(message, id)))
        context.diagnostics.report(
          'api-mismatch',
          el.source.file,
          el.locate.key(['apis', 'asyncapi']),
          `message '${message}' that ${file} ${verb} is not in events.${field}${didYouMean(message, listed)}`,
        );
  }
}

/** A broker's AsyncAPI document against the events it carries: each event's `channel` is one of its channels. */
function compareChannels(el: ParsedElement, api: AsyncApiDescription, written: string, context: CheckContext): void {
  const file = path.posix.basename(written);
  const channels = api.channels.flatMap((c) => [c.address ?? c.id]);
  for (const event of context.parsed.values()) {
    if (event.kind !== 'event') continue;
    const data = (event as ParsedElement<'event'>).data;
    const broker = data.broker?.replace(/^resource:/, '');
    if (broker !== el.id || !data.channel) continue;
    if (api.channels.some((c) => c.address === data.channel || c.id === data.channel)) continue;
    context.diagnostics.report(
      'api-mismatch',
      event.source.file,
      event.locate.value(['channel']),
      `channel '${data.channel}' is not a channel of ${file}, the AsyncAPI document of '${el.id}'${didYouMean(data.channel, channels)}`,
    );
  }
}
