import { compare } from '../diagnostics.ts';
import type { Check } from './context.ts';

/**
 * `supersedes` must not loop (error), and a decision marked `superseded` should be named
 * by the decision that replaced it (warning).
 */
export const checkSupersedes: Check = ({ model, occurrences, parsed, diagnostics }) => {
  const edges = new Map<string, string[]>();
  for (const o of occurrences.supersedes) edges.set(o.owner.id, [...(edges.get(o.owner.id) ?? []), o.target.id]);
  for (const o of occurrences.supersedes) {
    const path = pathBack(o.target.id, o.owner.id, edges);
    if (!path) continue;
    diagnostics.report('supersedes-cycle', o.file, o.at, `decisions supersede each other in a cycle: ${[o.owner.id, ...path].join(' → ')}`);
  }
  for (const decision of model.byKind.decision.values()) {
    if (decision.data.status !== 'superseded' || model.relations.supersededBy.has(decision.id)) continue;
    const at = parsed.get(`decision:${decision.id}`)!.locate.value(['status']);
    diagnostics.report(
      'unsuperseded-decision',
      decision.source.file,
      at,
      `decision '${decision.id}' is marked superseded, but no decision supersedes it`,
    );
  }
};

/** The chain from `from` to `to` along supersedes edges, if there is one. */
function pathBack(from: string, to: string, edges: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const previous = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === to) {
      const path: string[] = [];
      for (let n: string | null = node; n !== null; n = previous.get(n)!) path.unshift(n);
      return path;
    }
    for (const next of [...(edges.get(node) ?? [])].sort(compare)) {
      if (previous.has(next)) continue;
      previous.set(next, node);
      queue.push(next);
    }
  }
  return undefined;
}
