/** The entities a label's text may hold, and what they stand for. */
const ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['#39', "'"],
  ['nbsp', ' '],
]);

const decode = (html: string) =>
  html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES.get(name.toLowerCase()) ?? entity;
  });

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Gives every linked node of a rendered diagram an accessible name with its lines apart.
 * A node's label is lines (name, `[Service: Go]`, description) split by `<br>`, which
 * assistive technology reads as one run-on word ("Orders[Service: Go]Takes orders"): the
 * link is named "Orders, [Service: Go], Takes orders" instead.
 */
export function labelLinks(svg: string): string {
  return svg.replace(/<a (?![^>]*\baria-label=)([^>]*)>([\s\S]*?)<\/a>/g, (whole, attributes: string, inner: string) => {
    const label = /<span[^>]*class="(?:[^"]* )?nodeLabel(?: [^"]*)?"[^>]*>([\s\S]*?)<\/span><\/div>/.exec(inner)?.[1];
    if (label === undefined) return whole;
    const lines = label
      .split(/<br\s*\/?>|<\/p>\s*<p>/i)
      .map((line) =>
        decode(line.replace(/<[^>]*>/g, ''))
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter(Boolean);
    if (lines.length === 0) return whole;
    return `<a aria-label="${escapeAttribute(lines.join(', '))}" ${attributes}>${inner}</a>`;
  });
}
