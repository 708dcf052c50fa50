import { z } from 'zod';
import { id, reference, text } from './common.ts';

/** `events/`: event contracts. Producers and consumers come from the services. */
export const eventSchema = z.strictObject({
  id: id.optional(),
  name: z.string().min(1),
  version: text.optional(),
  description: z.string().optional(),
  /** Topic or queue name. */
  channel: z.string().optional(),
  /** The broker resource. */
  broker: reference.optional(),
  /** JSON Schema of the payload: inline, or a path relative to this file. */
  schema: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).optional(),
  /** An example payload. */
  example: z.unknown().optional(),
});

export type EventData = z.infer<typeof eventSchema>;
