import { statSync } from 'node:fs';
import path from 'node:path';
import { UsageError, type CliOptions } from './args.ts';
import { provideSiteModel } from '../astro/site-model.ts';
import { runCheck } from './check.ts';
import { Publisher } from './publish.ts';

/** The archsite project: where astro.config.mjs lives. */
const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * `build`: check, then build the site into a fresh folder and put it in place of `dist/`
 * only once everything succeeded. A failure at any stage leaves the previous `dist/` as it was.
 */
export async function runBuild(options: CliOptions): Promise<number> {
  assertSafeOutDir(path.resolve(options.outDir), path.resolve(options.contentDir));
  const checked = runCheck(options);
  if (checked.exitCode !== 0) {
    process.stderr.write('archsite: the check failed; nothing was built and dist/ is unchanged.\n');
    return checked.exitCode;
  }
  prepareEnvironment(options);
  provideSiteModel(process.env.ARCHSITE_CONTENT!, checked.result);
  // A NODE_ENV other than production (a test runner sets `test`) makes Vite build in
  // development mode, where Starlight turns search off.
  process.env.NODE_ENV = 'production';
  const dist = path.resolve(options.outDir);
  const publisher = new Publisher(dist);
  const staging = publisher.stage();
  try {
    const { build } = await import('astro');
    await build({ root: PROJECT_ROOT, outDir: staging, logLevel: (process.env.ARCHSITE_LOG_LEVEL as 'info' | undefined) ?? 'warn' });
  } catch (error) {
    publisher.discard(staging);
    throw error;
  }
  publisher.publish(staging);
  process.stdout.write(`archsite: site built into ${path.relative(process.cwd(), dist) || '.'}/\n`);
  return 0;
}

/** `dev`: check, then serve the site with live reload. */
export async function runDev(options: CliOptions): Promise<number> {
  runCheck(options);
  prepareEnvironment(options);
  const { dev } = await import('astro');
  const server = await dev({ root: PROJECT_ROOT });
  await new Promise<void>((resolve) => server.watcher.on('close', () => resolve()));
  return 0;
}

function prepareEnvironment(options: CliOptions): void {
  process.env.ARCHSITE_CONTENT = path.resolve(options.contentDir);
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Vite lets these leak into import.meta.env, where they would override the site's base
  // (a test runner, for one, sets BASE_URL=/). The base comes from ARCHSITE_BASE only.
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX']) delete process.env[name];
}

/**
 * The output folder is replaced whole by every build: refuse one that is a file, or that
 * holds the content, the project or the working directory, before anything is touched.
 */
function assertSafeOutDir(dist: string, contentDir: string): void {
  const holds = (dir: string) => {
    const rel = path.relative(dist, dir);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  for (const [dir, what] of [
    [contentDir, 'the content folder'],
    [PROJECT_ROOT, 'the archsite project'],
    [process.cwd(), 'the working directory'],
  ] as const) {
    if (holds(dir))
      throw new UsageError(`--out ${path.relative(process.cwd(), dist) || '.'} would replace ${what}; choose a folder of its own`);
  }
  let isFile = false;
  try {
    isFile = !statSync(dist).isDirectory();
  } catch {
    // Does not exist yet: the build creates it.
  }
  if (isFile) throw new UsageError(`--out ${path.relative(process.cwd(), dist)} is a file, not a folder`);
}
