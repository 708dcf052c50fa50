import type { z } from 'zod';
import { Diagnostics } from './diagnostics.ts';
import type { SourceDocument } from './parse-source.ts';
import { didYouMean } from './suggest.ts';
import { pathKey } from './yaml-nodes.ts';
import type { FieldPath } from './yaml-position.ts';

type Issue = z.core.$ZodIssue;

/** A document's validation, kept with the document (which never changes) for checks that run again (`check --watch`). */
const validated = new WeakMap<SourceDocument, { readonly schema: z.ZodType; readonly data: unknown; readonly found: Diagnostics }>();

/**
 * Checks a document's value against its kind's schema. Every issue becomes a positioned
 * diagnostic; the parsed data is returned only when there is none. A document is validated
 * once against a schema: the same document object gives the same data object again.
 */
export function validate<S extends z.ZodType>(schema: S, source: SourceDocument, diagnostics: Diagnostics): z.output<S> | undefined {
  const known = validated.get(source);
  if (known?.schema === schema) {
    diagnostics.merge(known.found);
    return known.data as z.output<S> | undefined;
  }
  const found = new Diagnostics();
  const data = validateOnce(schema, source, found);
  validated.set(source, { schema, data, found });
  diagnostics.merge(found);
  return data;
}

function validateOnce<S extends z.ZodType>(schema: S, source: SourceDocument, diagnostics: Diagnostics): z.output<S> | undefined {
  if (typeof source.value !== 'object' || source.value === null || Array.isArray(source.value)) {
    diagnostics.report(
      'invalid-type',
      source.file.display,
      source.start,
      `element should be a mapping of fields, not ${describeValue(source.value)}`,
    );
    return undefined;
  }
  const result = schema.safeParse(source.value);
  if (result.success) return source.numbers ? keepNumberText(result.data, source.value, source.numbers) : result.data;
  const issues = flatten(result.error.issues, [], source.value);
  // An unknown key that is a typo of a missing required one is reported once, as the typo.
  const suggested = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = issue.path as (string | number)[];
    for (const key of issue.keys) {
      const hint = suggestionFor(schema, path, key);
      if (hint) suggested.add(pathKey([...path, hint]));
    }
  }
  for (const issue of issues) report(schema, issue, source, diagnostics, suggested);
  return undefined;
}

/** Expands union issues into the issues of the branch the author most likely meant. */
function flatten(issues: readonly Issue[], prefix: FieldPath, root: unknown): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const value = valueAt(root, path);
      // A branch that failed on the value's own type was not the one meant.
      const meant = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (meant.length > 0) {
        const best = [...meant].sort((a, b) => a.length - b.length)[0]!;
        out.push(...flatten(best, path, root));
        continue;
      }
      const expected = issue.errors.flatMap((branch) =>
        branch.filter((i) => i.code === 'invalid_type').map((i) => (i as { expected: string }).expected),
      );
      out.push({ code: 'invalid_type', expected: [...new Set(expected)].join('|'), path, message: '', input: value } as unknown as Issue);
      continue;
    }
    out.push({ ...issue, path } as Issue);
  }
  return out;
}

function report(schema: z.ZodType, issue: Issue, source: SourceDocument, diagnostics: Diagnostics, suggested: ReadonlySet<string>): void {
  const file = source.file.display;
  const path = issue.path as (string | number)[];
  const value = valueAt(source.value, path);
  const field = fieldName(path);
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) {
        const hint = suggestionFor(schema, path, key);
        // `{ description: Manages products, orders and refunds }`: the comma split the value.
        const split = !hint && /\s/.test(key) && valueAt(source.value, [...path, key]) === null;
        diagnostics.report(
          'unknown-field',
          file,
          source.locate.key([...path, key]),
          `unknown field '${fieldName([...path, key])}'${hint ? ` (did you mean '${hint}'?)` : ''}${split ? ' (a comma ends a value inside { }: quote the value that holds it)' : ''}`,
        );
      }
      return;
    case 'invalid_type':
      if (value === undefined) {
        if (suggested.has(pathKey(path))) return;
        diagnostics.report('missing-field', file, source.locate.value(path.slice(0, -1)), `missing required field '${field}'`);
      } else {
        // `id: 123`, `name: true`: a scalar YAML read as another type, where text was meant.
        const quote =
          issue.expected.split('|').includes('string') && (typeof value === 'number' || typeof value === 'boolean')
            ? ` (to write it as text, quote it: "${source.numbers?.get(pathKey(path)) ?? String(value)}")`
            : '';
        // `replicas: 1.5`: the number itself says what is wrong with it.
        const written = typeof value === 'number' ? (source.numbers?.get(pathKey(path)) ?? String(value)) : undefined;
        const actual = written === undefined ? describeValue(value) : issue.expected === 'int' ? written : `the number ${written}`;
        diagnostics.report(
          'invalid-type',
          file,
          source.locate.value(path),
          `field '${field}' should be ${describeExpected(issue.expected)}, not ${actual}${quote}`,
        );
      }
      return;
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      // zod reports a missing enum field as a value out of range: it is a missing field.
      if (value === undefined) {
        if (suggested.has(pathKey(path))) return;
        diagnostics.report(
          'missing-field',
          file,
          source.locate.value(path.slice(0, -1)),
          `missing required field '${field}' (one of ${allowed.join(', ')})`,
        );
        return;
      }
      diagnostics.report(
        'invalid-value',
        file,
        source.locate.value(path),
        `field '${field}' is '${String(value)}'; expected one of ${allowed.join(', ')}${typeof value === 'string' ? didYouMean(value, allowed) : ''}`,
      );
      return;
    }
    case 'too_small':
      diagnostics.report(
        'invalid-value',
        file,
        source.locate.value(path),
        issue.origin === 'number' || issue.origin === 'int'
          ? `field '${field}' is ${String(value)}; it must be at least ${String(issue.minimum)}`
          : `field '${field}' is empty`,
      );
      return;
    default:
      // A rule across fields (a non-functional requirement needs a target) about a field left out.
      if (value === undefined && issue.code === 'custom')
        diagnostics.report('missing-field', file, source.locate.value(path.slice(0, -1)), `missing field '${field}': ${issue.message}`);
      // A rule about a whole mapping (a rule of the team's has forbid or require) is said of the mapping, not quoted.
      else if (value !== null && typeof value === 'object')
        diagnostics.report('invalid-value', file, source.locate.value(path), `'${field}': ${issue.message}`);
      else diagnostics.report('invalid-value', file, source.locate.value(path), `field '${field}' is '${String(value)}': ${issue.message}`);
  }
}

/**
 * Text fields keep numbers as written: the schema turned `version: 1.10` into the text `1.1`,
 * and the document knows it was written `1.10`. Only values the schema made text of the
 * very number found there are replaced; numbers in number fields stay numbers.
 */
function keepNumberText<T>(data: T, raw: unknown, numbers: ReadonlyMap<string, string>): T {
  for (const [key, written] of numbers) {
    const path = JSON.parse(key) as (string | number)[];
    const number = valueAt(raw, path);
    const parent = valueAt(data, path.slice(0, -1));
    const last = path.at(-1);
    if (typeof number !== 'number' || last === undefined || parent === null || typeof parent !== 'object') continue;
    if (Object.hasOwn(parent, last) && (parent as Record<string | number, unknown>)[last] === String(number))
      (parent as Record<string | number, unknown>)[last] = written;
  }
  return data;
}

/** The closest known key of the object schema at `path`, for an unknown `key`. */
function suggestionFor(schema: z.ZodType, path: FieldPath, key: string): string | undefined {
  const keys = knownKeys(schema, path);
  const hint = didYouMean(key, keys);
  return hint ? hint.slice(" (did you mean '".length, -"'?)".length) : undefined;
}

/** The keys that the object schema(s) reached by `path` accept. */
export function knownKeys(schema: z.ZodType, path: FieldPath): string[] {
  let current: unknown[] = [schema];
  for (const segment of path) {
    current = current.flatMap((s) => objects(s)).flatMap((s) => child(s, segment));
  }
  return [...new Set(current.flatMap((s) => objects(s)).flatMap((s) => Object.keys(def(s).shape ?? {})))].sort();
}

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  element?: unknown;
  options?: unknown[];
  getter?: () => unknown;
  in?: unknown;
  out?: unknown;
}

function def(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

/** The object and array schemas that `schema` stands for, through wrappers and unions. */
function objects(schema: unknown, depth = 0): unknown[] {
  if (depth > 20) return [];
  const d = def(schema);
  switch (d.type) {
    case 'object':
    case 'array':
    case 'record':
      return [schema];
    case 'optional':
    case 'nullable':
    case 'default':
      return objects(d.innerType, depth + 1);
    case 'union':
      return (d.options ?? []).flatMap((o) => objects(o, depth + 1));
    case 'lazy':
      return objects(d.getter!(), depth + 1);
    case 'pipe':
      return [...objects(d.in, depth + 1), ...objects(d.out, depth + 1)];
    default:
      return [];
  }
}

function child(schema: unknown, segment: string | number): unknown[] {
  const d = def(schema);
  if (d.type === 'array' && typeof segment === 'number') return [d.element];
  if (d.type === 'object' && typeof segment === 'string' && d.shape && Object.hasOwn(d.shape, segment)) return [d.shape[segment]];
  return [];
}

function valueAt(root: unknown, path: FieldPath): unknown {
  let value = root;
  for (const segment of path) {
    // Own fields only: a path from content may name `constructor` or `toString`.
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** `dependencies[0].target`, the way a person names a field. */
export function fieldName(path: FieldPath): string {
  return path.reduce<string>((name, s) => (typeof s === 'number' ? `${name}[${s}]` : name ? `${name}.${s}` : s), '');
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  record: 'a mapping',
  int: 'a whole number',
};

function describeExpected(expected: string): string {
  const names = [...new Set(expected.split('|').map((e) => TYPE_NAMES[e] ?? e))];
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? expected);
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}
