import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitHistory } from '../../plugins/astro/git-history.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { changesPage } from '../../plugins/pages/changes-page.ts';
import { flowPage } from '../../plugins/pages/flow-page.ts';
import { indexTable } from '../../plugins/pages/index-tables.ts';
import { searchFacets } from '../../plugins/pages/page-meta.ts';
import { nfrPage } from '../../plugins/pages/nfr-page.ts';
import { permissionMatrixPage } from '../../plugins/pages/permission-matrix-page.ts';
import { requirementPage } from '../../plugins/pages/requirement-page.ts';
import { riskRegisterPage } from '../../plugins/pages/risk-register-page.ts';
import { scorecardPage } from '../../plugins/pages/scorecard-page.ts';
import { securityPage } from '../../plugins/pages/security-page.ts';
import { servicePage } from '../../plugins/pages/service-page.ts';
import { sectionOf } from '../../plugins/pages/view.ts';
import { traceabilityPage } from '../../plugins/pages/traceability-page.ts';
import { ROOT } from '../helpers/build.ts';
import { siteOf, testSite } from '../helpers/site.ts';
import { BASE, writeTree } from '../helpers/tree.ts';

const loaded = await loadModel({ contentDir: path.join(ROOT, 'content') });
const site = siteOf({ ...loaded, model: loaded.model! });

describe('the deliverables pages, on the bundled example', () => {
  it('the example has every new kind and checks clean', () => {
    expect(loaded.diagnostics).toEqual([]);
    for (const kind of ['stakeholder', 'requirement', 'risk', 'role', 'flow'] as const)
      expect(site.model.byKind[kind].size, kind).toBeGreaterThan(0);
  });

  it('traceability: a row per requirement, a column per satisfying element, ticks where traced', () => {
    const page = traceabilityPage(site);
    expect(page.rows).toHaveLength(site.model.byKind.requirement.size);
    expect(page.coverage).toBe(`${page.rows.length} of ${page.rows.length} requirements are satisfied by at least one element.`);
    const row = page.rows.find((r) => r.requirement.text === 'Checkout answers fast')!;
    const ticked = page.columns.filter((_, i) => row.cells[i]).map((c) => c.text);
    expect(ticked.sort()).toEqual(['API Gateway', 'Order Service', 'User Service']);
    expect(row.target).toBe('p99 latency: 200 ms');
  });

  it('risk register: each risk in its heat map cell, open ones apart from all, the most serious first, past reviews flagged, and the decisions’ risks linked', () => {
    const page = riskRegisterPage(site);
    const { open, all } = page.heatMaps;
    expect(all.rows.map((r) => r.likelihood)).toEqual(['Very high', 'High', 'Medium', 'Low', 'Very low']);
    expect(all.impacts).toEqual(['Very low', 'Low', 'Medium', 'High', 'Very high']);
    const low = all.rows.find((r) => r.likelihood === 'Low')!;
    expect(low.cells[4]!.risks.map((r) => r.text)).toEqual(['Breach of personal data']);
    expect(low.cells[4]!.rating.text).toBe('high');
    expect(all.rows[0]!.cells[4]!.rating).toEqual({ text: 'critical', variant: 'danger' });
    // The mitigated risk is plotted among all, not among the open ones.
    const plotted = (map: typeof open) => map.rows.flatMap((r) => r.cells.flatMap((c) => c.risks.map((l) => l.text))).sort();
    const mitigated = [...site.model.byKind.risk.values()].filter((r) => r.data.status === 'mitigated').map((r) => r.data.title);
    expect(mitigated.length).toBeGreaterThan(0);
    expect(plotted(all)).toEqual([...site.model.byKind.risk.values()].map((r) => r.data.title).sort());
    expect(plotted(open)).toEqual(plotted(all).filter((t) => !mitigated.includes(t)));
    expect([open.count, all.count]).toEqual([plotted(open).length, plotted(all).length]);
    expect(page.legend.map((l) => `${l.rating.text} ${l.scores}`)).toEqual(['critical 15–25', 'high 8–14', 'medium 4–7', 'low 1–3']);
    const scores = page.risks.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(page.risks[0]!.owner?.href).toMatch(/^\/teams\//);
    // On the site's day (2026-01-01 here), the review of 2025-01-15 is past; those of 2027 are not.
    expect(page.risks.filter((r) => r.review?.overdue).map((r) => r.review!.date)).toEqual(['2025-01-15']);
    expect(page.risks.filter((r) => r.review && !r.review.overdue)).toHaveLength(page.risks.length - 1);
    expect(page.decisionRisks.length).toBeGreaterThan(0);
    expect(page.decisionRisks.every((r) => r.decision.href.startsWith('/decisions/'))).toBe(true);
  });

  it('permission matrix: element × role, as the seed writes it', () => {
    const page = permissionMatrixPage(site);
    expect(page.roles.map((r) => r.text)).toEqual(['Admin', 'Guest', 'Manager', 'User']);
    const users = page.rows.find((r) => r.target.text === 'User Service')!;
    expect(users.cells.map((c) => c.access)).toEqual(['CRUD', '-', 'RU', 'R']);
    expect(users.cells[2]!.words).toBe('read, update');
    expect(users.cells[1]!.words).toBe('no access');
  });

  it('security overview: every service’s security section, and the services that declare none', async () => {
    const page = securityPage(site);
    expect(page.columns).toEqual(['Authentication', 'Authorization', 'Encryption', 'Secrets', 'Audit', 'Compliance']);
    // Each service once: in the table when it declares its security, named in the list when it does not.
    expect([...page.rows.map((r) => r.service.text), ...page.undeclared.map((s) => s.text)].sort()).toEqual(
      [...site.model.byKind.service.values()].map((s) => s.data.name).sort(),
    );
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.cells.some((c) => c !== ''))).toBe(true);
    expect(page.flows.map((f) => f.text)).toEqual(['Authentication (OAuth 2.0 and JWT)']);
    const bare = await testSite({ ...BASE });
    expect(securityPage(bare).undeclared.map((s) => s.text)).toEqual(['Billing', 'Orders']);
    expect(securityPage(bare).rows).toEqual([]);
  });

  it('NFRs and SLOs: one row per service, domain rollups with the weakest figure, and what is missing', async () => {
    const page = nfrPage(site);
    expect(page.table.rows).toHaveLength(site.model.byKind.service.size);
    expect(page.table.columns.map((c) => c.label)).toEqual(expect.arrayContaining(['Availability', 'p99 latency', 'Throughput', 'SLOs']));
    const storefront = page.domains.find((d) => d.domain.text === 'Storefront')!;
    expect(storefront.weakest.find((w) => w.label === 'Availability')).toMatchObject({ value: '99.95%', service: { text: 'Web App' } });
    expect(page.withoutSlo.map((s) => s.service.text)).toContain('Analytics Service');
    expect(page.withoutSlo.map((s) => s.service.text)).not.toContain('Order Service');
    // Where no service states any, one sentence says what to write, and there is no table of blanks.
    const none = nfrPage(await testSite({ ...BASE }));
    expect(none.empty).toMatch(/^No service states its non-functional requirements or SLOs yet\. Write them in a service’s nfr/);
    expect([none.table.rows, none.domains, none.withoutNfr]).toEqual([[], [], []]);
    expect(page.empty).toBeUndefined();
    const some = nfrPage(
      await testSite({ ...BASE, 'content/services/orders.yaml': `${BASE['content/services/orders.yaml']}nfr: { availability: 99.9% }\n` }),
    );
    expect(some.withoutNfr.map((s) => s.text)).toEqual(['Billing']);
  });

  it('scorecard: each service’s share of the template, least complete first, with domain and team averages', () => {
    const page = scorecardPage(site);
    const percents = page.services.map((s) => s.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(page.services[0]!.missing.length).toBeGreaterThan(0);
    const storefront = page.domains.find((d) => d.group.text === 'Storefront')!;
    const members = page.services.filter((s) => ['API Gateway', 'Mobile App', 'Web App'].includes(s.service.text)).map((s) => s.percent);
    expect(storefront.average).toBe(Math.round(members.reduce((a, b) => a + b, 0) / members.length));
    expect(sectionOf(servicePage(site, 'web-app').head.sections, 'completeness')).toMatchObject({
      percent: 75,
      missing: ['Data ownership', 'APIs', 'Events'],
    });
  });

  it('completeness and "Runs in" agree: a service a deployment runs has its deployment filled', async () => {
    const placed = await testSite({
      ...BASE,
      'content/deployments/prod.yaml': 'name: Prod\nnodes:\n  - { id: k8s, name: Cluster, instances: [{ service: orders }] }\n',
    });
    const orders = servicePage(placed, 'orders');
    expect(sectionOf(orders.sections, 'runs-in')?.placements.length ?? 0).toBeGreaterThan(0);
    expect(sectionOf(orders.head.sections, 'completeness')!.missing).not.toContain('Deployment');
    expect(sectionOf(servicePage(placed, 'billing').head.sections, 'completeness')!.missing).toContain('Deployment');
  });

  it('a requirement page says what falls short of its target', async () => {
    const strict = await testSite({
      ...BASE,
      'content/services/orders.yaml':
        'name: Orders\nresponsibility: Takes orders.\ndomain: shop\nevents:\n  publishes: [order.placed]\nnfr:\n  availability: 99.5%\n',
      'content/requirements/up.yaml':
        'title: Up\ntype: non-functional\ncategory: availability\ntarget: { metric: availability, value: 99.9, unit: "%" }\npriority: must\nstatus: accepted\nsatisfiedBy: [orders, billing]\n',
    });
    const { sections } = requirementPage(strict, 'up');
    expect(sectionOf(sections, 'target')!.shortfalls.map((s) => [s.service.text, s.declared])).toEqual([['Orders', 'availability: 99.5%']]);
    expect(sectionOf(sections, 'satisfied-by')!.elements.map((s) => s.text)).toEqual(['Billing', 'Orders']);
  });

  it('every element page says the requirements it satisfies, the risks to it and the flows it is in', () => {
    const traced = servicePage(site, 'order-service').head.sections;
    expect(sectionOf(traced, 'requirements')!.requirements.map((r) => r.text)).toContain('Checkout answers fast');
    expect(sectionOf(traced, 'known-risks')!.risks.map((r) => r.link.text)).toContain('Payment gateway outage');
    expect(sectionOf(traced, 'flows')!.flows.map((f) => f.text)).toEqual(['Authentication (OAuth 2.0 and JWT)']);
    const head = servicePage(site, 'order-service').head;
    expect(head.headings.map((h) => h.id)).toEqual(expect.arrayContaining(['requirements', 'known-risks', 'flows', 'completeness']));
  });

  it('new kinds have search facets and index tables', () => {
    const req = site.model.byKind.requirement.get('checkout-latency')!;
    const facets = searchFacets(site, req);
    expect(facets).toEqual(
      expect.arrayContaining([
        { name: 'kind', value: 'Requirement' },
        { name: 'status', value: 'verified' },
        { name: 'domain', value: 'Order Management' },
      ]),
    );
    const risk = site.model.byKind.risk.get('kafka-consumer-lag')!;
    expect(searchFacets(site, risk)).toEqual(
      expect.arrayContaining([
        { name: 'kind', value: 'Risk' },
        { name: 'team', value: 'Platform Team' },
      ]),
    );
    const table = indexTable(site, 'requirement');
    expect(table.columns.filter((c) => c.filter).map((c) => c.label)).toEqual(['Type', 'Category', 'Priority', 'Status']);
    expect(table.rows.find((r) => r.name?.text === 'Checkout answers fast')?.satisfiedBy?.links?.map((l) => l.text)).toEqual([
      'API Gateway',
      'Order Service',
      'User Service',
    ]);
    expect(indexTable(site, 'stakeholder').rows).toHaveLength(site.model.byKind.stakeholder.size);
  });

  it('a flow page lists its steps in order, each end linked', () => {
    const page = flowPage(site, 'authentication');
    const { steps } = sectionOf(page.sections, 'steps')!;
    expect(steps[0]).toMatchObject({ from: { text: 'Customer' }, to: { text: 'Web App' } });
    expect(steps.filter((s) => s.reply).length).toBeGreaterThan(0);
    expect(page.diagram?.text).toMatch(/^sequenceDiagram\n {2}autonumber\n {2}actor person_customer as Customer\n/);
  });
});

describe('what changed, from git', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=A', '-c', 'user.email=a@example.com', ...args], { cwd, stdio: 'pipe' });

  it('one entry per commit: elements added and removed, a decision’s status and a service’s dependencies changed', async () => {
    const root = writeTree({
      ...BASE,
      'content/decisions/0001-queue.md': '---\ntitle: A queue — café ☕\nstatus: proposed\ndate: 2024-01-01\n---\nWhy.\n',
      'content/teams/core.yaml': 'name: Core\n',
    });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'First');
    const decision = path.join(root, 'content/decisions/0001-queue.md');
    writeFileSync(decision, '---\ntitle: A queue — café ☕\nstatus: accepted\ndate: 2024-01-01\n---\nWhy.\n');
    writeFileSync(
      path.join(root, 'content/services/orders.yaml'),
      'name: Orders\nresponsibility: Takes orders.\ndomain: shop\nevents:\n  publishes: [order.placed]\ndependencies: [billing]\n',
    );
    writeFileSync(
      path.join(root, 'content/services/stock.yaml'),
      'name: Stock\nresponsibility: Counts.\ndomain: shop\napis: { openapi: stock.openapi.yaml }\n',
    );
    writeFileSync(
      path.join(root, 'content/services/stock.openapi.yaml'),
      'openapi: 3.0.3\ninfo: { title: Stock, version: "1" }\npaths: {}\n',
    );
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'Accept the queue; orders call billing; stock');
    // A team renamed (its file moved, its fields the same), and an event published.
    renameSync(path.join(root, 'content/teams/core.yaml'), path.join(root, 'content/teams/platform.yaml'));
    writeFileSync(
      path.join(root, 'content/services/billing.yaml'),
      `${readFileSync(path.join(root, 'content/services/billing.yaml'), 'utf8')}owner: platform\n`,
    );
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'Core is the platform team');
    const history = gitHistory(path.join(root, 'content'));
    expect(history.commits.map((c) => c.subject)).toEqual([
      'Core is the platform team',
      'Accept the queue; orders call billing; stock',
      'First',
    ]);
    expect(history.commits[0]!.changes).toEqual(
      expect.arrayContaining([
        { path: 'teams/platform.yaml', kind: 'team', what: 'renamed', details: ['renamed from core'] },
        { path: 'services/billing.yaml', kind: 'service', what: 'changed', details: ['owner: set to platform'] },
      ]),
    );
    expect(history.commits[0]!.changes.map((c) => c.path)).not.toContain('teams/core.yaml');
    // The commit before it, as the page reads it.
    const earlier = { ...history, commits: history.commits.slice(1) };
    const latest = earlier.commits[0]!.changes;
    expect(latest).toEqual(
      expect.arrayContaining([
        { path: 'decisions/0001-queue.md', kind: 'decision', what: 'changed', details: ['status: proposed → accepted'] },
        { path: 'services/orders.yaml', kind: 'service', what: 'changed', details: ['dependencies: + billing'] },
        { path: 'services/stock.yaml', kind: 'service', what: 'added', details: [] },
      ]),
    );
    const loadedTree = await loadModel({ contentDir: 'content', cwd: root });
    const page = changesPage({ ...siteOf({ ...loadedTree, model: loadedTree.model! }), history: { ...earlier, versions: new Map() } });
    const commits = page.days.flatMap((d) => d.commits);
    expect(commits[0]!.changes.map((c) => `${c.element.text} ${c.what}`)).toEqual(
      expect.arrayContaining(['A queue — café ☕ changed', 'Orders changed', 'Stock added']),
    );
    // The API description file is the Stock service's: said of it, linked.
    expect(commits[0]!.changes).toContainEqual({
      element: { text: 'Stock', href: '/services/stock/', kind: 'Service' },
      what: 'changed',
      details: ['its API description (stock.openapi.yaml) added'],
    });
    expect(commits).toHaveLength(2);
    // Both commits were made today: one day, newest first.
    expect(page.days).toHaveLength(1);
    expect(page.days[0]!.commits.map((c) => c.subject)).toEqual(['Accept the queue; orders call billing; stock', 'First']);
  });

  it('outside git: no history and a note, never an error', () => {
    const root = writeTree({ ...BASE });
    const history = gitHistory(path.join(root, 'content'));
    expect(history.commits).toEqual([]);
    expect(history.note).toMatch(/not in a git repository/);
  });
});
