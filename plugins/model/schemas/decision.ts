import { z } from 'zod';
import { elementId, isoDate, oneOf, references, text, textOrList } from './common.ts';

export const DECISION_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;

/** `decisions/`: ADRs, optionally with the Technology Decision Template's fields. */
export const decisionSchema = z.strictObject({
  id: elementId,
  title: z.string().min(1).describe('What was decided, as a short title: "Use Kafka for domain events".'),
  status: oneOf(DECISION_STATUSES, {
    proposed: 'Under discussion: not yet in force.',
    accepted: 'In force.',
    rejected: 'Considered and turned down; kept as a record.',
    deprecated: 'No longer in force, and nothing replaces it.',
    superseded: 'Replaced by a newer decision, which names this one in its supersedes.',
  }).describe('Where the decision stands.'),
  date: isoDate.describe('When it was decided (or proposed), written YYYY-MM-DD.'),
  review: isoDate
    .optional()
    .describe('When it is looked at again, written YYYY-MM-DD: past it, an accepted or proposed decision is flagged for review.'),
  deciders: z.array(z.string()).optional().describe('Who decided, by name or role.'),
  supersedes: references.optional().describe('The older decisions this one replaces, by id.'),
  affects: references.optional().describe('The elements of any kind this decision shapes, by id: their pages list it.'),
  technology: z.string().optional().describe('The technology chosen (Technology Decision Template).'),
  purpose: z.string().optional().describe('What the technology is for (Technology Decision Template).'),
  alternatives: z
    .array(
      z.strictObject({
        name: z.string().min(1).describe('The option considered.'),
        pros: textOrList.optional().describe('What speaks for it: a text or a list.'),
        cons: textOrList.optional().describe('What speaks against it: a text or a list.'),
        description: z.string().optional().describe('The option in a few words.'),
      }),
    )
    .optional()
    .describe('The options considered, with their pros and cons.'),
  rationale: z
    .union([z.string(), z.record(z.string(), z.union([text, z.boolean()]))])
    .optional()
    .describe('Why: prose, or the template’s criteria (team_expertise: High, community_support: Strong …).'),
  risks: z
    .array(
      z.strictObject({
        risk: z.string().min(1).describe('What could go wrong because of this decision.'),
        mitigation: z.string().optional().describe('What is done about it.'),
      }),
    )
    .optional()
    .describe('The risks the decision brings, each with its mitigation.'),
});

export type DecisionData = z.infer<typeof decisionSchema>;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
