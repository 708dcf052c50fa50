import { z } from 'zod';
import { id, reference } from './common.ts';

/** One message of a flow: who sends what to whom. */
export const step = z.strictObject({
  /** The sender and the receiver: people, external systems, services or resources. */
  from: reference,
  to: reference,
  message: z.string().min(1),
  /** An answer to an earlier message: drawn dashed. */
  reply: z.boolean().optional(),
});

/** `flows/`: a sequence of messages between elements, such as the authentication flow. */
export const flowSchema = z.strictObject({
  id: id.optional(),
  title: z.string().min(1),
  description: z.string().optional(),
  steps: z.array(step).min(1),
});

export type FlowData = z.infer<typeof flowSchema>;
