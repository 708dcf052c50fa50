import { KIND_NAMES } from '../../plugins/model/kinds.ts';
import { actorPage } from '../../plugins/pages/actor-page.ts';
import { architecturePage } from '../../plugins/pages/architecture-page.ts';
import { decisionPage } from '../../plugins/pages/decision-page.ts';
import { deploymentPage } from '../../plugins/pages/deployment-page.ts';
import { domainPage } from '../../plugins/pages/domain-page.ts';
import { eventPage } from '../../plugins/pages/event-page.ts';
import { homePage } from '../../plugins/pages/home-page.ts';
import { kindIndexPage } from '../../plugins/pages/kind-index-page.ts';
import { resourcePage } from '../../plugins/pages/resource-page.ts';
import { servicePage } from '../../plugins/pages/service-page.ts';
import type { Site } from '../../plugins/pages/site.ts';
import { teamPage } from '../../plugins/pages/team-page.ts';

/** Every page of a site, as its page function returns it (docs pages aside: Starlight renders those). */
export function everyPage(site: Site): unknown[] {
  const { byKind } = site.model;
  return [
    homePage(site),
    architecturePage(site),
    ...KIND_NAMES.map((kind) => kindIndexPage(site, kind)),
    ...[...byKind.service.keys()].map((id) => servicePage(site, id)),
    ...[...byKind.domain.keys()].map((id) => domainPage(site, id)),
    ...[...byKind.event.keys()].map((id) => eventPage(site, id)),
    ...[...byKind.resource.keys()].map((id) => resourcePage(site, id)),
    ...[...byKind.deployment.keys()].map((id) => deploymentPage(site, id)),
    ...[...byKind.decision.keys()].map((id) => decisionPage(site, id)),
    ...[...byKind.team.keys()].map((id) => teamPage(site, id)),
    ...[...byKind.person.keys()].map((id) => actorPage(site, 'person', id)),
    ...[...byKind.system.keys()].map((id) => actorPage(site, 'system', id)),
  ];
}
