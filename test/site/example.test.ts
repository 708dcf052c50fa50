import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from '../../plugins/cli/out-dir.ts';
import { exportModel, modelExportJsonSchema } from '../../plugins/model/export.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { buildSite, EXAMPLE_BASE, EXAMPLE_TODAY, exampleSite, page, ROOT, snapshot, type BuildRun } from '../helpers/build.ts';
import { BASE as MODEL_BASE, writeTree } from '../helpers/tree.ts';

/**
 * The bundled example, built for a GitHub Pages project site, on a fixed day (its risk register
 * has one review past due), with archsite's reference as `npm run docs` builds it: the build the
 * browser tests of test/e2e/site.test.ts read too.
 */
const BASE = EXAMPLE_BASE;
const TODAY = EXAMPLE_TODAY;
let site: BuildRun;
/** Where the build wrote its phases (`--timings`). */
let timings: string;

beforeAll(() => {
  ({ timings, ...site } = exampleSite());
  expect(site.code).toBe(0);
});

/** Every file under `dir`, relative, sorted. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return out;
}

describe('the bundled example site', () => {
  it('publishes mermaid for readers’ browsers only where they draw the diagrams, and bundles none of it', () => {
    expect(readdirSync(path.join(site.out, '_archsite')).filter((f) => f.startsWith('mermaid-'))).toEqual([]);
    expect(readdirSync(path.join(site.out, '_astro')).filter((f) => /mermaid|elk|cytoscape|katex/i.test(f))).toEqual([]);
  });

  it('says where its build spent the time, phase by phase, with --timings', () => {
    const { phases } = JSON.parse(readFileSync(timings, 'utf8')) as { phases: { name: string; start: number; end: number; cpu: number }[] };
    // In order: the fences' diagrams before the bundle, the views drawn beside it and waited for after; writing output is interrupted by the search index.
    expect(phases.map((p) => p.name)).toEqual([
      'load and check',
      'diagrams',
      'bundle',
      'diagrams',
      'pages',
      'output',
      'search index',
      'output',
    ]);
    for (const [i, p] of phases.entries()) {
      expect(p.end, p.name).toBeGreaterThanOrEqual(p.start);
      expect(p.cpu, p.name).toBeGreaterThanOrEqual(0);
      if (i > 0) expect(p.start, p.name).toBe(phases[i - 1]!.end);
    }
    // Nothing about timing reaches the site: the same content gives the same bytes.
    expect(readdirSync(site.out)).not.toContain('timings.json');
  });

  it('publishes the resolved model at /model.json, as `npm run export` writes it, with its JSON Schema', async () => {
    const published = readFileSync(path.join(site.out, 'model.json'), 'utf8');
    const model = (await loadModel({ contentDir: path.join(ROOT, 'content') })).model!;
    expect(published).toBe(`${JSON.stringify(exportModel(model), null, 2)}\n`);
    expect(JSON.parse(readFileSync(path.join(site.out, 'schemas/model.schema.json'), 'utf8'))).toEqual(modelExportJsonSchema());
  });

  it('has a page for every route of the contract, and of every overview', () => {
    const files = new Set(listFiles(site.out));
    const expected = [
      'index.html',
      'architecture/index.html',
      'help/index.html',
      ...['changes', 'traceability', 'security', 'nfr', 'scorecard'].map((p) => `${p}/index.html`),
      ...['stakeholders', 'requirements', 'risks', 'roles', 'flows'].map((k) => `${k}/index.html`),
      'flows/authentication/index.html',
      'risks/personal-data-breach/index.html',
      ...['people', 'systems', 'teams', 'domains', 'services', 'resources', 'events', 'deployments', 'decisions', 'docs'].map(
        (k) => `${k}/index.html`,
      ),
      'services/order-service/index.html',
      'events/order.created/index.html',
      'events/payment.completed/index.html',
      'domains/order-management/index.html',
      'resources/order-db/index.html',
      'systems/payment-gateway/index.html',
      'people/customer/index.html',
      'teams/checkout-team/index.html',
      'deployments/production/index.html',
      'decisions/0003-use-kafka/index.html',
      'docs/requirements/index.html',
      'docs/risks/index.html',
      '404.html',
    ];
    for (const file of expected) expect(files.has(file), file).toBe(true);
  });

  it('builds without a warning but the one review it shows overdue: the sitemap takes system.yaml’s url', () => {
    expect(`${site.stdout}\n${site.stderr}`).not.toMatch(/\[WARN\]|\d+ errors?, ([02-9]|\d\d+) warnings?\b/);
    expect(site.stdout).toContain(
      "content/risks/kafka-consumer-lag.yaml:8:9 warning review-overdue: risk 'kafka-consumer-lag' was due for review on 2025-01-15 (today is 2026-12-01)\n0 errors, 1 warning",
    );
    expect(readFileSync(path.join(site.out, 'sitemap-index.xml'), 'utf8')).toContain('<loc>');
  });

  it('links every element page and free page to its file in the repository, on the branch system.yaml names', () => {
    const editLink = (page: string) =>
      /<a href="([^"]+)"[^>]*>[^<]*<svg[^>]*>[\s\S]*?<\/svg>\s*Edit page/.exec(readFileSync(path.join(site.out, page), 'utf8'))?.[1];
    expect(editLink('services/order-service/index.html')).toBe(
      'https://github.com/archsite/archsite/edit/main/content/services/order-service.yaml',
    );
    expect(editLink('docs/roadmap/index.html')).toBe('https://github.com/archsite/archsite/edit/main/content/docs/roadmap.md');
    expect(editLink('decisions/0003-use-kafka/index.html')).toBe(
      'https://github.com/archsite/archsite/edit/main/content/decisions/0003-use-kafka.md',
    );
  });

  it('renders the Order Service’s OpenAPI operations and the Product Service’s .proto on their pages', () => {
    const orders = readFileSync(path.join(site.out, 'services/order-service/index.html'), 'utf8');
    const operations = [...orders.matchAll(/<details class="as-operation" id="(op-[^"]+)"/g)].map((m) => m[1]);
    expect(operations).toEqual(['op-createOrder', 'op-getOrder', 'op-updateOrder', 'op-cancelOrder', 'op-getCart', 'op-replaceCart']);
    // Every endpoint links to its operation; the description file is published under the base.
    for (const id of operations) expect(orders).toContain(`href="#${id}"`);
    expect(orders).toContain(`href="${BASE}files/services/order-service.openapi.yaml"`);
    expect(readFileSync(path.join(site.out, 'files/services/order-service.openapi.yaml'), 'utf8')).toContain('operationId: createOrder');
    const products = readFileSync(path.join(site.out, 'services/product-service/index.html'), 'utf8');
    expect(products).toMatch(/<code>CheckStock<\/code>/);
    expect(products).toContain('id="proto-ReservationStatus"');
  });

  it('has no broken internal link or asset under the base path', () => {
    const broken: string[] = [];
    const htmlFiles = listFiles(site.out).filter((f) => f.endsWith('.html'));
    let checked = 0;
    for (const file of htmlFiles) {
      const html = readFileSync(path.join(site.out, file), 'utf8');
      for (const [, attr, raw] of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
        const url = raw!.replace(/&amp;/g, '&');
        if (/^(https?:|mailto:|data:|#|javascript:)/i.test(url) || url === '') continue;
        checked++;
        const pagePath = `/${file.replace(/index\.html$/, '').replace(/\\/g, '/')}`;
        const resolved = new URL(url, `http://site${BASE}${pagePath.slice(1)}`).pathname;
        if (!resolved.startsWith(BASE)) {
          broken.push(`${file}: ${attr}="${url}" is outside ${BASE}`);
          continue;
        }
        const target = path.join(site.out, decodeURIComponent(resolved.slice(BASE.length)));
        const exists = (() => {
          try {
            return statSync(target).isDirectory() ? statSync(path.join(target, 'index.html')).isFile() : true;
          } catch {
            return false;
          }
        })();
        if (!exists) broken.push(`${file}: ${attr}="${url}"`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('gives every page one title, and lists every section under "On this page", and only sections the page has: the manual\'s pages and the bench report\'s included', () => {
    const pages = listFiles(site.out).filter((f) => f.endsWith('index.html'));
    const wrong: string[] = [];
    let sections = 0;
    for (const file of pages) {
      const tree = fromHtml(readFileSync(path.join(site.out, file), 'utf8'));
      // One title a page: the bench report's own is left out of the Performance page.
      const titles = selectAll('h1', tree).length;
      if (titles !== 1) wrong.push(`${file}: ${titles} h1 titles`);
      const toc = select('starlight-toc', tree);
      if (!toc) continue;
      const listed = selectAll('a', toc).map((a) => String(a.properties.href).replace(/^#/, ''));
      const ids = new Set(selectAll('[id]', tree).map((n) => String(n.properties.id)));
      const headings = selectAll('h2[id], h3[id]', select('.sl-markdown-content', tree) ?? tree).map((h) => String(h.properties.id));
      sections += headings.length;
      for (const id of headings) if (!listed.includes(id)) wrong.push(`${file}: section #${id} is not listed`);
      for (const id of listed) if (id !== '_top' && !ids.has(id)) wrong.push(`${file}: #${id} is listed, but the page has no such section`);
    }
    expect(wrong).toEqual([]);
    expect(sections).toBeGreaterThan(500);
    // The Performance page lists the report's own sections (every report checks first) under "Latest results".
    const performance = selectAll('a', select('starlight-toc', page(site.out, 'reference/performance/'))!).map((a) =>
      String(a.properties.href),
    );
    const at = (id: string) => performance.indexOf(`#${id}`);
    expect(at('latest')).toBeGreaterThan(0);
    expect(at('checking')).toBeGreaterThan(at('latest'));
    expect(at('reproduce')).toBeGreaterThan(at('checking'));
  });

  it('indexes every page for search, with kind, domain and team filters', () => {
    const entry = JSON.parse(readFileSync(path.join(site.out, 'pagefind/pagefind-entry.json'), 'utf8'));
    const index = Object.values(entry.languages as Record<string, { page_count: number }>)[0]!;
    expect(index.page_count).toBeGreaterThan(60);
    const filters = readdirSync(path.join(site.out, 'pagefind/filter'));
    expect(filters.length).toBeGreaterThan(0);
  });

  it('gives byte-identical output when built twice, diagrams rendered afresh, whatever the timezone and locale', () => {
    const again = buildSite({
      content: path.join(ROOT, 'content'),
      base: BASE,
      args: ['--today', TODAY],
      env: {
        ARCHSITE_REFERENCE: '1',
        TZ: 'Asia/Kolkata',
        LC_ALL: 'tr_TR.UTF-8',
        LANG: 'tr_TR.UTF-8',
        ARCHSITE_CACHE_DIR: mkdtempSync(path.join(os.tmpdir(), 'archsite-cache-')),
      },
    });
    expect(again.stdout).toMatch(
      /archsite: (\d+) diagrams, \1 rendered \(\d+ drawn without a browser, \d+ dark ones derived from light\) and 0 from cache/,
    );
    expect(again.code).toBe(0);
    expect(snapshot(again.out)).toEqual(snapshot(site.out));
  });
});

describe('a failed check', () => {
  it('exits non-zero with the diagnostics and leaves dist/ exactly as it was', () => {
    const root = writeTree({
      ...MODEL_BASE,
      'content/services/orders.yaml': 'name: Orders\nresponsibility: Takes orders.\ndomain: shopp\n',
    });
    const out = path.join(root, 'dist');
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), 'the previous site');
    // An earlier archsite output, which is all a build may replace.
    mkdirSync(path.join(out, '_archsite'));
    writeFileSync(path.join(out, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
    const before = listFiles(root);
    const run = buildSite({ content: path.join(root, 'content'), out });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("services/orders.yaml:3:9 error unknown-reference: domain 'shopp' is not a domain (did you mean 'shop'?)");
    expect(run.stderr).toContain(`nothing was built and ${out}/ is unchanged`);
    expect(listFiles(root)).toEqual(before);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('the previous site');
  });
});
