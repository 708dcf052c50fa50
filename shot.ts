import { launch } from './test/helpers/browser.ts';
import { serve } from './test/helpers/serve.ts';
const site = await serve('/work/main/dist');
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
for (const [p, name, theme] of process.argv.slice(2).map((a) => a.split(','))) {
  await page.goto(site.url + p);
  if (theme)
    await page.evaluate((t) => {
      document.documentElement.dataset.theme = t;
    }, theme);
  await page.screenshot({ path: `/tmp/${name}.png`, fullPage: false });
}
await browser.close();
await site.close();
