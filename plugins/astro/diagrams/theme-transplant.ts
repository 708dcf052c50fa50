/**
 * Dark diagrams without rendering them twice. mermaid lays a diagram out the same way in
 * both themes (the font is fixed); its light and dark SVGs differ only in the `<style>`
 * block and in a few theme colours written into `<defs>` (shadows, gradients, markers).
 * Those depend on the diagram type, the configuration and the `classDef`s, not on the
 * nodes. So diagrams that share them (their *theme signature*) share one transplant: it
 * is learnt from one diagram of the group rendered in both themes, checked by turning that
 * diagram's light SVG into exactly its dark one, and then applied to the group's other
 * light SVGs. A group whose check fails is rendered in both themes, as is any diagram of a
 * type other than flowcharts and entity diagrams.
 */

/** Diagram types whose theme differences are known to be confined to styles and defs. */
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
 */
export function learnTransplant(light: string, lightId: string, dark: string, darkId: string): Transplant | undefined {
  const darkStyle = STYLE.exec(dark)?.[0];
  if (darkStyle === undefined || !STYLE.test(light)) return undefined;
  const from = tokens(mark(light, lightId));
  const to = tokens(mark(dark, darkId));
  // The dark SVG may hold more defs at the end (a gradient), never fewer tokens.
  if (to.length < from.length || from.at(-1) !== '</svg>' || to.at(-1) !== '</svg>') return undefined;
  const replace = new Map<string, string>();
  for (let i = 0; i < from.length - 1; i++) {
    if (from[i] === to[i]) continue;
    const known = replace.get(from[i]!);
    if (known !== undefined && known !== to[i]) return undefined;
    replace.set(from[i]!, to[i]!);
  }
  const appended = to.slice(from.length - 1, -1).join('');
  const styleTemplate = darkStyle.split(darkId).join(ID_MARK);

  const transplant: Transplant = {
    apply(svg, svgLightId, svgDarkId) {
      if (!STYLE.test(svg)) return undefined;
      const parts = tokens(mark(svg, svgLightId));
      if (parts.at(-1) !== '</svg>') return undefined;
      const body = parts
        .slice(0, -1)
        .map((token) => replace.get(token) ?? token)
        .join('');
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
