import { domainPage } from '../domain-page.ts';
import { definePageKind } from './define.ts';
import { teamName } from './facet-names.ts';

export const domainPages = definePageKind<'domain'>({
  page: domainPage,
  index: {
    table: (site, domains, c) => ({
      noun: 'domain',
      columns: [
        { key: 'name', label: 'Domain' },
        { key: 'type', label: 'Type', filter: true },
        { key: 'team', label: 'Owner', filter: true },
        { key: 'services', label: 'Services' },
        { key: 'events', label: 'Events' },
      ],
      rows: domains.map((d) => ({
        name: c.name(d),
        type: c.text(d.data.type),
        team: c.ref('team', d.data.owner),
        services: c.count(site.model.relations.domainServices.get(d.id)?.length ?? 0),
        events: c.count(site.model.relations.domainEvents.get(d.id)?.length ?? 0),
      })),
    }),
  },
  facets: (site, el) => ({ domain: [el.data.name], team: [teamName(site, el.data.owner)] }),
});
