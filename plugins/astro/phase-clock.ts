/** One phase of a build: when it started and ended (milliseconds since the epoch), and the CPU time this process spent in it. */
export interface Phase {
  readonly name: PhaseName;
  readonly start: number;
  readonly end: number;
  /** CPU time of this process (user and system), in milliseconds; Chromium's own is not in it. */
  readonly cpu: number;
}

/**
 * The phases of a build, in the order they come. The diagrams are drawn while Astro bundles
 * the pages: `bundle` has them drawn beside it, and `diagrams` is what the pages still wait
 * for once the bundle is done (and, before the bundle, the content's mermaid fences).
 */
export const PHASES = ['load and check', 'bundle', 'diagrams', 'pages', 'search index', 'output'] as const;
export type PhaseName = (typeof PHASES)[number];

/**
 * Where a build spends its time (`build --timings <file>`): each phase's start and end, on
 * the clock a sampler of other processes reads too (the bench adds Chromium's CPU from
 * /proc), and this process's CPU time in it. A phase ends where the next starts.
 */
export class PhaseClock {
  readonly #phases: Phase[] = [];
  #current: { name: PhaseName; start: number; cpu: number } | undefined;

  /** Starts `name`, ending the phase before it. */
  start(name: PhaseName): void {
    const at = now();
    const cpu = cpuMs();
    this.#close(at, cpu);
    this.#current = { name, start: at, cpu };
  }

  /** Starts `name` unless it has started already: for a mark many callers reach (the first page rendered). */
  reach(name: PhaseName): void {
    if (this.#current?.name === name || this.#phases.some((p) => p.name === name)) return;
    this.start(name);
  }

  /** Ends the current phase. */
  end(): void {
    this.#close(now(), cpuMs());
  }

  /** Ends the current phase at `at`, with `cpu` read then: the next phase starts on the same reading. */
  #close(at: number, cpu: number): void {
    const current = this.#current;
    if (!current) return;
    this.#phases.push({ name: current.name, start: current.start, end: at, cpu: cpu - current.cpu });
    this.#current = undefined;
  }

  /** The phases ended so far, in order. */
  phases(): readonly Phase[] {
    return [...this.#phases];
  }
}

/** Milliseconds since the epoch, to the microsecond: comparable with another process's clock. */
const now = () => performance.timeOrigin + performance.now();

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
