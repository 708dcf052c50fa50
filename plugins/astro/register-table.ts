import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

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
 */
export function registerTable(html: string, options: RegisterOptions): string {
  const tree = fromHtml(html, { fragment: true });
  const table = find(tree, (el) => el.tagName === 'table');
  if (!table) return html;
  const head = find(table, (el) => el.tagName === 'thead');
  const headerRow = head ? [...elements(head)].filter((el) => el.tagName === 'tr').at(-1) : undefined;
  const labels = headerRow ? cells(headerRow).map((th) => textOf(th).replace(/\s+/g, ' ').trim()) : [];
  const keys = uniqueKeys(labels);
  if (headerRow) cells(headerRow).forEach((th, i) => (th.properties.dataCol = keys[i]));
  const body = find(table, (el) => el.tagName === 'tbody') ?? table;
  for (const row of [...elements(body)].filter((el) => el.tagName === 'tr')) {
    let column = 0;
    for (const cell of cells(row)) {
      if (keys[column] !== undefined) {
        cell.properties.dataCol = keys[column];
        if (labels[column]) cell.properties.dataLabel = labels[column];
      }
      column += Number(cell.properties.colSpan ?? 1) || 1;
    }
  }
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
  const region = el('div', { className: ['as-table-wrap'], role: 'region', ariaLabel: options.label, tabIndex: 0 }, [table]);
  const register = el(
    'div',
    {
      className: ['as-register'],
      dataRegister: options.id,
      ...(options.cards ? { dataCards: '' } : {}),
    },
    [tools, region],
  );
  replace(tree, table, register);
  return toHtml(tree);
}

function el(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function* elements(parent: Root | Element): Generator<Element> {
  for (const child of parent.children) if (child.type === 'element') yield child;
}

function cells(row: Element): Element[] {
  return [...elements(row)].filter((c) => c.tagName === 'td' || c.tagName === 'th');
}

/** The first element, depth first, that `test` accepts. */
function find(parent: Root | Element, test: (el: Element) => boolean): Element | undefined {
  for (const child of elements(parent)) {
    if (test(child)) return child;
    const inner = find(child, test);
    if (inner) return inner;
  }
  return undefined;
}

function textOf(node: Element | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
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

/** Puts `next` where `old` is: in place of the wrap a template put around the table, if there is one. */
function replace(tree: Root, old: Element, next: Element): void {
  const visit = (parent: Root | Element): boolean => {
    const i = parent.children.indexOf(old);
    if (i !== -1) {
      const isWrap =
        parent.type === 'element' &&
        parent.tagName === 'div' &&
        (parent.properties.className as string[] | undefined)?.includes('as-table-wrap');
      if (isWrap && parent.children.filter((c) => c.type === 'element').length === 1) {
        parent.tagName = next.tagName;
        parent.properties = next.properties;
        parent.children = next.children;
      } else parent.children[i] = next;
      return true;
    }
    return [...elements(parent)].some(visit);
  };
  visit(tree);
}
