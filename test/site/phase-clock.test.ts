import { describe, expect, it } from 'vitest';
import { PhaseClock } from '../../plugins/astro/phase-clock.ts';

/**
 * How long each phase is kept busy, in ms: time on both clocks, and long enough for a kernel
 * that counts CPU time in ticks (4 to 10 ms) to count some, even on a busy machine.
 */
const BUSY = 50;

/** Busy for `ms`. */
const spin = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('the phase clock of build --timings', () => {
  it('starts each phase on the very reading that ends the one before, so no time falls between them', () => {
    const clock = new PhaseClock();
    clock.start('load and check');
    spin(BUSY);
    clock.start('diagrams');
    spin(BUSY);
    clock.reach('pages');
    clock.reach('pages');
    spin(BUSY);
    clock.end();
    clock.end();
    const phases = clock.phases();
    expect(phases.map((p) => p.name)).toEqual(['load and check', 'diagrams', 'pages']);
    expect(phases[1]!.start).toBe(phases[0]!.end);
    expect(phases[2]!.start).toBe(phases[1]!.end);
    for (const p of phases) {
      expect(p.end - p.start, p.name).toBeGreaterThanOrEqual(BUSY);
      expect(p.cpu, p.name).toBeGreaterThan(0);
    }
  });

  it('reaches a phase only once, even after it ended', () => {
    const clock = new PhaseClock();
    clock.reach('pages');
    clock.start('output');
    clock.reach('pages');
    clock.end();
    expect(clock.phases().map((p) => p.name)).toEqual(['pages', 'output']);
  });
});
