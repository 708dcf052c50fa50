import { readdirSync, readFileSync } from 'node:fs';

/**
 * Memory of a process and all its descendants, in bytes (Linux /proc): the sum of their
 * resident sets (which counts memory shared between Chromium's processes once per process),
 * and the sum of their proportional set sizes (which counts it once).
 */
export function treeMemory(root: number, withPss = true): { rss: number; pss: number } {
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
    if (withPss) total.pss += pss(String(pid));
    stack.push(...(parents.get(pid) ?? []));
  }
  return total;
}

/** Linux's clock ticks per second, in which /proc/<pid>/stat counts CPU time (`getconf CLK_TCK`). */
const TICKS = 100;

/**
 * CPU time spent by a process and its descendants since the last call, in milliseconds,
 * for a sampler called every so often: each process's time is counted from where the last
 * call left it (a process seen for the first time, from its start). What a process spent
 * between the last call and its exit is not seen.
 */
export function treeCpuSampler(root: number): () => number {
  const seen = new Map<number, number>();
  return () => {
    const parents = new Map<number, number[]>();
    const cpu = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        // After the command's closing parenthesis: state ppid … utime (14th field) stime (15th).
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ppid = Number(fields[1]);
        cpu.set(Number(entry), ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS);
        parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
      } catch {
        // The process ended while we looked.
      }
    }
    let spent = 0;
    const stack = [root];
    while (stack.length > 0) {
      const pid = stack.pop()!;
      const now = cpu.get(pid);
      if (now !== undefined) {
        spent += now - (seen.get(pid) ?? 0);
        seen.set(pid, now);
      }
      stack.push(...(parents.get(pid) ?? []));
    }
    return spent;
  };
}

function pss(pid: string): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}
