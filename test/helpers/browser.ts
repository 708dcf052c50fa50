import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../plugins/astro/diagrams/chromium.ts';

/** Debian's Chromium, as `.ci/run` installs it. */
export const CHROMIUM = process.env.ARCHSITE_CHROMIUM || '/usr/bin/chromium';

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/** Starts headless Chromium as the build does: without any network chatter (the machine is offline). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
}

/**
 * Counts the layout shift of every page the context opens, from its first paint, as Core Web
 * Vitals do (shifts right after an input left out); read it with `layoutShift(page)`.
 */
export async function watchLayoutShift(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    (window as unknown as { shift: number }).shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
        if (!entry.hadRecentInput) (window as unknown as { shift: number }).shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The layout shift of the page so far (see watchLayoutShift). */
export function layoutShift(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { shift: number }).shift);
}

/**
 * Visits every item on a few pages at once, each page taking the next item when it is done
 * with one: a test that opens every page of a site waits mostly on the browser, not the cores.
 * `newPage` makes each page (and sets it up: handlers, viewport); every page is closed after.
 */
export async function onPages<T>(
  items: readonly T[],
  newPage: () => Promise<Page>,
  visit: (page: Page, item: T) => Promise<void>,
  count = 3,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    const page = await newPage();
    try {
      while (next < items.length) await visit(page, items[next++]!);
    } finally {
      await page.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(count, items.length) }, worker));
}
