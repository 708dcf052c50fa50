import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../plugins/model/load.ts';
import { indexTable } from '../../plugins/pages/index-tables.ts';
import { constraintPage } from '../../plugins/pages/kinds/constraint.ts';
import { searchFacets } from '../../plugins/pages/page-meta.ts';
import { servicePage } from '../../plugins/pages/service-page.ts';
import { sectionOf } from '../../plugins/pages/view.ts';
import { ROOT } from '../helpers/build.ts';
import { siteOf } from '../helpers/site.ts';
import { BASE, writeTree } from '../helpers/tree.ts';

const loaded = await loadModel({ contentDir: path.join(ROOT, 'content') });
const site = siteOf({ ...loaded, model: loaded.model! }, { base: '/shop/' });

/** The kind added to prove a kind is one definition (issue #24): its model, its pages, its index and its facets. */
describe('constraints', () => {
  it('are in the example, which they keep free of diagnostics', () => {
    expect(loaded.diagnostics.filter((d) => d.file.includes('constraints/'))).toEqual([]);
    expect([...site.model.byKind.constraint.keys()]).toEqual([
      'company-kubernetes',
      'eu-data-residency',
      'no-card-data',
      'peak-season-freeze',
    ]);
  });

  it('keep what they bind, as written, and each bound element knows them', () => {
    const links = site.model.relations.links.get('constraint:eu-data-residency')!;
    expect(links.map((l) => `${l.field} ${l.target.kind}:${l.target.id}`)).toEqual([
      'binds service:user-service',
      'binds service:order-service',
      'binds resource:user-db',
      'binds resource:order-db',
      'binds deployment:production',
    ]);
    expect(site.model.relations.linkedFrom.get('service:order-service')).toEqual([
      { inverse: 'Constraints', from: { kind: 'constraint', id: 'eu-data-residency' } },
      { inverse: 'Constraints', from: { kind: 'constraint', id: 'peak-season-freeze' } },
    ]);
  });

  it('have a page: type, source, what they say and what they bind', () => {
    const page = constraintPage(site, 'no-card-data');
    expect(page.type).toEqual({ text: 'regulatory', variant: 'caution' });
    expect(page.source).toBe('PCI DSS v4.0, Self-Assessment Questionnaire A');
    expect(page.head.headings.map((h) => h.id)).toEqual(['constraint', 'binds']);
    expect(sectionOf(page.sections, 'binds')!.elements.map((e) => [e.text, e.href, e.kind])).toEqual([
      ['Payment Service', '/shop/services/payment-service/', 'Service'],
      ['Payment DB', '/shop/resources/payment-db/', 'Resource'],
      ['Web App', '/shop/services/web-app/', 'Service'],
      ['Mobile App', '/shop/services/mobile-app/', 'Service'],
    ]);
  });

  it('are listed on the pages of what they bind, in the table of contents too', () => {
    const head = servicePage(site, 'order-service').head;
    expect(head.sections.filter((s) => s.id.startsWith('linked-'))).toEqual([
      {
        id: 'linked-constraints',
        title: 'Constraints',
        linked: [
          { text: 'Customer personal data stays in the EU', href: '/shop/constraints/eu-data-residency/', kind: 'Constraint' },
          { text: 'No schema change to order events in peak season', href: '/shop/constraints/peak-season-freeze/', kind: 'Constraint' },
        ],
      },
    ]);
    expect(head.headings.map((h) => h.id)).toContain('linked-constraints');
    expect(servicePage(site, 'analytics-service').head.sections.filter((s) => s.id.startsWith('linked-'))).toEqual([]);
  });

  it('have an index, filtered by type, and search facets', () => {
    const table = indexTable(site, 'constraint');
    expect(table.columns.map((c) => [c.key, !!c.filter])).toEqual([
      ['name', false],
      ['type', true],
      ['source', false],
      ['binds', false],
    ]);
    expect(table.rows.map((r) => r.name!.text)).toEqual([
      'Customer personal data stays in the EU',
      'No card data in our systems',
      'No schema change to order events in peak season',
      "Services run on the company's Kubernetes platform",
    ]);
    const facets = searchFacets(site, site.model.byKind.constraint.get('no-card-data')!);
    expect(facets).toEqual([
      { name: 'kind', value: 'Constraint' },
      { name: 'domain', value: 'Payment Processing' },
      { name: 'domain', value: 'Storefront' },
    ]);
  });

  it('report what they bind that does not exist, with a did you mean, and a wrong type', async () => {
    const root = writeTree({
      ...BASE,
      'content/constraints/c.yaml': 'title: T\ntype: legal\nsource: S\n',
      'content/constraints/d.yaml': 'title: T\ntype: business\nsource: S\nbinds: [ordr]\n',
    });
    const { diagnostics } = await loadModel({ contentDir: 'content', cwd: root });
    expect(diagnostics.map((d) => [d.file, d.line, d.code])).toEqual([
      ['content/constraints/c.yaml', 2, 'invalid-value'],
      ['content/constraints/d.yaml', 4, 'unknown-reference'],
    ]);
    expect(diagnostics[1]!.message).toMatch(/bound element 'ordr'.*did you mean 'orders'/);
  });
});
