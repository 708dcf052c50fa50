import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Runs a full garbage collection now. V8 collects lazily on a machine with memory to
 * spare, so what rendering diagrams and pages left behind would stay resident while the
 * next stage (Astro's pages, then pagefind in a second process) adds its own: called
 * between the stages, it keeps the build's peak memory to what each stage needs.
 */
export function releaseMemory(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}
