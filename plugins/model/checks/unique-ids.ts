import { START, type Diagnostics } from '../diagnostics.ts';
import { kindInfo } from '../kinds.ts';
import type { ParsedElement } from '../read-elements.ts';
import { elementRoute } from '../routes.ts';
import type { DeploymentNodeData } from '../schemas/deployment.ts';
import type { FieldPath } from '../yaml-position.ts';

/**
 * Reports ids used twice: elements of one kind, components of one service, nodes of one
 * deployment. Every occurrence is reported, each naming the others. The first element of
 * each id is kept for the rest of the checks; the others are returned as dropped.
 */
export function checkUniqueIds(
  elements: readonly ParsedElement[],
  diagnostics: Diagnostics,
): { kept: ParsedElement[]; dropped: ParsedElement[] } {
  const groups = new Map<string, ParsedElement[]>();
  for (const el of elements) {
    const key = `${el.kind}:${el.id}`;
    groups.set(key, [...(groups.get(key) ?? []), el]);
  }
  const kept: ParsedElement[] = [];
  const dropped: ParsedElement[] = [];
  for (const group of groups.values()) {
    kept.push(group[0]!);
    dropped.push(...group.slice(1));
    if (group.length === 1) continue;
    for (const el of group) {
      if (el.kind === 'doc') {
        // Docs pages are named by their path: two paths that slug alike would be one page.
        const others = group.filter((o) => o !== el).map((o) => o.source.file);
        diagnostics.report('duplicate-route', el.source.file, START, `page ${elementRoute(el)} is also made from ${others.join(', ')}`);
        continue;
      }
      const others = group.filter((o) => o !== el).map((o) => `${o.source.file}:${o.locate.value(['id']).line}`);
      const at = el.source.multi || 'id' in (el.data as object) ? el.locate.key(['id']) : el.source.start;
      diagnostics.report(
        'duplicate-id',
        el.source.file,
        at,
        `${kindInfo(el.kind).label.toLowerCase()} id '${el.id}' is also used at ${others.join(', ')}`,
      );
    }
  }
  for (const el of kept) {
    if (el.kind === 'service') {
      const components = (el as ParsedElement<'service'>).data.components ?? [];
      reportRepeats(
        components.map((c, i) => ({ id: c.id, path: ['components', i, 'id'] })),
        el,
        'duplicate-component-id',
        'component',
        diagnostics,
      );
    }
    if (el.kind === 'deployment') {
      const nodes: { id: string; path: FieldPath }[] = [];
      const walk = (list: readonly DeploymentNodeData[], path: FieldPath) =>
        list.forEach((node, i) => {
          nodes.push({ id: node.id, path: [...path, i, 'id'] });
          if (node.nodes) walk(node.nodes, [...path, i, 'nodes']);
        });
      walk((el as ParsedElement<'deployment'>).data.nodes ?? [], ['nodes']);
      reportRepeats(nodes, el, 'duplicate-node-id', 'node', diagnostics);
    }
  }
  return { kept, dropped };
}

function reportRepeats(
  items: readonly { id: string; path: FieldPath }[],
  el: ParsedElement,
  code: 'duplicate-component-id' | 'duplicate-node-id',
  what: string,
  diagnostics: Diagnostics,
): void {
  // Positions are looked up only for repeats: reading one may mean parsing the file again.
  const first = new Map<string, FieldPath>();
  for (const item of items) {
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, item.path);
    else
      diagnostics.report(
        code,
        el.source.file,
        el.locate.value(item.path),
        `${what} id '${item.id}' is already used on line ${el.locate.value(seen).line}`,
      );
  }
}
