import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, diagramTextContrast } from '../helpers/accessibility.ts';
import { launch, layoutShift, watchLayoutShift } from '../helpers/browser.ts';
import { buildSite, ROOT } from '../helpers/build.ts';
import { serve } from '../helpers/serve.ts';

/**
 * A real system, transcribed: dotnet/eShop (11 services, an event bus of 13 integration
 * events, Redis and four PostgreSQL databases, run by .NET Aspire), in test/fixtures/eshop.
 * Built as a user would, and read as a stakeholder who knows the system would: at 1440 and
 * 390 wide, every kind of page; the event bus drawn as its messages flow.
 */
const BASE = '/eshop/';
const ROUTES = [
  '',
  'architecture/',
  'services/ordering-api/',
  'services/webapp/',
  'events/order-started/',
  'resources/eventbus/',
  'resources/orderingdb/',
  'domains/ordering/',
  'deployments/local/',
  'people/shopper/',
  'systems/openai/',
  'decisions/0001-aspire/',
  'services/',
];

/** A page of every kind the site has, for the accessibility scan: the ones above, the registers and the overviews. */
const EVERY_KIND = [
  ...ROUTES,
  'flows/place-an-order/',
  'flows/',
  'events/',
  'domains/',
  'resources/',
  'deployments/',
  'decisions/',
  'people/',
  'systems/',
  'teams/',
  'requirements/',
  'risks/',
  'roles/',
  'stakeholders/',
  'security/',
  'nfr/',
  'scorecard/',
  'traceability/',
  'changes/',
  'docs/',
  'help/',
];

let browser: Browser;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  const built = buildSite({ content: path.join(ROOT, 'test/fixtures/eshop/content'), base: BASE });
  expect(built.stderr).not.toMatch(/error/i);
  expect(built.code).toBe(0);
  site = await serve(built.out, BASE);
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe.each([
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
])('eShop at $width', ({ width, height }) => {
  it('no page scrolls sideways, no script fails, and nothing moves once a page has loaded', async () => {
    const context = await browser.newContext({ viewport: { width, height } });
    const errors: string[] = [];
    context.on('weberror', (e) => errors.push(e.error().message));
    await watchLayoutShift(context);
    const page = await context.newPage();
    for (const route of ROUTES) {
      const response = await page.goto(`${site.url}${route}`, { waitUntil: 'load' });
      expect(response?.status(), route).toBe(200);
      await page.waitForTimeout(600);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), route).toBeLessThanOrEqual(width);
      expect(await layoutShift(page), route).toBeLessThan(0.05);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('a register on a slow machine', () => {
  // A register is wide and has tools its script shows: both must be in place from the first paint,
  // which a slow machine makes before it has read the whole page (a laptop's CPU slowed four times).
  it.each([1440, 390])('does not move as it loads, at %i', async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    await watchLayoutShift(context);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    for (const route of ['services/', 'risks/', 'security/']) {
      await page.goto(`${site.url}${route}`, { waitUntil: 'load' });
      await page.waitForTimeout(600);
      expect(await layoutShift(page), route).toBeLessThan(0.005);
    }
    await context.close();
  });
});

describe('the event bus, as eShop uses it', () => {
  it('draws what each service publishes going into the bus, and what it consumes coming out of it', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${site.url}resources/eventbus/`, { waitUntil: 'load' });
    const edges = await page.evaluate(() => {
      const svg = [...document.querySelectorAll<SVGSVGElement>('figure.as-diagram .as-diagram-canvas svg')].find(
        (s) => s.getBoundingClientRect().width > 0,
      )!;
      return [...svg.querySelectorAll('path[data-kind]')].map((p) => `${p.getAttribute('data-from')} > ${p.getAttribute('data-to')}`);
    });
    // Basket API only consumes OrderStarted: its one edge comes out of the bus.
    expect(edges).toContain('resource_eventbus > service_basket_api');
    expect(edges).not.toContain('service_basket_api > resource_eventbus');
    // Ordering API both publishes (7) and consumes (5): two edges, one each way, counted apart.
    expect(edges).toContain('service_ordering_api > resource_eventbus');
    expect(edges).toContain('resource_eventbus > service_ordering_api');
    const labels = await page.locator('figure.as-diagram .as-diagram-light .edgeLabel').allTextContents();
    expect(labels).toContain('publishes 7 events');
    expect(labels).toContain('consumes 5 events');
    // The table a stakeholder scans: Ordering API sends OrderStarted to Basket API.
    const row = page.locator('.as-message-matrix tbody tr', { has: page.locator('th a', { hasText: 'Ordering API' }) });
    const columns = await page.locator('.as-message-matrix thead th').allTextContents();
    const cell = row.locator('td').nth(columns.indexOf('Basket API') - 1);
    await expect(cell.textContent()).resolves.toBe('OrderStartedIntegrationEvent');
    await page.close();
  });
});

describe('on a phone', () => {
  it.each([
    ['events/order-started/', 'as-diagram-light as-diagram-narrow'],
    ['services/basket-api/', 'as-diagram-light as-diagram-narrow'],
    ['services/webhooks-client/', 'as-diagram-light as-diagram-narrow'],
    // A store and its one user: two ranks, as narrow lying down.
    ['resources/redis/', 'as-diagram-light'],
  ])('%s draws its diagram so that every box is in view, its text at 8 px or more (%s)', async (route, shown) => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}${route}`, { waitUntil: 'load' });
    const drawn = await page.evaluate(() => {
      const figure = document.querySelector<HTMLElement>('figure.as-diagram')!;
      const shown = [...figure.querySelectorAll<HTMLElement>('.as-diagram-canvas > div')].filter((d) => d.getClientRects().length > 0);
      const svg = shown[0]!.querySelector('svg')!;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const boxes = [...svg.querySelectorAll('g.node')].map((n) => n.getBoundingClientRect());
      return {
        shown: shown.map((d) => d.className),
        textPx: 16 * scale,
        left: Math.min(...boxes.map((b) => b.left)),
        right: Math.max(...boxes.map((b) => b.right)),
        boxes: boxes.length,
      };
    });
    expect(drawn.shown).toEqual([shown]);
    expect(drawn.boxes).toBeGreaterThan(1);
    expect(drawn.left).toBeGreaterThanOrEqual(0);
    expect(drawn.right).toBeLessThanOrEqual(390);
    expect(drawn.textPx).toBeGreaterThanOrEqual(8);
    // On a laptop, the drawing whose text reads at 12 px or more.
    await page.setViewportSize({ width: 1440, height: 900 });
    const wide = await page.evaluate(() => {
      const shown = [...document.querySelectorAll<HTMLElement>('figure.as-diagram .as-diagram-canvas > div')].filter(
        (d) => d.getClientRects().length > 0,
      );
      const svg = shown[0]!.querySelector('svg')!;
      return { shown: shown.length, textPx: (16 * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width };
    });
    expect(wide.shown).toBe(1);
    expect(wide.textPx).toBeGreaterThanOrEqual(12);
    await page.close();
  });
});

describe.each(['light', 'dark'])('every kind of page, in the %s theme', (theme) => {
  it('has nothing axe-core finds wrong, and every text in its diagrams meets WCAG AA contrast (4.5:1)', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    const page = await context.newPage();
    let texts = 0;
    for (const route of EVERY_KIND) {
      const response = await page.goto(`${site.url}${route}`, { waitUntil: 'load' });
      expect(response?.status(), route).toBe(200);
      expect(await page.evaluate(() => document.documentElement.dataset.theme), route).toBe(theme);
      expect(await axeViolations(page), route).toEqual([]);
      const contrast = await diagramTextContrast(page);
      texts += contrast.length;
      expect(
        contrast.filter((t) => t.ratio < 4.5),
        route,
      ).toEqual([]);
      // Every box that links somewhere says where, by its text.
      const unnamed = await page.evaluate(() =>
        [...document.querySelectorAll('figure.as-diagram svg a')]
          .filter((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href'))
          .filter((a) => !(a.getAttribute('aria-label') ?? '').trim())
          .map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href')),
      );
      expect(unnamed, route).toEqual([]);
    }
    // The measure saw the diagrams' text: boxes, boundaries, edge labels, a sequence's steps.
    expect(texts).toBeGreaterThan(300);
    // The viewer, open, passes too.
    await page.goto(`${site.url}architecture/`, { waitUntil: 'load' });
    await page.locator('figure.as-diagram button[data-action="open"]').first().click();
    await page.locator('dialog.as-viewer[open]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 240_000);
});
