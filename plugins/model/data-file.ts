import { LineCounter, parseDocument } from 'yaml';
import type { Code } from './codes.ts';
import type { Position } from './diagnostics.ts';
import { JSON_SYNTAX, positionOf, tooDeepAt, YAML_FLOW_SYNTAX } from './nesting.ts';
import { MAX_ALIASES } from './parse-source.ts';
import { firstAlias, nestedMessage, tooDeep } from './yaml-nodes.ts';

/**
 * JSON Schema and OpenAPI documents nest deeper than elements do (a schema's properties'
 * properties), but none that a person writes comes near this; the libraries that read them
 * recurse once a level.
 */
export const MAX_DATA_DEPTH = 256;

/** Schemas and API descriptions, and the files their `$ref`s read, may be larger than element files. */
export const MAX_DATA_BYTES = 16 * 1024 * 1024;

export type DataFileResult =
  | { readonly ok: true; readonly value: object }
  | {
      readonly ok: false;
      /** A syntax error (`invalid-schema`), or a limit crossed (`yaml-too-complex`). */
      readonly code: Extract<Code, 'invalid-schema' | 'yaml-too-complex'>;
      /** Where in the file: for a syntax error, when the parser says. */
      readonly at: Position | undefined;
      readonly message: string;
    };

/**
 * Parses a JSON or YAML data file (a JSON Schema, an OpenAPI description, a file one of its
 * `$ref`s reads) into an object, under the limits every content file has: nesting, aliases
 * and (by the caller) size. A fault is a message with its place in the file, never a throw.
 */
export function parseDataFile(relative: string, text: string): DataFileResult {
  return /\.json$/i.test(relative) ? parseJson(text) : parseYaml(text);
}

function parseJson(text: string): DataFileResult {
  const deep = tooDeepAt(text, MAX_DATA_DEPTH, JSON_SYNTAX);
  if (deep !== undefined) return limit(positionOf(text, deep), nestedMessage('JSON', MAX_DATA_DEPTH));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 says where: "… in JSON at position 12 (line 2 column 3)".
    const where = /\(line (\d+) column (\d+)\)/.exec(message);
    return {
      ok: false,
      code: 'invalid-schema',
      at: where ? { line: Number(where[1]), column: Number(where[2]) } : undefined,
      message: message.split('\n')[0] ?? 'does not parse',
    };
  }
  return objectOrNot(value);
}

function parseYaml(text: string): DataFileResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, logLevel: 'error' });
  const at = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const [error] = doc.errors;
  if (error) {
    if (/call stack/i.test(error.message)) {
      const deep = tooDeepAt(text, MAX_DATA_DEPTH, YAML_FLOW_SYNTAX);
      return limit(deep === undefined ? at(error.pos[0]) : positionOf(text, deep), nestedMessage('YAML', MAX_DATA_DEPTH));
    }
    const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '').trim();
    return { ok: false, code: 'invalid-schema', at: at(error.pos[0]), message: message || 'invalid YAML' };
  }
  const deep = tooDeep(doc, MAX_DATA_DEPTH);
  if (deep !== undefined) return limit(at(deep), nestedMessage('YAML', MAX_DATA_DEPTH));
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (thrown) {
    if (thrown instanceof RangeError) return limit(at(0), nestedMessage('YAML', MAX_DATA_DEPTH));
    const alias = firstAlias(doc) ?? 0;
    if (thrown instanceof Error && /unresolved alias/i.test(thrown.message))
      return {
        ok: false,
        code: 'invalid-schema',
        at: at(alias),
        message: `an alias names no anchor: ${thrown.message.split(':').at(-1)!.trim()}`,
      };
    return limit(at(alias), `YAML expands more than ${MAX_ALIASES} aliases; this looks like an alias bomb`);
  }
  return objectOrNot(value);
}

function objectOrNot(value: unknown): DataFileResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, code: 'invalid-schema', at: undefined, message: 'expected a JSON or YAML object' };
  return { ok: true, value };
}

function limit(at: Position, message: string): DataFileResult {
  return { ok: false, code: 'yaml-too-complex', at, message };
}
