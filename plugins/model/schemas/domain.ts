import { z } from 'zod';
import { id, reference } from './common.ts';

export const DOMAIN_TYPES = ['core', 'supporting', 'generic'] as const;

/** `domains/`: bounded contexts. */
export const domainSchema = z.strictObject({
  id: id.optional(),
  name: z.string().min(1),
  /** Core domains are the competitive advantage; generic ones are commodity. */
  type: z.enum(DOMAIN_TYPES),
  description: z.string().optional(),
  owner: reference.optional(),
});

export type DomainData = z.infer<typeof domainSchema>;
