import type { Link, Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Position } from './diagnostics.ts';
import type { MarkdownBody } from './parse-source.ts';

/** A link or image found in a Markdown body, at its position in the file. */
export interface BodyLink {
  readonly url: string;
  readonly at: Position;
  readonly image: boolean;
}

export type LinksResult =
  { readonly ok: true; readonly links: BodyLink[] } | { readonly ok: false; readonly at: Position; readonly message: string };

const markdown = unified().use(remarkParse);
const mdx = unified().use(remarkParse).use(remarkMdx);

/**
 * Finds the links of a Markdown or MDX body with a real Markdown parser, so links in code
 * spans and fences are never mistaken for links. Positions are file positions.
 */
export function bodyLinks(body: MarkdownBody): LinksResult {
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
  const links: BodyLink[] = [];
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
    const start = node.position?.start;
    links.push({
      url: (node as Link).url,
      at: { line: (start?.line ?? 1) + offset, column: start?.column ?? 1 },
      image: node.type === 'image',
    });
  });
  return { ok: true, links };
}
