import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../plugins/astro/diagrams/chromium.ts';
import { drawInNode } from '../../plugins/astro/diagrams/drawn/draw.ts';
import { mayDrawInNode } from '../../plugins/astro/diagrams/drawn/drawable.ts';
import { TextMetrics } from '../../plugins/astro/diagrams/drawn/text-metrics.ts';
import { diagramBrowser, drawingWorkers, renderDiagrams, renderingPages, type RenderReport } from '../../plugins/astro/diagrams/render.ts';
import { SvgStore } from '../../plugins/astro/diagrams/svg-store.ts';
import { generateArchitecture } from '../../bench/generate.ts';
import { buildView, siteViews, viewOptions } from '../../plugins/diagrams/index.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { CHROMIUM } from '../helpers/browser.ts';
import { HOSTILE, hostileModel } from '../helpers/hostile.ts';
import { modelOf } from '../helpers/model.ts';

/** Renders real diagrams in Chromium, into a fresh cache. */
const cache = mkdtempSync(path.join(os.tmpdir(), 'archsite-svg-'));
const store = new SvgStore(cache);
const cachedDiagram = (text: string) => store.diagram(text);

const model = await modelOf({
  'content/system.yaml': 'name: Shop\n',
  'content/people/buyer.yaml': 'name: Buyer\nuses: [orders]\n',
  'content/domains/sales.yaml': 'name: Sales\ntype: core\n',
  'content/resources/db.yaml': 'name: Orders DB\ntype: postgresql\n',
  'content/services/orders.yaml':
    'name: Orders\nresponsibility: Takes orders.\ndomain: sales\ndata: { stores: [db] }\ndependencies: [{ target: stock, protocol: gRPC }]\n',
  'content/services/stock.yaml': 'name: Stock\nresponsibility: Counts.\ndomain: sales\n',
});
const container = buildView(model, 'container', undefined, viewOptions('/shop/'))!.text;
const hostile = siteViews(await hostileModel(), viewOptions('/'));
const BROKEN = 'flowchart LR\n  a -->\n';
let report: RenderReport;

const svgTree = (svg: string): Root => fromHtml(svg, { fragment: true });

beforeAll(async () => {
  expect(findChromium(CHROMIUM)).toBe(CHROMIUM);
  report = await renderDiagrams([container, BROKEN, ...hostile.map((v) => v.text)], CHROMIUM, store);
}, 120_000);

describe('build-time rendering', () => {
  it('renders every diagram, in light and dark, and reports the broken one with mermaid’s error', () => {
    expect(report.rendered).toBe(1 + hostile.length);
    expect([...report.errors.keys()]).toEqual([BROKEN]);
    expect(report.errors.get(BROKEN)).toMatch(/^Parse error on line \d+/);
    expect(readdirSync(cache).filter((f) => f.endsWith('.svg'))).toHaveLength(2 * (1 + hostile.length));
  });

  it('draws a build’s fences and views in one Chromium, one page passed from one to the other, as each draws alone', async () => {
    const shared = diagramBrowser(CHROMIUM);
    const own = new SvgStore(mkdtempSync(path.join(os.tmpdir(), 'archsite-svg-')));
    const fence = 'sequenceDiagram\n  Buyer->>Orders: places an order\n  Orders-->>Buyer: confirms it\n';
    try {
      const [fences, views] = await Promise.all([
        renderDiagrams([fence], shared, own),
        renderDiagrams([container], shared, own, { rest: true }),
      ]);
      expect([fences.rendered, views.rendered, fences.errors.size + views.errors.size]).toEqual([1, 1, 0]);
      // Chromium started once, and mermaid loaded into one page, which both drawings used in turn.
      expect(shared.opened).toBe(1);
      // Both drawn, Chromium rests, its memory given back; a drawing after that starts it again,
      // and keeps it running unless it too lets it rest.
      expect(shared.started).toBe(false);
      const later = await renderDiagrams([`${fence}  Orders->>Buyer: ships it\n`], shared, own);
      expect([later.rendered, later.errors.size, shared.opened, shared.started]).toEqual([1, 0, 2, true]);
    } finally {
      await shared.close();
    }
    expect(own.diagram(container)).toEqual(cachedDiagram(container));
    // Closed by whoever made it: a drawing after that is refused, not left waiting.
    await expect(renderDiagrams([`${fence}  Buyer->>Orders: again\n`], shared, own)).rejects.toThrow(/closed/);
  });

  it('puts every node label in the SVG, and links each box to its page under the base', () => {
    const { light, dark } = cachedDiagram(container)!;
    for (const svg of [light, dark]) {
      const tree = svgTree(svg);
      const text = toString(tree);
      for (const name of ['Buyer', 'Orders', 'Stock', 'Orders DB', 'Shop', 'Sales domain', 'gRPC', 'reads and writes'])
        expect(text).toContain(name);
      const links = selectAll('a', tree).map((a) => String(a.properties.xLinkHref ?? a.properties.href));
      expect(links.sort()).toEqual(['/shop/people/buyer/', '/shop/resources/db/', '/shop/services/orders/', '/shop/services/stock/']);
    }
    expect(light).not.toEqual(dark);
  });

  it('gives each cached SVG ids of its own, so two diagrams on one page never clash', () => {
    const { light, dark } = cachedDiagram(container)!;
    const id = (svg: string) => /^<svg id="([^"]+)"/.exec(svg)?.[1];
    expect(id(light)).toMatch(/^d[0-9a-f]{12}-l$/);
    expect(id(dark)).toBe(id(light)!.replace(/-l$/, '-d'));
    expect(light).not.toContain('archsite-light');
  });

  it('a rebuild renders nothing again', async () => {
    const again = await renderDiagrams([container, ...hostile.map((v) => v.text)], CHROMIUM, store);
    expect(again).toMatchObject({ rendered: 0, cached: 1 + hostile.length });
  });

  it('hostile names stay text: no script, no event handler, no foreign link', () => {
    for (const view of hostile) {
      const { light } = cachedDiagram(view.text)!;
      const tree = svgTree(light);
      expect(selectAll('script, iframe, object, embed', tree)).toEqual([]);
      const elements = selectAll('*', tree) as Element[];
      for (const el of elements)
        for (const key of Object.keys(el.properties)) expect(key, `${view.name}: <${el.tagName} ${key}>`).not.toMatch(/^on/i);
      for (const a of selectAll('a', tree)) expect(String(a.properties.xLinkHref ?? a.properties.href)).toMatch(/^\/[a-z]+\//);
    }
    const text = toString(svgTree(cachedDiagram(hostile.find((v) => v.name === 'container' && !v.of)!.text)!.light));
    expect(text).toContain(HOSTILE[1]);
    expect(text).toContain(HOSTILE[0]);
  });
});

describe('rendering pages', () => {
  it.each([
    [0, 2, 1],
    [63, 2, 1],
    [600, 2, 1],
    [601, 2, 2],
    [1426, 2, 2],
    [1426, 4, 3],
    [7106, 4, 4],
    [7106, 1, 1],
  ])('for %i diagrams on %i cores: %i', (diagrams, cores, pages) => {
    expect(renderingPages(diagrams, cores)).toBe(pages);
  });
});

describe('drawing in worker threads', () => {
  it.each([
    [0, 2, 0],
    [99, 4, 0],
    [100, 2, 1],
    [1400, 2, 1],
    [1400, 4, 3],
    [1400, 8, 4],
    [7000, 1, 1],
  ])('for %i diagrams on %i cores: %i threads', (diagrams, cores, threads) => {
    expect(drawingWorkers(diagrams, cores)).toBe(threads);
  });

  it('draws many diagrams in worker threads exactly as in the build’s own thread', async () => {
    const { model: synthetic } = await loadModel({
      contentDir: generateArchitecture(mkdtempSync(path.join(os.tmpdir(), 'archsite-workers-')), 40),
    });
    const texts = [...new Set(siteViews(synthetic!, viewOptions('/')).map((v) => v.text))].filter(mayDrawInNode);
    expect(drawingWorkers(texts.length)).toBeGreaterThan(0);
    const own = new SvgStore(mkdtempSync(path.join(os.tmpdir(), 'archsite-svg-')));
    const drawn = await renderDiagrams(texts, CHROMIUM, own);
    expect(drawn).toMatchObject({ rendered: texts.length, drawnInNode: texts.length, cached: 0 });
    const metrics = new TextMetrics();
    for (const text of texts) expect(own.diagram(text), text).toEqual(drawInNode(text, metrics));
  });
});
