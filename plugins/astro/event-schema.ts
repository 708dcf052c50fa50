import { readFileSync } from 'node:fs';
import { recordRead } from './page-cache/recording-model.ts';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Element, Model } from '../model/model.ts';
import { fileHref } from './urls.ts';

export interface EventSchema {
  /** The parsed schema. */
  readonly value: unknown;
  /** The schema's text as published: the file's text, or the inline schema as JSON. */
  readonly text: string;
  readonly lang: 'json' | 'yaml';
  /** Where the schema file is published, for a file schema. */
  readonly href?: string;
  /** The path as written, for a file schema. */
  readonly written?: string;
}

/** An event's JSON Schema, inline or read from its file (which the check already validated). */
export function eventSchema(model: Model, event: Element<'event'>): EventSchema | undefined {
  const schema = event.data.schema;
  if (schema === undefined) return undefined;
  if (typeof schema !== 'string') return { value: schema, text: JSON.stringify(schema, null, 2), lang: 'json' };
  if (/^https?:\/\//i.test(schema)) return { value: undefined, text: '', lang: 'json', href: schema, written: schema };
  const relative = path.posix.normalize(path.posix.join(path.posix.dirname(event.source.path), schema));
  recordRead(`file:${relative}`);
  const text = readFileSync(path.join(model.contentDir, relative), 'utf8').replace(/^\uFEFF/, '');
  const json = /\.json$/i.test(relative);
  return {
    value: json ? JSON.parse(text) : parseYaml(text),
    text,
    lang: json ? 'json' : 'yaml',
    href: fileHref(relative),
    written: schema,
  };
}
