import { z } from 'zod';
import { id, references } from './common.ts';

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
  /** What is measured: a key of a service's `nfr` (latency_p99, availability, throughput, rpo ...) or any name. */
  metric: z.string().min(1),
  value: z.number(),
  unit: z.string().min(1),
});

/** `requirements/`: what the system must do (functional) and how well (non-functional). */
export const requirementSchema = z
  .strictObject({
    id: id.optional(),
    title: z.string().min(1),
    type: z.enum(REQUIREMENT_TYPES),
    description: z.string().optional(),
    /** A functional requirement's user story: "As a customer, I want …, so that …". */
    story: z.string().optional(),
    /** What must hold for it to be met. */
    acceptance: z.array(z.string().min(1)).optional(),
    /** A non-functional requirement's quality. */
    category: z.enum(NFR_CATEGORIES).optional(),
    target: target.optional(),
    priority: z.enum(PRIORITIES),
    status: z.enum(REQUIREMENT_STATUSES),
    /** The elements that meet it: services, domains, deployments, decisions ... */
    satisfiedBy: references.optional(),
    /** The stakeholders who asked for it. */
    raisedBy: references.optional(),
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
