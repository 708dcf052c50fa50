import { describe, expect, it } from 'vitest';
import { searchView } from '../../plugins/astro/search-view.ts';

const diagram = (id: string, inner = '<g><text>Orders</text></g>') => `<svg id="${id}" width="100%">${inner}</svg>`;

describe('the search view of a page', () => {
  it("leaves out the diagrams' SVGs, nested ones included, and nothing else", () => {
    const icon = '<svg aria-hidden="true" viewBox="0 0 24 24"><path d="M1"/></svg>';
    const html = `<h1>Orders</h1>${icon}<figure data-pagefind-ignore>${diagram('d0123456789ab-l', '<svg><circle/></svg><text>x</text>')}${diagram('d0123456789ab-d')}<pre>flowchart</pre></figure><p>after</p>`;
    expect(searchView(html)).toBe(`<h1>Orders</h1>${icon}<figure data-pagefind-ignore><pre>flowchart</pre></figure><p>after</p>`);
  });

  it("leaves out Starlight's sidebar", () => {
    const sidebar = '<nav class="sidebar print:hidden" aria-label="Main"><ul><li><a href="/a/">A</a></li></ul></nav>';
    const toc = '<nav aria-labelledby="starlight__on-this-page"><a href="#x">X</a></nav>';
    expect(searchView(`<body>${sidebar}<main data-pagefind-body><h1>A</h1></main>${toc}</body>`)).toBe(
      `<body><main data-pagefind-body><h1>A</h1></main>${toc}</body>`,
    );
  });

  it('keeps a diagram holding anything pagefind reads inside ignored elements', () => {
    const filter = diagram('d0123456789ab-l', '<span data-pagefind-filter="kind">service</span>');
    const image = diagram('dffffffffffff-l', '<foreignObject><img src="a.png"></foreignObject>');
    expect(searchView(`<p>${filter}${image}</p>`)).toBe(`<p>${filter}${image}</p>`);
  });

  it('is the page itself when it has no diagram, or an SVG that does not end', () => {
    expect(searchView('<p>plain</p>')).toBe('<p>plain</p>');
    expect(searchView('<p><svg id="d0123456789ab-l"><g></p>')).toBe('<p><svg id="d0123456789ab-l"><g></p>');
  });
});
