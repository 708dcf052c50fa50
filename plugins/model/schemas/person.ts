import { z } from 'zod';
import { id, relationship } from './common.ts';

/** `people/`: actors who use the system (customers, admins, operators). */
export const personSchema = z.strictObject({
  id: id.optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  /** What the person uses: services, resources or external systems. */
  uses: z.array(relationship).optional(),
});

export type PersonData = z.infer<typeof personSchema>;
