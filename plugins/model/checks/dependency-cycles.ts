import { compare } from '../diagnostics.ts';
import type { Check } from './context.ts';

/**
 * Warns about cycles of synchronous service-to-service dependencies. Each strongly
 * connected group is reported once, at the dependency that closes the cycle found from
 * its first service in id order.
 */
export const checkDependencyCycles: Check = ({ occurrences, diagnostics }) => {
  const edges = new Map<string, Map<string, (typeof occurrences.dependencies)[number]>>();
  for (const o of occurrences.dependencies) {
    if (o.target.kind !== 'service') continue;
    const out = edges.get(o.owner.id) ?? new Map();
    if (!out.has(o.target.id)) out.set(o.target.id, o);
    edges.set(o.owner.id, out);
  }
  for (const group of stronglyConnected(edges)) {
    const start = group[0]!;
    const members = new Set(group);
    const cycle = shortestCycle(start, edges, members);
    if (!cycle) continue;
    const closing = edges.get(cycle.at(-2)!)!.get(start)!;
    diagnostics.report('dependency-cycle', closing.file, closing.at, `synchronous dependency cycle: ${cycle.join(' → ')}`);
  }
};

/** Tarjan's algorithm, iterative; groups of more than one service, or with a self-call. */
function stronglyConnected(edges: ReadonlyMap<string, ReadonlyMap<string, unknown>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let next = 0;
  const nodes = [...edges.keys()].sort(compare);
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; targets: string[]; i: number }[] = [];
    const enter = (node: string) => {
      index.set(node, next);
      low.set(node, next++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, targets: [...(edges.get(node)?.keys() ?? [])].sort(compare), i: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      if (frame.i < frame.targets.length) {
        const target = frame.targets[frame.i++]!;
        if (!index.has(target)) enter(target);
        else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        if (group.length > 1 || edges.get(frame.node)?.has(frame.node)) groups.push(group.sort(compare));
      }
    }
  }
  return groups.sort((a, b) => compare(a[0]!, b[0]!));
}

/** The shortest path start → … → start inside the group, as a list of ids. */
function shortestCycle(
  start: string,
  edges: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
  members: ReadonlySet<string>,
): string[] | undefined {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of [...(edges.get(node)?.keys() ?? [])].sort(compare)) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let n = node; n !== start; n = previous.get(n)!) path.unshift(n);
        path.unshift(start);
        return path;
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return undefined;
}
