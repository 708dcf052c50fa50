import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { CachedAsset } from '../check-cache.ts';
import { isInside } from '../content-files.ts';
import { MAX_DATA_BYTES, parseDataFile } from '../data-file.ts';
import { START, type Position } from '../diagnostics.ts';
import { endingsOf, fitsField } from '../file-types.ts';
import type { ParsedElement } from '../read-elements.ts';
import { readText } from '../read-text.ts';
import { closest } from '../suggest.ts';
import type { FieldPath } from '../yaml-position.ts';
import type { Check, CheckContext } from './context.ts';
import { elementFileName } from './element-files.ts';

interface AssetField {
  readonly path: FieldPath;
  readonly value: string;
  /** Which kind of file it names: JSON Schema and OpenAPI parse as JSON or YAML; proto and GraphQL are kept as text, for checks/apis.ts. */
  readonly type: 'schema' | 'openapi' | 'asyncapi' | 'proto' | 'graphql';
}

/** What a file of each kind is called in a message. */
const NOUNS = {
  schema: 'schema files',
  openapi: 'API description files',
  asyncapi: 'API description files',
  proto: 'API description files',
  graphql: 'API description files',
};

/**
 * Files named by `schema`, `openapi`, `asyncapi`, `proto` and `graphql` must exist inside the content
 * folder, be of the type the field is for (never a page a browser would run, never another
 * element's file) and, for JSON Schema and OpenAPI, parse as JSON or YAML within the limits
 * of every content file. Each is read once, into `documents`, for the API check and the
 * pages. Nothing outside the content folder is read.
 */
export const checkAssets: Check = (context) => {
  for (const el of context.parsed.values()) {
    for (const field of assetFields(el)) checkAsset(el, field, context);
  }
};

function assetFields(el: ParsedElement): AssetField[] {
  if (el.kind === 'event') {
    const schema = (el as ParsedElement<'event'>).data.schema;
    return typeof schema === 'string' ? [{ path: ['schema'], value: schema, type: 'schema' }] : [];
  }
  if (el.kind === 'service') {
    const apis = (el as ParsedElement<'service'>).data.apis;
    return (['openapi', 'asyncapi', 'proto', 'graphql'] as const).flatMap((type) => {
      const value = apis?.[type];
      return value ? [{ path: ['apis', type], value, type }] : [];
    });
  }
  if (el.kind === 'resource') {
    const asyncapi = (el as ParsedElement<'resource'>).data.apis?.asyncapi;
    return asyncapi ? [{ path: ['apis', 'asyncapi'], value: asyncapi, type: 'asyncapi' }] : [];
  }
  return [];
}

function checkAsset(el: ParsedElement, field: AssetField, context: CheckContext): void {
  const { root, files, diagnostics, assets, documents, cache } = context;
  // A URL names a document published elsewhere; it is linked, never fetched.
  if (/^https?:\/\//i.test(field.value)) return;
  // Found only when a diagnostic needs it: finding it means parsing the file again.
  const at = (): Position => el.locate.value(field.path);
  const name = field.path.at(-1);
  // Content paths use `/` on every system; a path that climbs above the content folder starts with `..`.
  const relative = path.posix.normalize(path.posix.join(path.posix.dirname(el.source.path), field.value));
  if (path.isAbsolute(field.value) || path.posix.isAbsolute(relative) || relative === '..' || relative.startsWith('../')) {
    diagnostics.report('path-outside-content', el.source.file, at(), `${name} path '${field.value}' leaves the content folder`);
    return;
  }
  const target = path.join(root.dir, relative);
  const file = files.get(relative);
  if (!file) {
    let real: string | undefined;
    try {
      real = realpathSync(target);
    } catch {
      // Does not exist: reported below.
    }
    if (real !== undefined && !isInside(root.dir, real)) {
      diagnostics.report(
        'path-outside-content',
        el.source.file,
        at(),
        `${name} path '${field.value}' leads outside the content folder through a symbolic link`,
      );
      return;
    }
    const siblings = [...files.keys()]
      .filter((f) => path.posix.dirname(f) === path.posix.dirname(relative))
      .map((f) => path.posix.relative(path.posix.dirname(el.source.path), f));
    const dot = field.value.startsWith('./') ? './' : '';
    const match = closest(field.value.slice(dot.length), siblings);
    const hint = match === undefined ? '' : ` (did you mean '${dot}${match}'?)`;
    diagnostics.report('missing-file', el.source.file, at(), `${name} file '${field.value}' does not exist${hint}`);
    return;
  }
  if (!fitsField(field.type, relative)) {
    diagnostics.report('wrong-file-type', el.source.file, at(), `${name} file '${field.value}' must end in ${endingsOf(field.type)}`);
    return;
  }
  const element = elementFileName(relative, context);
  if (element !== undefined) {
    diagnostics.report(
      'wrong-file-type',
      el.source.file,
      at(),
      `${name} file '${field.value}' is the file of ${element}, not one of the ${NOUNS[field.type]}`,
    );
    return;
  }
  assets.add(relative);
  const readAsset = (): CachedAsset | string => {
    const read = readText(file.absolute, MAX_DATA_BYTES, NOUNS[field.type]);
    if (!read.ok) return read.message;
    return {
      text: read.text,
      parsed:
        field.type === 'schema' || field.type === 'openapi' || field.type === 'asyncapi' ? parseDataFile(relative, read.text) : undefined,
    };
  };
  const asset = cache ? cache.asset(file.absolute, readAsset) : readAsset();
  if (typeof asset === 'string') {
    diagnostics.report('invalid-schema', el.source.file, at(), `${name} file '${field.value}' cannot be used: ${asset}`);
    return;
  }
  const parsed = asset.parsed;
  if (parsed && !parsed.ok) {
    // A limit crossed is said where it is crossed, in the file; a syntax error at the field that names the file.
    if (parsed.code === 'yaml-too-complex') diagnostics.report(parsed.code, file.display, parsed.at ?? START, parsed.message);
    else {
      const where = parsed.at ? ` (line ${parsed.at.line}, column ${parsed.at.column})` : '';
      diagnostics.report('invalid-schema', el.source.file, at(), `${name} file '${field.value}' does not parse: ${parsed.message}${where}`);
    }
    return;
  }
  // Kept: the pages show it without reading the file again.
  if (!documents.has(relative)) documents.set(relative, { text: asset.text, value: parsed?.value });
}
