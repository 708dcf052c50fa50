import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, layoutShift, onPages, watchLayoutShift } from '../helpers/browser.ts';
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

  // One visit of each page for all three: the column, the natural size, and the page's width.
  it('keeps every figure within the content column and no larger than its natural size, and no page scrolls sideways', async () => {
    let figures = 0;
    await onPages(
      PAGES,
      () => context.newPage(),
      async (page, route) => {
        await page.goto(`${site.url}${route}`, { waitUntil: 'load' });
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
        // Never drawn larger than its natural size: the drawing shown (a figure may hold another for a narrow column).
        const sizes = await page.$$eval('figure.as-diagram', (shown) =>
          shown.flatMap((f) => {
            const svg = [...f.querySelectorAll<SVGSVGElement>('.as-diagram-canvas svg')].find((x) => x.getBoundingClientRect().width > 0);
            return svg ? [{ drawn: svg.getBoundingClientRect().width, natural: Number((f as HTMLElement).dataset.width) }] : [];
          }),
        );
        expect(sizes.length, route).toBeGreaterThan(0);
        for (const { drawn, natural } of sizes) expect(drawn, route).toBeLessThanOrEqual(natural * 1.05);
        if (['architecture/', 'services/gateway/', 'deployments/production/'].includes(route))
          await page.screenshot({ path: path.join(SHOTS, `${route.replace(/\W+/g, '-') || 'home'}${width}.png`) });
      },
    );
    expect(figures).toBeGreaterThan(10);
    expect(errors).toEqual([]);
  }, 120_000);

  it("shows a diagram too large to read fitted as a readable preview, opened on the page's own box", async () => {
    // On a phone, a service's neighbourhood; on a laptop, the deployment of every service, far wider than the column.
    const [route, view, own] =
      width < 500
        ? ['services/gateway/', 'neighbourhood', `${BASE}services/gateway/`]
        : ['deployments/production/', 'deployment', undefined];
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

  it("draws the system's containers so that they read on one screen at 1440, each domain box linking to its view", async () => {
    const page = await open(context, 'architecture/');
    const figure = page.locator('figure[data-view="container"]');
    const drawn = await figure.evaluate((f) => {
      const svg = [...f.querySelectorAll<SVGSVGElement>('.as-diagram-canvas svg')].find((s) => s.getBoundingClientRect().width > 0)!;
      return {
        preview: f.hasAttribute('data-preview'),
        scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
        height: svg.getBoundingClientRect().height,
        links: [...svg.querySelectorAll('a')].map((a) => a.getAttribute('xlink:href') ?? a.getAttribute('href')),
      };
    });
    if (width > 1000) {
      expect(drawn.preview).toBe(false);
      expect(16 * drawn.scale).toBeGreaterThanOrEqual(8);
      expect(drawn.height).toBeLessThanOrEqual(900 * 1.5);
    }
    // Drawn by domain, every domain of the system is a box linking to its page; drawn whole, every service is.
    const byDomain = drawn.links.some((href) => href?.startsWith(`${BASE}domains/`));
    const expected = byDomain
      ? ['shop', 'catalog', 'ordering', 'payment', 'ops'].map((d) => `${BASE}domains/${d}/`)
      : [`${BASE}services/gateway/`];
    for (const href of expected) expect(drawn.links).toContain(href);
    await page.close();
  });

  it("opens a domain's preview on the domain's own group", async () => {
    const page = await open(context, 'domains/ordering/');
    const figure = page.locator('figure[data-view="container"]');
    const seen = await figure.evaluate((f) => {
      const svg = [...f.querySelectorAll<SVGSVGElement>('.as-diagram-canvas svg')].find((s) => s.getBoundingClientRect().width > 0)!;
      const canvas = f.querySelector('.as-diagram-canvas')!.getBoundingClientRect();
      const group = [...svg.querySelectorAll('g.cluster')].find((g) => g.id.endsWith('-domain_ordering'))!.getBoundingClientRect();
      return {
        preview: f.hasAttribute('data-preview'),
        // The group's top left corner, or its middle when it fits, is in the window.
        inView: group.left < canvas.right && group.right > canvas.left && group.top >= canvas.top - 1 && group.top < canvas.bottom,
      };
    });
    if (seen.preview) expect(seen.inView).toBe(true);
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
    // The viewer moves the diagram on the next frame.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const link = (await dialog.locator('svg a').evaluateAll((as, href) => {
      const a = as.find((x) => x.getAttribute('xlink:href') === href)!;
      const box = a.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }, `${BASE}domains/ordering/`))!;
    await page.mouse.click(link.x, link.y);
    await page.waitForURL(`**${BASE}domains/ordering/`);
    await page.close();
  });

  it('keeps the diagram on the stage in the viewer: opened centred, zoomed about the pointer or the middle, panned with the keys', async () => {
    const page = await open(context, 'architecture/');
    await page.locator('figure[data-view="container"] button[data-action="open"]').first().click();
    const dialog = page.locator('dialog.as-viewer[open]');
    await dialog.waitFor();
    // The viewer moves the diagram on the next frame: geometry is read after it.
    const settle = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const press = async (key: string) => {
      await page.keyboard.press(key);
      await settle();
    };
    const geometry = () =>
      dialog.evaluate((d) => {
        const stage = d.querySelector('.as-viewer-stage')!.getBoundingClientRect();
        const box = d.querySelector('.as-viewer-diagram')!.getBoundingClientRect();
        const cx = stage.left + stage.width / 2;
        const cy = stage.top + stage.height / 2;
        return {
          covered: box.left <= cx + 0.5 && box.right >= cx - 0.5 && box.top <= cy + 0.5 && box.bottom >= cy - 0.5,
          offset: [box.left + box.width / 2 - cx, box.top + box.height / 2 - cy],
          stage: { x: stage.left, y: stage.top, width: stage.width, height: stage.height },
          box: { left: box.left, top: box.top, width: box.width },
        };
      });
    // Opened fitted and centred.
    await settle();
    const opened = await geometry();
    expect(Math.abs(opened.offset[0]!)).toBeLessThanOrEqual(2);
    expect(Math.abs(opened.offset[1]!)).toBeLessThanOrEqual(2);
    // Any number of presses of + keep the diagram over the stage's middle.
    for (let i = 0; i < 8; i++) {
      await press('+');
      expect((await geometry()).covered, `after ${i + 1} presses of +`).toBe(true);
    }
    await press('0');
    // The box under the pointer stays under it through wheel zooms.
    const target = async () =>
      dialog.locator('svg a').evaluateAll((as, href) => {
        const box = as.find((a) => a.getAttribute('xlink:href') === href)!.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }, `${BASE}domains/ordering/`);
    const before = await target();
    await page.mouse.move(before.x, before.y);
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, -120);
      await settle();
    }
    const after = await target();
    expect(Math.abs(after.x - before.x)).toBeLessThanOrEqual(2);
    expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(2);
    // Wheel steps out and in at a corner of the stage never lose the diagram.
    const { stage } = await geometry();
    await page.mouse.move(stage.x + 5, stage.y + 5);
    for (let i = 0; i < 12; i++) {
      await page.mouse.wheel(0, i < 6 ? 240 : -240);
      await settle();
      expect((await geometry()).covered, `after wheel step ${i + 1}`).toBe(true);
    }
    // The arrow keys pan.
    await press('0');
    for (let i = 0; i < 4; i++) await press('+');
    const left = (await geometry()).box.left;
    await press('ArrowRight');
    expect((await geometry()).box.left).toBeLessThan(left - 10);
    await press('ArrowLeft');
    await press('ArrowLeft');
    expect((await geometry()).box.left).toBeGreaterThan(left + 10);
    expect((await geometry()).covered).toBe(true);
    await page.close();
  });

  it('reaches every link of a diagram with Tab, in reading order, each named; Enter follows it; the tools say what they did', async () => {
    const page = await open(context, 'architecture/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    await page.locator('figure[data-view="container"] button[data-action="open"]').first().click();
    const dialog = page.locator('dialog.as-viewer[open]');
    await dialog.waitFor();
    const links = await dialog.locator('svg a').evaluateAll((as) => as.map((a) => a.getAttribute('xlink:href') ?? a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(5);
    const reached: { href: string | null; name: string | null; inView: boolean }[] = [];
    for (let i = 0; i < links.length + 24; i++) {
      await page.keyboard.press('Tab');
      // A box reached is brought to the middle on the next frame.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const focused = await page.evaluate(() => {
        const a = document.activeElement;
        if (!a || a.tagName.toLowerCase() !== 'a') return undefined;
        const box = a.getBoundingClientRect();
        const stage = document.querySelector('.as-viewer-stage')!.getBoundingClientRect();
        return {
          href: a.getAttribute('xlink:href') ?? a.getAttribute('href'),
          name: a.getAttribute('aria-label'),
          inView:
            box.left + box.width / 2 >= stage.left &&
            box.left + box.width / 2 <= stage.right &&
            box.top + box.height / 2 >= stage.top &&
            box.top + box.height / 2 <= stage.bottom,
        };
      });
      if (focused && !reached.some((r) => r.href === focused.href)) reached.push(focused);
    }
    expect(new Set(reached.map((r) => r.href))).toEqual(new Set(links));
    for (const r of reached) {
      expect(r.name, r.href!).toMatch(/\S/);
      expect(r.inView, r.href!).toBe(true);
    }
    await dialog.locator('button[data-viewer="copy"]').click();
    await expect.poll(() => dialog.locator('[role="status"]').textContent()).toBe('Copied the mermaid source');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('button[data-viewer="svg"]').click()]);
    await expect.poll(() => dialog.locator('[role="status"]').textContent()).toBe(`Downloaded ${download.suggestedFilename()}`);
    // Enter on a focused link follows it.
    await dialog
      .locator('svg a')
      .evaluateAll(
        (as, href) => (as.find((a) => a.getAttribute('xlink:href') === href) as unknown as HTMLElement).focus(),
        `${BASE}domains/ordering/`,
      );
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${BASE}domains/ordering/`);
    await page.close();
  });

  it('focuses a box named in the address: it and its neighbours stay, the rest fades', async () => {
    const page = await open(context, 'services/gateway/#focus=ordering');
    const figure = page.locator('figure[data-view="neighbourhood"]');
    const state = await figure.evaluate((f) => {
      const svg = [...f.querySelectorAll<SVGSVGElement>('.as-diagram-canvas svg')].find((s) => s.getBoundingClientRect().width > 0)!;
      const box = (id: string) => svg.querySelector(`[data-element="${id}"]`)!.classList;
      const edges = [...svg.querySelectorAll('path[data-kind]')];
      return {
        focused: f.hasAttribute('data-focused'),
        ordering: box('service_ordering').contains('as-focused'),
        gateway: box('service_gateway').contains('as-faded'),
        catalog: box('service_catalog').contains('as-faded'),
        kept: edges
          .filter((e) => !e.classList.contains('as-faded'))
          .map((e) => `${e.getAttribute('data-from')}>${e.getAttribute('data-to')}`),
      };
    });
    expect(state).toMatchObject({ focused: true, ordering: true, gateway: false, catalog: true });
    expect(state.kept.length).toBeGreaterThan(0);
    for (const edge of state.kept) expect(edge).toContain('service_ordering');
    // Cleared with the address.
    await page.evaluate(() => (location.hash = ''));
    await expect.poll(() => figure.evaluate((f) => f.querySelectorAll('.as-faded').length)).toBe(0);
    await page.close();
  });

  it('shows or hides each kind of relation, on the page and in the viewer, and focuses a box clicked in focus mode', async () => {
    const page = await open(context, 'services/ordering/');
    const figure = page.locator('figure[data-view="neighbourhood"]');
    const shown = (kind: string) =>
      figure.evaluate(
        (f, k) =>
          [...f.querySelectorAll(`.as-diagram-light svg [data-kind="${k}"]`)].filter((e) => getComputedStyle(e).display !== 'none').length,
        kind,
      );
    const events = await shown('event');
    const calls = await shown('call');
    expect(events).toBeGreaterThan(0);
    expect(calls).toBeGreaterThan(0);
    await figure.locator('button[data-action="layer"][data-kind="event"]').click();
    expect(await shown('event')).toBe(0);
    expect(await shown('call')).toBe(calls);
    await figure.locator('button[data-action="layer"][data-kind="event"]').click();
    expect(await shown('event')).toBe(events);
    // In the viewer: focus mode, then a click on a box focuses it instead of following its link.
    await figure.locator('button[data-action="open"]').click();
    const dialog = page.locator('dialog.as-viewer[open]');
    await dialog.waitFor();
    await dialog.locator('button[data-viewer="layer"][data-kind="call"]').click();
    expect(
      await dialog.evaluate((d) => [...d.querySelectorAll('svg [data-kind="call"]')].every((e) => getComputedStyle(e).display === 'none')),
    ).toBe(true);
    await dialog.locator('button[data-viewer="focus"]').click();
    const target = await dialog.locator('svg a').evaluateAll((as, href) => {
      const box = as.find((a) => a.getAttribute('xlink:href') === href)!.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }, `${BASE}services/catalog/`);
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#focus=catalog');
    expect(page.url()).toContain('services/ordering/');
    expect(await dialog.evaluate((d) => d.querySelector('[data-element="service_catalog"]')!.classList.contains('as-focused'))).toBe(true);
    await expect.poll(() => dialog.locator('[role="status"]').textContent()).toMatch(/^Focused on catalog/);
    await page.close();
  });

  it('starts a deployment with its calls and events hidden, what runs where in view; a switch shows them', async () => {
    const page = await open(context, 'deployments/production/');
    const figure = page.locator('figure[data-view="deployment"]');
    const shown = (kind: string) =>
      figure.evaluate(
        (f, k) =>
          [...f.querySelectorAll(`.as-diagram-light svg path[data-kind="${k}"]`)].filter((e) => getComputedStyle(e).display !== 'none')
            .length,
        kind,
      );
    expect(await figure.getAttribute('data-hide-call')).toBe('');
    expect(await figure.locator('button[data-kind="call"]').getAttribute('aria-pressed')).toBe('false');
    expect(await shown('call')).toBe(0);
    expect(await shown('event')).toBe(0);
    expect(await shown('data')).toBeGreaterThan(0);
    await figure.locator('button[data-kind="call"]').click();
    expect(await shown('call')).toBeGreaterThan(0);
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
  it('shows each static SVG fitted to the column, or, too large to read fitted, in a window that scrolls', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}architecture/`, { waitUntil: 'load' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const figures = await page.$$eval('figure.as-diagram', (all) =>
      all.map((f) => {
        const canvas = f.querySelector('.as-diagram-canvas')!;
        const svg = [...canvas.querySelectorAll('svg')].find((s) => s.getBoundingClientRect().width > 0)!;
        return {
          natural: Number((f as HTMLElement).dataset.width),
          canvas: canvas.getBoundingClientRect().width,
          svg: svg.getBoundingClientRect().width,
          scrolls: canvas.scrollWidth > canvas.clientWidth + 1,
          note: getComputedStyle(f.querySelector('.as-diagram-more')!).display !== 'none',
        };
      }),
    );
    expect(figures.length).toBeGreaterThan(2);
    for (const f of figures) {
      expect(f.canvas).toBeLessThanOrEqual(390);
      // Fitted when its text reads at the column's width; else a scrolling window at 12 px text, said under it.
      const readsFitted = f.natural <= 2 * f.canvas;
      expect(f.scrolls).toBe(!readsFitted);
      expect(f.note).toBe(!readsFitted);
      if (readsFitted) expect(f.svg).toBeLessThanOrEqual(f.canvas + 0.5);
      else expect(Math.abs(f.svg - f.natural * 0.75)).toBeLessThanOrEqual(1);
    }
    expect(await page.locator('.as-diagram-tools').first().isVisible()).toBe(false);
    await context.close();
  });
});

describe('nothing moves once a page has loaded', () => {
  // The pages are watched side by side: each mostly waits for its page to settle.
  it.concurrent.for(['services/gateway/', 'services/ordering/', 'events/order.paid/', 'domains/ordering/', 'architecture/'])(
    'the layout shift of %s at 390 and 1440 stays under 0.05',
    async (route, { expect }) => {
      for (const width of [390, 1440]) {
        const context = await browser.newContext({ viewport: { width, height: width > 500 ? 900 : 844 } });
        await watchLayoutShift(context);
        const page = await context.newPage();
        await page.goto(`${site.url}${route}`, { waitUntil: 'load' });
        await page.waitForTimeout(1500);
        expect(await layoutShift(page), `${route} at ${width}`).toBeLessThan(0.05);
        await context.close();
      }
    },
  );
});
