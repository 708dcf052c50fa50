import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Code, Html, Link, Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Position } from './diagnostics.ts';
import type { BodyDiagram, BodyFence, BodyLink, ParsedBody } from './markdown-body.ts';
import type { MarkdownBody } from './parse-source.ts';

/** Attributes that hold a URL a browser follows or loads. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlinkhref', 'xlink:href', 'poster', 'data', 'background', 'cite']);
/** Elements whose `src` is an image. */
const IMAGE_ELEMENTS = new Set(['img', 'image', 'picture', 'source']);

const markdown = unified().use(remarkParse);
const mdx = unified().use(remarkParse).use(remarkMdx);

/**
 * Finds the links and code fences of a Markdown or MDX body with a real Markdown parser,
 * so that links in code are never mistaken for links. Positions are file positions.
 * Loaded on demand (see markdown-body.ts).
 */
export function parseMarkdownBody(body: MarkdownBody): ParsedBody {
  const offset = body.line - 1;
  let tree: Root;
  try {
    tree = (body.mdx ? mdx : markdown).parse(body.text);
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message?: string };
    return {
      ok: false,
      at: { line: (place.line ?? 1) + offset, column: place.column ?? 1 },
      message: `MDX does not parse: ${place.reason ?? place.message ?? String(error)}`,
    };
  }
  const at = (node: { position?: { start: { line: number; column: number } } | undefined }): Position => ({
    line: (node.position?.start.line ?? 1) + offset,
    column: node.position?.start.column ?? 1,
  });
  const links: BodyLink[] = [];
  const fences: BodyFence[] = [];
  const diagrams: BodyDiagram[] = [];
  visit(tree, (node) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (node as { name?: string | null }).name === 'Diagram') {
      // Null prototype: attribute names are content (`<Diagram constructor="..." />`).
      const attributes: Record<string, string | undefined> = Object.create(null);
      for (const attribute of (node as unknown as { attributes: { type: string; name?: string; value?: unknown }[] }).attributes) {
        if (attribute.type === 'mdxJsxAttribute' && attribute.name)
          attributes[attribute.name] = typeof attribute.value === 'string' ? attribute.value : undefined;
      }
      diagrams.push({ attributes, at: at(node) });
    }
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      links.push({ url: (node as Link).url, at: at(node), image: node.type === 'image' });
    } else if (node.type === 'html') {
      links.push(...htmlLinks((node as Html).value, at(node)));
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const element = node as unknown as { name?: string | null; attributes: { type: string; name?: string; value?: unknown }[] };
      for (const attribute of element.attributes) {
        if (
          attribute.type !== 'mdxJsxAttribute' ||
          typeof attribute.value !== 'string' ||
          !URL_ATTRIBUTES.has(attribute.name?.toLowerCase() ?? '')
        )
          continue;
        links.push({ url: attribute.value, at: at(node), image: IMAGE_ELEMENTS.has(element.name?.toLowerCase() ?? ''), raw: true });
      }
    } else if (node.type === 'code') {
      fences.push({ lang: (node as Code).lang ?? '', text: (node as Code).value, at: at(node) });
    }
  });
  return { ok: true, links, fences, diagrams };
}

/**
 * The URL attributes of raw HTML in Markdown, read by an HTML parser (entities decoded as a
 * browser decodes them: `jav&#x61;script:` is `javascript:`), at their file positions.
 */
function htmlLinks(html: string, start: Position): BodyLink[] {
  const links: BodyLink[] = [];
  const tree = fromHtml(html, { fragment: true });
  visit(tree, 'element', (element: Element) => {
    for (const [name, value] of Object.entries(element.properties)) {
      if (!URL_ATTRIBUTES.has(name.toLowerCase()) || value === undefined || value === null) continue;
      const point = element.position?.start;
      const at: Position = !point
        ? start
        : point.line === 1
          ? { line: start.line, column: start.column + point.column - 1 }
          : { line: start.line + point.line - 1, column: point.column };
      links.push({ url: String(value), at, image: IMAGE_ELEMENTS.has(element.tagName), raw: true });
    }
  });
  return links;
}
