import type { Root } from 'mdast';
import { fileURLToPath } from 'node:url';

/** The components MDX documents get without importing them. */
export const DIAGRAM_COMPONENT = fileURLToPath(new URL('../../src/components/Diagram.astro', import.meta.url));
export const FIGURE_COMPONENT = fileURLToPath(new URL('../../src/components/DiagramFigure.astro', import.meta.url));

/** Adds `import <name> from "<file>"` at the top of an MDX tree, as MDX's ESM node with its estree. */
export function importComponent(tree: Root, name: string, file: string): void {
  tree.children.unshift({
    type: 'mdxjsEsm',
    value: `import ${name} from ${JSON.stringify(file)};`,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [
          {
            type: 'ImportDeclaration',
            specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name } }],
            source: { type: 'Literal', value: file, raw: JSON.stringify(file) },
            attributes: [],
          },
        ],
      },
    },
  } as unknown as Root['children'][number]);
}
