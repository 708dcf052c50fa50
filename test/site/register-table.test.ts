import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { registerTable } from '../../plugins/astro/register-table.ts';

/** The register made of `html`, parsed, with each cell's column and label as `col|label`. */
function registered(html: string, cards = true) {
  const tree = fromHtml(registerTable(html, { id: 'services', label: 'Services "all"', cards }), { fragment: true });
  const columns = (selector: string) =>
    selectAll(selector, tree).map((cell) => `${cell.properties.dataCol ?? ''}|${cell.properties.dataLabel ?? ''}`);
  return { tree, columns };
}

const TABLE =
  '<table class="as-table"><thead><tr><th scope="col"><button type="button">Name</button></th><th>Domain &amp; team</th><th>Audit   log</th><th></th></tr></thead>' +
  '<tbody><tr><td title="a > b"><a href="/x/">X &lt;script&gt;</a></td><td>Sales</td><td>yes</td><td>-</td></tr>' +
  '<tr><td colspan="2">wide</td><td>no</td><td/></tr></tbody></table>';

describe('a register made of a table as a template writes it', () => {
  it('gives each header cell its column, and each body cell its column and label, spans counted', () => {
    const { columns } = registered(TABLE);
    expect(columns('thead th')).toEqual(['name|', 'domain-team|', 'audit-log|', 'col-4|']);
    expect(columns('tbody tr:first-child td')).toEqual(['name|Name', 'domain-team|Domain & team', 'audit-log|Audit log', 'col-4|']);
    expect(columns('tbody tr:last-child td')).toEqual(['name|Name', 'audit-log|Audit log', 'col-4|']);
  });

  it('keeps the cells’ own markup and text as they were', () => {
    const { tree } = registered(TABLE);
    const first = select('tbody td', tree)!;
    expect(first.properties.title).toBe('a > b');
    expect(toString(first)).toBe('X <script>');
    expect(selectAll('script', tree)).toHaveLength(0);
  });

  it('puts the table in a region named for screen readers, with the column chooser and the scroll hint', () => {
    const { tree } = registered(TABLE);
    const register = select('div.as-register', tree)!;
    expect(register.properties.dataRegister).toBe('services');
    expect(register.properties.dataCards).toBe('');
    const region = select('div.as-register > div.as-table-wrap[role=region]', tree)!;
    expect(region.properties.ariaLabel).toBe('Services "all"');
    expect(region.properties.tabIndex).toBe(0);
    expect(select('div.as-table-wrap > table.as-table', tree)).toBeDefined();
    expect(selectAll('.as-columns input', tree).map((input) => input.properties.dataCol)).toEqual(['domain-team', 'audit-log', 'col-4']);
    expect(select('.as-register-tools', tree)!.properties.hidden).toBe(true);
    expect(select('div.as-register', registered(TABLE, false).tree)!.properties.dataCards).toBeUndefined();
  });

  it('takes the place of a wrap that holds the table alone, and keeps one that holds more', () => {
    const alone = registered(`<p>before</p><div class="as-table-wrap as-heat">${TABLE}</div><p>after</p>`).tree;
    expect(selectAll('div.as-table-wrap', alone)).toHaveLength(1);
    expect(selectAll('.as-heat', alone)).toHaveLength(0);
    expect(selectAll('p', alone).map((p) => toString(p))).toEqual(['before', 'after']);
    const shared = registered(`<div class="as-table-wrap as-heat"><p>note</p>${TABLE}</div>`).tree;
    expect(select('.as-heat > p + .as-register', shared)).toBeDefined();
  });

  it('marks the first table only, not one inside a cell', () => {
    const { columns } = registered(
      '<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td><table><thead><tr><th>Inner</th></tr></thead><tbody><tr><td>in</td></tr></tbody></table></td></tr></tbody></table>',
    );
    expect(columns('table table td, table table th')).toEqual(['|', '|']);
    expect(columns('.as-table-wrap > table > tbody > tr > td')).toEqual(['a|A', 'b|B']);
  });

  it('leaves markup without a table as it is', () => {
    expect(registerTable('<p>No rows yet.</p>', { id: 'x', label: 'X', cards: true })).toBe('<p>No rows yet.</p>');
  });
});
