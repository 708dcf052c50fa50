import { realpathSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isInside } from '../content-files.ts';
import type { Position } from '../diagnostics.ts';
import type { ParsedElement } from '../read-elements.ts';
import type { CachedAsset } from '../check-cache.ts';
import { readText } from '../read-text.ts';
import { closest } from '../suggest.ts';
import type { FieldPath } from '../yaml-position.ts';
import type { Check, CheckContext } from './context.ts';

/** Schemas and API descriptions may be larger than element files. */
const MAX_ASSET_BYTES = 16 * 1024 * 1024;

interface AssetField {
  readonly path: FieldPath;
  readonly value: string;
  /** JSON Schema and OpenAPI parse as JSON or YAML; proto and GraphQL are kept as text, for checks/apis.ts. */
  readonly parse: 'data' | 'text';
}

/**
 * Files named by `schema`, `openapi`, `proto` and `graphql` must exist inside the content
 * folder and, for JSON Schema and OpenAPI, parse as JSON or YAML. Each is read once, into
 * `documents`, for the API check and the pages. Nothing outside the content folder is read.
 */
export const checkAssets: Check = (context) => {
  for (const el of context.parsed.values()) {
    for (const field of assetFields(el)) checkAsset(el, field, context);
  }
};

function assetFields(el: ParsedElement): AssetField[] {
  if (el.kind === 'event') {
    const schema = (el as ParsedElement<'event'>).data.schema;
    return typeof schema === 'string' ? [{ path: ['schema'], value: schema, parse: 'data' }] : [];
  }
  if (el.kind === 'service') {
    const apis = (el as ParsedElement<'service'>).data.apis;
    const fields: AssetField[] = [];
    if (apis?.openapi) fields.push({ path: ['apis', 'openapi'], value: apis.openapi, parse: 'data' });
    if (apis?.proto) fields.push({ path: ['apis', 'proto'], value: apis.proto, parse: 'text' });
    if (apis?.graphql) fields.push({ path: ['apis', 'graphql'], value: apis.graphql, parse: 'text' });
    return fields;
  }
  return [];
}

function checkAsset(el: ParsedElement, field: AssetField, { root, files, diagnostics, assets, documents, cache }: CheckContext): void {
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
  assets.add(relative);
  const readAsset = (): CachedAsset | string => {
    const read = readText(file.absolute, MAX_ASSET_BYTES);
    if (!read.ok) return read.message;
    return { text: read.text, parsed: field.parse === 'data' ? parseDocument(relative, read.text) : undefined };
  };
  const asset = cache ? cache.asset(file.absolute, readAsset) : readAsset();
  if (typeof asset === 'string') {
    diagnostics.report('invalid-schema', el.source.file, at(), `${name} file '${field.value}' cannot be used: ${asset}`);
    return;
  }
  if (typeof asset.parsed === 'string') {
    diagnostics.report('invalid-schema', el.source.file, at(), `${name} file '${field.value}' does not parse: ${asset.parsed}`);
    return;
  }
  // Kept: the pages show it without reading the file again.
  if (!documents.has(relative)) documents.set(relative, { text: asset.text, value: asset.parsed?.value });
}

/** A JSON or YAML document parsed into a mapping, or why it does not parse into one. */
function parseDocument(relative: string, text: string): { value: object } | string {
  let value: unknown;
  try {
    value = /\.json$/i.test(relative) ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'does not parse';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'expected a JSON or YAML object';
  return { value };
}
