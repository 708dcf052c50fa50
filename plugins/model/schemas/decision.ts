import { z } from 'zod';
import { id, isoDate, references, text, textOrList } from './common.ts';

export const DECISION_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;

/** `decisions/`: ADRs, optionally with the Technology Decision Template's fields. */
export const decisionSchema = z.strictObject({
  id: id.optional(),
  title: z.string().min(1),
  status: z.enum(DECISION_STATUSES),
  date: isoDate,
  deciders: z.array(z.string()).optional(),
  /** Older decisions this one replaces. */
  supersedes: references.optional(),
  /** Elements of any kind this decision shapes. */
  affects: references.optional(),
  // The Technology Decision Template.
  technology: z.string().optional(),
  purpose: z.string().optional(),
  alternatives: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        pros: textOrList.optional(),
        cons: textOrList.optional(),
        description: z.string().optional(),
      }),
    )
    .optional(),
  /** Why: prose, or the template's criteria (`team_expertise: High`). */
  rationale: z.union([z.string(), z.record(z.string(), z.union([text, z.boolean()]))]).optional(),
  risks: z.array(z.strictObject({ risk: z.string().min(1), mitigation: z.string().optional() })).optional(),
});

export type DecisionData = z.infer<typeof decisionSchema>;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
