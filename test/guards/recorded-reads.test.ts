import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.ts';

/**
 * The page cache keeps a page when nothing it read changed, so every read a page makes of
 * anything but the model must be recorded (see plugins/astro/page-cache/recording-model.ts).
 * That is kept structural, not a convention: pages (src/) read the outside world only through
 * the adapters that record it, and only those adapters read git's dates.
 */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : /\.(astro|ts|mjs)$/.test(entry.name) ? [full] : [];
  });
}

const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('pages read only what the page cache records', () => {
  it('no page or component reads files, runs programs or reads the environment itself', () => {
    const offenders = files(path.join(ROOT, 'src')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const found = [
        ...imports(file).filter((m) => /^(node:)?(fs|fs\/promises|child_process)$/.test(m) || m.endsWith('/git-dates.ts')),
        ...(/\bprocess\.env\b/.test(text) ? ['process.env'] : []),
      ];
      return found.map((what) => `${path.relative(ROOT, file)}: ${what}`);
    });
    expect(offenders).toEqual([]);
  });

  it('only the recorded accessors and the cache itself read git dates', () => {
    const readers = files(path.join(ROOT, 'plugins'))
      .filter((file) => imports(file).some((m) => m.endsWith('/git-dates.ts')))
      .map((file) => path.relative(ROOT, file))
      .sort();
    // page-meta.ts records each date it hands out; the cache hashes dates and the repository's top.
    expect(readers).toEqual([
      'plugins/astro/page-cache/fingerprint.ts',
      'plugins/astro/page-cache/read-hashes.ts',
      'plugins/astro/page-meta.ts',
    ]);
  });
});
