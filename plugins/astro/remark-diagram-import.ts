import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { DIAGRAM_COMPONENT, importComponent } from './mdx-imports.ts';

/**
 * Makes `<Diagram view="..." />` work in every MDX document without an import: where the
 * component is used and not imported, the import is added.
 */
export function remarkDiagramImport() {
  return (tree: Root) => {
    let used = false;
    let imported = false;
    visit(tree, (node) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (node as { name?: string | null }).name === 'Diagram')
        used = true;
      if (node.type === 'mdxjsEsm' && /\bDiagram\b/.test((node as { value: string }).value)) imported = true;
    });
    if (used && !imported) importComponent(tree, 'Diagram', DIAGRAM_COMPONENT);
  };
}
