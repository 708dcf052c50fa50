import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Code, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { renderedDiagram } from './diagrams/figure.ts';
import { FIGURE_COMPONENT, importComponent } from './mdx-imports.ts';

/**
 * Replaces ```mermaid fences with the diagram rendered before the build, light and dark,
 * with its source below; or, when diagrams are drawn in the reader's browser, with a block
 * that the client script draws. In MDX the fence becomes the `<DiagramFigure>` component
 * (MDX cannot carry the SVG's `<style>` as plain HTML); in Markdown, the figure itself.
 */
export function remarkMermaid() {
  return (tree: Root, file: VFile) => {
    const mdx = /\.mdx$/i.test(file.path ?? '');
    let used = false;
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang !== 'mermaid' || !parent || index === undefined) return;
      if (mdx) {
        used = true;
        parent.children[index] = {
          type: 'mdxJsxFlowElement',
          name: 'ArchsiteDiagramFigure',
          attributes: [
            { type: 'mdxJsxAttribute', name: 'text', value: node.value },
            { type: 'mdxJsxAttribute', name: 'title', value: '' },
          ],
          children: [],
        } as unknown as Root['children'][number];
        return;
      }
      const data = node.data ?? (node.data = {});
      Object.assign(data, {
        hName: 'figure',
        hProperties: { className: ['as-diagram'], dataPagefindIgnore: '' },
        hChildren: figureChildren(node.value),
      });
      // The node is now a figure for remark-rehype: nothing else may treat it as code.
      (node as unknown as { type: string }).type = 'archsiteDiagram';
    });
    if (used) importComponent(tree, 'ArchsiteDiagramFigure', FIGURE_COMPONENT);
  };
}

function figureChildren(text: string): ElementContent[] {
  const svgs = renderedDiagram(text);
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
        children: [{ type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: text }] }],
      },
    ],
  };
  if (!svgs)
    return [
      { type: 'element', tagName: 'pre', properties: { className: ['as-mermaid-client'] }, children: [{ type: 'text', value: text }] },
      source,
    ];
  return [
    {
      type: 'element',
      tagName: 'div',
      properties: { className: ['as-diagram-light'] },
      children: fromHtml(svgs.light, { fragment: true }).children as ElementContent[],
    },
    {
      type: 'element',
      tagName: 'div',
      properties: { className: ['as-diagram-dark'] },
      children: fromHtml(svgs.dark, { fragment: true }).children as ElementContent[],
    },
    source,
  ];
}
