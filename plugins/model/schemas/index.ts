import type { z } from 'zod';
import type { ElementKind } from '../kinds.ts';
import { decisionSchema } from './decision.ts';
import { deploymentSchema } from './deployment.ts';
import { docSchema } from './doc.ts';
import { domainSchema } from './domain.ts';
import { eventSchema } from './event.ts';
import { externalSystemSchema } from './external-system.ts';
import { flowSchema } from './flow.ts';
import { requirementSchema } from './requirement.ts';
import { riskSchema } from './risk.ts';
import { roleSchema } from './role.ts';
import { stakeholderSchema } from './stakeholder.ts';
import { personSchema } from './person.ts';
import { resourceSchema } from './resource.ts';
import { serviceSchema } from './service.ts';
import { teamSchema } from './team.ts';

export { systemSchema } from './system.ts';

/** The schema of each element kind. */
export const SCHEMAS = {
  person: personSchema,
  system: externalSystemSchema,
  team: teamSchema,
  domain: domainSchema,
  service: serviceSchema,
  resource: resourceSchema,
  event: eventSchema,
  deployment: deploymentSchema,
  decision: decisionSchema,
  doc: docSchema,
  stakeholder: stakeholderSchema,
  requirement: requirementSchema,
  risk: riskSchema,
  role: roleSchema,
  flow: flowSchema,
} as const satisfies Record<ElementKind, z.ZodType>;
