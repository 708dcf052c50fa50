/**
 * Dark diagrams without rendering them twice. mermaid lays a diagram out the same way in
 * both themes (the font is fixed); its light and dark SVGs differ only in the `<style>`
 * block and in theme colours written as attribute values: in `<defs>` (shadows,
 * gradients, markers) and, for entity diagrams, on each box. Those depend on the diagram
 * type, the configuration and the `classDef`s, not on the nodes. So diagrams that share
 * them (their *theme signature*) share one transplant: it is learnt from one diagram of
 * the group rendered in both themes, checked by turning that diagram's light SVG into
 * exactly its dark one, and then applied to the group's other light SVGs. A group whose
 * check fails is rendered in both themes, as is a diagram showing a colour the learnt one
 * did not, and any diagram of a type other than flowcharts and entity diagrams.
 */

/** Diagram types whose theme differences are known to be confined to styles and colour values. */
const TRANSPLANTABLE = /^(?:flowchart|graph|erDiagram)\b/;

/** What decides a diagram's theme styles: its front matter, its type line and its class definitions. */
export function themeSignature(text: string): string | undefined {
  const frontMatter = /^---\n[\s\S]*?\n---\n/.exec(text)?.[0] ?? '';
  const lines = text.slice(frontMatter.length).split('\n');
  const type = lines.find((line) => line.trim() !== '' && !line.trim().startsWith('%%'))?.trim();
  if (type === undefined || !TRANSPLANTABLE.test(type)) return undefined;
  // Directives change the configuration per diagram: such diagrams are rendered twice.
  if (text.includes('%%{')) return undefined;
  const classDefs = lines.filter((line) => /^\s*classDef\s/.test(line)).map((line) => line.trim());
  return [frontMatter, type.split(/\s/)[0], ...classDefs].join('\n');
}

const STYLE = /<style>[\s\S]*?<\/style>/;
const STYLE_MARK = '\u0000STYLE\u0000';
const ID_MARK = '\u0000ID\u0000';

export interface Transplant {
  /** The dark SVG of a diagram of the same signature, from its light SVG and its two ids. */
  apply(light: string, lightId: string, darkId: string): string | undefined;
}

/**
 * Learns the transplant from one diagram rendered in both themes, or returns undefined
 * when its light SVG cannot be turned into exactly its dark one.
 *
 * Besides the style block, a theme shows in attribute values: colours in `<defs>`, and in
 * some types (entity boxes) fills and strokes drawn on each shape. So the transplant maps
 * attribute values (`fill="#ECECFF"` to `fill="#1f2020"`), not whole tags, whose other
 * attributes (coordinates) differ from diagram to diagram. It refuses a diagram holding a
 * value, of an attribute the theme changes, that the diagram it was learnt from did not
 * show: what that value becomes in the dark theme was never seen.
 */
export function learnTransplant(light: string, lightId: string, dark: string, darkId: string): Transplant | undefined {
  const darkStyle = STYLE.exec(dark)?.[0];
  if (darkStyle === undefined || !STYLE.test(light)) return undefined;
  const from = tokens(mark(light, lightId));
  const to = tokens(mark(dark, darkId));
  // The dark SVG may hold more defs at the end (a gradient), never fewer tokens.
  if (to.length < from.length || from.at(-1) !== '</svg>' || to.at(-1) !== '</svg>') return undefined;
  /** Dark value of each `name\0lightValue` the theme changes. */
  const values = new Map<string, string>();
  for (let i = 0; i < from.length - 1; i++) {
    if (from[i] === to[i]) continue;
    const a = parseTag(from[i]!);
    const b = parseTag(to[i]!);
    if (!a || !b || a.open !== b.open || a.rest !== b.rest || a.attributes.length !== b.attributes.length) return undefined;
    for (const [j, [name, value]] of a.attributes.entries()) {
      const [darkName, darkValue] = b.attributes[j]!;
      if (darkName !== name) return undefined;
      const key = `${name}\0${value}`;
      const known = values.get(key);
      if (known !== undefined ? known !== darkValue : value !== darkValue) {
        if (known !== undefined) return undefined;
        values.set(key, darkValue);
      }
    }
  }
  // The values, of attributes the theme changes, that this diagram shows: only these are known in the dark theme.
  const themed = new Set([...values.keys()].map((key) => key.slice(0, key.indexOf('\0'))));
  const seen = new Set<string>();
  for (const token of from) {
    for (const [name, value] of parseTag(token)?.attributes ?? []) {
      if (!themed.has(name)) continue;
      seen.add(`${name}\0${value}`);
    }
  }
  const appended = to.slice(from.length - 1, -1).join('');
  const styleTemplate = darkStyle.split(darkId).join(ID_MARK);

  const transplant: Transplant = {
    apply(svg, svgLightId, svgDarkId) {
      if (!STYLE.test(svg)) return undefined;
      const parts = tokens(mark(svg, svgLightId));
      if (parts.at(-1) !== '</svg>') return undefined;
      let unseen = false;
      const body = parts
        .slice(0, -1)
        .map((token) =>
          token.replace(TAG_HEAD, (head) =>
            head.replace(ATTRIBUTE, (whole, name: string, value: string) => {
              if (!themed.has(name)) return whole;
              const key = `${name}\0${value}`;
              if (!seen.has(key)) unseen = true;
              const darkValue = values.get(key);
              return darkValue === undefined ? whole : ` ${name}="${darkValue}"`;
            }),
          ),
        )
        .join('');
      if (unseen) return undefined;
      return `${body}${appended}</svg>`
        .replace(STYLE_MARK, () => styleTemplate)
        .split(ID_MARK)
        .join(svgDarkId);
    },
  };
  return transplant.apply(light, lightId, darkId) === dark ? transplant : undefined;
}

/** The SVG with its style block and its id set aside, so the rest compares across diagrams and themes. */
function mark(svg: string, id: string): string {
  return svg.replace(STYLE, STYLE_MARK).split(id).join(ID_MARK);
}

/** The SVG cut before every tag. */
function tokens(svg: string): string[] {
  return svg.split(/(?=<)/);
}

/** A token's tag, up to its closing `>` (serialised SVG escapes `>` in text, and quotes every attribute value in `"`). */
const TAG_HEAD = /^<[^>]*>?/;
const ATTRIBUTE = / ([^\s="]+)="([^"]*)"/g;

/** A token as its tag's name, attributes and what follows them (the tag's end and any text). */
function parseTag(token: string): { open: string; attributes: [string, string][]; rest: string } | undefined {
  const head = TAG_HEAD.exec(token)?.[0];
  if (head === undefined) return undefined;
  const open = /^<\/?[^\s>/]+/.exec(head)?.[0];
  if (open === undefined) return undefined;
  const attributes: [string, string][] = [];
  const left = head.slice(open.length).replace(ATTRIBUTE, (_, name: string, value: string) => {
    attributes.push([name, value]);
    return '\0';
  });
  return { open, attributes, rest: `${left.replaceAll('\0', '')}${token.slice(head.length)}` };
}
