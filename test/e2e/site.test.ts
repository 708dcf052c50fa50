import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { EXAMPLE_BASE, exampleSite, ROOT } from '../helpers/build.ts';
import { serve } from '../helpers/serve.ts';

/** The bundled example in real Chromium, served under a GitHub Pages project path. */
const BASE = EXAMPLE_BASE;
let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  // As `npm run docs` builds it: with archsite's own reference (the build test/site/example.test.ts reads too).
  const built = exampleSite();
  expect(built.code).toBe(0);
  site = await serve(built.out, BASE);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (e) => errors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function search(query: string): Promise<void> {
  // Pagefind's UI loads when the browser is idle after the page.
  await page.waitForSelector('#starlight__search input', { state: 'attached' });
  await page.click('button[data-open-modal]');
  await page.fill('#starlight__search input', query);
  await page.waitForSelector('.pagefind-ui__result-link');
}

/** Titles of the pages found (not of their sections). */
const resultTitles = () =>
  page.$$eval('.pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link', (links) =>
    links.map((a) => a.textContent!.trim()),
  );

describe('a stakeholder on the site', () => {
  it('searches from the home page, narrows with filters, and opens a service', async () => {
    await page.goto(site.url);
    expect(await page.title()).toContain('E-Commerce Platform');
    await search('order');
    expect(await resultTitles()).toContain('Order Service');

    // Narrow "order" to events of the Order Management domain.
    await page.click('.pagefind-ui__filter-name:has-text("Kind")');
    await page.click('.pagefind-ui__filter-label:has-text("Event")');
    await page.click('.pagefind-ui__filter-name:has-text("Domain")');
    await page.click('.pagefind-ui__filter-label:has-text("Order Management")');
    // Results follow each click as the search reruns: wait for the narrowed set.
    await expect.poll(async () => (await resultTitles()).sort()).toEqual(['Order cancelled', 'Order created', 'Order updated']);

    // Clear the filters, open the Order Service.
    await page.click('.pagefind-ui__filter-label:has-text("Event")');
    await page.click('.pagefind-ui__filter-label:has-text("Order Management")');
    await expect.poll(resultTitles).toContain('Order Service');
    await page.click('.pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link:text-is("Order Service")');
    await page.waitForURL(`${site.url}services/order-service/`);
    expect(await page.textContent('h1')).toBe('Order Service');
  });

  it('offers every filter from the first search, whichever of their indexes loads last', async () => {
    // On a slow network, or a busy machine, the search answers before most filter indexes are in.
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    let first = true;
    await context.route('**/pagefind/filter/*.pf_filter', async (route) => {
      const late = !first;
      first = false;
      if (late) await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const slow = await context.newPage();
    await slow.goto(site.url);
    await slow.waitForSelector('#starlight__search input', { state: 'attached' });
    await slow.click('button[data-open-modal]');
    await slow.fill('#starlight__search input', 'order');
    await slow.waitForSelector('.pagefind-ui__result-link');
    // Pagefind's UI keeps the filters of the first answer: each must be there from it on.
    const names = () => slow.$$eval('.pagefind-ui__filter-name', (els) => els.map((e) => e.textContent!.trim()));
    expect(await names()).toEqual(['Domain', 'Kind', 'Status', 'Team', 'Technology']);
    await slow.waitForTimeout(2000);
    expect(await names()).toEqual(['Domain', 'Kind', 'Status', 'Team', 'Technology']);
    await context.close();
  });

  it('follows a "Called by" link to the caller', async () => {
    await page.goto(`${site.url}services/order-service/`);
    await page.click('section[data-section="called-by"] a:text-is("API Gateway")');
    await page.waitForURL(`${site.url}services/api-gateway/`);
    expect(await page.textContent('h1')).toBe('API Gateway');
  });

  it('follows an endpoint to its OpenAPI operation, which opens where it lands', async () => {
    await page.goto(`${site.url}services/order-service/`);
    const operation = page.locator('details#op-cancelOrder');
    expect(await operation.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.locator('a[href="#op-cancelOrder"]').click();
    await page.waitForFunction(() => (document.getElementById('op-cancelOrder') as HTMLDetailsElement).open);
    // Its parameters and responses are now what the reader sees.
    await expect.poll(() => operation.locator('table').first().isVisible()).toBe(true);
    expect(await operation.innerText()).toContain('Why the customer cancels');
  });

  it('filters and sorts a kind index', async () => {
    await page.goto(`${site.url}services/`);
    const visible = () => page.$$eval('tbody tr:not([hidden]) td[data-column="name"]', (cells) => cells.map((c) => c.textContent!.trim()));
    expect(await visible()).toHaveLength(9);
    await page.selectOption('select[data-filter-column="domain"]', 'Storefront');
    expect(await visible()).toEqual(['API Gateway', 'Mobile App', 'Web App']);
    expect(await page.textContent('[data-count]')).toBe('3 services');
    await page.selectOption('select[data-filter-column="domain"]', '');
    await page.fill('[data-filter-text]', 'python');
    expect(await visible()).toEqual(['Analytics Service', 'Notification Service', 'Product Service', 'User Service']);
    await page.fill('[data-filter-text]', '');
    await page.click('th[data-key="name"] button');
    await page.click('th[data-key="name"] button');
    expect((await visible())[0]).toBe('Web App');
    // A column sorted by the text its cells show (they carry no sort key of their own).
    await page.click('th[data-key="domain"] button');
    const domains = await page.$$eval('tbody tr:not([hidden]) td[data-column="domain"]', (cells) => cells.map((c) => c.textContent!));
    expect(new Set(domains).size).toBeGreaterThan(2);
    expect(domains).toEqual([...domains].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
  });

  it('ORs the values ticked in one filter, and says each result’s kind', async () => {
    await page.goto(site.url);
    await search('order');
    await page.click('.pagefind-ui__filter-name:has-text("Kind")');
    await page.click('.pagefind-ui__filter-label:has-text("Event")');
    // Once the filter applies: events only.
    await expect
      .poll(async () => {
        const titles = await resultTitles();
        return titles.includes('Order created') && !titles.includes('Order Service');
      })
      .toBe(true);
    // Event or Service: both kinds, not pages that are both.
    await page.click('.pagefind-ui__filter-label:has-text("Service")');
    await expect.poll(resultTitles).toEqual(expect.arrayContaining(['Order Service', 'Order created']));
    const kinds = await page.$$eval('.pagefind-ui__result-inner > .pagefind-ui__result-tags [data-pagefind-ui-meta="kind"]', (tags) =>
      tags.map((t) => t.textContent!.trim()),
    );
    expect(new Set(kinds)).toEqual(new Set(['Kind: Event', 'Kind: Service']));
    await page.click('.pagefind-ui__filter-label:has-text("Event")');
    await page.click('.pagefind-ui__filter-label:has-text("Service")');
  });

  it('counts what each filter value would add: the other filters’ choices, OR inside a filter, AND across', async () => {
    await page.goto(site.url);
    await search('order');
    // "Decision (5)": each value's count, as the filters show it.
    const count = async (value: string) => {
      const labels = await page.$$eval('.pagefind-ui__filter-label', (ls) => ls.map((l) => l.textContent!.trim()));
      const label = labels.find((l) => l.startsWith(`${value} (`));
      return label === undefined ? undefined : Number(/\((\d+)\)$/.exec(label)![1]);
    };
    await page.click('.pagefind-ui__filter-name:has-text("Kind")');
    await page.click('.pagefind-ui__filter-name:has-text("Domain")');
    const decisions = await count('Decision');
    expect(decisions).toBeGreaterThan(0);
    await page.click('.pagefind-ui__filter-label:has-text("Event")');
    await page.click('.pagefind-ui__filter-label:has-text("Service")');
    await expect.poll(resultTitles).toEqual(expect.arrayContaining(['Order Service', 'Order created']));
    // Two kinds ticked: the other kinds still say what they would add (the counts are drawn as their searches come back).
    await expect.poll(() => count('Decision')).toBe(decisions);
    // Across filters, counts are within the kinds ticked: Order Management has one service and three events.
    await expect.poll(() => count('Order Management')).toBe(4);
    await page.click('.pagefind-ui__filter-label:has-text("Order Management")');
    await expect.poll(async () => (await resultTitles()).length).toBe(4);
    // Within Order Management, ticking decisions adds as many results as the Decision count says.
    const more = (await count('Decision'))!;
    await page.click('.pagefind-ui__filter-label:has-text("Decision")');
    await expect.poll(async () => (await resultTitles()).length).toBe(4 + more);
    for (const value of ['Event', 'Service', 'Decision', 'Order Management'])
      await page.click(`.pagefind-ui__filter-label:has-text("${value}")`);
  });

  it('shows excerpts that keep cells apart and do not repeat the title', async () => {
    await page.goto(site.url);
    await search('order');
    await expect.poll(resultTitles).toContain('Order Service');
    const service = page.locator('.pagefind-ui__result', { has: page.locator('.pagefind-ui__result-link:text-is("Order Service")') });
    const root = await service.locator('.pagefind-ui__result-inner > .pagefind-ui__result-excerpt').textContent();
    expect(root!.startsWith('Order Service.')).toBe(false);
    // Each section found: its heading, then what it says, not the heading again.
    const sections = await service
      .locator('.pagefind-ui__result-nested')
      .evaluateAll((nested) =>
        nested.map((n) => [
          n.querySelector('.pagefind-ui__result-link')!.textContent!.trim(),
          n.querySelector('.pagefind-ui__result-excerpt')!.textContent!.trim(),
        ]),
      );
    expect(sections.length).toBeGreaterThan(0);
    for (const [title, excerpt] of sections) expect(excerpt === title || excerpt!.startsWith(`${title}.`), title).toBe(false);
    const all = (await page.locator('.pagefind-ui__result-excerpt').allTextContents()).join(' ');
    expect(all).not.toMatch(/[a-z](Kind|Protocol|Description|Type|Required|Broker)\b/);
  });

  it('keeps a kind index’s filters and sort in the address, to share', async () => {
    await page.goto(`${site.url}services/`);
    const visible = () => page.$$eval('tbody tr:not([hidden]) td[data-column="name"]', (cells) => cells.map((c) => c.textContent!.trim()));
    await page.selectOption('select[data-filter-column="domain"]', 'Storefront');
    await page.click('th[data-key="name"] button');
    await page.click('th[data-key="name"] button');
    const shared = page.url();
    expect(new URL(shared).searchParams.get('domain')).toBe('Storefront');
    expect(new URL(shared).searchParams.get('order')).toBe('descending');
    const other = await browser.newPage();
    await other.goto(shared);
    const rows = await other.$$eval('tbody tr:not([hidden]) td[data-column="name"]', (cells) => cells.map((c) => c.textContent!.trim()));
    expect(rows).toEqual(['Web App', 'Mobile App', 'API Gateway']);
    expect(await other.inputValue('select[data-filter-column="domain"]')).toBe('Storefront');
    expect(await other.textContent('[data-count]')).toBe('3 services');
    await other.close();
    expect(await visible()).toEqual(['Web App', 'Mobile App', 'API Gateway']);
  });

  it('names things with their words apart: sidebar decisions, diagram boxes, page badges', async () => {
    await page.goto(`${site.url}decisions/0001-record-architecture-decisions/`);
    const link = page.getByRole('link', { name: 'Record architecture decisions, accepted', exact: true });
    expect(await link.count()).toBe(1);
    const box = page.locator('figure.as-diagram .as-diagram-light a[aria-label]').first();
    await page.goto(`${site.url}architecture/`);
    expect(await box.getAttribute('aria-label')).toMatch(/^[^,[\]]+, \[[^\]]+\]/);
    await page.goto(`${site.url}events/order.created/`);
    expect((await page.textContent('.as-badges'))!.replace(/\s+/g, ' ').trim()).toBe('order.created v1.1 Order Management');
  });

  it('carries archsite’s reference when built as its docs, in a sidebar group of its own', async () => {
    await page.goto(`${site.url}reference/checks/`);
    expect(await page.textContent('h1')).toBe('Checks reference');
    expect(await page.locator('nav.sidebar a[href$="/reference/performance/"]').count()).toBe(1);
    expect(await page.locator('nav.sidebar a[href$="/help/"]').count()).toBe(1);
  });

  it('switches to dark mode', async () => {
    await page.goto(`${site.url}services/order-service/`);
    await page.selectOption('starlight-theme-select select', 'dark');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
  });

  it('takes a screenshot of a service page, light and dark', async () => {
    await page.goto(`${site.url}services/order-service/`);
    for (const theme of ['light', 'dark']) {
      await page.selectOption('starlight-theme-select select', theme);
      const shot = await page.screenshot({ path: path.join(ROOT, `test-results/service-page-${theme}.png`), fullPage: true });
      expect(shot.byteLength).toBeGreaterThan(50_000);
    }
  });

  it('clicks a box in the container diagram and lands on its page: a service, or a domain where the system is drawn by domain', async () => {
    await page.goto(`${site.url}architecture/`);
    await page.selectOption('starlight-theme-select select', 'light');
    // SVG links carry xlink:href, which CSS selectors cannot match without namespaces.
    const links = page
      .locator('figure[data-view="container"]:not([hidden]) .as-diagram-light')
      .locator('xpath=.//*[local-name()="a"][@*[local-name()="href"]]');
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('xlink:href') ?? a.getAttribute('href')));
    const target = hrefs.includes('/archsite/services/order-service/')
      ? '/archsite/services/order-service/'
      : '/archsite/domains/order-management/';
    expect(hrefs).toContain(target);
    await links.nth(hrefs.indexOf(target)).click();
    await page.waitForURL(`${site.url}${target.slice('/archsite/'.length)}`);
    expect(await page.textContent('h1')).toBe(target.includes('services') ? 'Order Service' : 'Order Management');
  });

  it('shows the diagram of the current theme only', async () => {
    await page.goto(`${site.url}services/order-service/`);
    const visible = (selector: string) => page.locator(`figure[data-view="neighbourhood"] ${selector}`).isVisible();
    await page.selectOption('starlight-theme-select select', 'dark');
    expect([await visible('.as-diagram-light'), await visible('.as-diagram-dark')]).toEqual([false, true]);
    await page.selectOption('starlight-theme-select select', 'light');
    expect([await visible('.as-diagram-light'), await visible('.as-diagram-dark')]).toEqual([true, false]);
  });

  it('switches a view between the current state, the target state and both, opening where the page asks', async () => {
    // ADR 8 opens the payment service's neighbourhood on both states (`<Diagram state="both" />`).
    await page.goto(`${site.url}decisions/0008-adyen-for-card-payments/`);
    await page.selectOption('starlight-theme-select select', 'light');
    const set = page.locator('.as-diagram-states').first();
    const shown = set.locator(':scope > figure.as-diagram:not([hidden])');
    const boxes = () => shown.locator('.as-diagram-light .node').evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));
    expect(await shown.getAttribute('data-state')).toBe('both');
    expect(await set.locator(':scope > figure.as-diagram').count()).toBe(3);
    expect((await boxes()).join('|')).toMatch(/Adyen.*planned/);
    expect((await boxes()).join('|')).toMatch(/Payment Gateway.*deprecated/);
    // The switch lists the states in their order; the one shown is pressed.
    expect(await shown.locator('button[data-action="state"]').allTextContents()).toEqual(['Current', 'Target', 'Both']);
    expect(await shown.locator('button[data-action="state"][aria-pressed="true"]').textContent()).toBe('Both');

    await shown.locator('button[data-state="current"]').click();
    expect(await shown.getAttribute('data-state')).toBe('current');
    expect((await boxes()).join('|')).not.toMatch(/Adyen/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-state'))).toBe('current');
    // From the keyboard: focus stays on the switch, now in the figure shown.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Target');
    await page.keyboard.press('Enter');
    expect(await shown.getAttribute('data-state')).toBe('target');
    expect((await boxes()).join('|')).not.toMatch(/Payment Gateway/);
    expect(await shown.locator('figcaption').textContent()).toBe('Neighbourhood of Payment Service (target state)');

    // The service's own page opens on the current state, which its caption does not qualify.
    await page.goto(`${site.url}services/payment-service/`);
    const own = page.locator('.as-diagram-states > figure.as-diagram:not([hidden])').first();
    expect(await own.getAttribute('data-state')).toBe('current');
    expect(await own.locator('figcaption').textContent()).toBe('Neighbourhood of Payment Service');
  });

  it('lists a contract’s versions from git, and shows what changed between any two chosen', async () => {
    // The example's history: order.created went from 1.0 to 1.1, adding the order's currency.
    await page.goto(`${site.url}events/order.created/`);
    const rows = await page.locator('.as-versions-table tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t')[0]!.trim())).toEqual(['1.1 (current)', '1.0']);
    const diff = page.locator('.as-version-diff pre.as-diff');
    const changed = () => diff.locator('.as-diff-added, .as-diff-removed').allTextContents();
    // The newest two at first, as the build wrote them.
    expect(await changed()).toContain('+         "currency": {');
    // Any two: the same version twice says so; back the other way, the lines swap sides.
    await page.selectOption('.as-version-diff select[data-to]', '1.0');
    expect(await diff.textContent()).toBe('The two are the same.');
    await page.selectOption('.as-version-diff select[data-from]', '1.1');
    expect(await changed()).toContain('-         "currency": {');
  });

  it('publishes llms.txt, linked from every page’s head, and each element page as Markdown', async () => {
    const response = await fetch(`${site.url}llms.txt`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.split('\n')[0]).toBe('# E-Commerce Platform');
    expect(text).toMatch(/^- \[Order Service\]\(https:\/\/archsite\.github\.io\/archsite\/services\/order-service\/\): /m);
    // Every link leads to a page the build wrote.
    const links = [...text.matchAll(/\]\(https:\/\/archsite\.github\.io\/archsite\/([^)]*)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(80);
    for (const route of links) expect((await fetch(`${site.url}${route}`)).status, route).toBe(200);
    // Every page links it from its head; an element page links its own Markdown text, which the build wrote.
    await page.goto(`${site.url}services/order-service/`);
    expect(await page.locator('head link[rel="alternate"][type="text/plain"]').getAttribute('href')).toBe('/archsite/llms.txt');
    const markdown = await page.locator('head link[rel="alternate"][type="text/markdown"]').getAttribute('href');
    const own = await (await fetch(new URL(markdown!, page.url()))).text();
    expect(own.split('\n')[0]).toBe('# Order Service');
    expect(own).toContain('## Events published');
    expect(own).toContain('```mermaid');
  });

  it('takes screenshots of the home, a service and a deployment page', async () => {
    for (const [route, name] of [
      ['', 'home'],
      ['services/order-service/', 'service'],
      ['deployments/production/', 'deployment'],
    ]) {
      await page.goto(`${site.url}${route}`);
      const shot = await page.screenshot({ path: path.join(ROOT, `test-results/${name}.png`) });
      expect(shot.byteLength).toBeGreaterThan(30_000);
    }
  });

  it('ran without a script error', () => {
    expect(errors).toEqual([]);
  });
});

describe('registers and overviews, at any width', () => {
  const REGISTERS = ['services/', 'events/', 'security/', 'nfr/', 'risks/', 'scorecard/', 'traceability/', 'roles/', 'decisions/'];

  it('use the width of a laptop screen: the security overview shows all its columns, and each register reaches its last', async () => {
    const wide = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await wide.goto(`${site.url}security/`);
    const last = await wide.evaluate(() => {
      const th = [...document.querySelectorAll('.as-register thead th')].at(-1)!;
      return { text: th.textContent!.trim(), right: th.getBoundingClientRect().right };
    });
    expect(last.text).toBe('Compliance');
    expect(last.right).toBeLessThanOrEqual(1440);
    for (const route of REGISTERS) {
      await wide.goto(`${site.url}${route}`);
      expect(await wide.evaluate(() => document.documentElement.scrollWidth), route).toBeLessThanOrEqual(1440);
      // Scrolled to its end, the table's last column is in view.
      const reached = await wide.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.as-register .as-table-wrap')].every((region) => {
          region.scrollLeft = region.scrollWidth;
          const th = [...region.querySelectorAll('thead th')].at(-1);
          const box = th?.getBoundingClientRect();
          return !box || (box.right <= region.getBoundingClientRect().right + 1 && box.right <= innerWidth);
        }),
      );
      expect(reached, route).toBe(true);
    }
    await wide.close();
  });

  it('keep the columns a reader chose in the address, through a reload', async () => {
    const wide = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await wide.goto(`${site.url}services/`);
    await wide.click('.as-columns summary');
    await wide.uncheck('.as-columns input[data-col="team"]');
    const shown = () =>
      wide.$$eval('.as-register th[data-col="team"], .as-register td[data-col="team"]', (cells) =>
        cells.some((c) => (c as HTMLElement).offsetParent !== null),
      );
    expect(await shown()).toBe(false);
    expect(new URL(wide.url()).searchParams.get('hide-services')).toBe('team');
    await wide.reload();
    expect(await shown()).toBe(false);
    expect(await wide.isChecked('.as-columns input[data-col="team"]')).toBe(false);
    await wide.click('.as-columns summary');
    await wide.check('.as-columns input[data-col="team"]');
    expect(await shown()).toBe(true);
    expect(new URL(wide.url()).searchParams.has('hide-services')).toBe(false);
    await wide.close();
  });

  it('become cards on a phone, never scroll the page sideways, and say so when a filter matches nothing', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const route of REGISTERS) {
      await phone.goto(`${site.url}${route}`);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth), route).toBeLessThanOrEqual(390);
    }
    await phone.goto(`${site.url}services/`);
    const card = await phone.evaluate(() => {
      const row = document.querySelector('.as-register tbody tr')!;
      const domain = row.querySelector('td[data-col="domain"]')!;
      return { row: getComputedStyle(row).display, label: getComputedStyle(domain, '::before').content };
    });
    expect(card).toEqual({ row: 'block', label: '"Domain: "' });
    await phone.fill('[data-filter-text]', 'no such service anywhere');
    expect(await phone.isVisible('[data-no-match]')).toBe(true);
    expect(await phone.textContent('[data-no-match]')).toBe('No service matches these filters.');
    expect(await phone.isVisible('.as-register')).toBe(false);
    await phone.close();
  });
});
