import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { Parser } from 'htmlparser2';

export interface RegisterOptions {
  /** Names the register in the address (`?hide-<id>=audit,compliance`). */
  readonly id: string;
  /** What the table is, for screen readers: the name of its scrolling region. */
  readonly label: string;
  /** Rows become cards in a narrow column (the stylesheet's container query), each cell labelled with its column. */
  readonly cards: boolean;
}

/** The mark at the end of a page's content (see MarkdownContent.astro), which a wide page is not painted before. */
export const CONTENT_END_ID = 'archsite-content-end';

/**
 * The frontmatter of a page that uses the width of the screen (a register or an overview):
 * no table of contents beside it, and a mark in its head by which the stylesheet widens the
 * column. The mark is in the head so that the column is wide from the first paint: marked in
 * the body, below the fold, the page was first painted narrow and then jumped wide once the
 * browser had read that far (a layout shift of 0.08 on a slow machine).
 *
 * Nor is the page painted before the browser has read its content to the end (`<link
 * rel="expect" blocking="render">`): a table's columns take the width of the widest cell, and
 * a busy machine painted a register with the rows read so far, then widened its columns as
 * more came (a layout shift of 0.006). Browsers that know no render-blocking paint as before.
 */
export function widePage() {
  return {
    tableOfContents: false as const,
    head: [
      { tag: 'meta' as const, attrs: { name: 'archsite:layout', content: 'wide' } },
      { tag: 'link' as const, attrs: { rel: 'expect', href: `#${CONTENT_END_ID}`, blocking: 'render' } },
    ],
  };
}

/**
 * A register's table, made to read at any width, at build time so that nothing moves once the
 * page has loaded: each cell carries its column (`data-col`, and `data-label`, which a card
 * shows before the value); the table scrolls in a region that keyboards reach, with a note
 * that it does (shown by client/register.ts); a chooser of the columns to show, listing each
 * but the first (the row's name), revealed by the same script. The markup in is the table as
 * a template wrote it, with or without its own `.as-table-wrap`.
 *
 * The table is read with a streaming tokenizer and its markup kept as it is, the attributes
 * written into each cell's opening tag: a register of 2,000 rows is a megabyte of HTML, and
 * parsing it into a tree and writing the tree out again took a third of a second.
 */
export function registerTable(html: string, options: RegisterOptions): string {
  const table = readTable(html);
  if (!table) return html;
  const labels = table.header.map((cell) => cell.text.replace(/\s+/g, ' ').trim());
  const keys = uniqueKeys(labels);
  const inserts: { at: number; text: string }[] = table.header.map((cell, i) => ({
    at: cell.tagEnd,
    text: attributes({ 'data-col': keys[i] }),
  }));
  for (const row of table.rows) {
    let column = 0;
    for (const cell of row) {
      if (keys[column] !== undefined)
        inserts.push({ at: cell.tagEnd, text: attributes({ 'data-col': keys[column], 'data-label': labels[column] || undefined }) });
      column += cell.span;
    }
  }
  let marked = '';
  let from = table.start;
  for (const { at, text } of inserts.sort((a, b) => a.at - b.at)) {
    marked += html.slice(from, at) + text;
    from = at;
  }
  marked += html.slice(from, table.end);

  const chooser: Element = el('details', { className: ['as-columns'] }, [
    el('summary', {}, [text('Columns')]),
    el('fieldset', {}, [
      el('legend', {}, [text('Columns to show')]),
      ...labels
        .slice(1)
        .map((label, i) =>
          el('label', {}, [el('input', { type: 'checkbox', checked: true, dataCol: keys[i + 1] }, []), text(` ${label}`)]),
        ),
    ]),
  ]);
  const hint = el('span', { className: ['as-scroll-hint'] }, [text('Scroll the table sideways for more columns →')]);
  // Its place is kept until the script shows it (see the stylesheet): nothing moves when it does.
  const tools = el('div', { className: ['as-register-tools'], hidden: true }, [...(labels.length > 2 ? [chooser] : []), hint]);
  const region = el('div', { className: ['as-table-wrap'], role: 'region', ariaLabel: options.label, tabIndex: 0 }, []);
  const register = el(
    'div',
    {
      className: ['as-register'],
      dataRegister: options.id,
      ...(options.cards ? { dataCards: '' } : {}),
    },
    [],
  );
  // In place of the wrap a template put around the table, if there is one.
  const [start, end] = table.wrap ?? [table.start, table.end];
  return `${html.slice(0, start)}${openTag(register)}${toHtml(tools)}${openTag(region)}${marked}</div></div>${html.slice(end)}`;
}

/** A cell's opening tag: where its attributes end (where more go), and the columns it spans. */
interface CellTag {
  readonly tagEnd: number;
  readonly span: number;
  text: string;
}

/** Where a fragment's first table is, the cells of its header row and of its body's rows, and the wrap it sits alone in. */
interface TableMarkup {
  readonly start: number;
  readonly end: number;
  readonly wrap: readonly [number, number] | undefined;
  readonly header: readonly CellTag[];
  readonly rows: readonly (readonly CellTag[])[];
}

/** Reads where the first table of `html` is and where its cells start (see `registerTable`); undefined without a table. */
function readTable(html: string): TableMarkup | undefined {
  /** The elements open where the tokenizer is: their name, start, whether it is a wrap, and how many elements it holds. */
  const open: { name: string; start: number; wrap: boolean; children: number }[] = [];
  let [start, end, table] = [-1, -1, -1];
  let wrap: [number, number] | undefined;
  let inHead = false;
  /** The row being read, and how deep in `open` it is. */
  let row: { cells: CellTag[]; at: number } | undefined;
  let cell: CellTag | undefined;
  const headRows: CellTag[][] = [];
  const rows: CellTag[][] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const parent = open.at(-1);
        if (parent) parent.children++;
        const wraps = name === 'div' && (attributes.class ?? '').split(/\s+/).includes('as-table-wrap');
        open.push({ name, start: parser.startIndex, wrap: wraps, children: 0 });
        const at = open.length - 1;
        if (start === -1 && name === 'table') [start, table] = [parser.startIndex, at];
        // The first table's own rows only, not those of a table inside one of its cells.
        if (table === -1 || end !== -1) return;
        if (name === 'thead' && at === table + 1) inHead = true;
        // A row of the head, or of the body (a `tbody`, or the table itself, as a browser reads it).
        if (name === 'tr' && (at === table + 1 || (at === table + 2 && ['thead', 'tbody'].includes(open[table + 1]!.name)))) {
          row = { cells: [], at };
          (inHead ? headRows : rows).push(row.cells);
        }
        if ((name === 'td' || name === 'th') && row && at === row.at + 1) {
          const tagEnd = html[parser.endIndex - 1] === '/' ? parser.endIndex - 1 : parser.endIndex;
          row.cells.push((cell = { tagEnd, span: Number(attributes.colspan ?? 1) || 1, text: '' }));
        }
      },
      ontext(value) {
        if (cell && inHead) cell.text += value;
      },
      onclosetag(name) {
        const closed = open.pop();
        if (!closed) return;
        const at = open.length;
        if (at === table && end === -1) end = parser.endIndex + 1;
        if (name === 'thead' && at === table + 1) inHead = false;
        if (row && at === row.at) row = undefined;
        if (row && at === row.at + 1) cell = undefined;
        // The wrap around the table, when the table is all it holds.
        if (closed.wrap && at === table - 1 && end !== -1 && !wrap && closed.children === 1) wrap = [closed.start, parser.endIndex + 1];
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  if (start === -1 || end === -1) return undefined;
  return { start, end, wrap, header: headRows.at(-1) ?? [], rows };
}

/** ` name="value"` for each attribute with a value, escaped for a double-quoted attribute. */
function attributes(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`)
    .join('');
}

/** An element's opening tag, as hast writes it. */
function openTag(element: Element): string {
  const html = toHtml(element);
  return html.slice(0, html.length - `</${element.tagName}>`.length);
}

function el(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

/** Column keys for the address: `Audit log` → `audit-log`, made unique; `col-3` for a header without words. */
function uniqueKeys(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  return labels.map((label, i) => {
    let key =
      label
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || `col-${i + 1}`;
    while (seen.has(key)) key = `${key}-${i + 1}`;
    seen.add(key);
    return key;
  });
}
