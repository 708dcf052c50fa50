import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { FACTS_BASE, factsSite } from '../helpers/build.ts';
import { serve } from '../helpers/serve.ts';

/** A site built where no Chromium exists draws its diagrams in the reader's browser. */
let browser: Browser;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  const built = factsSite('none');
  expect(built.code).toBe(0);
  site = await serve(built.out, FACTS_BASE);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('client-side diagrams', () => {
  it('draws every diagram of the page, without a script error, and its boxes link to pages', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const scripts: string[] = [];
    page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname)));
    await page.goto(`${site.url}services/loans/`);
    await page.waitForSelector('figure[data-view="neighbourhood"] pre.as-mermaid-client svg', { timeout: 30_000 });
    await page.waitForSelector('figure[data-view="entities"] pre.as-mermaid-client svg', { timeout: 30_000 });
    const links = await page.$$eval('figure[data-view="neighbourhood"] svg a', (as) =>
      as.map((a) => a.getAttribute('xlink:href') ?? a.getAttribute('href')),
    );
    expect(links).toContain('/lib/services/lending-api/');
    expect(errors).toEqual([]);
    // mermaid as its package ships it, published by the build under its version, not bundled with the pages' scripts.
    expect(scripts).toContainEqual(expect.stringMatching(/^\/lib\/_archsite\/mermaid-\d+\.\d+\.\d+\/mermaid\.esm\.min\.mjs$/));
    expect(scripts.filter((s) => s.startsWith('/lib/_astro/') && /mermaid|elk|cytoscape/i.test(s))).toEqual([]);
    await page.close();
  });
});
