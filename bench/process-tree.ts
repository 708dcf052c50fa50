import { readdirSync, readFileSync } from 'node:fs';

/**
 * Memory of a process and all its descendants, in bytes (Linux /proc): the sum of their
 * resident sets (which counts memory shared between Chromium's processes once per process),
 * and the sum of their proportional set sizes (which counts it once).
 */
export function treeMemory(root: number): { rss: number; pss: number } {
  const parents = new Map<number, number[]>();
  const memory = new Map<number, { rss: number; pss: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
      memory.set(Number(entry), { rss, pss: pss(entry) });
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const total = { rss: 0, pss: 0 };
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total.rss += memory.get(pid)?.rss ?? 0;
    total.pss += memory.get(pid)?.pss ?? 0;
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
