/** The front matter archsite writes on the diagrams it wants laid out by dagre. */
export const DAGRE = /^---\nconfig:\n {2}layout: dagre\n---\n/;

/**
 * Whether a diagram is one Node may draw, from its first lines alone: a flowchart without
 * groups or an entity diagram that archsite wrote for dagre to lay out (`drawInNode`, in
 * draw.ts, decides). Apart from the drawing, which loads dagre and the font's shaper: a build
 * whose diagrams are all cached sorts them without loading either.
 */
export function mayDrawInNode(text: string): boolean {
  const head = DAGRE.exec(text);
  if (!head) return false;
  const rest = text.slice(head[0].length);
  return rest.startsWith('erDiagram\n') || (/^flowchart (?:LR|TB)\n/.test(rest) && !text.includes('\n  subgraph '));
}
