import { LineCounter, parseAllDocuments } from 'yaml';
import type { FieldPath } from '../model/yaml-position.ts';
import { YamlLocator } from '../model/yaml-position.ts';
import type { Place } from './environment.ts';

/** One YAML document of a file read from outside the content, with where each of its fields is written. */
export interface PlacedDocument {
  readonly value: unknown;
  /** Where the key of the field at `path` is written. */
  readonly key: (path: FieldPath) => Place;
  /** Where the value at `path` is written. */
  readonly at: (path: FieldPath) => Place;
}

/** What a file parses to: its documents, or the first syntax error, placed. */
export type ParsedFile =
  { readonly documents: readonly PlacedDocument[] } | { readonly error: { readonly at: Place; readonly message: string } };

/** Parses every document of a YAML file, keeping positions; a syntax error is an answer, never a throw. */
export function parseYamlFile(file: string, text: string): ParsedFile {
  const lines = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: false });
  const list = Array.isArray(documents) ? documents : [documents];
  const placed: PlacedDocument[] = [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const { line, col } = lines.linePos(error.pos[0]);
      return { error: { at: { file, line, column: col }, message: error.message.split('\n')[0]! } };
    }
    const locator = new YamlLocator(doc, lines);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (caught) {
      const { line, col } = lines.linePos(doc.range[0]);
      return { error: { at: { file, line, column: col }, message: caught instanceof Error ? caught.message : String(caught) } };
    }
    if (value === null || value === undefined) continue;
    placed.push({
      value,
      key: (path) => ({ file, ...locator.key(path) }),
      at: (path) => ({ file, ...locator.value(path) }),
    });
  }
  return { documents: placed };
}

/** A field of a parsed value, when the value is a mapping (never a prototype's). */
export function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, name)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

/** A mapping's own entries; none for anything else. */
export function entries(value: unknown): [string, unknown][] {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value as Record<string, unknown>) : [];
}

export const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;

export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
