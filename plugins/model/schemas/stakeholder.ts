import { z } from 'zod';
import { elementDescription, elementId, elementName, oneOf, references } from './common.ts';

export const STAKE_LEVELS = ['low', 'medium', 'high'] as const;

const STAKE_MEANINGS = { low: 'Little.', medium: 'Some.', high: 'Much: keep them closely involved.' } as const;

/** `stakeholders/`: who has a stake in the system, and what they care about. */
export const stakeholderSchema = z.strictObject({
  id: elementId,
  name: elementName,
  description: elementDescription,
  concerns: z.array(z.string().min(1)).optional().describe('What they care about: cost, performance, compliance …'),
  influence: oneOf(STAKE_LEVELS, STAKE_MEANINGS).optional().describe('How much they can shape the system.'),
  interest: oneOf(STAKE_LEVELS, STAKE_MEANINGS).optional().describe('How much the system matters to them.'),
  represents: references.optional().describe('The people or teams who speak for them, by id.'),
});

export type StakeholderData = z.infer<typeof stakeholderSchema>;
