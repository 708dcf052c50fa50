import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.ts';

/**
 * The layers, kept structural: data flows content → model → diagrams → pages → adapters →
 * templates, and the one `site` object is the only thing pages read (so the page cache,
 * which records reads of the site, cannot miss one; see
 * plugins/astro/page-cache/recording-site.ts).
 */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : /\.(astro|ts|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** What a file imports: static imports and re-exports, and dynamic imports of a literal. */
const imports = (file: string) =>
  [
    ...readFileSync(file, 'utf8').matchAll(
      /(?:^|\n)\s*(?:import|export)\s[^;]*?[\s}*]from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => (m[1] ?? m[2])!);
const relative = (file: string) => path.relative(ROOT, file);
const NODE_IO = /^(node:)?(fs|fs\/promises|child_process|os)$/;

describe('the layers', () => {
  it('templates (src/) read the site only from Astro.locals: no files, programs, environment or hand-off of their own', () => {
    const offenders = files(path.join(ROOT, 'src')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const found = [
        ...imports(file).filter((m) => NODE_IO.test(m) || m.endsWith('/git-dates.ts') || m === 'archsite/build-state'),
        ...(/\bprocess\.env\b/.test(text) ? ['process.env'] : []),
        ...(/\bglobalThis\b/.test(text) ? ['globalThis'] : []),
      ];
      return found.map((what) => `${relative(file)}: ${what}`);
    });
    expect(offenders).toEqual([]);
  });

  it('page functions (plugins/pages/) are pure: they import only the model, the diagrams and each other', () => {
    const offenders = files(path.join(ROOT, 'plugins/pages')).flatMap((file) =>
      imports(file)
        .filter((m) => !(m.startsWith('./') || m.startsWith('../model/') || m.startsWith('../diagrams/') || m === 'node:path'))
        .map((m) => `${relative(file)}: ${m}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the model and the diagrams import nothing from the layers after them', () => {
    const offenders = ['plugins/model', 'plugins/diagrams'].flatMap((dir) =>
      files(path.join(ROOT, dir)).flatMap((file) =>
        imports(file)
          .filter(
            (m) => /(^|\/)(astro|pages|cli)\//.test(m) || m.startsWith('astro') || (dir === 'plugins/model' && m.includes('/diagrams/')),
          )
          .map((m) => `${relative(file)}: ${m}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('no globalThis anywhere in plugins/, and the environment is read only where the user settings are', () => {
    const found = files(path.join(ROOT, 'plugins')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [
        ...(/\bglobalThis\b/.test(text) ? [`${relative(file)}: globalThis`] : []),
        ...(/\bprocess\.env\b/.test(text) ? [`${relative(file)}: process.env`] : []),
      ];
    });
    // The user's settings are read from an environment by plugins/astro/settings.ts, which
    // astro.config.mjs and the CLI hand theirs to. The CLI also sets Astro's process up
    // (production mode, no telemetry, no variables that leak into Vite).
    expect(found.sort()).toEqual(['plugins/cli/build.ts: process.env', 'plugins/cli/commands.ts: process.env']);
  });

  it('only the site adapter reads git, and only the hand-off points read the build state', () => {
    const importers = (what: (m: string) => boolean) =>
      files(path.join(ROOT, 'plugins'))
        .filter((file) => imports(file).some(what))
        .map(relative)
        .sort();
    expect(importers((m) => m.endsWith('/git-dates.ts'))).toEqual(['plugins/astro/site.ts']);
    expect(importers((m) => m === 'archsite/build-state')).toEqual([
      'plugins/astro/edit-link-route.ts',
      'plugins/astro/integration.ts',
      'plugins/astro/middleware.ts',
      'plugins/astro/site-reads.ts',
    ]);
  });

  it('the CLI reaches the site through the model and the integration’s public entry only', () => {
    const deep = files(path.join(ROOT, 'plugins/cli')).flatMap((file) =>
      imports(file)
        .filter((m) => m.startsWith('../astro/') && m !== '../astro/index.ts')
        .map((m) => `${relative(file)}: ${m}`),
    );
    expect(deep).toEqual([]);
  });
});
