import { z } from 'zod';
import { elementDescription, elementId, isoDate, oneOf, reference, references } from './common.ts';

/** How likely, and how bad: the five steps of a risk matrix. */
export const RISK_LEVELS = ['very-low', 'low', 'medium', 'high', 'very-high'] as const;
export const RISK_STATUSES = ['open', 'mitigating', 'mitigated', 'accepted', 'closed'] as const;

const LEVEL_MEANINGS = {
  'very-low': 'The lowest of the five steps of the risk matrix.',
  low: 'The second of five steps.',
  medium: 'The middle of five steps.',
  high: 'The fourth of five steps.',
  'very-high': 'The highest of the five steps of the risk matrix.',
} as const;

/** `risks/`: what could go wrong, how likely and how bad, and what is done about it. */
export const riskSchema = z.strictObject({
  id: elementId,
  title: z.string().min(1).describe('What could go wrong, in a few words.'),
  description: elementDescription,
  likelihood: oneOf(RISK_LEVELS, LEVEL_MEANINGS).describe('How likely it is to happen: a row of the heat map.'),
  impact: oneOf(RISK_LEVELS, LEVEL_MEANINGS).describe('How bad it would be: a column of the heat map.'),
  mitigation: z.string().min(1).describe('What is done, or will be done, to make it less likely or less bad.'),
  owner: reference.optional().describe('Who answers for it: a team or a person, by id.'),
  status: oneOf(RISK_STATUSES, {
    open: 'Known, and nothing is done about it yet.',
    mitigating: 'The mitigation is under way.',
    mitigated: 'The mitigation is in place; what is left is accepted.',
    accepted: 'Taken on knowingly, without a mitigation.',
    closed: 'No longer a risk.',
  }).describe('Where the risk stands.'),
  review: isoDate.optional().describe('When it is looked at next, written YYYY-MM-DD.'),
  affects: references.optional().describe('The elements it threatens, by id: their pages list it.'),
});

export type RiskData = z.infer<typeof riskSchema>;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export type RiskStatus = (typeof RISK_STATUSES)[number];
