/**
 * Focus and layers on a diagram's static SVG, in the reader's browser, with no new layout:
 * each box is named by its element (the node id archsite gave it) and each edge by the two
 * boxes it joins and the kind of relation it draws, read from what the build wrote (the
 * edge's dotted or solid pattern, the kinds of box it joins). Then a box can be focused (it,
 * its neighbours and the edges between them stay; the rest fades) and a kind of relation
 * hidden.
 */

import { nodeId } from '../../diagrams/escape.ts';
import { RELATION_KINDS, RELATION_LABELS, relationKind, type RelationKind } from '../../diagrams/relation-kinds.ts';

export type { RelationKind };

export const KIND_LABELS = RELATION_LABELS;

/**
 * Writes on each box `data-element` (its node id) and on each edge and edge label
 * `data-from`, `data-to` and `data-kind`. Returns the kinds the diagram draws, in a fixed
 * order. Idempotent.
 */
export function annotate(svg: SVGSVGElement): RelationKind[] {
  const boxes = new Map<string, Element>();
  for (const node of svg.querySelectorAll('g.node')) {
    const id = /-flowchart-(.+)-\d+$/.exec(node.id)?.[1];
    if (!id) continue;
    node.setAttribute('data-element', id);
    boxes.set(id, node);
  }
  const kinds = new Set<RelationKind>();
  for (const edge of svg.querySelectorAll('[data-id^="L_"]')) {
    const ends = endsOf(edge.getAttribute('data-id')!, boxes);
    if (!ends) continue;
    const path =
      edge.tagName.toLowerCase() === 'path' ? edge : svg.querySelector(`path[data-id="${CSS.escape(edge.getAttribute('data-id')!)}"]`);
    const kind = kindOf(path, boxes.get(ends.from), boxes.get(ends.to));
    kinds.add(kind);
    // The label's group, not its inner text box, is what shows or hides.
    const target = edge.tagName.toLowerCase() === 'path' ? edge : (edge.closest('g.edgeLabel') ?? edge);
    target.setAttribute('data-from', ends.from);
    target.setAttribute('data-to', ends.to);
    target.setAttribute('data-kind', kind);
  }
  return RELATION_KINDS.filter((k) => kinds.has(k));
}

/** `L_<from>_<to>_<n>`, split where both ends are boxes of the diagram. */
function endsOf(dataId: string, boxes: ReadonlyMap<string, Element>): { from: string; to: string } | undefined {
  const middle = /^L_(.+)_\d+$/.exec(dataId)?.[1];
  if (!middle) return undefined;
  for (let i = middle.indexOf('_'); i !== -1; i = middle.indexOf('_', i + 1)) {
    const from = middle.slice(0, i);
    const to = middle.slice(i + 1);
    if (boxes.has(from) && boxes.has(to)) return { from, to };
  }
  return undefined;
}

/** The style a box was drawn in: archsite's class among the node's classes (see diagrams/flowchart.ts). */
function styleOf(box: Element | undefined): string | undefined {
  return box ? [...box.classList].find((c) => !['node', 'default', 'clickable'].includes(c)) : undefined;
}

function kindOf(path: Element | null, from: Element | undefined, to: Element | undefined): RelationKind {
  return relationKind(!!path?.classList.contains('edge-pattern-dotted'), styleOf(from), styleOf(to));
}

/**
 * Focuses a box: it, the boxes it is joined to and the edges between them stay; everything
 * else fades. Without an id, or with one the diagram does not hold, clears the focus.
 * Returns whether the diagram holds the box.
 */
export function focus(svg: SVGSVGElement, element: string | undefined): boolean {
  const all = [...svg.querySelectorAll('[data-element], [data-kind]')];
  for (const el of all) el.classList.remove('as-faded', 'as-focused');
  if (!element || !svg.querySelector(`[data-element="${CSS.escape(element)}"]`)) return false;
  const kept = new Set([element]);
  for (const edge of svg.querySelectorAll('[data-kind]')) {
    const from = edge.getAttribute('data-from')!;
    const to = edge.getAttribute('data-to')!;
    if (from === element) kept.add(to);
    if (to === element) kept.add(from);
  }
  for (const el of all) {
    const own = el.getAttribute('data-element');
    const touches = el.getAttribute('data-from') === element || el.getAttribute('data-to') === element;
    if (own === element) el.classList.add('as-focused');
    else if (own ? !kept.has(own) : !touches) el.classList.add('as-faded');
  }
  return true;
}

/** The box of an element of the model in a diagram: `ordering-api` names `service_ordering_api`, whatever its kind. */
export function boxOf(svg: SVGSVGElement, elementId: string): string | undefined {
  // Boxes are named `<kind>_<id>` (see diagrams/escape.ts nodeId); deployment instances `instance_<node>_<kind>_<id>`, not matched.
  const id = nodeId(elementId);
  return [...svg.querySelectorAll('[data-element]')]
    .map((el) => el.getAttribute('data-element')!)
    .find((box) => box.endsWith(`_${id}`) && /^[a-z]+$/.test(box.slice(0, box.length - id.length - 1)));
}

/** The element id a box links to (`ordering-api` for `/services/ordering-api/`), for a focus that can be linked. */
export function elementOfBox(svg: SVGSVGElement, box: string): string | undefined {
  const link = svg.querySelector(`[data-element="${CSS.escape(box)}"] a, a:has(> [data-element="${CSS.escape(box)}"])`);
  const href = link?.getAttribute('href') ?? link?.getAttribute('xlink:href');
  return href ? decodeURIComponent(href.replace(/\/$/, '').split('/').at(-1) ?? '') || undefined : undefined;
}

/** The element a page's address asks to focus: `#focus=ordering-api`. */
export function focusOfHash(hash: string): string | undefined {
  const match = /^#focus=(.+)$/.exec(hash);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}
