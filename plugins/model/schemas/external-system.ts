import { z } from 'zod';
import { httpUrl, id, relationship } from './common.ts';

/** `systems/`: external systems such as a payment gateway or an email provider. */
export const externalSystemSchema = z.strictObject({
  id: id.optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  url: httpUrl.optional(),
  /** What the external system calls in ours. */
  uses: z.array(relationship).optional(),
});

export type ExternalSystemData = z.infer<typeof externalSystemSchema>;
