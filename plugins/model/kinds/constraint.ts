import { z } from 'zod';
import { elementDescription, elementId, oneOf, references } from '../schemas/common.ts';
import { defineKind, quote } from './define.ts';

export const CONSTRAINT_TYPES = ['technical', 'business', 'regulatory'] as const;

/** `constraints/`: what the architecture must hold to, whatever is decided (the seed's "Constraints"). */
export const constraintSchema = z.strictObject({
  id: elementId,
  title: z.string().min(1).describe('What must hold, in a few words: "Customer data stays in the EU".'),
  type: oneOf(CONSTRAINT_TYPES, {
    technical: 'A technology mandate, a legacy system to integrate, an infrastructure limit, what the teams can run.',
    business: 'A budget, a deadline, a contract, an organisational rule.',
    regulatory: 'A law, a regulation or a standard the system must comply with.',
  }).describe('Where it comes from: technical, business or regulatory.'),
  description: elementDescription,
  source: z.string().min(1).describe('Who or what imposes it: a regulation and its article, a contract, a mandate, a URL.'),
  binds: references.optional().describe('The elements it binds, by id: their pages list it under Constraints.'),
});

export type ConstraintData = z.infer<typeof constraintSchema>;

/** A constraint: technical, business or regulatory, with its source and the elements it binds. */
export const constraint = defineKind({
  kind: 'constraint',
  folder: 'constraints',
  label: 'Constraint',
  plural: 'Constraints',
  sidebar: { position: 75 },
  schema: constraintSchema,
  references: { binds: { kinds: 'any', role: 'bound element', inverse: 'Constraints' } },
  resolve: (el, r) => {
    el.data.binds?.forEach((raw, i) => r.ref('binds', ['binds', i], raw));
  },
  scaffold: {
    extension: 'yaml',
    text: (c) => `# A constraint: what the architecture must hold to, whatever is decided.
title: ${quote(c.name)}
# technical | business | regulatory
type: technical
# description: What it rules out, and what it means for the design.
source: Who or what imposes it (a regulation and its article, a contract, a mandate).
${c.service ? `binds: [${c.service}]` : '# binds: [<element id>]'}
`,
  },
});
