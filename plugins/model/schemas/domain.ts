import { z } from 'zod';
import { elementDescription, elementId, elementName, lifecycle, oneOf, reference, replacedBy } from './common.ts';

export const DOMAIN_TYPES = ['core', 'supporting', 'generic'] as const;

/** `domains/`: bounded contexts. */
export const domainSchema = z.strictObject({
  id: elementId,
  name: elementName,
  type: oneOf(DOMAIN_TYPES, {
    core: 'The competitive advantage: built in house, with the most care.',
    supporting: 'Needed by the core, specific to the business, but no advantage in itself.',
    generic: 'A solved problem every business has: bought or taken off the shelf.',
  }).describe('What the domain is to the business, in domain-driven design terms.'),
  description: elementDescription,
  lifecycle,
  replacedBy,
  owner: reference.optional().describe('The team that owns the domain, by id.'),
});

export type DomainData = z.infer<typeof domainSchema>;
