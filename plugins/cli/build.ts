import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { archsiteConfig, isContentError, PhaseClock, readSettings, type Settings } from '../astro/index.ts';
import { refusal, type CliOptions } from './args.ts';
import { BuildLock } from './build-lock.ts';
import { gitTop } from './git-top.ts';
import { checkOutDir, shownPath } from './out-dir.ts';
import { Publisher } from './publish.ts';
import { writeProblem } from './write-error.ts';

/** The archsite project: where astro.config.mjs lives. */
const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * `build`: check, then build the site into a fresh folder and put it in place of the output
 * only once everything succeeded. A failure at any stage, or a killed build, leaves the
 * previous output as it was; what the build staged is removed.
 */
export async function runBuild(options: CliOptions): Promise<number> {
  const clock = options.timings === undefined ? undefined : new PhaseClock();
  clock?.start('load and check');
  const dist = checkOutDir(options.outDir, { contentDir: options.contentDir, projectRoot: PROJECT_ROOT, force: options.force });
  const cwd = process.cwd();
  const shown = shownPath(dist);
  const lock = new BuildLock(PROJECT_ROOT);
  lock.acquire();
  const publisher = new Publisher(dist);
  let staging: string | undefined;
  let published = false;
  // Whatever stops the build (a failure, process.exit in a hook, a signal), what it staged
  // goes and the lock is released.
  const cleanUp = () => {
    if (staging && !published) publisher.discard(staging);
    lock.release();
  };
  const abandon = (signal: NodeJS.Signals) => process.exit(signal === 'SIGINT' ? 130 : 143);
  process.on('exit', cleanUp).once('SIGINT', abandon).once('SIGTERM', abandon);
  try {
    staging = stage(publisher, dist);
    // The check (and, in archsiteConfig, the integration) load once the options and the output
    // folder passed: a refusal is said in the time Node takes to start (0.2 s, not 2 s).
    const { runCheck } = await import('./check.ts');
    const checked = await runCheck(options);
    if (checked.exitCode !== 0) {
      process.stderr.write(`archsite: the check failed; nothing was built and ${shown}/ is unchanged.\n`);
      return checked.exitCode;
    }
    const settings = prepareEnvironment(options);
    // A NODE_ENV other than production (a test runner sets `test`) makes Vite build in
    // development mode, where Starlight turns search off.
    process.env.NODE_ENV = 'production';
    const { build } = await import('astro');
    // Astro bundles the pages into a folder it picks from the working directory, and runs
    // them from there: inside the project, they find its node_modules wherever the user is.
    process.chdir(PROJECT_ROOT);
    // The checked content goes to the integration as it is: it is not read again.
    try {
      await build({
        ...(await archsiteConfig(settings, { checked: checked.result, clock, report: printLine, checkStore: checked.store })),
        configFile: false,
        root: PROJECT_ROOT,
        outDir: staging,
        logLevel: settings.logLevel,
      });
    } catch (error) {
      // Stopped by the content (the report is logged already): the same exit as a failed check.
      if (!isContentError(error)) throw error;
      process.stderr.write(`${error.message} ${shown}/ is unchanged.\n`);
      return 1;
    }
    publisher.publish(staging);
    published = true;
    clock?.end();
    if (options.timings !== undefined && clock) writeTimings(options.timings, clock, cwd);
  } finally {
    process.chdir(cwd);
    cleanUp();
    process.off('exit', cleanUp).off('SIGINT', abandon).off('SIGTERM', abandon);
  }
  process.stdout.write(`archsite: site built into ${shown}/\n`);
  return 0;
}

/** Writes the build's phases to `file` (relative to where archsite was started): `{ "phases": [{ name, start, end, cpu }] }`. */
function writeTimings(file: string, clock: PhaseClock, cwd: string): void {
  const target = path.resolve(cwd, file);
  try {
    writeFileSync(target, `${JSON.stringify({ phases: clock.phases() }, null, 2)}\n`);
  } catch (error) {
    process.stderr.write(`archsite: could not write --timings ${file}: ${writeProblem(error)}\n`);
  }
}

/** The staging folder, made before anything is built: an output that cannot be written is said in one line, at once. */
function stage(publisher: Publisher, dist: string): string {
  try {
    return publisher.stage();
  } catch (error) {
    throw refusal(`cannot write --out ${shownPath(dist)} (or the folder beside it that a build stages in): ${writeProblem(error)}`);
  }
}

/** `dev`: check, then serve the site with live reload. */
export async function runDev(options: CliOptions): Promise<number> {
  const { runCheck } = await import('./check.ts');
  const checked = await runCheck(options);
  const settings = prepareEnvironment(options);
  const { dev } = await import('astro');
  const server = await dev({
    ...(await archsiteConfig(settings, {
      checked: checked.result,
      report: printLine,
      recheck: { minCompleteness: options.minCompleteness, gitTop: gitTop(process.cwd()) },
    })),
    configFile: false,
    root: PROJECT_ROOT,
    ...(options.port !== undefined || options.host !== undefined
      ? {
          server: {
            ...(options.port !== undefined ? { port: options.port } : {}),
            ...(options.host !== undefined ? { host: options.host } : {}),
          },
        }
      : {}),
  });
  await new Promise<void>((resolve) => server.watcher.on('close', () => resolve()));
  return 0;
}

/** The settings of this run: the user's, with the content folder the command line names. */
function prepareEnvironment(options: CliOptions): Settings {
  // Astro sends no telemetry, and its dev server does not ask npm for a newer Astro: archsite pins
  // the Astro it is tested with, and the upgrade Astro would advise is not the user's to make.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
  // Vite lets these leak into import.meta.env, where they would override the site's base
  // (a test runner, for one, sets BASE_URL=/). The base comes from ARCHSITE_BASE only.
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX']) delete process.env[name];
  const settings = readSettings(process.env, PROJECT_ROOT);
  return { ...settings, contentDir: path.resolve(options.contentDir), today: options.today ?? settings.today };
}

/** archsite's summary lines (diagrams rendered, pages kept), printed whatever Astro's log level: what people tune. */
function printLine(line: string): void {
  process.stdout.write(`${line}\n`);
}
