import type { Element, Model } from './model.ts';
import { placementsOf } from './queries.ts';
import type { ServiceData } from './schemas/service.ts';

const filled = (record: object | undefined) => !!record && Object.keys(record).length > 0;

/** The sections of the service design template, and when a service has filled each. */
export const TEMPLATE_SECTIONS: readonly {
  readonly id: string;
  readonly title: string;
  readonly filled: (s: ServiceData, facts: { readonly deployed: boolean }) => boolean;
}[] = [
  { id: 'responsibility', title: 'Responsibility', filled: (s) => s.responsibility.trim() !== '' },
  { id: 'bounded-context', title: 'Bounded context', filled: (s) => s.domain !== '' },
  { id: 'owner', title: 'Owner', filled: (s) => !!s.owner },
  { id: 'data-ownership', title: 'Data ownership', filled: (s) => !!(s.data?.entities?.length || s.data?.stores?.length) },
  {
    id: 'apis',
    title: 'APIs',
    filled: (s) =>
      !!(
        s.apis?.rest?.length ||
        s.apis?.grpc?.length ||
        s.apis?.rpc?.length ||
        s.apis?.openapi ||
        s.apis?.asyncapi ||
        s.apis?.proto ||
        s.apis?.graphql
      ),
  },
  { id: 'events', title: 'Events', filled: (s) => !!(s.events?.publishes?.length || s.events?.consumes?.length) },
  { id: 'dependencies', title: 'Dependencies', filled: (s) => !!s.dependencies?.length },
  { id: 'nfr', title: 'Non-functional requirements', filled: (s) => filled(s.nfr) },
  { id: 'stack', title: 'Technology stack', filled: (s) => filled(s.stack) },
  // Filled by the service's own `deployment` section, or by a deployment that runs it (its "Runs in").
  { id: 'deployment', title: 'Deployment', filled: (s, { deployed }) => filled(s.deployment) || deployed },
  { id: 'security', title: 'Security', filled: (s) => filled(s.security) },
  { id: 'monitoring', title: 'Monitoring', filled: (s) => filled(s.monitoring) },
];

export interface Completeness {
  /** Whole percent of the template's sections filled. */
  readonly percent: number;
  readonly filled: readonly string[];
  /** The titles of the sections left empty, in the template's order. */
  readonly missing: readonly string[];
}

/** How much of the service design template a service fills, in the model it is part of. */
export function completeness(service: Element<'service'>, model: Model): Completeness {
  const facts = { deployed: placementsOf(model, service.id).length > 0 };
  const done = TEMPLATE_SECTIONS.filter((section) => section.filled(service.data, facts));
  return {
    percent: Math.round((100 * done.length) / TEMPLATE_SECTIONS.length),
    filled: done.map((s) => s.title),
    missing: TEMPLATE_SECTIONS.filter((section) => !done.includes(section)).map((s) => s.title),
  };
}
