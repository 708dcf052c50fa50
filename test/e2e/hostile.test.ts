import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opensAsDocument } from '../../plugins/model/file-types.ts';
import { launch } from '../helpers/browser.ts';
import { buildTree, ROOT } from '../helpers/build.ts';
import { BREAKOUTS, hostileSite, LONG_WORD, PAYLOADS, SCRIPTED_SVG } from '../helpers/hostile.ts';
import { serve } from '../helpers/serve.ts';

/**
 * A site whose every field holds an XSS payload. Served as it is, every page is opened,
 * every diagram box clicked and the search used: no dialog may open and no payload may
 * become markup. Served again under the Content-Security-Policy archsite writes next to it,
 * nothing the site does may break the policy.
 */
const BASE = '/x/';
let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let strictSite: { url: string; close: () => Promise<void> };
let out: string;
const dialogs: string[] = [];
const violations: string[] = [];
const errors: string[] = [];

function pages(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return pages(full, `${prefix}${name}/`);
      return name === 'index.html' ? [prefix] : [];
    });
}

async function open(page: Page, route: string, where = site): Promise<void> {
  await page.goto(`${where.url}${route}`, { waitUntil: 'load' });
}

async function search(page: Page, query: string): Promise<void> {
  await page.waitForSelector('#starlight__search input', { state: 'attached' });
  await page.click('button[data-open-modal]');
  await page.fill('#starlight__search input', query);
  await page.waitForSelector('.pagefind-ui__result-link');
  // Open every filter group, so that every facet value is drawn.
  for (const name of await page.locator('.pagefind-ui__filter-name').all()) await name.click();
}

beforeAll(async () => {
  const built = buildTree(hostileSite(), BASE);
  expect(built.stderr).not.toMatch(/error/i);
  expect(built.code).toBe(0);
  out = built.out;
  const policy = readFileSync(path.join(out, '_archsite/content-security-policy.txt'), 'utf8').trim();
  site = await serve(out, BASE);
  strictSite = await serve(out, BASE, { 'content-security-policy': policy });
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await strictSite?.close();
});

function watch(page: Page): void {
  page.on('dialog', async (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
      violations.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
}

describe('hostile content', () => {
  // One visit of each page serves both: what it shows is checked first, then every box of its diagrams is clicked.
  it('opens every page without a dialog, with every payload shown as text, and clicks every box of every diagram, each one leading to a page of the site', async () => {
    const page = await browser.newPage();
    watch(page);
    // Where each click sends the browser, taken as the request leaves and stopped there: the
    // clicked page stays for its next box, and every page a box leads to is opened here.
    const targets: string[] = [];
    let clicking = false;
    await page.route('**/*', (route) => {
      const request = route.request();
      if (!clicking || !request.isNavigationRequest() || request.frame() !== page.mainFrame()) return route.continue();
      targets.push(request.url());
      return route.abort('aborted');
    });
    let clicked = 0;
    const routes = pages(out);
    expect(routes.length).toBeGreaterThan(25);
    for (const route of routes) {
      await open(page, route);
      // No element the payloads could have made exists in the page.
      const injected = await page.$$eval('*', (els) =>
        els.flatMap((el) =>
          [...el.attributes].filter((a) => /^on/i.test(a.name) && /alert/.test(a.value)).map((a) => `<${el.tagName} ${a.name}>`),
        ),
      );
      expect(injected, route).toEqual([]);
      const links = await page.$$eval('a', (as) =>
        as.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href') ?? '').filter((h) => /^\s*javascript:/i.test(h)),
      );
      expect(links, route).toEqual([]);
      clicking = true;
      // The drawing shown (a figure may also hold one for a narrow column, hidden here).
      const boxes = page.locator('figure.as-diagram .as-diagram-light svg a').filter({ visible: true });
      const count = await boxes.count();
      for (let i = 0; i < count; i++) {
        const before = targets.length;
        await boxes.nth(i).scrollIntoViewIfNeeded();
        await boxes.nth(i).click({ force: true });
        await expect.poll(() => targets.length, { message: `box ${i} of ${route}` }).toBe(before + 1);
        expect(targets.at(-1)!.startsWith(site.url), targets.at(-1)).toBe(true);
        expect(page.url(), 'the clicked page stays').toBe(`${site.url}${route}`);
        clicked++;
      }
      clicking = false;
    }
    expect(clicked).toBeGreaterThan(20);
    const service = routes.find((r) => r === 'services/svc/')!;
    await open(page, service);
    const text = await page.textContent('main');
    for (const payload of [PAYLOADS[0]!, PAYLOADS[1]!, PAYLOADS[8]!, BREAKOUTS]) expect(text).toContain(payload);
    // The head holds the names as text: the title reads as written, the description too.
    expect(await page.title()).toBe(`${PAYLOADS[8]} ${BREAKOUTS} | ${PAYLOADS[0]} ${BREAKOUTS}`);
    expect(await page.getAttribute('meta[name="description"]', 'content')).toBe(`${PAYLOADS[9]} ${BREAKOUTS}`);
    expect(await page.getAttribute('meta[property="og:site_name"]', 'content')).toBe(`${PAYLOADS[0]} ${BREAKOUTS}`);
    expect(await page.locator('head > :not(title, meta, link, script, style, template)').count()).toBe(0);
    // docs/index.md is the docs landing page: its title and prose, above the list of the other pages.
    await open(page, 'docs/');
    expect(await page.textContent('h1')).toBe(`${PAYLOADS[2]} ${BREAKOUTS}`);
    expect(await page.locator('main table tbody tr').count()).toBe(2);
    expect(await page.getAttribute('main a:text("the odd one")', 'href')).toBe(`${BASE}docs/odd-name-1-/`);
    // Pages whose names come from the keys every object inherits, and odd file names, are there.
    for (const route of [
      'teams/constructor/',
      'resources/__proto__/',
      'resources/tostring/',
      'people/hasownproperty/',
      'docs/',
      'docs/odd-name-1-/',
    ])
      expect(routes).toContain(route);
    await page.close();
  }, 300_000);

  it('fits every page on a phone, names wider than the screen included', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    watch(page);
    for (const route of pages(out)) {
      await open(page, route);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), route).toBeLessThanOrEqual(390);
    }
    await open(page, 'events/evt/');
    expect(await page.textContent('main')).toContain(LONG_WORD);
    await page.close();
  }, 300_000);

  it('searches for the payloads, with every facet open, without a dialog or injected markup', async () => {
    const page = await browser.newPage();
    watch(page);
    await open(page, '');
    await search(page, 'script alert');
    expect(await page.locator('.pagefind-ui__result-link').count()).toBeGreaterThan(0);
    const injected = await page.$$eval('#starlight__search *', (els) =>
      els.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.outerHTML),
    );
    expect(injected).toEqual([]);
    await page.close();
  });

  it('works under its Content-Security-Policy: pages, diagrams, tables and search', async () => {
    const page = await browser.newPage();
    watch(page);
    for (const route of pages(out)) await open(page, route, strictSite);
    await open(page, 'services/', strictSite);
    await page.selectOption('select[data-filter-column="type"]', 'Worker');
    expect(await page.textContent('[data-count]')).toBe('1 service');
    await open(page, '', strictSite);
    await search(page, 'alert');
    await page.close();
  }, 300_000);

  it('publishes no file a browser would open as a page but the pages archsite rendered', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
      );
    const all = files(out);
    const documents = all.filter((file) => opensAsDocument(file)).map((file) => path.relative(out, file));
    expect(documents.length).toBeGreaterThan(10);
    for (const file of documents) {
      // Every one is an HTML page of the site, under its policy, or archsite's own (its icon); nothing under /files/, where content is published as it is.
      expect(file.startsWith('files/'), file).toBe(false);
      const own = path.join(ROOT, 'public', file);
      if (existsSync(own)) expect(readFileSync(path.join(out, file)).equals(readFileSync(own)), file).toBe(true);
      else expect(readFileSync(path.join(out, file), 'utf8'), file).toMatch(/^<!DOCTYPE html>/i);
    }
    // The scripted SVG is drawn on its page, from a data: URL, and is nowhere in the output as a file.
    expect(all.filter((file) => readFileSync(file).includes('alert("svg-file")'))).toEqual([]);
    expect(readFileSync(path.join(out, 'docs/page/index.html'), 'utf8')).toContain(
      `src="data:image/svg+xml;base64,${Buffer.from(SCRIPTED_SVG).toString('base64')}"`,
    );
  });

  it('no dialog opened, nothing broke the Content-Security-Policy, no script failed', () => {
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});
