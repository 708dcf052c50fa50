import { readdirSync, readFileSync } from 'node:fs';

/**
 * Memory of a process and all its descendants, in bytes (Linux /proc): the sum of their
 * resident sets (which counts memory shared between Chromium's processes once per process),
 * and the sum of their proportional set sizes (which counts it once).
 */
export function treeMemory(root: number): { rss: number; pss: number } {
  const parents = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      rss.set(Number(entry), Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  // PSS (smaps_rollup walks a process's memory map) is read for the tree only: the sampler
  // runs on the same cores as the build it measures.
  const total = { rss: 0, pss: 0 };
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total.rss += rss.get(pid) ?? 0;
    total.pss += pss(String(pid));
    stack.push(...(parents.get(pid) ?? []));
  }
  return total;
}

function pss(pid: string): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}
