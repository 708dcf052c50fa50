import { realpathSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { ApiDescription, ApiOperation, ApiProblem, ApiResult, OpenApiDescription, ProtoDescription } from '../apis/api-description.ts';
import { protoScope } from '../apis/proto-scope.ts';
import { matchRest } from '../apis/rest-match.ts';
import { isInside } from '../content-files.ts';
import { START, type Position } from '../diagnostics.ts';
import type { ParsedElement } from '../read-elements.ts';
import { readText } from '../read-text.ts';
import { didYouMean } from '../suggest.ts';
import { YamlLocator } from '../yaml-position.ts';
import type { CheckContext } from './context.ts';

/** Files an OpenAPI description refers to may be as large as the description itself. */
const MAX_REFERENCED_BYTES = 16 * 1024 * 1024;

type Format = 'openapi' | 'proto' | 'graphql';

/**
 * Reads every service's API description files (`apis.openapi`, `apis.proto`, `apis.graphql`)
 * with the parser made for each: an invalid file is an error at the place in that file; a
 * valid one is kept for the service page (`documents`). Then `apis.rest` and `apis.grpc`,
 * where a service writes them, must list what its files describe, and the other way round.
 * Runs after checkAssets, which has read each file that exists inside the content folder.
 */
export async function checkApis(context: CheckContext): Promise<void> {
  const described = new Map<string, ApiDescription | undefined>();
  for (const el of context.parsed.values()) {
    if (el.kind !== 'service') continue;
    const apis = (el as ParsedElement<'service'>).data.apis;
    for (const format of ['openapi', 'proto', 'graphql'] as const) {
      const written = apis?.[format];
      if (!written || /^https?:\/\//i.test(written)) continue;
      const relative = path.posix.normalize(path.posix.join(path.posix.dirname(el.source.path), written));
      if (!described.has(relative)) described.set(relative, await describe(format, relative, context));
      const api = described.get(relative);
      if (api?.format === 'openapi') compareRest(el as ParsedElement<'service'>, api, written, context);
      if (api?.format === 'proto') compareGrpc(el as ParsedElement<'service'>, api, written, context);
    }
  }
}

async function describe(format: Format, relative: string, context: CheckContext): Promise<ApiDescription | undefined> {
  const doc = context.documents.get(relative);
  const file = context.files.get(relative);
  // Missing, unreadable or not JSON/YAML: checkAssets has said so.
  if (!doc || !file) return undefined;
  let result: ApiResult<ApiDescription>;
  if (format === 'openapi') {
    if (doc.value === undefined) return undefined;
    let known = recentDescriptions.get(file.absolute);
    if (!known || known.text !== doc.text || ![...known.read.values()].every((r) => sameText(r.absolute, r.text))) {
      // Loaded only for content that has an OpenAPI description: the validator is large.
      const { describeOpenApi } = await import('../apis/openapi.ts');
      const read = new Map<string, { absolute: string; text: string }>();
      const result = await describeOpenApi({
        value: doc.value,
        file: file.absolute,
        readReferenced: (target) => {
          const referenced = readReferenced(target, context);
          read.set(referenced.relative, { absolute: target, text: referenced.text });
          return referenced.text;
        },
      });
      known = { text: doc.text, read, result };
      remember(file.absolute, known);
    }
    // The files its `$ref`s read are published with it.
    for (const referenced of known.read.keys()) context.assets.add(referenced);
    result = known.result;
  } else {
    result =
      format === 'proto'
        ? (await import('../apis/proto.ts')).describeProto(doc.text)
        : (await import('../apis/graphql.ts')).describeGraphql(doc.text);
  }
  if (!result.ok) {
    const locate = format === 'openapi' ? locator(doc.text) : undefined;
    for (const problem of result.problems)
      context.diagnostics.report('invalid-api-description', file.display, position(problem, locate), problem.message);
    return undefined;
  }
  context.documents.set(relative, { ...doc, api: result.api });
  return result.api;
}

/**
 * The last description of each OpenAPI file, kept while its text and the texts of the files
 * its `$ref`s read stay the same: validating and dereferencing is a check's largest cost on
 * a small model, and a dev server, a watcher or a test suite checks the same files again and
 * again. A few files' worth: the oldest is dropped past that.
 */
const recentDescriptions = new Map<
  string,
  {
    readonly text: string;
    readonly read: ReadonlyMap<string, { absolute: string; text: string }>;
    readonly result: ApiResult<OpenApiDescription>;
  }
>();
const KEPT_DESCRIPTIONS = 32;

function remember(absolute: string, entry: typeof recentDescriptions extends Map<string, infer V> ? V : never): void {
  recentDescriptions.delete(absolute);
  recentDescriptions.set(absolute, entry);
  if (recentDescriptions.size > KEPT_DESCRIPTIONS) recentDescriptions.delete(recentDescriptions.keys().next().value!);
}

/** Whether a file still holds `text`. */
function sameText(absolute: string, text: string): boolean {
  const read = readText(absolute, MAX_REFERENCED_BYTES);
  return read.ok && read.text === text;
}

/** A file an OpenAPI `$ref` names: read only from inside the content folder. */
function readReferenced(target: string, { root, files }: CheckContext): { relative: string; text: string } {
  const relative = path.relative(root.dir, target).split(path.sep).join('/');
  let real: string | undefined;
  try {
    real = realpathSync(target);
  } catch {
    // Does not exist: said below.
  }
  if (!isInside(root.dir, target) || (real !== undefined && !isInside(root.dir, real)))
    throw new Error(`$ref '${relative}' leaves the content folder; nothing outside it is read`);
  const file = files.get(relative);
  if (!file) throw new Error(`$ref file '${relative}' does not exist`);
  const read = readText(file.absolute, MAX_REFERENCED_BYTES);
  if (!read.ok) throw new Error(`$ref file '${relative}' cannot be used: ${read.message}`);
  return { relative, text: read.text };
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
