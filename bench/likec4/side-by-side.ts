/**
 * `npm run bench:likec4`: archsite's cold build against LikeC4's, side by side on the same
 * model, in alternating pairs (archsite first, then LikeC4 first, ...), one build at a time.
 * Wall time, CPU time and peak memory of each tool's whole process tree; medians and ratios.
 * The report is printed and appended to bench/results/<date>.md.
 *
 *   npm run bench:likec4 -- --install          installs LikeC4 1.59.4 into bench/.likec4 (once)
 *   npm run bench:likec4                       the synthetic model of 200 services, 3 pairs
 *   npm run bench:likec4 -- --sizes 200,1000 --pairs 5
 *   npm run bench:likec4 -- --content path/to/content   any archsite content
 *   npm run bench:likec4 -- --deployments      LikeC4 draws the deployment views too
 *   npm run bench:likec4 -- --likec4 /opt/likec4   a LikeC4 installed elsewhere (its node_modules/.bin/likec4)
 *
 * The model goes to LikeC4 through `archsite export --format json` and convert.ts: the same
 * elements and relations, and a view for each domain, service and event, as archsite draws.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateArchitecture } from '../generate.ts';
import { measureProcess, median, type Measured } from '../measure.ts';
import { toLikeC4 } from './convert.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'plugins/cli/main.js');
const LIKEC4_VERSION = '1.59.4';

/** Says what is wrong with how the bench was asked for, in one line, and stops. */
function refuse(message: string): never {
  process.stderr.write(`bench:likec4: ${message}\n`);
  process.exit(2);
}

const flags = (() => {
  try {
    return parseArgs({
      options: {
        sizes: { type: 'string', default: '200' },
        content: { type: 'string' },
        pairs: { type: 'string', default: '3' },
        likec4: { type: 'string', default: path.join(ROOT, 'bench/.likec4') },
        install: { type: 'boolean', default: false },
        deployments: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    return refuse(error instanceof Error ? error.message : String(error));
  }
})();
const positive = (text: string, what: string) =>
  /^[1-9]\d*$/.test(text) ? Number(text) : refuse(`${what} must be a whole number above 0, not "${text}"`);
const pairs = positive(flags.pairs, '--pairs');
const sizes = flags.sizes.split(',').map((n) => positive(n.trim(), '--sizes'));
const likec4Bin = path.join(flags.likec4, 'node_modules/.bin/likec4');

if (flags.install) {
  // Asked for, never implied: the bench downloads nothing unless told to.
  mkdirSync(flags.likec4, { recursive: true });
  execFileSync('npm', ['install', '--prefix', flags.likec4, '--no-audit', '--no-fund', `likec4@${LIKEC4_VERSION}`], { stdio: 'inherit' });
}
if (!existsSync(likec4Bin)) refuse(`no LikeC4 at ${likec4Bin}. Install it with: npm run bench:likec4 -- --install`);
const version = execFileSync(likec4Bin, ['--version'], { encoding: 'utf8' }).trim();
/** LikeC4 lays views out with Graphviz's `dot` where it is installed, else with Graphviz compiled to WebAssembly. */
const dot = (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, 'dot')));

interface Model {
  readonly name: string;
  readonly content: string;
}

const models: Model[] = flags.content
  ? [{ name: path.relative(ROOT, path.resolve(flags.content)) || '.', content: path.resolve(flags.content) }]
  : sizes.map((n) => {
      const work = path.join(ROOT, 'bench/out', `likec4-n-${n}`);
      mkdirSync(work, { recursive: true });
      return { name: `synthetic, N=${n}`, content: generateArchitecture(work, n) };
    });

interface Row {
  readonly model: string;
  readonly elements: number;
  readonly views: { archsite: number; likec4: number };
  readonly archsite: readonly Measured[];
  readonly likec4: readonly Measured[];
}

const rows: Row[] = [];
for (const model of models) rows.push(await sideBySide(model));

async function sideBySide(model: Model): Promise<Row> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'archsite-likec4-'));
  const exported = path.join(work, 'model.json');
  // The content's diagnostics, if it has errors, are archsite's to print.
  const run = spawnSync(process.execPath, [CLI, 'export', '--format', 'json', '--content', model.content, '--out', exported], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) refuse(`${model.name} could not be exported (see above); nothing was measured`);
  const json = JSON.parse(readFileSync(exported, 'utf8'));
  const source = toLikeC4(json, { deployments: flags.deployments });
  const workspace = path.join(work, 'likec4');
  mkdirSync(workspace);
  writeFileSync(path.join(workspace, 'model.c4'), source);
  const views = (source.match(/^ {2}(deployment )?view /gm) ?? []).length;

  const archsite: Measured[] = [];
  const likec4: Measured[] = [];
  let diagrams = 0;
  for (let pair = 0; pair < pairs; pair++) {
    process.stdout.write(`${model.name}: pair ${pair + 1} of ${pairs}\n`);
    const order = pair % 2 === 0 ? ['archsite', 'likec4'] : ['likec4', 'archsite'];
    for (const tool of order) {
      if (tool === 'archsite') {
        const run = await archsiteCold(model.content, path.join(work, 'dist'));
        diagrams = Number(/archsite: (\d+) diagrams/.exec(run.output)?.[1] ?? 0);
        archsite.push(run);
      } else likec4.push(await likec4Cold(workspace, path.join(work, 'likec4-dist')));
    }
  }
  rmSync(work, { recursive: true, force: true });
  return { model: model.name, elements: json.elements.length, views: { archsite: diagrams, likec4: views }, archsite, likec4 };
}

/** A cold archsite build: no diagram cache, no page cache, no Astro cache. */
async function archsiteCold(content: string, out: string): Promise<Measured> {
  const cache = mkdtempSync(path.join(os.tmpdir(), 'archsite-bench-cache-'));
  rmSync(path.join(ROOT, '.astro'), { recursive: true, force: true });
  rmSync(path.join(ROOT, 'node_modules/.astro'), { recursive: true, force: true });
  const run = await measureProcess(process.execPath, [CLI, 'build', '--content', content, '--out', out], {
    cwd: ROOT,
    env: { ASTRO_TELEMETRY_DISABLED: '1', ARCHSITE_CACHE_DIR: cache },
  });
  rmSync(cache, { recursive: true, force: true });
  if (run.code !== 0) throw new Error(`archsite build failed:\n${run.output.slice(-3000)}`);
  return run;
}

/** A cold LikeC4 build: a fresh output folder, and no Vite cache left from the last one. */
async function likec4Cold(workspace: string, out: string): Promise<Measured> {
  rmSync(out, { recursive: true, force: true });
  rmSync(path.join(workspace, 'node_modules'), { recursive: true, force: true });
  rmSync(path.join(flags.likec4, 'node_modules/.vite'), { recursive: true, force: true });
  const run = await measureProcess(likec4Bin, ['build', dot ? '--use-dot' : '--no-use-dot', '--output', out, workspace], {
    cwd: workspace,
    env: { NO_COLOR: '1' },
  });
  if (run.code !== 0 || !existsSync(path.join(out, 'index.html'))) throw new Error(`LikeC4 build failed:\n${run.output.slice(-3000)}`);
  return run;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const date = new Date().toISOString().slice(0, 10);
const report = [
  `# archsite and LikeC4 side by side, ${date}`,
  '',
  `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.versions.node}, LikeC4 ${version}. ${pairs} pairs per model, alternating which tool builds first, one build at a time; medians. Cold builds: archsite with no diagram, page or Astro cache; LikeC4 into a fresh folder with no Vite cache. CPU and peak memory are the whole process tree's (Chromium and workers included), sampled every 100 ms. LikeC4 lays views out with ${dot ? "Graphviz's dot" : 'Graphviz in WebAssembly (no dot installed)'} and ${flags.deployments ? 'draws' : 'does not draw'} the deployment views.`,
  '',
  '| model | elements | diagrams (archsite / LikeC4 views) | archsite wall | LikeC4 wall | ratio | archsite CPU | LikeC4 CPU | ratio | archsite peak PSS | LikeC4 peak PSS | ratio |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => {
    const m = (runs: readonly Measured[], pick: (run: Measured) => number) => median(runs.map(pick));
    const [aw, lw] = [m(r.archsite, (x) => x.ms), m(r.likec4, (x) => x.ms)];
    const [ac, lc] = [m(r.archsite, (x) => x.cpu), m(r.likec4, (x) => x.cpu)];
    const [ap, lp] = [m(r.archsite, (x) => x.peakPss), m(r.likec4, (x) => x.peakPss)];
    return `| ${r.model} | ${r.elements} | ${r.views.archsite} / ${r.views.likec4} | ${s(aw)} | ${s(lw)} | **${ratio(aw, lw)}** | ${s(ac)} | ${s(lc)} | ${ratio(ac, lc)} | ${gb(ap)} | ${gb(lp)} | ${ratio(ap, lp)} |`;
  }),
  '',
  'Each run, in order (wall, archsite / LikeC4):',
  '',
  ...rows.map((r) => `- ${r.model}: ${r.archsite.map((x) => s(x.ms)).join(', ')} / ${r.likec4.map((x) => s(x.ms)).join(', ')}`),
  '',
].join('\n');
process.stdout.write(`\n${report}`);
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
appendFileSync(path.join(ROOT, 'bench/results', `${date}.md`), `\n${report}`);
