import { serviceTypeLabel } from '../../model/names.ts';
import { serviceDomain } from '../../model/queries.ts';
import { servicePage } from '../service-page.ts';
import { technologies } from '../technology.ts';
import { definePageKind } from './define.ts';
import { domainName, teamName } from './facet-names.ts';

export const servicePages = definePageKind<'service'>({
  page: servicePage,
  index: {
    table: (site, services, c) => ({
      noun: 'service',
      columns: [
        { key: 'name', label: 'Service' },
        { key: 'type', label: 'Type', filter: true },
        { key: 'domain', label: 'Domain', filter: true },
        { key: 'team', label: 'Team', filter: true },
        { key: 'language', label: 'Language', filter: true },
        { key: 'responsibility', label: 'Responsibility' },
      ],
      rows: services.map((s) => ({
        name: c.name(s),
        type: c.text(serviceTypeLabel(s.data.type)),
        domain: c.ref('domain', serviceDomain(site.model, s.id)),
        team: c.ref('team', s.data.owner),
        language: c.text(s.data.stack?.language),
        responsibility: c.text(s.data.responsibility),
      })),
    }),
  },
  facets: (site, el) => ({
    domain: [domainName(site, serviceDomain(site.model, el.id))],
    team: [teamName(site, el.data.owner)],
    technology: [el.data.stack?.language, el.data.stack?.framework, el.data.stack?.database].flatMap(technologies),
  }),
});
