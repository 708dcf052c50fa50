import path from 'node:path';
import type { CliOptions } from './args.ts';
import { runCheck } from './check.ts';
import { Publisher } from './publish.ts';

/** The archsite project: where astro.config.mjs lives. */
const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * `build`: check, then build the site into a fresh folder and put it in place of `dist/`
 * only once everything succeeded. A failure at any stage leaves the previous `dist/` as it was.
 */
export async function runBuild(options: CliOptions): Promise<number> {
  const checked = runCheck(options);
  if (checked.exitCode !== 0) {
    process.stderr.write('archsite: the check failed; nothing was built and dist/ is unchanged.\n');
    return checked.exitCode;
  }
  prepareEnvironment(options);
  // A NODE_ENV other than production (a test runner sets `test`) makes Vite build in
  // development mode, where Starlight turns search off.
  process.env.NODE_ENV = 'production';
  const dist = path.resolve(options.outDir);
  const publisher = new Publisher(dist);
  const staging = publisher.stage();
  try {
    const { build } = await import('astro');
    await build({ root: PROJECT_ROOT, outDir: staging, logLevel: 'warn' });
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
