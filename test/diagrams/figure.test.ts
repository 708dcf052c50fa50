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
  });
});
