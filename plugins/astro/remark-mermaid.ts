import type { Code, Root } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import type { ElementContent } from 'hast';
import { visit } from 'unist-util-visit';
import { renderedDiagram } from './diagrams/figure.ts';

/**
 * Replaces ```mermaid fences with the diagram rendered before the build, light and dark,
 * with its source below; or, when diagrams are drawn in the reader's browser, with a
 * block that the client script draws.
 */
export function remarkMermaid() {
  return (tree: Root) => {
    visit(tree, 'code', (node: Code) => {
      if (node.lang !== 'mermaid') return;
      const svgs = renderedDiagram(node.value);
      const source: ElementContent = {
        type: 'element',
        tagName: 'details',
        properties: { className: ['as-diagram-source'] },
        children: [
          { type: 'element', tagName: 'summary', properties: {}, children: [{ type: 'text', value: 'Mermaid source' }] },
          {
            type: 'element',
            tagName: 'pre',
            properties: {},
            children: [{ type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: node.value }] }],
          },
        ],
      };
      const children: ElementContent[] = svgs
        ? [
            { type: 'element', tagName: 'div', properties: { className: ['as-diagram-light'] }, children: svgChildren(svgs.light) },
            { type: 'element', tagName: 'div', properties: { className: ['as-diagram-dark'] }, children: svgChildren(svgs.dark) },
            source,
          ]
        : [
            {
              type: 'element',
              tagName: 'pre',
              properties: { className: ['as-mermaid-client'] },
              children: [{ type: 'text', value: node.value }],
            },
            source,
          ];
      const data = node.data ?? (node.data = {});
      Object.assign(data, { hName: 'figure', hProperties: { className: ['as-diagram'], dataPagefindIgnore: '' }, hChildren: children });
      // The node is now a figure for remark-rehype: nothing else may treat it as code.
      (node as unknown as { type: string }).type = 'archsiteDiagram';
    });
  };
}

function svgChildren(svg: string): ElementContent[] {
  return fromHtml(svg, { fragment: true }).children as ElementContent[];
}
