import { z } from 'zod';
import { elementDescription, elementId, elementName, relationship } from './common.ts';

/** `people/`: actors who use the system (customers, admins, operators). */
export const personSchema = z.strictObject({
  id: elementId,
  name: elementName,
  description: elementDescription,
  uses: z
    .array(relationship)
    .optional()
    .describe('What the person uses: services, resources or external systems, each an id or { target, description, protocol }.'),
});

export type PersonData = z.infer<typeof personSchema>;
