import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file under `dir`, in its subfolders too (the folders themselves left out), as full
 * paths in a stable order: a built site's pages, or the folder of their search views.
 */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
