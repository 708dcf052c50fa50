import { serviceDomain } from '../../model/queries.ts';
import { resourcePage } from '../resource-page.ts';
import { technologies } from '../technology.ts';
import { definePageKind } from './define.ts';
import { domainName } from './facet-names.ts';

export const resourcePages = definePageKind<'resource'>({
  page: resourcePage,
  index: {
    table: (site, resources, c) => ({
      noun: 'resource',
      columns: [
        { key: 'name', label: 'Resource' },
        { key: 'category', label: 'Category', filter: true },
        { key: 'type', label: 'Type', filter: true },
        { key: 'owners', label: 'Data owned by' },
        { key: 'users', label: 'Services using it' },
      ],
      rows: resources.map((r) => {
        const uses = site.model.relations.resourceUsers.get(r.id) ?? [];
        return {
          name: c.name(r),
          category: c.text(site.model.relations.categories.get(r.id)),
          type: c.text(r.data.type),
          owners: c.services(uses.filter((u) => u.via === 'store').map((u) => u.service)),
          users: c.count(new Set(uses.map((u) => u.service)).size),
        };
      }),
    }),
  },
  facets: (site, el) => ({
    technology: technologies(el.data.technology ?? el.data.type),
    domain: (site.model.relations.resourceUsers.get(el.id) ?? [])
      .filter((u) => u.via === 'store')
      .map((u) => domainName(site, serviceDomain(site.model, u.service))),
  }),
});
