import { spawn } from 'node:child_process';
import { treeCpuSampler, treeMemory } from './process-tree.ts';

/** What one command cost: wall time, the CPU time and peak memory of its whole process tree. */
export interface Measured {
  /** Wall time, in milliseconds. */
  readonly ms: number;
  /** CPU time of the process tree, in milliseconds (sampled: see treeCpuSampler). */
  readonly cpu: number;
  /** The largest RSS and PSS of the tree seen, in bytes (see treeMemory). */
  readonly peak: number;
  readonly peakPss: number;
  /** stdout and stderr, interleaved. */
  readonly output: string;
  readonly code: number | null;
  /** When it was spawned and when it exited (milliseconds since the epoch). */
  readonly spawned: number;
  readonly exited: number;
  /** CPU time spent by the tree in the 100 ms before each moment (milliseconds since the epoch). */
  readonly samples: readonly { readonly at: number; readonly cpu: number }[];
}

/**
 * What share of the time PSS may be read. Reading a process's PSS walks its whole memory map
 * (smaps_rollup), holding the lock its allocator needs: at a thousand services a read took
 * 54 ms on average, and reading it every 100 ms made a build 30% slower.
 */
const PSS_SHARE = 0.1;

/**
 * Runs a command, sampling the memory and CPU time of its process tree every 100 ms (PSS as
 * often as it costs no more than a tenth of the time).
 */
export function measureProcess(
  command: string,
  argv: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const spawned = performance.timeOrigin + started;
    const child = spawn(command, argv, { cwd: options.cwd, env: { ...process.env, ...options.env } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    let peakPss = 0;
    const cpu = treeCpuSampler(child.pid!);
    const samples: { at: number; cpu: number }[] = [];
    let nextPss = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      const withPss = now >= nextPss;
      const memory = treeMemory(child.pid!, withPss);
      if (withPss) nextPss = now + (performance.now() - now) / PSS_SHARE;
      peak = Math.max(peak, memory.rss);
      peakPss = Math.max(peakPss, memory.pss);
      samples.push({ at: performance.timeOrigin + performance.now(), cpu: cpu() });
    }, 100);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      const total = samples.reduce((sum, s) => sum + s.cpu, 0);
      resolve({ ms, cpu: total, peak, peakPss, output, code, spawned, exited: performance.timeOrigin + performance.now(), samples });
    });
  });
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
