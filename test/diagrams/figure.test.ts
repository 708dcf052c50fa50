import { describe, expect, it } from 'vitest';
import { figureHtml } from '../../plugins/astro/diagrams/figure.ts';
import { labelLinks } from '../../plugins/astro/diagrams/link-labels.ts';

const TEXT = 'flowchart LR\n  a --> b\n';

describe('a diagram figure', () => {
  it('is a build error when the diagram was not rendered before the pages: never drawn in the browser instead', () => {
    expect(() => figureHtml({ text: TEXT, title: 'Containers' }, { mode: 'svg', base: '/', rendered: () => undefined })).toThrow(
      /"Containers" was not rendered before the pages/,
    );
  });

  it('uses the rendered SVGs, and draws in the browser only when the build has no browser (client mode)', () => {
    const svg = { light: '<svg id="d000000000000-l"></svg>', dark: '<svg id="d000000000000-d"></svg>' };
    const html = figureHtml({ text: TEXT, title: 'Containers' }, { mode: 'svg', base: '/', rendered: () => svg });
    expect(html).toContain(svg.light);
    expect(html).toContain(svg.dark);
    expect(html).not.toContain('as-mermaid-client');
    const client = figureHtml({ text: TEXT, title: 'Containers' }, { mode: 'client', base: '/', rendered: () => svg });
    expect(client).toContain('as-mermaid-client');
    expect(client).not.toContain(svg.light);
  });

  it('while the dev server renders in the background, uses an SVG that is ready and draws one that is not in the browser', () => {
    const svg = { light: '<svg id="d000000000000-l"></svg>', dark: '<svg id="d000000000000-d"></svg>' };
    const ready = figureHtml({ text: TEXT, title: 'Containers' }, { mode: 'background', base: '/', rendered: () => svg });
    expect(ready).toContain(svg.light);
    expect(ready).not.toContain('as-mermaid-client');
    const pending = figureHtml({ text: TEXT, title: 'Containers' }, { mode: 'background', base: '/', rendered: () => undefined });
    expect(pending).toContain('as-mermaid-client');
    expect(pending).toContain('flowchart LR');
  });

  it('carries a variant for a narrow column only where it is at most three quarters as wide, shown below that share of the width', () => {
    const svg = (w: number, t: string) => `<svg id="d${t}" viewBox="0 0 ${w} 100"></svg>`;
    const drawn = new Map([
      [TEXT, { light: svg(1000, 'wl'), dark: svg(1000, 'wd') }],
      ['narrow', { light: svg(400, 'nl'), dark: svg(400, 'nd') }],
      ['barely', { light: svg(900, 'bl'), dark: svg(900, 'bd') }],
    ]);
    const context = { mode: 'svg', base: '/', rendered: (t: string) => drawn.get(t) } as const;
    const html = figureHtml({ text: TEXT, title: 'Flow', narrow: 'narrow' }, context);
    expect(html).toContain('<div class="as-diagram-light as-diagram-wide"><svg id="dwl"');
    expect(html).toContain('<div class="as-diagram-dark as-diagram-narrow" style="--as-diagram-width:400px"><svg id="dnd"');
    expect(html).toMatch(/@container as-d-[0-9a-f]{12} \(max-width: 749\.5px\) \{\.as-diagram-canvas>div\.as-diagram-wide\{display:none\}/);
    const same = figureHtml({ text: TEXT, title: 'Flow', narrow: 'barely' }, context);
    expect(same).not.toContain('as-diagram-narrow');
    expect(same).not.toContain('id="dbl"');
  });
});

describe('linked diagram boxes', () => {
  it('are named with their lines apart, decoded and escaped', () => {
    const svg =
      '<svg><a xlink:href="/s/orders/"><g><foreignObject><div><span class="nodeLabel"><p><b>Orders &amp; "Co"</b><br><small>[Service: Go]</small><br><small>Takes orders.</small></p></span></div></foreignObject></g></a>' +
      '<a xlink:href="/x/"><g><text>plain</text></g></a></svg>';
    const out = labelLinks(svg);
    expect(out).toContain('<a aria-label="Orders &amp; &quot;Co&quot;, [Service: Go], Takes orders." xlink:href="/s/orders/">');
    // A link without a node label is left as it is.
    expect(out).toContain('<a xlink:href="/x/">');
    expect(labelLinks(out)).toBe(out);
    // mermaid marks a label written in Markdown with a second class.
    expect(
      labelLinks(
        '<svg><a xlink:href="/r/bus/"><g><foreignObject><div><span style="color:#fff" class="nodeLabel markdown-node-label"><p><b>Bus</b><br><small>[Queue: rabbitmq]</small></p></span></div></foreignObject></g></a></svg>',
      ),
    ).toContain('<a aria-label="Bus, [Queue: rabbitmq]" xlink:href="/r/bus/">');
  });
});
