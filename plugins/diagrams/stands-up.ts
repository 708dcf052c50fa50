import type { Flowchart } from './flowchart.ts';

/** Nodes side by side in a rank, at most, for a chart drawn top to bottom to be narrow: two boxes fit a phone. */
const NARROW_RANK = 2;

/**
 * Whether a chart drawn left to right reads better stood up, top to bottom, in a narrow
 * column: it is a chain of at least three ranks (callers, the subject, what it calls; or
 * producers, the event, consumers), none of them more than two boxes wide. Decided from the
 * chart, before anything is rendered, so that the build draws a second version only where
 * it gains: a rank of three boxes is as wide stood up as three ranks lying down.
 */
export function standsUp(chart: Flowchart): boolean {
  const ranks = ranksOf(chart);
  return ranks.length >= 3 && ranks.every((rank) => rank.length <= NARROW_RANK);
}

/** The chart's nodes by rank: each one rank after the furthest of the nodes that lead into it (edges that close a cycle left out). */
export function ranksOf(chart: Flowchart): string[][] {
  const keys = chart.nodes.map((n) => n.key);
  const into = new Map<string, string[]>(keys.map((k) => [k, []]));
  for (const e of chart.edges) if (e.from !== e.to && into.has(e.to) && into.has(e.from)) into.get(e.to)!.push(e.from);
  const rank = new Map<string, number>();
  const visiting = new Set<string>();
  const rankOf = (key: string): number => {
    const known = rank.get(key);
    if (known !== undefined) return known;
    visiting.add(key);
    let r = 0;
    for (const from of into.get(key) ?? []) if (!visiting.has(from)) r = Math.max(r, rankOf(from) + 1);
    visiting.delete(key);
    rank.set(key, r);
    return r;
  };
  const ranks: string[][] = [];
  for (const key of keys) (ranks[rankOf(key)] ??= []).push(key);
  return ranks.filter((r) => r !== undefined);
}
