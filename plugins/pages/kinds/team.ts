import { teamPage } from '../team-page.ts';
import { definePageKind } from './define.ts';

export const teamPages = definePageKind<'team'>({
  page: teamPage,
  index: {
    table: (site, teams, c) => ({
      noun: 'team',
      columns: [
        { key: 'name', label: 'Team' },
        { key: 'contact', label: 'Contact' },
        { key: 'domains', label: 'Domains' },
        { key: 'services', label: 'Services' },
      ],
      rows: teams.map((t) => {
        const owned = site.model.relations.owned.get(t.id) ?? [];
        return {
          name: c.name(t),
          contact: c.text(t.data.contact),
          domains: c.count(owned.filter((o) => o.kind === 'domain').length),
          services: c.count(owned.filter((o) => o.kind === 'service').length),
        };
      }),
    }),
  },
  facets: (_site, el) => ({ team: [el.data.name] }),
});
