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
const NODE_IO = /^(node:)?(fs|fs\/promises|child_process|os|worker_threads|net|http|https)$/;
/** Astro and its integrations: adapters and templates only. */
const ASTRO = /^(astro(:|\/|$)|@astrojs\/)/;

/** What a file imports at run time (type-only imports left out): files of ours as paths, packages as written. */
const runtimeImports = (file: string) =>
  [
    ...readFileSync(file, 'utf8').matchAll(
      /(?:^|\n)\s*(?:import|export)\s(?!type\s)[^;]*?[\s}*]from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => {
    const spec = (m[1] ?? m[2])!;
    return spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : spec;
  });

/** Every module `file` runs, however indirectly: our files by path, and packages as written. */
function reach(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (path.isAbsolute(file)) for (const next of runtimeImports(file)) reach(next, seen);
  return seen;
}

/** What a file loads as soon as it is loaded: static imports only (a dynamic `import()` runs when its code does). */
function staticReach(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (!path.isAbsolute(file) || !/\.(ts|mjs)$/.test(file)) return seen;
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s(?!type\s)[^;]*?[\s}*]from\s*['"]([^'"]+)['"]/g)) {
    const spec = m[1]!;
    staticReach(spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : spec, seen);
  }
  return seen;
}

/**
 * What a command, the integration and a page thread load as they start (see `staticReach`) that
 * `offending` picks out: our files relative to the project, packages as written.
 */
function loadedAtStart(offending: (module: string) => boolean): string[] {
  const entries = [
    'plugins/cli/commands.ts',
    'plugins/cli/check.ts',
    'plugins/cli/build.ts',
    'plugins/astro/index.ts',
    'plugins/astro/integration.ts',
    'plugins/astro/prerender/page-thread.ts',
    'plugins/model/load.ts',
  ];
  const loaded = new Set(entries.flatMap((entry) => [...staticReach(path.join(ROOT, entry))]));
  return [...loaded].filter(offending).map((m) => (path.isAbsolute(m) ? relative(m) : m));
}

describe('the layers', () => {
  it('check and build load no importer, drift or MCP code, nor their libraries, unless asked for (import, --against, mcp)', () => {
    const offenders = loadedAtStart(
      (m) =>
        /^@asyncapi\/|^@modelcontextprotocol\//.test(m) ||
        /[\\/]plugins[\\/](sync|mcp)[\\/]/.test(m) ||
        m.endsWith('/apis/asyncapi-parser.ts'),
    );
    expect(offenders).toEqual([]);
    // The check reaches them only through import() where it needs them.
    expect(readFileSync(path.join(ROOT, 'plugins/cli/check.ts'), 'utf8')).toContain("await import('../sync/drift.ts')");
  });

  it('check, build and the page threads load no diagram drawing nor contract comparison, nor their libraries, unless they draw or compare', () => {
    // dagre (with its 640 modules of lodash-es) and the font's shaper, GraphQL's and Protocol Buffers' parsers: a
    // third of a second of every command's start, and of every page thread's, for what a build with its
    // diagrams cached and a check without --base never run.
    const offenders = loadedAtStart(
      (m) =>
        /^(dagre-d3-es|lodash-es|fontkit|graphql|protobufjs)(\/|$)/.test(m) ||
        /[\\/]plugins[\\/]astro[\\/]diagrams[\\/]drawn[\\/](draw|text-metrics)\.ts$/.test(m) ||
        /[\\/]plugins[\\/]cli[\\/]breaking-changes\.ts$/.test(m),
    );
    expect(offenders).toEqual([]);
    // Where they are needed, they are imported then.
    expect(readFileSync(path.join(ROOT, 'plugins/cli/check.ts'), 'utf8')).toContain("await import('./breaking-changes.ts')");
    expect(readFileSync(path.join(ROOT, 'plugins/astro/diagrams/render.ts'), 'utf8')).toContain("await import('./drawn/draw.ts')");
  });

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
    const allowed = ['plugins/model/', 'plugins/diagrams/', 'plugins/pages/'].map((dir) => path.join(ROOT, dir));
    const offenders = files(path.join(ROOT, 'plugins/pages')).flatMap((file) =>
      imports(file)
        .filter((m) => {
          if (!m.startsWith('.')) return m !== 'node:path';
          const target = path.resolve(path.dirname(file), m);
          return !allowed.some((dir) => target.startsWith(dir));
        })
        .map((m) => `${relative(file)}: ${m}`),
    );
    expect(offenders).toEqual([]);
  });

  it('page functions run nothing that does I/O or needs Astro, however indirectly (model/load.ts, node:fs, astro)', () => {
    const offenders = files(path.join(ROOT, 'plugins/pages')).flatMap((file) =>
      [...reach(file)]
        .filter((m) => NODE_IO.test(m) || ASTRO.test(m) || m === path.join(ROOT, 'plugins/model/load.ts'))
        .map((m) => `${relative(file)} runs ${path.isAbsolute(m) ? relative(m) : m}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the model, the diagrams and the page functions import neither astro nor @astrojs/*', () => {
    const offenders = ['plugins/model', 'plugins/diagrams', 'plugins/pages'].flatMap((dir) =>
      files(path.join(ROOT, dir)).flatMap((file) =>
        imports(file)
          .filter((m) => ASTRO.test(m))
          .map((m) => `${relative(file)}: ${m}`),
      ),
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
    // (production mode, no telemetry, no variables that leak into Vite). A page thread takes
    // Astro's image pipeline off (`globalThis.astroAsset`, Astro's own, not a hand-off of
    // ours): a page that asks for an optimized image renders in the build's own thread.
    expect(found.sort()).toEqual([
      'plugins/astro/prerender/page-thread.ts: globalThis',
      'plugins/cli/build.ts: process.env',
      'plugins/cli/commands.ts: process.env',
    ]);
  });

  it('only the site adapter reads git, and only the hand-off points read the build state', () => {
    const importers = (what: (m: string) => boolean) =>
      files(path.join(ROOT, 'plugins'))
        .filter((file) => imports(file).some(what))
        .map(relative)
        .sort();
    expect(importers((m) => m.endsWith('/git-dates.ts'))).toEqual(['plugins/astro/site.ts']);
    expect(importers((m) => m === 'archsite/build-state')).toEqual([
      'plugins/astro/collection-reads.ts',
      'plugins/astro/integration/config-setup.ts',
      'plugins/astro/integration/state.ts',
      'plugins/astro/middleware.ts',
      'plugins/astro/prerender/page-thread.ts',
      'plugins/astro/prerender/page-threads.ts',
      'plugins/astro/site-reads.ts',
    ]);
  });

  it('each page declares its sections once: element pages and the home page lay out their page function’s list, never a section of their own', () => {
    const templates = [
      ...files(path.join(ROOT, 'src/pages')).filter((file) => file.endsWith('[id].astro') || file.endsWith(`${path.sep}index.astro`)),
      ...['ElementPage.astro', 'ActorPage.astro'].map((name) => path.join(ROOT, 'src/components', name)),
    ].filter((file) => !file.includes(`${path.sep}[kind]${path.sep}`) && !/(risks|roles)[\\/]index\.astro$/.test(file));
    expect(templates.length).toBeGreaterThan(15);
    const own = templates.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/<(Section|h2) id="([^"]+)"/g)].map((m) => `${relative(file)}: ${m[1]} ${m[2]}`),
    );
    expect(own).toEqual([]);
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
