import { it } from 'vitest';
import { launch } from './helpers/browser.ts';
import { serve } from './helpers/serve.ts';
it('debug', async () => {
  const site = await serve(process.env.OUT!, '/shop/');
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (m) => console.log('CONSOLE', m.text()));
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  await page.goto(`${site.url}architecture/`);
  await page.locator('figure[data-view="container"] button[data-action="open"]').first().click();
  await page.locator('dialog.as-viewer[open]').waitFor();
  console.log(await page.evaluate(() => {
    const d = document.querySelector('dialog.as-viewer')!;
    const stage = d.querySelector('.as-viewer-stage')!.getBoundingClientRect();
    const h = d.querySelector<HTMLElement>('.as-viewer-diagram')!;
    const box = h.getBoundingClientRect();
    return JSON.stringify({ stage, box, t: h.style.transform, o: getComputedStyle(h).transformOrigin, w: h.style.width });
  }));
  await page.screenshot({ path: '/tmp/dbg/viewer.png' });
  await browser.close(); await site.close();
}, 60_000);
