import { z } from 'zod';
import { kindInfo, KIND_NAMES, type ElementKind } from './kinds.ts';
import { rulesFileSchema } from './rules/schema.ts';
import { systemSchema } from './schemas/system.ts';

/**
 * JSON Schemas of every kind, generated from the zod schemas that validate content, for
 * editors (`# yaml-language-server: $schema=...`) and for the site's reference. Never
 * written by hand, so never out of step with the check.
 */
export function jsonSchemas(): Record<ElementKind | 'root' | 'rules', Record<string, unknown>> {
  const convert = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const out = { root: convert(systemSchema), rules: convert(rulesFileSchema) } as Record<
    ElementKind | 'root' | 'rules',
    Record<string, unknown>
  >;
  for (const kind of KIND_NAMES) out[kind] = convert(kindInfo(kind).schema);
  return out;
}
