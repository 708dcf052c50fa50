import { z } from 'zod';
import { id, references } from './common.ts';

export const STAKE_LEVELS = ['low', 'medium', 'high'] as const;

/** `stakeholders/`: who has a stake in the system, and what they care about. */
export const stakeholderSchema = z.strictObject({
  id: id.optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  /** What they care about: cost, performance, compliance … */
  concerns: z.array(z.string().min(1)).optional(),
  influence: z.enum(STAKE_LEVELS).optional(),
  interest: z.enum(STAKE_LEVELS).optional(),
  /** The people or teams who speak for them. */
  represents: references.optional(),
});

export type StakeholderData = z.infer<typeof stakeholderSchema>;
