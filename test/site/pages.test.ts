import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, it } from 'vitest';
import { FACTS_BASE, factsSite, hrefs, page, section, text, texts, type BuildRun } from '../helpers/build.ts';

/**
 * Builds a small architecture (not the bundled example) under a GitHub Pages base and
 * checks the facts its pages must show: every relation computed from the whole model.
 */
const BASE = FACTS_BASE;
let site: BuildRun;

beforeAll(() => {
  site = factsSite('chromium');
  expect(site.stderr).not.toMatch(/error/i);
  expect(site.code).toBe(0);
});

describe('the site', () => {
  it('carries none of archsite’s own manual unless asked for (ARCHSITE_REFERENCE=1, as `npm run docs` builds)', () => {
    expect(existsSync(path.join(site.out, 'reference'))).toBe(false);
    expect(existsSync(path.join(site.out, 'help/index.html'))).toBe(true);
  });
});

describe('a register', () => {
  it('is not painted before its table has been read to the end: its columns do not widen as rows come in', () => {
    const tree = page(site.out, 'services');
    const expectLinks = selectAll('head link[rel="expect"]', tree);
    expect(expectLinks.map((l) => [l.properties.href, String(l.properties.blocking)])).toEqual([['#archsite-content-end', 'render']]);
    // The mark it waits for comes after the register's table, in the page's content.
    const html = readFileSync(path.join(site.out, 'services/index.html'), 'utf8');
    const end = html.indexOf('id="archsite-content-end"');
    expect(end).toBeGreaterThan(html.lastIndexOf('</table>'));
    expect(html.lastIndexOf('</table>')).toBeGreaterThan(0);
    // A page that is read as it comes (a service) is painted as it comes.
    expect(selectAll('head link[rel="expect"]', page(site.out, 'services/loans'))).toEqual([]);
  });
});

describe('service page', () => {
  it('expands the template in order and omits what the YAML leaves out', () => {
    const loans = page(site.out, 'services/loans');
    const sections = texts(loans, 'section[data-section] > .sl-heading-wrapper h2');
    expect(sections).toEqual([
      'Responsibility',
      'Bounded context',
      'Data ownership',
      'Events published',
      'Dependencies',
      'Non-functional requirements',
      'Technology stack',
      'Called by',
      'Consumers of its events',
      'Runs in',
      'Decisions',
      // What archsite adds after the template: its share of the template, and its history
      // from git when the content has one.
      'Template completeness',
      ...(sections.includes('What changed') ? ['What changed'] : []),
    ]);
    expect(text(loans, 'h1')).toBe('Loans');
  });

  it('lists who calls it: services, people and external systems', () => {
    expect(hrefs(section(page(site.out, 'services/loans'), 'called-by'), 'li a')).toEqual([`${BASE}services/lending-api/`]);
    expect(hrefs(section(page(site.out, 'services/catalogue'), 'called-by'), 'li a')).toEqual([
      `${BASE}people/librarian/`,
      `${BASE}systems/isbn-registry/`,
      `${BASE}services/lending-api/`,
    ]);
    expect(texts(section(page(site.out, 'services/lending-api'), 'called-by'), 'li')).toEqual([
      'Member Person over HTTPS: Borrows and returns books',
    ]);
  });

  it('lists the consumers of its events, where it runs and the decisions that affect it', () => {
    const loans = page(site.out, 'services/loans');
    expect(texts(section(loans, 'event-consumers'), 'li')).toEqual(['loan.created → Catalogue, Notifier', 'loan.overdue → Notifier']);
    expect(texts(section(loans, 'runs-in'), 'li')).toEqual(['Cloud: Region › Cluster × 3 replicas']);
    expect(texts(section(loans, 'decisions'), 'li a')).toEqual(['Use gRPC between the API and Loans']);
  });

  it('renders the prose body with links rewritten to pages under the base', () => {
    const loans = page(site.out, 'services/loans');
    expect(hrefs(section(loans, 'responsibility'), 'p a')).toEqual([`${BASE}docs/rules/`, `${BASE}events/loan.created/`]);
  });

  it('shows APIs with normalised methods, and synchronous and asynchronous dependencies', () => {
    const api = page(site.out, 'services/lending-api');
    expect(texts(section(api, 'apis'), 'tbody tr')).toEqual(['POST /loans Borrow a book']);
    expect(texts(section(api, 'dependencies'), 'tbody tr')).toEqual(['Catalogue Service', 'Loans Service gRPC Records the loan']);
    expect(texts(section(page(site.out, 'services/notifier'), 'dependencies'), 'h3')).toEqual(['Synchronous', 'Asynchronous']);
  });
});

describe('event page', () => {
  it('lists every producer and consumer', () => {
    const created = page(site.out, 'events/loan.created');
    expect(hrefs(section(created, 'producers'), 'li a')).toEqual([`${BASE}services/loans/`]);
    expect(hrefs(section(created, 'consumers'), 'li a')).toEqual([`${BASE}services/catalogue/`, `${BASE}services/notifier/`]);
  });

  it('shows channel and broker, the schema as a table and highlighted, and the example', () => {
    const created = page(site.out, 'events/loan.created');
    expect(texts(section(created, 'channel'), 'dd')).toEqual(['loans', 'Event bus (rabbitmq)']);
    expect(texts(section(created, 'schema'), 'tbody tr td:first-child')).toEqual(['loan_id', 'copy_id', 'due', 'member', 'member.id']);
    expect(texts(section(created, 'schema'), 'tbody tr:first-child td')).toEqual(['loan_id', 'string', 'yes', 'The new loan.']);
    expect(text(section(created, 'schema'), 'pre.astro-code')).toContain('"loan_id"');
    expect(hrefs(section(created, 'schema'), 'p a')).toEqual([`${BASE}files/events/loan.created.schema.json`]);
    expect(JSON.parse(text(section(created, 'example'), 'pre')!)).toEqual({ loan_id: 'l-1', copy_id: 'c-9' });
    expect(readFileSync(path.join(site.out, 'files/events/loan.created.schema.json'), 'utf8')).toContain('"copy_id"');
  });

  it('shows an inline schema with its constraints', () => {
    const overdue = page(site.out, 'events/loan.overdue');
    expect(texts(section(overdue, 'schema'), 'tbody tr')).toEqual(['loan_id string yes The overdue loan.', 'days integer min: 1']);
  });
});

describe('other pages', () => {
  it('domain: type badge, services, events, entities and owner', () => {
    const lending = page(site.out, 'domains/lending');
    expect(text(lending, '.as-badges .sl-badge')).toBe('core');
    expect(text(lending, '.as-badges a.as-term .sl-badge')).toBe('core');
    expect(text(lending, '.as-badges a:not(.as-term)')).toBe('Lending Team');
    expect(texts(section(lending, 'services'), 'li a')).toEqual(['Lending API', 'Loans', 'Notifier']);
    expect(texts(section(lending, 'events'), 'ul:not(.as-diagram-legend) > li')).toEqual(['loan.created', 'loan.overdue']);
    expect(texts(section(lending, 'entities'), 'tbody tr')).toEqual(['Loan Loans', 'Fine Loans']);
    expect(texts(section(lending, 'related-domains'), 'li')).toEqual(['Catalogue (calls, publishes events to)']);
  });

  it('resource: category, and the services using or owning it', () => {
    const db = page(site.out, 'resources/loans-db');
    expect(text(db, '.as-badges .sl-badge')).toBe('database');
    expect(texts(section(db, 'used-by'), 'tbody tr')).toEqual(['Loans stores its data here']);
    const bus = page(site.out, 'resources/bus');
    expect(text(bus, '.as-badges .sl-badge')).toBe('queue');
    expect(texts(section(bus, 'events'), 'li a')).toEqual(['Loan created', 'Loan overdue']);
  });

  it('deployment: the node tree with instances and replicas', () => {
    const cloud = page(site.out, 'deployments/cloud');
    expect(texts(cloud, '#node-cluster > ul > li.as-instance')).toEqual(['Lending API × 2', 'Loans × 3', 'Catalogue', 'Notifier']);
    expect(text(cloud, '#node-region > .as-tech')).toBe('Cloud region');
  });

  it('decision: status, date, supersedes both ways, affected elements and the template sections', () => {
    const grpc = page(site.out, 'decisions/0002-use-grpc');
    expect(text(grpc, '.as-badges .sl-badge')).toBe('accepted');
    expect(text(grpc, '.as-badges time')).toBe('2024-03-10');
    expect(hrefs(grpc, 'main p a[href*="0001-use-rabbitmq"]')).toEqual([`${BASE}decisions/0001-use-rabbitmq/`]);
    expect(texts(section(grpc, 'affects'), 'li')).toEqual(['Lending API Service', 'Loans Service']);
    expect(texts(section(grpc, 'alternatives'), 'li')).toEqual(['Simple', 'Untyped', 'Slower']);
    expect(texts(section(grpc, 'risks'), 'tbody tr')).toEqual(['HTTP/2 balancing Client-side balancing']);
    expect(texts(section(grpc, 'rationale'), 'dt')).toEqual(['Performance']);
    const old = page(site.out, 'decisions/0001-use-rabbitmq');
    expect(text(old, 'main aside.starlight-aside')).toBe('Superseded by ADR 2: Use gRPC between the API and Loans.');
  });

  it('person, external system and team: what each uses or owns', () => {
    expect(texts(section(page(site.out, 'people/member'), 'uses'), 'tbody tr')).toEqual([
      'Lending API Service HTTPS Borrows and returns books',
    ]);
    expect(texts(section(page(site.out, 'systems/sms-gateway'), 'used-by'), 'tbody td:first-child')).toEqual(['Loans', 'Notifier']);
    const team = page(site.out, 'teams/lending-team');
    expect(texts(section(team, 'owns'), 'li')).toEqual(['Lending', 'Lending API', 'Loans']);
    expect(text(section(team, 'owns'), 'p')).toBe('The system as a whole: Library Lending');
  });

  it('docs: the page, with its links rewritten', () => {
    const rules = page(site.out, 'docs/rules');
    expect(text(rules, 'h1')).toBe('Lending rules');
    expect(hrefs(rules, '.sl-markdown-content p a')).toEqual([
      `${BASE}services/loans/`,
      `${BASE}services/catalogue/`,
      `${BASE}events/loan.overdue/`,
      `${BASE}files/events/loan.created.schema.json`,
    ]);
  });

  it('kind indexes: a row per element, with filters by domain, team, type and language', () => {
    const services = page(site.out, 'services');
    expect(texts(services, 'tbody td[data-column="name"]')).toEqual(['Catalogue', 'Lending API', 'Loans', 'Notifier']);
    expect(texts(services, 'select[data-filter-column] option:not([value=""])')).toEqual([
      // Service types as readers name them, the same as on each service's page and in the diagrams.
      'API gateway',
      'Service',
      'Worker',
      'Catalogue',
      'Lending',
      'Catalogue Team',
      'Lending Team',
      'Go',
      'Kotlin',
    ]);
    // A cell carries what the table's script sorts and filters it by only where its own text is not that.
    const cells = selectAll('tbody td', services);
    expect(cells.filter((c) => c.properties.dataSort !== undefined).map((c) => c.properties.dataColumn)).toEqual([
      'name',
      'name',
      'name',
      'name',
    ]);
    expect(cells.filter((c) => c.properties.dataValues !== undefined)).toEqual([]);
    for (const kind of ['people', 'systems', 'teams', 'domains', 'resources', 'events', 'deployments', 'decisions', 'docs']) {
      expect(existsSync(path.join(site.out, kind, 'index.html')), kind).toBe(true);
    }
  });

  it('home: the system, counts and entry points', () => {
    const home = page(site.out, '');
    expect(text(home, 'h1')).toBe('Library Lending');
    expect(texts(home, '.as-stats li')).toContain('4 services');
    expect(hrefs(home, '.as-stats a')).toContain(`${BASE}services/`);
  });

  it('every element page carries its search facets and edit link', () => {
    const loans = page(site.out, 'services/loans');
    const facets = Object.fromEntries(texts(loans, '[data-pagefind-filter]').map((v, i) => [`${i}`, v]));
    expect(Object.values(facets)).toEqual(['Service', 'Lending', 'Lending Team', 'Go']);
    expect(hrefs(loans, 'a[href*="/edit/"]')).toEqual([
      'https://git.example.org/library/architecture/edit/trunk/test/fixtures/site-facts/content/services/loans.md',
    ]);
    expect(existsSync(path.join(site.out, 'pagefind/pagefind.js'))).toBe(true);
  });
});
