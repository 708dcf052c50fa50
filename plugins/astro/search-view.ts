import { DIAGRAM_SVG_START } from './diagrams/svg-store.ts';

/** What the search view leaves out: diagrams' SVGs and Starlight's sidebar, the same on every page. */
const LEFT_OUT = new RegExp(`${DIAGRAM_SVG_START.source}|<nav class="sidebar[\\s"]`, 'g');

/** A cell's or a term's end with the next tag right after it: "Uses</th><th>Kind". */
const CELL_END = /<\/(t[dh]|d[td])>(?=<)/g;

/** The part of a page pagefind indexes, Starlight's `<main>`. */
const INDEXED_START = '<main data-pagefind-body';
const INDEXED_END = '</main>';
/** What pagefind reads of a page even outside the part it indexes. */
const READ_ANYWHERE = /data-pagefind-(?:filter|meta|sort|default-meta)|<img\b/;

/**
 * A page as the search index sees it.
 * - Without its diagrams' SVGs and its sidebar. Diagrams sit in figures pagefind ignores,
 *   the sidebar outside the part it indexes (`data-pagefind-body`), and together they are
 *   four fifths of a page's bytes: so pagefind reads a fifth as much and finds the same
 *   words. A part that holds anything pagefind reads even in an ignored element (a
 *   `data-pagefind-*` attribute, an image) stays.
 * - Without the rest of the body around the part pagefind indexes (the header, the table
 *   of contents, the footer): a third of what was left (at 1,000 services, 129 → 87 MB),
 *   which pagefind indexed 15% sooner, into the same bytes. The head stays (the page's language
 *   and title).
 * - With a space after each table cell, and each term and description of a list, which the
 *   page writes side by side and pagefind would read as one word ("UsesKindProtocol").
 */
export function searchView(html: string): string {
  return withoutDiagrams(indexedPart(html)).replace(CELL_END, '</$1> ');
}

/**
 * The page's head and body tag, and in the body only the part pagefind indexes; the page as it
 * is when it has no such part, more than one, or anything pagefind reads outside it.
 */
function indexedPart(html: string): string {
  const start = html.indexOf(INDEXED_START);
  if (start === -1 || html.indexOf(INDEXED_START, start + 1) !== -1) return html;
  const end = html.lastIndexOf(INDEXED_END);
  const body = html.lastIndexOf('<body', start);
  const bodyTagEnd = body === -1 ? -1 : html.indexOf('>', body);
  if (end < start || bodyTagEnd === -1 || bodyTagEnd > start) return html;
  const [before, after] = [html.slice(bodyTagEnd + 1, start), html.slice(end + INDEXED_END.length)];
  if (READ_ANYWHERE.test(before) || READ_ANYWHERE.test(after)) return html;
  return `${html.slice(0, bodyTagEnd + 1)}${html.slice(start, end + INDEXED_END.length)}</body></html>`;
}

function withoutDiagrams(html: string): string {
  let out = '';
  let from = 0;
  for (const match of html.matchAll(LEFT_OUT)) {
    if (match.index < from) continue;
    const end = elementEnd(html, match.index, match[0].startsWith('<svg') ? 'svg' : 'nav');
    if (end === undefined) break;
    const part = html.slice(match.index, end);
    if (part.includes('data-pagefind') || part.includes('<img')) continue;
    out += html.slice(from, match.index);
    from = end;
  }
  return from === 0 ? html : out + html.slice(from);
}

/** Where the element named `name` starting at `start` ends, counting the ones nested in it. */
function elementEnd(html: string, start: number, name: 'svg' | 'nav'): number | undefined {
  const tag = new RegExp(`<${name}[\\s>]|</${name}>`, 'g');
  tag.lastIndex = start;
  let depth = 0;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    depth += match[0] === `</${name}>` ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return undefined;
}
