import type { Root } from 'mdast';
import { fileURLToPath } from 'node:url';
import { visit } from 'unist-util-visit';

const COMPONENT = fileURLToPath(new URL('../../src/components/Diagram.astro', import.meta.url));

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
    if (!used || imported) return;
    tree.children.unshift({
      type: 'mdxjsEsm',
      value: `import Diagram from ${JSON.stringify(COMPONENT)};`,
      data: {
        estree: {
          type: 'Program',
          sourceType: 'module',
          body: [
            {
              type: 'ImportDeclaration',
              specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name: 'Diagram' } }],
              source: { type: 'Literal', value: COMPONENT, raw: JSON.stringify(COMPONENT) },
              attributes: [],
            },
          ],
        },
      },
    } as unknown as Root['children'][number]);
  };
}
