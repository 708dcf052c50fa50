import { z } from 'zod';
import { elementDescription, elementId, elementName, httpUrl, lifecycle, relationship, replacedBy } from './common.ts';

/** `systems/`: external systems such as a payment gateway or an email provider. */
export const externalSystemSchema = z.strictObject({
  id: elementId,
  name: elementName,
  description: elementDescription,
  lifecycle,
  replacedBy,
  url: httpUrl.optional().describe('Where to read about it: its documentation or status page.'),
  uses: z
    .array(relationship)
    .optional()
    .describe('What the external system calls in ours (webhooks, callbacks): each an id or { target, description, protocol }.'),
});

export type ExternalSystemData = z.infer<typeof externalSystemSchema>;
