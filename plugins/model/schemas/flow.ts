import { z } from 'zod';
import { elementDescription, elementId, reference } from './common.ts';

/** One message of a flow: who sends what to whom. */
export const step = z.strictObject({
  from: reference.describe('Who sends the message: a person, external system, service or resource, by id.'),
  to: reference.describe('Who receives it, by id.'),
  message: z.string().min(1).describe('What is sent: "POST /oauth/token", "JWT".'),
  reply: z.boolean().optional().describe('true for an answer to an earlier message: drawn dashed.'),
});

/** `flows/`: a sequence of messages between elements, such as the authentication flow. */
export const flowSchema = z.strictObject({
  id: elementId,
  title: z.string().min(1).describe('What the flow does: "Authentication (OAuth 2.0 and JWT)".'),
  description: elementDescription,
  steps: z.array(step).min(1).describe('The messages, in order: drawn as a sequence diagram.'),
});

export type FlowData = z.infer<typeof flowSchema>;
