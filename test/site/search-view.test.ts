import { describe, expect, it } from 'vitest';
import { withoutLead } from '../../plugins/astro/client/pagefind-api.js';
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
    expect(searchView(`<div>${sidebar}<h1>A</h1></div>`)).toBe('<div><h1>A</h1></div>');
  });

  it('keeps the head and, of the body, only the part pagefind indexes', () => {
    const head = '<!DOCTYPE html><html lang="en"><head><title>A | Shop</title></head><body class="x">';
    const header = '<header><a href="/">Shop</a><site-search data-pagefind-ignore>Search</site-search></header>';
    const toc = '<nav aria-labelledby="starlight__on-this-page"><a href="#x">X</a></nav>';
    const main = '<main data-pagefind-body lang="en"><h1>A</h1><span data-pagefind-filter="kind">Service</span></main>';
    expect(searchView(`${head}${header}<div>${toc}${main}</div><footer>Built with archsite</footer></body></html>`)).toBe(
      `${head}${main}</body></html>`,
    );
  });

  it('keeps the whole body when pagefind reads anything outside that part, or the part is not there once', () => {
    const main = '<main data-pagefind-body><h1>A</h1></main>';
    const outside = [
      `<body><span data-pagefind-filter="team">Shop</span>${main}</body>`,
      `<body>${main}<span data-pagefind-meta="kind">Service</span></body>`,
      `<body><img src="a.png" alt="">${main}</body>`,
      `<body><p>no part indexed</p></body>`,
      `<body>${main}<main data-pagefind-body><h1>B</h1></main></body>`,
    ];
    for (const page of outside) expect(searchView(page)).toBe(page);
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

describe('the search view, read as words', () => {
  it('keeps a space between table cells, and between the terms and descriptions of a list', () => {
    const table = '<table><tr><th>Uses</th><th>Kind</th></tr><tr><td>Payments</td><td>REST</td></tr></table>';
    expect(searchView(table)).toBe('<table><tr><th>Uses</th> <th>Kind</th> </tr><tr><td>Payments</td> <td>REST</td> </tr></table>');
    expect(searchView('<dl><dt>Channel</dt><dd>orders</dd><dt>Broker</dt><dd>Kafka</dd></dl>')).toBe(
      '<dl><dt>Channel</dt> <dd>orders</dd> <dt>Broker</dt> <dd>Kafka</dd> </dl>',
    );
  });
});

describe('an excerpt under its title', () => {
  it.each([
    ['<mark>Order</mark> Service. Service <mark>Order</mark> Management', 'Order Service', 'Service <mark>Order</mark> Management'],
    ['Responsibility. Manages carts and <mark>orders</mark>.', 'Responsibility', 'Manages carts and <mark>orders</mark>.'],
    ['<mark>Order</mark>', 'Order', ''],
    ['Fish &amp; chips: fried', 'Fish & chips', 'fried'],
    ['Order  created.\nWhen', 'Order created', 'When'],
    // Kept: the title ends inside a word, inside a mark, or is not where the excerpt starts.
    ['Ordering is available.', 'Order', 'Ordering is available.'],
    ['<mark>Orders</mark> are kept', 'Order', '<mark>Orders</mark> are kept'],
    ['Charges the <mark>order</mark>.', 'Payment Service', 'Charges the <mark>order</mark>.'],
    ['Order', 'Order Service', 'Order'],
    ['', 'Order', ''],
  ])('%j under %j is %j', (excerpt, title, expected) => {
    expect(withoutLead(excerpt, title)).toBe(expected);
  });
});
