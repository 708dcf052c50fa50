import { copyFileSync, linkSync } from 'node:fs';

/**
 * Puts `source` at `target` (which must not exist): a hard link where both are on one file
 * system (nothing is written), a copy elsewhere.
 */
export function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}
