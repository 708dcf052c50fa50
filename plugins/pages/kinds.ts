import type { ElementKind } from '../model/kinds.ts';
import { personPages, systemPages } from './kinds/actor.ts';
import { constraintPages } from './kinds/constraint.ts';
import { decisionPages } from './kinds/decision.ts';
import type { PageKindDefinition } from './kinds/define.ts';
import { deploymentPages } from './kinds/deployment.ts';
import { docPages } from './kinds/doc.ts';
import { domainPages } from './kinds/domain.ts';
import { eventPages } from './kinds/event.ts';
import { flowPages } from './kinds/flow.ts';
import { requirementPages } from './kinds/requirement.ts';
import { resourcePages } from './kinds/resource.ts';
import { riskPages } from './kinds/risk.ts';
import { rolePages } from './kinds/role.ts';
import { servicePages } from './kinds/service.ts';
import { stakeholderPages } from './kinds/stakeholder.ts';
import { teamPages } from './kinds/team.ts';

/**
 * The page layer's part of every kind (the model's part is model/kinds.ts): a kind the model
 * registers and this does not is a compile error.
 */
export const PAGE_KINDS: { readonly [K in ElementKind]: PageKindDefinition<K> } = {
  person: personPages,
  system: systemPages,
  team: teamPages,
  domain: domainPages,
  service: servicePages,
  resource: resourcePages,
  event: eventPages,
  deployment: deploymentPages,
  decision: decisionPages,
  doc: docPages,
  stakeholder: stakeholderPages,
  requirement: requirementPages,
  risk: riskPages,
  role: rolePages,
  flow: flowPages,
  constraint: constraintPages,
};

/** A kind's page part, typed by its kind. */
export function pageKind<K extends ElementKind>(kind: K): PageKindDefinition<K> {
  return PAGE_KINDS[kind];
}
