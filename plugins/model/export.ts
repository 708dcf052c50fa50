import { z } from 'zod';
import { KIND_NAMES } from './kinds.ts';
import type { Model } from './model.ts';

/** The version of the export format: raised when a consumer would have to change. */
export const MODEL_EXPORT_VERSION = 1;

/**
 * The resolved model as other tools consume it (`/model.json`, `npm run export`): the
 * system, every element with its fields as validated, and every relation, inverse ones
 * included, by the key the relation is read by. Ordered as the model is: the same content
 * gives the same bytes.
 */
export const modelExportSchema = z.strictObject({
  version: z.literal(MODEL_EXPORT_VERSION).describe('The version of this format.'),
  system: z.record(z.string(), z.unknown()).describe("system.yaml's fields."),
  elements: z
    .array(
      z.strictObject({
        kind: z.enum(KIND_NAMES as [string, ...string[]]).describe('The kind: the folder name in the singular.'),
        id: z.string().describe('Unique within its kind.'),
        path: z.string().describe('The file under the content folder that holds it.'),
        data: z.record(z.string(), z.unknown()).describe('Its fields, as the check validated them.'),
        body: z.string().optional().describe('The Markdown prose below its front matter, when it has any.'),
      }),
    )
    .describe('Every element, by kind and id.'),
  relations: z
    .record(z.string(), z.record(z.string(), z.unknown()))
    .describe(
      'Every relation the model computes, by name (calls, callers, producers, consumers, satisfiedBy, requirements …), each a mapping from the key it is read by (an id, or kind:id) to its value.',
    ),
});

export type ModelExport = z.infer<typeof modelExportSchema>;

/** The model in the export format. */
export function exportModel(model: Model): ModelExport {
  return {
    version: MODEL_EXPORT_VERSION,
    system: { ...model.system.data },
    elements: model.elements.map((el) => ({
      kind: el.kind,
      id: el.id,
      path: el.source.path,
      data: { ...(el.data as Record<string, unknown>) },
      ...(el.body && el.body.text.trim() !== '' ? { body: el.body.text } : {}),
    })),
    // Object.fromEntries defines each key as an own property, `__proto__` included.
    relations: Object.fromEntries(
      Object.entries(model.relations).map(([name, map]) => [name, Object.fromEntries(map as ReadonlyMap<string, unknown>)]),
    ),
  };
}

/** The JSON Schema of the export, published beside it. */
export function modelExportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(modelExportSchema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
}
