import { z } from 'zod';
import { elementDescription, elementId, oneOf, references } from './common.ts';

export const REQUIREMENT_TYPES = ['functional', 'non-functional'] as const;
/** What a non-functional requirement is about. */
export const NFR_CATEGORIES = [
  'performance',
  'availability',
  'scalability',
  'security',
  'compliance',
  'recovery',
  'usability',
  'maintainability',
  'observability',
  'cost',
  'other',
] as const;
/** MoSCoW. */
export const PRIORITIES = ['must', 'should', 'could', 'wont'] as const;
export const REQUIREMENT_STATUSES = ['proposed', 'accepted', 'implemented', 'verified', 'rejected'] as const;

/** A measurable target: `{ metric: latency_p99, value: 200, unit: ms }`. */
export const target = z.strictObject({
  metric: z
    .string()
    .min(1)
    .describe('What is measured: a key of a service’s nfr (latency_p99, availability, throughput, rpo …), or any name.'),
  value: z.number().describe('The figure to meet: 200, 99.9.'),
  unit: z.string().min(1).describe('The unit of the value: ms, s, %, rps, min.'),
});

/** `requirements/`: what the system must do (functional) and how well (non-functional). */
export const requirementSchema = z
  .strictObject({
    id: elementId,
    title: z.string().min(1).describe('The requirement in a few words.'),
    type: oneOf(REQUIREMENT_TYPES, {
      functional: 'What the system must do: a user story with acceptance criteria.',
      'non-functional': 'How well it must do it: a quality with a measurable target.',
    }).describe('Functional or non-functional.'),
    description: elementDescription,
    story: z.string().optional().describe('A functional requirement’s user story: "As a customer, I want …, so that …".'),
    acceptance: z.array(z.string().min(1)).optional().describe('What must hold for it to be met: the acceptance criteria.'),
    category: oneOf(NFR_CATEGORIES, {
      performance: 'Response times and throughput.',
      availability: 'Uptime.',
      scalability: 'Growth in load and data.',
      security: 'Protection of data and access.',
      compliance: 'Laws, standards and audits: GDPR, PCI DSS.',
      recovery: 'Backups, recovery point and recovery time.',
      usability: 'How easy it is to use.',
      maintainability: 'How easy it is to change.',
      observability: 'Logs, metrics and traces.',
      cost: 'What it may cost to run.',
      other: 'Any other quality.',
    })
      .optional()
      .describe('A non-functional requirement’s quality (required for one).'),
    target: target.optional().describe('A non-functional requirement’s measurable target (required for one): { metric, value, unit }.'),
    priority: oneOf(PRIORITIES, {
      must: 'Must have: the release fails without it.',
      should: 'Should have: important, not vital.',
      could: 'Could have: desirable if there is room.',
      wont: 'Won’t have this time: agreed out of scope.',
    }).describe('MoSCoW priority.'),
    status: oneOf(REQUIREMENT_STATUSES, {
      proposed: 'Asked for, not yet agreed.',
      accepted: 'Agreed: to be built.',
      implemented: 'Built.',
      verified: 'Built and shown to meet its acceptance criteria or target.',
      rejected: 'Turned down; kept as a record.',
    }).describe('Where the requirement stands.'),
    satisfiedBy: references
      .optional()
      .describe('The elements that meet it, by id: services, domains, deployments, decisions … An accepted requirement without any is a warning.'),
    raisedBy: references.optional().describe('The stakeholders who asked for it, by id.'),
  })
  .superRefine((data, context) => {
    if (data.type !== 'non-functional') return;
    if (data.category === undefined)
      context.addIssue({
        code: 'custom',
        path: ['category'],
        message: 'a non-functional requirement needs a category (performance, availability …)',
      });
    if (data.target === undefined)
      context.addIssue({
        code: 'custom',
        path: ['target'],
        message: 'a non-functional requirement needs a measurable target: { metric, value, unit }',
      });
  });

export type RequirementData = z.infer<typeof requirementSchema>;
