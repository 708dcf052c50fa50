import { describe, expect, it } from 'vitest';
import { serviceDetail } from '../../plugins/diagrams/nodes.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { siteRoutes, FIXED_PAGES, HELP_ROUTE, REFERENCE_PAGES } from '../../plugins/model/routes.ts';
import { architecturePage } from '../../plugins/pages/architecture-page.ts';
import { decisionPage } from '../../plugins/pages/decision-page.ts';
import { deploymentPage } from '../../plugins/pages/deployment-page.ts';
import { domainPage } from '../../plugins/pages/domain-page.ts';
import { eventPage } from '../../plugins/pages/event-page.ts';
import { firstUses, glossaryHref, glossaryPage } from '../../plugins/pages/glossary.ts';
import { homePage } from '../../plugins/pages/home-page.ts';
import { nfrPage } from '../../plugins/pages/nfr-page.ts';
import { indexTable } from '../../plugins/pages/index-tables.ts';
import { docsPageFacets, searchFacets } from '../../plugins/pages/page-meta.ts';
import { resourcePage } from '../../plugins/pages/resource-page.ts';
import { servicePage } from '../../plugins/pages/service-page.ts';
import type { MessageMatrix } from '../../plugins/pages/message-matrix.ts';
import { sectionOf } from '../../plugins/pages/view.ts';
import { technologies } from '../../plugins/pages/technology.ts';
import { ROOT } from '../helpers/build.ts';
import { siteOf, testSite } from '../helpers/site.ts';
import path from 'node:path';

/** The bundled example, as the pages see it: what every page function is tested on first. */
const loaded = await loadModel({ contentDir: path.join(ROOT, 'content') });
const site = siteOf({ ...loaded, model: loaded.model! }, { base: '/shop/' });
const facet = (facets: { name: string; value: string }[], name: string) => facets.filter((f) => f.name === name).map((f) => f.value);

describe('page functions, on the bundled example', () => {
  it('architecture: the People table names the person of every row', () => {
    const rows = architecturePage(site).people.map((r) => [r.person.text, r.use.target.text, r.use.protocol]);
    expect(rows).toEqual(
      expect.arrayContaining([expect.arrayContaining(['Customer', 'Web App']), expect.arrayContaining(['Administrator', 'Web App'])]),
    );
    // Two people using the Web App read apart.
    const webApp = rows.filter(([, target]) => target === 'Web App').map(([person]) => person);
    expect(new Set(webApp).size).toBe(webApp.length);
    expect(webApp.length).toBeGreaterThan(1);
  });

  it('the API gateway is named the same everywhere: page badge, index table, architecture, diagrams', () => {
    expect(servicePage(site, 'api-gateway').type.text).toBe('API gateway');
    const row = indexTable(site, 'service').rows.find((r) => r.name?.text === 'API Gateway')!;
    expect(row.type!.text).toBe('API gateway');
    const listed = architecturePage(site)
      .domains.flatMap((d) => d.services)
      .find((s) => s.link.text === 'API Gateway')!;
    expect(listed.detail).toMatch(/^API gateway/);
    expect(serviceDetail(site.model.byKind.service.get('api-gateway')!)).toMatch(/^\[API gateway/);
  });

  it('a domain type has one badge colour on every page', () => {
    const variants = new Set<string>();
    for (const d of sectionOf(homePage(site).sections, 'domains')!.domains) if (d.type.text === 'core') variants.add(d.type.variant);
    for (const d of architecturePage(site).domains) if (d.type.text === 'core') variants.add(d.type.variant);
    variants.add(domainPage(site, 'order-management').type.variant);
    variants.add(sectionOf(servicePage(site, 'order-service').sections, 'bounded-context')!.type.variant);
    expect([...variants]).toEqual(['success']);
  });

  it('the home page counts every kind with the kind’s own word, one or many', async () => {
    const counts = sectionOf(homePage(site).sections, 'at-a-glance')!.counts.map((c) => c.text);
    expect(counts).toContain('4 pages');
    expect(counts).toContain('9 services');
    const one = await testSite({ 'content/system.yaml': 'name: S\n', 'content/docs/a.md': '---\ntitle: A\n---\nText.\n' });
    expect(sectionOf(homePage(one).sections, 'at-a-glance')!.counts.map((c) => c.text)).toEqual(['1 page']);
  });

  it('decision pages read as an ADR: purpose, the prose, then alternatives, rationale, risks; with the ADR number', () => {
    const prose = [
      { id: 'context', title: 'Context', depth: 2 },
      { id: 'decision', title: 'Decision', depth: 2 },
    ];
    const page = decisionPage(site, '0004-postgresql-primary-database', prose);
    expect(page.number).toBe('ADR 4');
    expect(page.head.headings.map((h) => h.id)).toEqual([
      'purpose',
      'context',
      'decision',
      'alternatives',
      'rationale',
      'risks',
      'affects',
    ]);
    expect(decisionPage(site, '0006-grpc-for-inventory-checks').supersedes.map((d) => d.number)).toEqual(['ADR 5']);
    const table = indexTable(site, 'decision');
    expect(table.columns[0]).toMatchObject({ key: 'number', label: 'ADR' });
    expect(table.rows.map((r) => r.number!.text)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    // One decision of the example has a review date: the index has a column for it.
    expect(table.columns.at(-1)).toMatchObject({ key: 'review', label: 'Review' });
    expect(table.rows.filter((r) => r.review).map((r) => r.review!.text)).toEqual(['2027-08-01']);
  });

  it('names deciders that are teams or people by their names, and says a review past due in the index and on the page', async () => {
    const small = await testSite(
      {
        'content/system.yaml': 'name: S\n',
        'content/teams/core.yaml': 'name: Core Team\n',
        'content/decisions/0001-a.md':
          '---\ntitle: A\nstatus: accepted\ndate: 2025-01-01\nreview: 2025-06-01\ndeciders: [core, Dana]\n---\n',
      },
      { today: '2025-07-01' },
    );
    const page = decisionPage(small, '0001-a');
    expect(page.deciders).toEqual(['Core Team', 'Dana']);
    expect(page.review).toEqual({ date: '2025-06-01', overdue: true });
    expect(indexTable(small, 'decision').rows[0]!.review!.text).toBe('2025-06-01 (overdue)');
    expect(sectionOf(homePage(small).sections, 'needs-attention')!.items.map((a) => `${a.link.text} ${a.review}`)).toEqual([
      'A 2025-06-01',
    ]);
    expect(homePage(small).headings.map((h) => h.id)).toContain('needs-attention');
  });

  it('index tables link producers, consumers and owners, keep dates and numbers on one line, and sort by name', () => {
    const events = indexTable(site, 'event');
    const created = events.rows.find((r) => r.id!.text === 'order.created')!;
    expect(created.producers!.links).toEqual([{ text: 'Order Service', href: '/shop/services/order-service/', kind: 'Service' }]);
    expect(created.consumers!.links!.map((l) => l.href)).toContain('/shop/services/notification-service/');
    expect(indexTable(site, 'decision').rows.every((r) => r.date!.nowrap)).toBe(true);
    const resources = indexTable(site, 'resource').rows.map((r) => r.name!.text);
    expect(resources).toEqual([...resources].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    // The model holds them by id: the table is not in that order.
    expect(resources).not.toEqual([...site.model.byKind.resource.values()].map((r) => r.data.name));
    const owners = indexTable(site, 'resource').rows.find((r) => r.name!.text === 'Order DB')?.owners;
    expect(owners?.links?.[0]?.href ?? '').toMatch(/^\/shop\/services\//);
  });

  it('search facets: technologies, not the text as written; docs pages have their kind', () => {
    const db = site.model.byKind.resource.get('order-db')!;
    expect(facet(searchFacets(site, db), 'technology')).toEqual(['Amazon RDS', 'PostgreSQL']);
    const all = [...site.model.elements].flatMap((el) => facet(searchFacets(site, el), 'technology'));
    expect(all.filter((t) => /\d\.\d|\s\d+$|\(|,/.test(t))).toEqual([]);
    expect(docsPageFacets('docs/requirements')).toEqual([{ name: 'kind', value: 'Page' }]);
    expect(docsPageFacets('services/order-service')).toEqual([]);
    expect(technologies('none (DB-less mode, declarative config)')).toEqual([]);
    expect(technologies('Go 1.21')).toEqual(['Go']);
  });

  it('a deployment says its counts with spaces and the right words', () => {
    expect(deploymentPage(site, 'production').summary).toMatch(/^\d+ service instances?, \d+ resources?, \d+ replicas? in all\.$/);
  });

  it('a domain page lists related domains, from calls and events both ways, computed by its page function', () => {
    const related = sectionOf(domainPage(site, 'order-management').sections, 'related-domains')!.domains;
    expect(related.map((r) => r.domain.text)).toEqual([...related.map((r) => r.domain.text)].sort());
    expect(related.find((r) => r.domain.text === 'Notifications')?.how).toMatch(/publishes events to/);
  });

  it('a service page orders its async sources by name and leaves out dangling ids', () => {
    const page = sectionOf(servicePage(site, 'notification-service').sections, 'dependencies')!;
    const names = page.asyncSources.map((s) => s.text);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(page.asyncSources.every((s) => s.href.startsWith('/shop/services/'))).toBe(true);
  });

  it('an event page reads its schema from the site (read once by the check), not from disk', () => {
    const { schema } = sectionOf(eventPage(site, 'order.created').sections, 'schema')!;
    expect(schema.rows.length).toBeGreaterThan(0);
    expect(schema.file!.href).toBe('/shop/files/events/order.created.schema.json');
    const empty = eventPage({ ...site, files: new Map() }, 'order.created');
    expect(sectionOf(empty.sections, 'schema')!.schema.rows).toEqual([]);
  });

  it('an event page says which fields each consumer reads, where it says so', () => {
    const { services } = sectionOf(eventPage(site, 'order.created').sections, 'consumers')!;
    expect(services.map((s) => [s.text, s.reads])).toEqual([
      ['Analytics Service', undefined],
      ['Notification Service', ['data.order_id', 'data.user_id', 'data.total', 'data.currency']],
      ['Product Service', undefined],
    ]);
  });

  it('a resource page lists its users by name', () => {
    const users = sectionOf(resourcePage(site, 'kafka').sections, 'used-by')!.users.map((u) => u.service.text);
    expect(users).toEqual([...users].sort((a, b) => a.localeCompare(b)));
  });

  it('a glossary of the terms stakeholders meet, in alphabetical order, that every domain type and the NFR page link into', async () => {
    const page = glossaryPage(site);
    const terms = page.terms.map((t) => t.term);
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(terms).toEqual(
      expect.arrayContaining([
        'Bounded context',
        'Service level objective (SLO)',
        'Recovery point objective (RPO)',
        'Recovery time objective (RTO)',
      ]),
    );
    const anchors = new Set(page.terms.map((t) => `/shop/glossary/#${t.id}`));
    for (const type of ['core', 'supporting', 'generic']) expect(anchors.has(glossaryHref(`${type}-domain`, '/shop/')), type).toBe(true);
    const domain = [...site.model.byKind.domain.keys()][0]!;
    expect(anchors.has(domainPage(site, domain).typeHref)).toBe(true);
    for (const term of nfrPage(site).terms) expect(anchors.has(term.href), term.text).toBe(true);
  });

  it('links the first use of each glossary term on a page, and only the first', () => {
    const term = firstUses('/shop/');
    expect(['Availability', 'Throughput', 'p99 latency', 'availability', 'P95 latency', 'SLOs', 'RPO'].map(term)).toEqual([
      '/shop/glossary/#availability',
      undefined,
      '/shop/glossary/#latency',
      undefined,
      undefined,
      '/shop/glossary/#slo',
      '/shop/glossary/#rpo',
    ]);
    const { sections } = servicePage(site, 'order-service');
    const fieldsOf = (id: 'nfr' | 'security' | 'monitoring') => sectionOf(sections, id)?.fields ?? [];
    const linked = [...fieldsOf('nfr'), ...fieldsOf('security'), ...fieldsOf('monitoring')].filter((f) => f.term);
    expect(linked.map((f) => f.label)).toEqual(['p99 latency', 'Availability', 'SLOs']);
    expect(fieldsOf('nfr').find((f) => f.label === 'SLOs')!.value).toBe('Availability: 99.9% over 30d; Latency: p99 under 200ms over 30d');
    expect(sectionOf(sections, 'bounded-context')!.typeHref).toBe('/shop/glossary/#core-domain');
    const anchors = new Set(glossaryPage(site).terms.map((t) => `/shop/glossary/#${t.id}`));
    for (const f of linked) expect(anchors.has(f.term!), f.label).toBe(true);
  });

  it('one route table: every fixed page is a route the check knows, and archsite’s own pages are not', () => {
    const routes = siteRoutes(site.model);
    for (const page of FIXED_PAGES) expect(routes.has(page.route), page.route).toBe(true);
    // archsite's own reference and the help page can be left out of a site: the content may not link to them.
    for (const page of REFERENCE_PAGES) expect(routes.has(page.route), page.route).toBe(false);
    expect(routes.has(HELP_ROUTE)).toBe(false);
  });
});

describe('messaging, drawn and listed as it flows', async () => {
  // Ordering publishes two events and consumes one; Basket only consumes; Payment publishes one and consumes one.
  const broker = await testSite({
    'content/system.yaml': 'name: Shop\n',
    'content/domains/shop.yaml': 'name: Shop\ntype: core\n',
    'content/domains/pay.yaml': 'name: Pay\ntype: supporting\n',
    'content/resources/bus.yaml': 'name: Event bus\ntype: rabbitmq\n',
    'content/services/ordering.yaml':
      'name: Ordering API\nresponsibility: Orders.\ndomain: shop\nevents: { publishes: [order.started, order.paid], consumes: [payment.succeeded] }\n',
    'content/services/basket.yaml': 'name: Basket API\nresponsibility: Baskets.\ndomain: shop\nevents: { consumes: [order.started] }\n',
    'content/services/payment.yaml':
      'name: Payment API\nresponsibility: Pays.\ndomain: pay\nevents: { publishes: [payment.succeeded], consumes: [order.started, order.paid] }\n',
    'content/events/order.started.yaml': 'name: Order started\nbroker: bus\n',
    'content/events/order.paid.yaml': 'name: Order paid\nbroker: bus\n',
    'content/events/payment.succeeded.yaml': 'name: Payment succeeded\nbroker: bus\n',
  });

  it("a broker's users: what each publishes apart from what it consumes, each counted", () => {
    expect(sectionOf(resourcePage(broker, 'bus').sections, 'used-by')!.users.map((u) => [u.service.text, u.how])).toEqual([
      ['Basket API', 'consumes order.started'],
      ['Ordering API', 'publishes 2: order.paid, order.started; consumes payment.succeeded'],
      ['Payment API', 'publishes payment.succeeded; consumes 2: order.paid, order.started'],
    ]);
  });

  it('who sends to whom, for a broker and for a domain', () => {
    const table = (m: MessageMatrix | undefined) => {
      if (m?.form !== 'grid') throw new Error(`a grid, not ${m?.form}`);
      return [
        ['', ...m.consumers.map((c) => c.text)],
        ...m.producers.map((p, i) => [p.text, ...m.cells[i]!.map((events) => events.map((e) => e.text).join(' '))]),
      ];
    };
    expect(table(sectionOf(resourcePage(broker, 'bus').sections, 'who-sends-to-whom')?.matrix)).toEqual([
      ['', 'Basket API', 'Ordering API', 'Payment API'],
      ['Ordering API', 'Order started', '', 'Order paid Order started'],
      ['Payment API', '', 'Payment succeeded', ''],
    ]);
    expect(table(sectionOf(domainPage(broker, 'shop').sections, 'who-sends-to-whom')?.matrix)).toEqual([
      ['', 'Basket API', 'Payment API'],
      ['Ordering API', 'Order started', 'Order paid Order started'],
    ]);
    expect(domainPage(broker, 'shop').head.headings.map((h) => h.id)).toContain('who-sends-to-whom');
  });

  it('who sends to whom, past the size of a grid: each sender once, with whom it sends to and what', async () => {
    // The hub's tick reaches 13 services, one column too many for a grid; s01 also sends tock to s02.
    const consumers = Array.from({ length: 13 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);
    const wide = await testSite({
      'content/system.yaml': 'name: Wide\n',
      'content/domains/d.yaml': 'name: D\ntype: core\n',
      'content/resources/bus.yaml': 'name: Bus\ntype: kafka\n',
      'content/services/hub.yaml': 'name: Hub\nresponsibility: Ticks.\ndomain: d\nevents: { publishes: [tick] }\n',
      ...Object.fromEntries(
        consumers.map((id) => [
          `content/services/${id}.yaml`,
          `name: Service ${id}\nresponsibility: Listens.\ndomain: d\nevents: { consumes: [tick${id === 's02' ? ', tock' : ''}]${id === 's01' ? ', publishes: [tock]' : ''} }\n`,
        ]),
      ),
      'content/events/tick.yaml': 'name: Tick\nbroker: bus\n',
      'content/events/tock.yaml': 'name: Tock\nbroker: bus\n',
      'content/events/lost.yaml': 'name: Lost\nbroker: bus\n',
    });
    const matrix = sectionOf(resourcePage(wide, 'bus').sections, 'who-sends-to-whom')?.matrix;
    if (matrix?.form !== 'list') throw new Error(`a list, not ${matrix?.form}`);
    expect(matrix.caption).toMatch(/^2 services send events to 13, too many for a grid/);
    const rows = matrix.senders.flatMap(({ sender, receivers }) =>
      receivers.map(({ receiver, events }) => [sender.text, receiver.text, events.map((e) => e.text).join(' ')]),
    );
    expect(rows).toEqual([
      ['Hub', 'Service s01', 'Tick'],
      ['Hub', 'Service s02', 'Tick'],
      ...consumers.slice(2).map((id) => ['Hub', `Service ${id}`, 'Tick']),
      ['Service s01', 'Service s02', 'Tock'],
    ]);
    expect(matrix.senders.map((s) => s.sender.href)).toEqual(['/services/hub/', '/services/s01/']);
    expect(matrix.unmatched.map((e) => e.text)).toEqual(['Lost']);
  });
});
