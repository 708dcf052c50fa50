import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { buildTree, ROOT } from '../helpers/build.ts';
import { realisticSite } from '../helpers/realistic.ts';
import { serve } from '../helpers/serve.ts';

/**
 * Diagrams of an architecture of real size, as readers see them on a laptop and on a phone:
 * every figure within the content column, no page scrolling sideways, large diagrams shown
 * as readable previews, the viewer opened and closed from the keyboard, its links followed,
 * and the exports. Screenshots of the busiest pages go to test-results/ to be looked at.
 */
const BASE = '/shop/';
const SIZES = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;
const PAGES = [
  '',
  'architecture/',
  'services/gateway/',
  'services/ordering/',
  'events/order.paid/',
  'deployments/production/',
  'domains/ops/',
];
const SHOTS = path.join(ROOT, 'test-results', 'figures');

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let out: string;

beforeAll(async () => {
  const built = buildTree(realisticSite(), BASE);
  expect(built.stderr).not.toMatch(/error/i);
  expect(built.code).toBe(0);
  out = built.out;
  site = await serve(out, BASE);
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(context: BrowserContext, route: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site.url}${route}`, { waitUntil: 'load' });
  return page;
}

describe.each(SIZES)('figures at $width × $height', ({ width, height }) => {
  let context: BrowserContext;
  const errors: string[] = [];
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
    context.on('weberror', (e) => errors.push(e.error().message));
  });
  afterAll(async () => context?.close());

  it('keeps every figure within the content column, and no page scrolls sideways', async () => {
    let figures = 0;
    for (const route of PAGES) {
      const page = await open(context, route);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), route).toBeLessThanOrEqual(width);
      const column = await page.locator('.sl-markdown-content').first().boundingBox();
      for (const figure of await page.locator('figure.as-diagram').all()) {
        const box = (await figure.boundingBox())!;
        expect(box.x, route).toBeGreaterThanOrEqual(column!.x - 1);
        expect(box.x + box.width, route).toBeLessThanOrEqual(column!.x + column!.width + 1);
        // The tools are shown, and the open control is visible without hovering.
        await expect(figure.locator('button[data-action="open"]').isVisible()).resolves.toBe(true);
        figures++;
      }
      if (['architecture/', 'services/gateway/', 'deployments/production/'].includes(route))
        await page.screenshot({ path: path.join(SHOTS, `${route.replace(/\W+/g, '-') || 'home'}${width}.png`) });
      await page.close();
    }
    expect(figures).toBeGreaterThan(10);
    expect(errors).toEqual([]);
  }, 120_000);

  it("shows a diagram too large to read fitted as a readable preview, opened on the page's own box", async () => {
    // On a phone, a service's neighbourhood; on a laptop, the containers view, far taller than the screen.
    const [route, view, own] =
      width < 500 ? ['services/gateway/', 'neighbourhood', `${BASE}services/gateway/`] : ['architecture/', 'container', undefined];
    const page = await open(context, route);
    const figure = page.locator(`figure[data-view="${view}"]`);
    expect(await figure.getAttribute('data-preview')).not.toBeNull();
    await expect(figure.locator('.as-diagram-more').textContent()).resolves.toMatch(/^A part of a large diagram \(\d+ × \d+\)/);
    // Text in the preview is at least 8 px high; the page's own box, if any, is in view.
    const found = await figure.evaluate((f, href) => {
      const svg = [...f.querySelectorAll<SVGSVGElement>('.as-diagram-canvas svg')].find((s) => s.getBoundingClientRect().width > 0)!;
      const canvas = f.querySelector('.as-diagram-canvas')!.getBoundingClientRect();
      const box = href
        ? [...svg.querySelectorAll('a')].find((a) => a.getAttribute('xlink:href') === href)?.getBoundingClientRect()
        : undefined;
      const inside = box
        ? box.left + box.width / 2 > canvas.left &&
          box.left + box.width / 2 < canvas.right &&
          box.top + box.height / 2 > canvas.top &&
          box.top + box.height / 2 < canvas.bottom
        : undefined;
      return { scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width, inside };
    }, own);
    expect(16 * found.scale).toBeGreaterThanOrEqual(8);
    if (own) expect(found.inside).toBe(true);
    await page.close();
  });

  it('opens the viewer, zooms with the keys, closes on Escape with focus back, and follows a link inside', async () => {
    const page = await open(context, 'architecture/');
    const opener = page.locator('figure[data-view="container"] button[data-action="open"]').first();
    await opener.click();
    const dialog = page.locator('dialog.as-viewer[open]');
    await dialog.waitFor();
    const box = (await dialog.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(width - 1);
    const holder = dialog.locator('.as-viewer-diagram');
    const before = await holder.evaluate((el) => getComputedStyle(el).transform);
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await expect.poll(() => holder.evaluate((el) => getComputedStyle(el).transform)).not.toBe(before);
    // Focus stays inside while the viewer is open.
    for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog.as-viewer'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.as-viewer').count()).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('open');

    await opener.click();
    await dialog.waitFor();
    await page.keyboard.press('0');
    const link = (await dialog.locator('svg a').evaluateAll((as, href) => {
      const a = as.find((x) => x.getAttribute('xlink:href') === href)!;
      const box = a.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }, `${BASE}domains/ordering/`))!;
    await page.mouse.click(link.x, link.y);
    await page.waitForURL(`**${BASE}domains/ordering/`);
    await page.close();
  });

  it('downloads the diagram as SVG and PNG, and copies its mermaid source', async () => {
    const page = await open(context, 'events/order.paid/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    const figure = page.locator('figure.as-diagram').first();
    const [svg] = await Promise.all([page.waitForEvent('download'), figure.locator('button[data-action="svg"]').click()]);
    expect(svg.suggestedFilename()).toBe('flow-of-order-paid.svg');
    expect(readFileSync((await svg.path())!, 'utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const [png] = await Promise.all([page.waitForEvent('download'), figure.locator('button[data-action="png"]').click()]);
    expect(png.suggestedFilename()).toBe('flow-of-order-paid.png');
    expect(
      readFileSync((await png.path())!)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    await figure.locator('button[data-action="copy"]').click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toMatch(/^---\nconfig:\n {2}layout: \w+\n---\nflowchart LR\n/);
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('shows each static SVG fitted to the column', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}architecture/`, { waitUntil: 'load' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const widths = await page.$$eval('figure.as-diagram .as-diagram-canvas svg', (svgs) =>
      svgs.map((s) => s.getBoundingClientRect().width).filter((w) => w > 0),
    );
    expect(widths.length).toBeGreaterThan(2);
    for (const w of widths) expect(w).toBeLessThanOrEqual(390);
    expect(await page.locator('.as-diagram-tools').first().isVisible()).toBe(false);
    await context.close();
  });
});
