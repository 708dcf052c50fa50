import { z } from 'zod';
import { kindInfo, KIND_NAMES, type ElementKind } from './kinds.ts';
import { rulesFileSchema } from './rules/schema.ts';
import { systemSchema } from './schemas/system.ts';

type Schemas = Record<ElementKind | 'root' | 'rules', Record<string, unknown>>;

let made: Schemas | undefined;

/**
 * JSON Schemas of every kind, generated from the zod schemas that validate content, for
 * editors (`# yaml-language-server: $schema=...`) and for the site's reference. Never
 * written by hand, so never out of step with the check.
 *
 * Made once a process, and the same objects every call after (callers only read them): the
 * site's schema files asked for all of them once per file, 16 times a build (200 ms).
 */
export function jsonSchemas(): Schemas {
  return (made ??= convertAll());
}

function convertAll(): Schemas {
  const convert = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const out = { root: convert(systemSchema), rules: convert(rulesFileSchema) } as Schemas;
  for (const kind of KIND_NAMES) out[kind] = convert(kindInfo(kind).schema);
  return out;
}
