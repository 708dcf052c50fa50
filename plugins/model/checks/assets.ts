import { realpathSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isInside } from '../content-files.ts';
import type { Position } from '../diagnostics.ts';
import type { ParsedElement } from '../read-elements.ts';
import { readText } from '../read-text.ts';
import { closest } from '../suggest.ts';
import type { FieldPath } from '../yaml-position.ts';
import type { Check, CheckContext } from './context.ts';

/** Schemas and API descriptions may be larger than element files. */
const MAX_ASSET_BYTES = 16 * 1024 * 1024;

interface AssetField {
  readonly path: FieldPath;
  readonly value: string;
  /** JSON Schema and OpenAPI must parse; proto and GraphQL are only required to exist. */
  readonly parse: boolean;
}

/**
 * Files named by `schema`, `openapi`, `proto` and `graphql` must exist inside the content
 * folder and, for JSON Schema and OpenAPI, parse. Nothing outside the content folder is read.
 */
export const checkAssets: Check = (context) => {
  for (const el of context.parsed.values()) {
    for (const field of assetFields(el)) checkAsset(el, field, context);
  }
};

function assetFields(el: ParsedElement): AssetField[] {
  if (el.kind === 'event') {
    const schema = (el as ParsedElement<'event'>).data.schema;
    return typeof schema === 'string' ? [{ path: ['schema'], value: schema, parse: true }] : [];
  }
  if (el.kind === 'service') {
    const apis = (el as ParsedElement<'service'>).data.apis;
    const fields: AssetField[] = [];
    if (apis?.openapi) fields.push({ path: ['apis', 'openapi'], value: apis.openapi, parse: true });
    if (apis?.proto) fields.push({ path: ['apis', 'proto'], value: apis.proto, parse: false });
    if (apis?.graphql) fields.push({ path: ['apis', 'graphql'], value: apis.graphql, parse: false });
    return fields;
  }
  return [];
}

function checkAsset(el: ParsedElement, field: AssetField, { root, files, diagnostics, assets, documents }: CheckContext): void {
  // A URL names a document published elsewhere; it is linked, never fetched.
  if (/^https?:\/\//i.test(field.value)) return;
  const at: Position = el.locate.value(field.path);
  const name = field.path.at(-1);
  const fileDir = path.dirname(path.join(root.dir, el.source.path));
  const target = path.resolve(fileDir, field.value);
  if (path.isAbsolute(field.value) || !isInside(root.dir, target)) {
    diagnostics.report('path-outside-content', el.source.file, at, `${name} path '${field.value}' leaves the content folder`);
    return;
  }
  const relative = path.relative(root.dir, target).split(path.sep).join('/');
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
        at,
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
    diagnostics.report('missing-file', el.source.file, at, `${name} file '${field.value}' does not exist${hint}`);
    return;
  }
  assets.add(relative);
  if (!field.parse) return;
  const read = readText(file.absolute, MAX_ASSET_BYTES);
  if (!read.ok) {
    diagnostics.report('invalid-schema', el.source.file, at, `${name} file '${field.value}' cannot be used: ${read.message}`);
    return;
  }
  if (documents.has(relative)) return;
  const parsed = parseDocument(relative, read.text);
  if (typeof parsed === 'string')
    diagnostics.report('invalid-schema', el.source.file, at, `${name} file '${field.value}' does not parse: ${parsed}`);
  // Kept: the pages show it without reading the file again.
  else documents.set(relative, { text: read.text, value: parsed.value });
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
