import { deploymentPage } from '../deployment-page.ts';
import { definePageKind } from './define.ts';

export const deploymentPages = definePageKind<'deployment'>({
  page: deploymentPage,
  index: {
    table: (site, deployments, c) => ({
      noun: 'deployment',
      columns: [
        { key: 'name', label: 'Deployment' },
        { key: 'description', label: 'Description' },
        { key: 'services', label: 'Services' },
      ],
      rows: deployments.map((d) => ({
        name: c.name(d),
        description: c.text(d.data.description),
        services: c.count(
          new Set(
            [...site.model.relations.placements]
              .filter(([k, ps]) => k.startsWith('service:') && ps.some((p) => p.deployment === d.id))
              .map(([k]) => k),
          ).size,
        ),
      })),
    }),
  },
});
