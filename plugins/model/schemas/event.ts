import { z } from 'zod';
import { elementDescription, elementId, elementName, lifecycle, reference, replacedBy, text } from './common.ts';

/** `events/`: event contracts. Producers and consumers come from the services. */
export const eventSchema = z.strictObject({
  id: elementId,
  name: elementName,
  version: text.optional().describe('The version of the contract: 1, 1.2, v2.'),
  description: elementDescription,
  lifecycle,
  replacedBy,
  channel: z.string().optional().describe('The topic, queue or subject the event travels on.'),
  broker: reference.optional().describe('The resource that carries it (Kafka, RabbitMQ …), by id.'),
  schema: z
    .union([z.string().min(1), z.record(z.string(), z.unknown())])
    .optional()
    .describe('The JSON Schema of the payload: written inline, or the path of a .json or .yaml file relative to this one.'),
  example: z.unknown().optional().describe('An example payload, shown highlighted on the event’s page.'),
});

export type EventData = z.infer<typeof eventSchema>;
