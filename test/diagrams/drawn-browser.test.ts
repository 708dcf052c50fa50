import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchitecture } from '../../bench/generate.ts';
import { siteDiagramViews } from '../../plugins/astro/diagrams/prerender.ts';
import { drawInNode } from '../../plugins/astro/diagrams/drawn/draw.ts';
import { TextMetrics } from '../../plugins/astro/diagrams/drawn/text-metrics.ts';
import { mermaidPage, pageDiagram, renderInPage, type Outcome } from '../../plugins/astro/diagrams/render.ts';
import { mermaidConfig } from '../../plugins/astro/diagrams/svg-store.ts';
import { renderEntityChart } from '../../plugins/diagrams/entities.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { launch } from '../helpers/browser.ts';

/**
 * The diagrams drawn in Node (small flowcharts, and entity diagrams) against mermaid's own drawing of the same text, both shown in
 * Chromium with the bundled font: each box, each edge label and the whole drawing must have
 * the same size and place, to a fraction of a pixel.
 */
async function dagreTexts(contentDir: string): Promise<string[]> {
  const { model } = await loadModel({ contentDir });
  const texts = new Set<string>();
  for (const view of siteDiagramViews(model!, '/').values())
    for (const v of view ? [view, ...(view.states ?? [])] : [])
      for (const t of [v.text, v.narrow]) if (t && /layout: dagre\n---\n(?:flowchart|erDiagram)/.test(t)) texts.add(t);
  return [...texts];
}

/** Entity diagrams of the forms the models above may lack: relations both ways and twice over, labels empty, wrapped and long. (An entity related to itself is left to mermaid.) */
const ENTITY_CASES = [
  renderEntityChart({
    layout: 'dagre',
    title: 'Entities of Ordering',
    entities: [
      { id: 'Order', label: 'Order (Ordering service)', own: true },
      { id: 'OrderLine', label: 'OrderLine (Ordering service)', own: true },
      { id: 'Customer', label: 'Customer (Identity service)', own: false },
      { id: 'Product', label: 'Product (Catalog service, the one that also keeps the prices and the stock)', own: false },
    ],
    relations: [
      { from: 'Order', to: 'OrderLine', cardinality: '1:N', label: 'has' },
      { from: 'Customer', to: 'Order', cardinality: '1:N', label: '' },
      { from: 'Order', to: 'Customer', cardinality: 'N:1', label: 'is placed by, and billed to, the customer who signed in' },
      { from: 'OrderLine', to: 'Product', cardinality: 'N:M', label: 'names' },
      { from: 'OrderLine', to: 'Product', cardinality: 'N:1', label: 'prices' },
    ],
  }),
];

interface Geometry {
  view: [number, number];
  boxes: Record<string, [number, number, number, number]>;
  labels: Record<string, [number, number, number, number]>;
  /** Each edge's two ends. */
  ends: Record<string, [number, number, number, number]>;
}

/** Where each box and edge label of an SVG lands, in its own coordinates, once a browser has laid it out. */
function geometry(page: Page, svg: string): Promise<Geometry> {
  return page.evaluate((markup) => {
    document.body.innerHTML = markup;
    const root = document.body.querySelector('svg')!;
    const origin = root.getBoundingClientRect();
    const scale = root.viewBox.baseVal.width / origin.width;
    const rect = (el: Element): [number, number, number, number] => {
      const r = el.getBoundingClientRect();
      return [(r.x - origin.x) * scale, (r.y - origin.y) * scale, r.width * scale, r.height * scale];
    };
    const boxes: Geometry['boxes'] = {};
    for (const node of root.querySelectorAll('g.node'))
      boxes[/-(?:flowchart|entity)-(.+)-\d+$/.exec(node.id)![1]!] = rect(node.querySelector('.label-container')!);
    const labels: Geometry['labels'] = {};
    // mermaid writes an empty label for an edge without one: only the labels that show are compared.
    for (const label of root.querySelectorAll('g.edgeLabel foreignObject'))
      if (label.getBoundingClientRect().width > 0) labels[label.closest('[data-id]')!.getAttribute('data-id')!] = rect(label);
    const ends: Geometry['ends'] = {};
    for (const path of root.querySelectorAll<SVGPathElement>('path.flowchart-link, path.relationshipLine')) {
      const [start, end] = [path.getPointAtLength(0), path.getPointAtLength(path.getTotalLength())];
      ends[path.dataset.id!] = [start.x, start.y, end.x, end.y];
    }
    return { view: [root.viewBox.baseVal.width, root.viewBox.baseVal.height], boxes, labels, ends } as Geometry;
  }, svg);
}

let browser: Browser;
let page: Page;
let texts: string[];
let outcomes: Outcome[];

beforeAll(async () => {
  texts = [
    ...(await dagreTexts(path.join(import.meta.dirname, '../../content'))),
    ...(await dagreTexts(generateArchitecture(mkdtempSync(path.join(os.tmpdir(), 'archsite-drawn-')), 12))),
    ...ENTITY_CASES,
  ];
  browser = await launch();
  page = await mermaidPage(await browser.newPage());
  outcomes = await page.evaluate(renderInPage, { diagrams: texts.map(pageDiagram), config: mermaidConfig('light'), prefix: 'm' });
  await page.setViewportSize({ width: 3000, height: 2000 });
});

afterAll(() => browser?.close());

describe('small flowcharts and entity diagrams drawn in Node', () => {
  it('are drawn as mermaid draws them: every box and edge label the same size and in the same place, every edge from and to the same points', async () => {
    const metrics = new TextMetrics();
    expect(texts.length).toBeGreaterThan(60);
    expect(texts.filter((t) => t.includes('\nerDiagram\n')).length).toBeGreaterThan(10);
    const close = (a: readonly number[], b: readonly number[] | undefined, what: string) => {
      expect(b, what).toBeDefined();
      for (const [i, value] of a.entries())
        expect(Math.abs(value - b![i]!), `${what}: mermaid ${a.join(' ')}, Node ${b!.join(' ')}`).toBeLessThan(0.5);
    };
    for (const [i, text] of texts.entries()) {
      const outcome = outcomes[i]!;
      if ('error' in outcome) throw new Error(outcome.error);
      const drawn = drawInNode(text, metrics);
      expect(drawn, text).toBeDefined();
      const theirs = await geometry(page, outcome.svg);
      const ours = await geometry(page, drawn!.light);
      close(theirs.view, ours.view, `${text}\nthe drawing`);
      expect(Object.keys(ours.boxes).sort()).toEqual(Object.keys(theirs.boxes).sort());
      for (const [id, box] of Object.entries(theirs.boxes)) close(box, ours.boxes[id], `${text}\nbox ${id}`);
      expect(Object.keys(ours.labels).sort()).toEqual(Object.keys(theirs.labels).sort());
      for (const [id, box] of Object.entries(theirs.labels)) close(box, ours.labels[id], `${text}\nedge label ${id}`);
      expect(Object.keys(ours.ends).sort()).toEqual(Object.keys(theirs.ends).sort());
      for (const [id, ends] of Object.entries(theirs.ends)) close(ends, ours.ends[id], `${text}\nedge ${id}`);
    }
  });
});
