import type { Code, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import type { Site } from '../pages/site.ts';
import { figureTree } from './diagrams/figure.ts';
import { FIGURE_COMPONENT, importComponent } from './mdx-imports.ts';

/**
 * Replaces ```mermaid fences with the diagram's figure (see diagrams/figure.ts): rendered
 * before the build, light and dark, with its source below; or, when diagrams are drawn in
 * the reader's browser, with a block that the figure script draws. In MDX the fence becomes the `<DiagramFigure>` component
 * (MDX cannot carry the SVG's `<style>` as plain HTML); in Markdown, the figure itself.
 */
export function remarkMermaid(options: { readonly site: () => Site | undefined }) {
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
      const site = options.site();
      if (!site) return;
      const figure = figureTree({ text: node.value, title: '' }, { ...site.diagrams, base: site.base });
      const data = node.data ?? (node.data = {});
      Object.assign(data, { hName: 'figure', hProperties: figure.properties, hChildren: figure.children });
      // The node is now a figure for remark-rehype: nothing else may treat it as code.
      (node as unknown as { type: string }).type = 'archsiteDiagram';
    });
    if (used) importComponent(tree, 'ArchsiteDiagramFigure', FIGURE_COMPONENT);
  };
}
