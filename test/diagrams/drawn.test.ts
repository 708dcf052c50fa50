import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { siteDiagramViews } from '../../plugins/astro/diagrams/prerender.ts';
import { drawInNode } from '../../plugins/astro/diagrams/drawn/draw.ts';
import { TextMetrics } from '../../plugins/astro/diagrams/drawn/text-metrics.ts';
import { svgId } from '../../plugins/astro/diagrams/svg-store.ts';
import { renderEntityChart, type EntityChart } from '../../plugins/diagrams/entities.ts';
import { renderFlowchart, type Flowchart } from '../../plugins/diagrams/flowchart.ts';
import { readEntityChart } from '../../plugins/diagrams/read-entities.ts';
import { readFlowchart } from '../../plugins/diagrams/read-flowchart.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { generateArchitecture } from '../../bench/generate.ts';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';

/** Every diagram text the site of a content folder shows, its narrow variants and states included. */
async function siteTexts(contentDir: string): Promise<string[]> {
  const { model } = await loadModel({ contentDir });
  const texts = new Set<string>();
  for (const view of siteDiagramViews(model!, '/').values())
    for (const v of view ? [view, ...(view.states ?? [])] : []) for (const t of [v.text, v.narrow]) if (t) texts.add(t);
  return [...texts];
}

const example = await siteTexts(path.join(import.meta.dirname, '../../content'));
const synthetic = await siteTexts(generateArchitecture(mkdtempSync(path.join(os.tmpdir(), 'archsite-drawn-')), 30));
const metrics = new TextMetrics();

const chart = (over: Partial<Flowchart> = {}): Flowchart => ({
  direction: 'LR',
  title: 'Flow of orders',
  nodes: [
    { key: 'service:orders', name: 'Orders', detail: '[Service: Go]', style: 'container', link: '/services/orders/' },
    {
      key: 'event:order.created',
      name: 'order.created',
      detail: '[Event on Kafka: orders]',
      style: 'event',
      link: '/events/order.created/',
    },
    { key: 'resource:bus', name: 'Bus', detail: '[Queue: Kafka]', style: 'queue' },
    { key: 'person:shopper', name: 'Shopper', detail: '[Person]', style: 'person', planned: true },
  ],
  edges: [
    { from: 'service:orders', to: 'event:order.created', label: 'publishes', async: true },
    { from: 'person:shopper', to: 'service:orders', label: 'HTTPS', planned: true },
    { from: 'service:orders', to: 'resource:bus' },
  ],
  ...over,
});

describe('reading back the flowcharts archsite writes', () => {
  it('reads every small flowchart of the example and of a synthetic architecture exactly', () => {
    for (const text of [...example, ...synthetic]) {
      const read = readFlowchart(text);
      if (/layout: dagre\n---\nflowchart/.test(text)) {
        expect(read, text).toBeDefined();
        expect(renderFlowchart(read!)).toBe(text);
      }
    }
  });

  it('reads planned nodes and edges, shapes, links and escaped labels', () => {
    const hostile = chart({
      title: 'A "quoted" <b>title</b> & #35; %%{init}%%',
      nodes: [
        ...chart().nodes,
        { key: 'system:x', name: '</b><script>alert(1)</script>', detail: '{curly} `tick` 100%', style: 'external' },
      ],
    });
    const text = renderFlowchart(hostile);
    const read = readFlowchart(text)!;
    expect(renderFlowchart(read)).toBe(text);
    expect(read.title).toBe(hostile.title);
    expect(read.nodes.map((n) => [n.name, n.style, n.planned ?? false])).toEqual(
      hostile.nodes.map((n) => [n.name, n.style, n.planned ?? false]),
    );
    expect(read.edges.map((e) => [e.label, e.async ?? false, e.planned ?? false])).toEqual([
      ['publishes', true, false],
      ['HTTPS', false, true],
      [undefined, false, false],
    ]);
  });

  it('leaves anything else to mermaid', () => {
    const written = renderFlowchart(chart());
    for (const text of [
      'flowchart LR\n  a --> b\n',
      written.replace('flowchart LR', 'graph LR'),
      written.replace('  classDef container', '  %% a comment\n  classDef container'),
      written.replace(/\n$/, '\n  subgraph g ["G"]\n  end\n'),
      renderFlowchart(
        chart({ groups: [{ key: 'domain:d', title: 'D' }], nodes: chart().nodes.map((n) => ({ ...n, parent: 'domain:d' })) }),
      ),
      // A fence written in archsite's own form, linking where archsite never links: mermaid sanitizes it.
      written.replace('href "/services/orders/"', 'href "javascript:alert(1)"'),
      written.replace('href "/services/orders/"', 'href "//evil.example/"'),
    ]) {
      expect(written).toContain('href "/services/orders/"');
      expect(readFlowchart(text), text).toBeUndefined();
    }
    // The same text with a link of the site's own is read.
    expect(readFlowchart(written.replace('href "/services/orders/"', 'href "https://example.com/orders"'))).toBeDefined();
  });
});

describe('drawing small flowcharts in Node', () => {
  it('draws every small flowchart of the example, and leaves those ELK lays out and the other diagram types to mermaid', () => {
    const drawn = example.filter((t) => drawInNode(t, metrics));
    expect(drawn.length).toBeGreaterThan(30);
    expect(drawn.every((t) => /layout: dagre\n---\n(?:flowchart|erDiagram)/.test(t))).toBe(true);
    expect(drawn.filter((t) => t.includes('\nerDiagram\n')).length).toBeGreaterThan(3);
    expect(example.filter((t) => /layout: elk|^sequenceDiagram/m.test(t)).some((t) => drawInNode(t, metrics))).toBe(false);
  });

  it('gives the same bytes every time', () => {
    const text = renderFlowchart(chart());
    expect(drawInNode(text, new TextMetrics())).toEqual(drawInNode(text, metrics));
  });

  it('writes the ids, classes and links the site’s scripts read, in each theme under its own id', () => {
    const text = renderFlowchart(chart());
    const { light, dark } = drawInNode(text, metrics)!;
    for (const [svg, theme] of [
      [light, 'light'],
      [dark, 'dark'],
    ] as const) {
      const id = svgId(text, theme);
      const tree = fromHtml(svg, { fragment: true, space: 'svg' });
      expect(selectAll('svg', tree)[0]!.properties.id).toBe(id);
      expect(selectAll('g.node', tree).map((g) => String(g.properties.id))).toEqual([
        `${id}-flowchart-service_orders-0`,
        `${id}-flowchart-event_order_created-1`,
        `${id}-flowchart-resource_bus-2`,
        `${id}-flowchart-person_shopper-3`,
      ]);
      const edges = selectAll('path.flowchart-link', tree);
      expect(edges.map((e) => e.properties.dataId)).toEqual([
        'L_service_orders_event_order_created_0',
        'L_person_shopper_service_orders_0',
        'L_service_orders_resource_bus_0',
      ]);
      expect(edges.map((e) => (e.properties.className as string[]).includes('edge-pattern-dotted'))).toEqual([true, false, false]);
      expect(String(edges[1]!.properties.style)).toContain('stroke-dasharray:8 4');
      expect(selectAll('a', tree).map((a) => [a.properties.xLinkHref, a.properties.ariaLabel])).toEqual([
        ['/services/orders/', 'Orders, [Service: Go]'],
        ['/events/order.created/', 'order.created, [Event on Kafka: orders]'],
      ]);
      expect(selectAll('.edgeLabel .label', tree).map((l) => l.properties.dataId)).toHaveLength(2);
      expect(svg).toContain(`<style>#${id}{`);
    }
    expect(light).toContain('stroke:#333333');
    expect(dark).toContain('stroke:lightgrey');
  });

  it('escapes every label and title, and keeps no markup of the content', () => {
    const text = renderFlowchart(
      chart({
        title: '<img src=x onerror=alert(1)>',
        nodes: [{ key: 'service:x', name: '<script>alert(1)</script>', detail: '"quoted" & <b>', style: 'container', link: '/s/"x"/' }],
        edges: [],
      }),
    );
    const { light } = drawInNode(text, metrics)!;
    expect(light).not.toMatch(/<script|<img|<b>quoted/);
    expect(light).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(light).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const tree = fromHtml(light, { fragment: true, space: 'svg' });
    expect(selectAll('script, img', tree)).toHaveLength(0);
  });

  it('breaks a long line at its spaces, as wide as mermaid makes a wrapped label', () => {
    const description = 'Takes every order of the shop, checks its stock and its payment, and tells the warehouse to ship it.';
    const text = renderFlowchart(chart({ nodes: [{ key: 'service:x', name: 'X', description, style: 'container' }], edges: [] }));
    const tree = fromHtml(drawInNode(text, metrics)!.light, { fragment: true, space: 'svg' });
    const label = selectAll('g.node foreignObject', tree)[0]!;
    expect(label.properties.width).toBe('240');
    expect(selectAll('g.node br', tree).length).toBeGreaterThanOrEqual(2);
  });

  it('leaves to mermaid a diagram with text the bundled font does not draw', () => {
    for (const name of ['注文サービス', 'Заказы', 'e\u0301', 'עברית'])
      expect(
        drawInNode(renderFlowchart(chart({ nodes: [{ key: 'service:x', name, style: 'container' }], edges: [] })), metrics),
      ).toBeUndefined();
  });
});

const entities = (over: Partial<EntityChart> = {}): EntityChart => ({
  layout: 'dagre',
  title: 'Entities of Ordering',
  entities: [
    { id: 'Order', label: 'Order (Ordering service)', own: true },
    { id: 'Customer', label: 'Customer (Identity service)', own: false },
  ],
  relations: [
    { from: 'Customer', to: 'Order', cardinality: '1:N', label: 'places' },
    { from: 'Order', to: 'Customer', cardinality: 'N:1', label: '' },
  ],
  ...over,
});

describe('entity diagrams in Node', () => {
  it('reads back every entity diagram of the example and of a synthetic architecture exactly, and nothing else', () => {
    const diagrams = [...example, ...synthetic].filter((t) => t.includes('\nerDiagram\n'));
    expect(diagrams.length).toBeGreaterThan(10);
    for (const text of diagrams) expect(renderEntityChart(readEntityChart(text)!), text).toBe(text);
    const text = renderEntityChart(entities());
    for (const other of [
      text.replace('erDiagram', 'flowchart LR'),
      text.replace('||--o{', '|o--o{'),
      text.replace('  Customer["', '  Order["'),
      text.replace('classDef own fill:#1168bd', 'classDef own fill:#ff0000'),
      text.replace('  class Order own', '  class Order own\n  click Order href "javascript:alert(1)"'),
      `${text}  Order {\n    string id\n  }\n`,
    ])
      expect(readEntityChart(other), other).toBeUndefined();
  });

  it('draws entities and relations with the ids, classes and markers of mermaid’s own drawing, in each theme under its own id', () => {
    const text = renderEntityChart(entities());
    const { light, dark } = drawInNode(text, metrics)!;
    expect(drawInNode(text, new TextMetrics())).toEqual({ light, dark });
    for (const [svg, theme] of [
      [light, 'light'],
      [dark, 'dark'],
    ] as const) {
      const id = svgId(text, theme);
      const tree = fromHtml(svg, { fragment: true, space: 'svg' });
      expect(svg).toMatch(new RegExp(`^<svg id="${id}"[^>]* aria-roledescription="er"`));
      expect(selectAll('g.node', tree).map((g) => [String(g.properties.id), (g.properties.className as string[]).at(-1)])).toEqual([
        [`${id}-entity-Order-0`, 'own'],
        [`${id}-entity-Customer-1`, 'entity'],
      ]);
      const edges = selectAll('path.relationshipLine', tree);
      expect(edges.map((e) => [e.properties.dataId, e.properties.markerStart, e.properties.markerEnd])).toEqual([
        ['id_entity-Customer-1_entity-Order-0_0', `url(#${id}_er-onlyOneStart)`, `url(#${id}_er-zeroOrMoreEnd)`],
        ['id_entity-Order-0_entity-Customer-1_1', `url(#${id}_er-zeroOrMoreStart)`, `url(#${id}_er-onlyOneEnd)`],
      ]);
      for (const marker of ['onlyOneStart', 'zeroOrMoreEnd', 'zeroOrMoreStart', 'onlyOneEnd'])
        expect(selectAll(`marker#${id}_er-${marker}`, tree)).toHaveLength(1);
      // The empty label is not drawn.
      expect(selectAll('g.edgeLabel', tree)).toHaveLength(1);
    }
    expect(light).toContain('fill="#ECECFF"');
    expect(dark).toContain('fill="#1f2020"');
  });

  it('leaves to mermaid what it cannot be sure to draw as mermaid does', () => {
    const text = (over: Partial<EntityChart>) => renderEntityChart(entities(over));
    for (const other of [
      text({ layout: 'elk' }),
      text({ direction: 'LR' }),
      // An entity related to itself, one named by a relation only, a label too short to be sure of its box.
      text({ relations: [{ from: 'Order', to: 'Order', cardinality: '1:N', label: 'splits into' }] }),
      text({ relations: [{ from: 'Order', to: 'Invoice', cardinality: '1:N', label: 'bills' }] }),
      text({ entities: [{ id: 'A', label: 'A (S)', own: true }], relations: [] }),
      // Labels Markdown would read otherwise, escaped ones, and ones the bundled font lacks.
      text({ entities: [{ id: 'Order', label: '1. Order (Ordering service)', own: true }], relations: [] }),
      text({ entities: [{ id: 'Order', label: 'Order *(Ordering service)*', own: true }], relations: [] }),
      text({ entities: [{ id: 'Order', label: 'Order (see https://example.com)', own: true }], relations: [] }),
      text({ entities: [{ id: 'Order', label: 'Order #lt;b#gt; (Ordering service)', own: true }], relations: [] }),
      text({ entities: [{ id: 'Order', label: 'Заказ (Сервис заказов)', own: true }], relations: [] }),
      text({ title: 'Entities of #lt;img src=x onerror=alert(1)#gt;' }),
    ])
      expect(drawInNode(other, metrics), other).toBeUndefined();
  });
});
