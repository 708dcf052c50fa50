import { z } from 'zod';

/**
 * Ids: lower-case letters, digits, `-`, `.` and `_`, at most 100 characters, and not dots
 * alone. An id is a URL path segment and a folder name of the built site: `.` and `..` are
 * neither, and file systems cap a name at 255 bytes.
 */
export const ID_PATTERN = /^(?!\.+$)[a-z0-9._-]{1,100}$/;

/** What an id must be, in the words of a diagnostic. */
export const ID_RULE = 'ids use lower-case letters, digits, -, . and _, are at most 100 characters long and are not dots alone';

/** An element's own id, when written in the file (it defaults to the file name). */
export const id = z.string().regex(ID_PATTERN, ID_RULE);

/** The `id` field every element kind has. */
export const elementId = id.optional().describe('The id other elements refer to it by; defaults to the file name without its extension. Required in a file of several elements.');

/** The `name` field of most kinds. */
export const elementName = z.string().min(1).describe('The name readers see on pages and in diagrams.');

/** The `description` field of every kind. */
export const elementDescription = z.string().optional().describe('A few sentences for readers; shown under the name.');

/**
 * An enum whose every value says what it means, for hover help and completion in editors
 * (`enumDescriptions` and `markdownEnumDescriptions`, read by the YAML and JSON language
 * servers). The meanings are typed, so a value cannot be added without one.
 */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, meanings: { readonly [K in T[number]]: string }) {
  const described = values.map((v: T[number]) => meanings[v]);
  return z.enum(values).meta({ enumDescriptions: described, markdownEnumDescriptions: described });
}

/**
 * A reference to another element: a bare id, or `kind:id` where the bare id would be
 * ambiguous. Whether it resolves is checked against the whole model, not here.
 */
export const reference = z.string().min(1);

/** A list of references. */
export const references = z.array(reference);

/** Text that may also be written as a number (`version: 1.0`, `replicas: 3`), kept as text. */
export const text = z.union([z.string(), z.number()]).transform(String);

/** Only `http:` and `https:` URLs: a `javascript:` URL must never become a link. */
export const httpUrl = z.string().regex(/^https?:\/\/[^\s]+$/i, 'expected an http(s) URL');

/**
 * A relationship from a person or external system to an element it uses:
 * `{ target, description, protocol }`, or the bare id.
 */
export const relationship = z.union([
  reference,
  z.strictObject({
    target: reference.describe('The element used: a service, resource or external system, by id.'),
    description: z.string().optional().describe('What it uses it for; the label of the arrow in diagrams.'),
    protocol: z.string().optional().describe('How it talks to it: HTTPS, gRPC, SMTP …'),
  }),
]);

/** Text, or a list of texts (decision pros and cons, encryption). */
export const textOrList = z.union([z.string(), z.array(z.string())]);

export type Relationship = z.infer<typeof relationship>;

/** A calendar date written YYYY-MM-DD that exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'expected a date that exists');

/** Where an element or a relation stands in its life: what the architecture is, and what it is becoming. */
export const LIFECYCLES = ['proposed', 'planned', 'active', 'deprecated', 'retired'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const lifecycle = oneOf(LIFECYCLES, {
  proposed: 'Suggested, not decided: drawn dashed, in the target state only.',
  planned: 'Decided, not built yet: drawn dashed, in the target state only.',
  active: 'Built and in use (what an element without a lifecycle is).',
  deprecated: 'In use, on its way out: name what replaces it (`replacedBy`).',
  retired: 'No longer in use: kept for the record, drawn in no state.',
})
  .optional()
  .describe('Where it stands: proposed, planned, active (the default), deprecated or retired.');

export const replacedBy = reference.optional().describe('What replaces it, by id: a deprecated element names it, and the replacement’s page says so.');
