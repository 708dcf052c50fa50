import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let axeServed: Promise<string> | undefined;

/**
 * axe-core's script at an address of its own on the loopback, for the test's whole run: a page
 * loads it as a file, which Chromium compiles once and keeps (given as source through the
 * protocol, it was compiled again on every page: 170-250 ms where the file takes 40-90).
 */
function axeUrl(): Promise<string> {
  axeServed ??= new Promise((resolve) => {
    const server = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' }).end(AXE);
    });
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/axe.min.js`));
    // It does not keep the test's process alive (a site from serve.ts is closed by its test; this one lives as long as the worker).
    server.unref();
  });
  return axeServed;
}

export interface Violation {
  readonly rule: string;
  readonly impact: string | null;
  readonly targets: readonly string[];
  readonly summary: string;
}

/**
 * Every violation axe-core finds on the page as it is now (after its scripts ran), WCAG 2.2
 * A and AA and best practice. Starlight's own search button names itself "Search" beside a
 * "Ctrl K" hint; that one finding is Starlight's, not ours, and is left out. The page must
 * allow a script from the loopback (a site served without its Content-Security-Policy).
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ url: await axeUrl() });
  const result = await page.evaluate(() =>
    (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[]; failureSummary?: string }[] }[] }>;
        };
      }
    ).axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations.flatMap((v) =>
    v.nodes
      .filter((n) => !(v.id === 'label-content-name-mismatch' && n.target.join(' ').includes('[data-open-modal')))
      .map((n) => ({ rule: v.id, impact: v.impact, targets: n.target, summary: (n.failureSummary ?? '').replace(/\s+/g, ' ') })),
  );
}

export interface DiagramText {
  readonly text: string;
  readonly color: string;
  readonly background: string;
  readonly ratio: number;
}

/**
 * The contrast of every piece of text in the diagrams the page shows, against what is drawn
 * under it: the box, boundary or label background it sits on, else the page. axe-core does
 * not measure text inside SVG, so this does, by the WCAG formula, from the colours the
 * browser computed.
 */
export function diagramTextContrast(page: Page): Promise<DiagramText[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (value: string | null): Rgba | undefined => {
      const m = /rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[,/ ]+([\d.]+%?))?\)/.exec(value ?? '');
      if (!m) return undefined;
      const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
      return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => [
      top[0] * top[3] + bottom[0] * (1 - top[3]),
      top[1] * top[3] + bottom[1] * (1 - top[3]),
      top[2] * top[3] + bottom[2] * (1 - top[3]),
      1,
    ];
    const luminance = ([r, g, b]: Rgba) =>
      [r, g, b]
        .map((c) => c / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
    const ratio = (a: Rgba, b: Rgba) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const page = parse(getComputedStyle(document.body).backgroundColor) ?? [255, 255, 255, 1];
    const fillOf = (el: Element): Rgba | undefined => {
      const style = getComputedStyle(el);
      if (el instanceof HTMLElement) {
        const bg = parse(style.backgroundColor);
        return bg && bg[3] > 0 ? bg : undefined;
      }
      if (!['rect', 'path', 'polygon', 'circle', 'ellipse'].includes(el.tagName.toLowerCase())) return undefined;
      const fill = parse(style.fill);
      const opacity = Number(style.fillOpacity || 1) * Number(style.opacity || 1);
      return fill && fill[3] * opacity > 0 ? [fill[0], fill[1], fill[2], fill[3] * opacity] : undefined;
    };
    const out: { text: string; color: string; background: string; ratio: number }[] = [];
    for (const figure of document.querySelectorAll('figure.as-diagram')) {
      const shown = [...figure.querySelectorAll<HTMLElement>('.as-diagram-canvas > div')].find((d) => d.getClientRects().length > 0);
      const svg = shown?.querySelector('svg');
      if (!svg) continue;
      const texts = [...svg.querySelectorAll('foreignObject *, text, tspan')].filter((el) =>
        [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''),
      );
      for (const el of texts) {
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) continue;
        el.scrollIntoView({ block: 'center', inline: 'center' });
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        const colour = parse(el instanceof HTMLElement ? style.color : style.fill);
        if (!colour) continue;
        // What is drawn under the text's middle, from the top: the layers it sits on, down to the page.
        const stack = document.elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        const below = stack.slice(stack.indexOf(el) + 1).filter((e) => svg.contains(e) || e === svg);
        // A sequence's step numbers are drawn on a marker, which is not hit at a point.
        const marker = el.classList.contains('sequenceNumber') ? svg.querySelector('[id$="-sequencenumber"] circle') : null;
        const layers = (marker ? [marker] : below).map(fillOf).filter((f): f is Rgba => f !== undefined);
        const background = layers.reduceRight<Rgba>((acc, layer) => over(layer, acc), page);
        const fg = over(colour, background);
        out.push({
          text: el.textContent!.trim().slice(0, 60),
          color: `rgb(${fg.slice(0, 3).map(Math.round).join(',')})`,
          background: `rgb(${background.slice(0, 3).map(Math.round).join(',')})`,
          ratio: Math.round(ratio(fg, background) * 100) / 100,
        });
      }
    }
    return out;
  });
}
