import { z } from 'zod';
import { id, isoDate, reference, references } from './common.ts';

/** How likely, and how bad: the five steps of a risk matrix. */
export const RISK_LEVELS = ['very-low', 'low', 'medium', 'high', 'very-high'] as const;
export const RISK_STATUSES = ['open', 'mitigating', 'mitigated', 'accepted', 'closed'] as const;

/** `risks/`: what could go wrong, how likely and how bad, and what is done about it. */
export const riskSchema = z.strictObject({
  id: id.optional(),
  title: z.string().min(1),
  description: z.string().optional(),
  likelihood: z.enum(RISK_LEVELS),
  impact: z.enum(RISK_LEVELS),
  mitigation: z.string().min(1),
  /** Who answers for it: a team or a person. */
  owner: reference.optional(),
  status: z.enum(RISK_STATUSES),
  /** When it is looked at next. */
  review: isoDate.optional(),
  /** The elements it threatens. */
  affects: references.optional(),
});

export type RiskData = z.infer<typeof riskSchema>;
export type RiskLevel = (typeof RISK_LEVELS)[number];
