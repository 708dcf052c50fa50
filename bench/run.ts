/**
 * `npm run bench`: generates synthetic architectures of N services and measures check time,
 * cold build, warm rebuild after one file changes, peak memory of the whole process tree,
 * throughput, output size, what a service page loads, and the dev server's first page and
 * answer to an edit. Medians of several runs; the
 * report is printed and appended to bench/results/<date>.md.
 *
 *   npm run bench                 N = 10, 200, 1000
 *   npm run bench -- --quick      N = 10, 200
 *   npm run bench -- --sizes 500 --runs 5
 *   npm run bench -- --check-only    the checking figures alone (no site builds, no dev server)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkStorePath } from '../plugins/cli/check-store-file.ts';
import { generateArchitecture, type ArchitectureStyle } from './generate.ts';
import { measureDev, type DevFigures } from './dev-server.ts';
import { pageWeight } from './page-weight.ts';
import { measureProcess, median } from './measure.ts';
import { PHASES, type Phase } from '../plugins/astro/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'plugins/cli/main.js');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const sizes = (flag('--sizes') ?? (args.includes('--quick') ? '10,200' : '10,200,1000')).split(',').map(Number);
const runs = Number(flag('--runs') ?? 3);
/** `--check-only`: the checking figures alone, without building sites. */
const checkOnly = args.includes('--check-only');

interface Run {
  ms: number;
  peak: number;
  peakPss: number;
  stdout: string;
  code: number | null;
  /** A build's phases (`build --timings`), with the CPU time of the whole process tree in each. */
  phases?: PhaseTime[] | undefined;
}

/** One phase of one build: wall time, and CPU time of the process tree (Chromium included) and of the build's own process. */
interface PhaseTime {
  name: string;
  wall: number;
  cpu: number;
  own: number;
}

/** Runs the CLI, sampling the memory and CPU time of its process tree every 100 ms; a build says its phases. */
async function cli(argv: string[], env: Record<string, string> = {}): Promise<Run> {
  const timings =
    argv[0] === 'build' ? path.join(mkdtempSync(path.join(os.tmpdir(), 'archsite-bench-timings-')), 'timings.json') : undefined;
  const run = await measureProcess(process.execPath, [CLI, ...argv, ...(timings ? ['--timings', timings] : [])], {
    cwd: ROOT,
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  const phases =
    timings && existsSync(timings)
      ? phaseTimes(JSON.parse(readFileSync(timings, 'utf8')).phases, run.samples, run.spawned, run.exited)
      : undefined;
  if (timings) rmSync(path.dirname(timings), { recursive: true, force: true });
  return { ms: run.ms, peak: run.peak, peakPss: run.peakPss, stdout: run.output, code: run.code, phases };
}

/**
 * Each phase's wall time and CPU time, the tree's from the samples that fall in it (a sample
 * counts what was spent in the 100 ms before it). Node's start, before the build's clock
 * starts, counts as loading; its exit, after the clock stops, as the last phase.
 */
function phaseTimes(
  phases: readonly Phase[],
  samples: readonly { at: number; cpu: number }[],
  spawned: number,
  exited: number,
): PhaseTime[] {
  return phases.map((phase, i) => {
    const start = i === 0 ? spawned : phase.start;
    const end = i === phases.length - 1 ? exited + 100 : phase.end;
    const cpu = samples.filter((s) => s.at > start && s.at <= end).reduce((sum, s) => sum + s.cpu, 0);
    return { name: phase.name, wall: Math.min(end, exited) - start, cpu, own: phase.cpu };
  });
}

/** Medians, phase by phase (a phase that comes twice, such as writing output, summed per run first). */
function phaseMedians(runs: readonly Run[]): PhaseTime[] {
  const byRun = runs.map((run) => {
    const sums = new Map<string, PhaseTime>();
    for (const p of run.phases ?? []) {
      const sum = sums.get(p.name) ?? { name: p.name, wall: 0, cpu: 0, own: 0 };
      sums.set(p.name, { name: p.name, wall: sum.wall + p.wall, cpu: sum.cpu + p.cpu, own: sum.own + p.own });
    }
    return sums;
  });
  return PHASES.flatMap((name) => {
    const times = byRun.flatMap((sums) => (sums.has(name) ? [sums.get(name)!] : []));
    if (times.length === 0) return [];
    return [{ name, wall: median(times.map((t) => t.wall)), cpu: median(times.map((t) => t.cpu)), own: median(times.map((t) => t.own)) }];
  });
}

function du(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const s = statSync(full);
    total += s.isDirectory() ? du(full) : s.size;
  }
  return total;
}

function count(dir: string, suffix: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) n += count(full, suffix);
    else if (name.endsWith(suffix)) n++;
  }
  return n;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface CheckRow {
  n: number;
  style: ArchitectureStyle;
  elements: string;
  files: string;
  /** Without what earlier checks read (the first check of a clone, as in CI). */
  first: number;
  /** Again, nothing changed: what earlier checks read is kept (check on save, pre-commit). */
  again: number;
  /** `check --watch`: from writing one changed file to the new summary. */
  watch: number;
  /** The re-check alone, as the watcher reports it. */
  watchOwn: number;
}

/** The check's figures for one architecture: first run, run again, and a watcher's answer to an edit. */
async function measureCheck(n: number, style: ArchitectureStyle): Promise<CheckRow> {
  const work = path.join(ROOT, 'bench/out', `n-${n}-${style}`);
  mkdirSync(work, { recursive: true });
  const content = generateArchitecture(work, n, style);
  process.stdout.write(`N=${n} (${style}): check`);
  const firsts: Run[] = [];
  const agains: Run[] = [];
  for (let i = 0; i < Math.max(5, runs); i++) {
    rmSync(checkStorePath(content), { force: true });
    firsts.push(await cli(['check', '--content', content]));
    agains.push(await cli(['check', '--content', content]));
  }
  if (firsts[0]!.code !== 0) throw new Error(`check failed for N=${n}:\n${firsts[0]!.stdout.slice(-2000)}`);
  process.stdout.write(', watch\n');
  const { wall, own } = await measureWatch(content, path.join(content, 'services', `svc-0001.${style === 'yaml' ? 'yaml' : 'md'}`));
  return {
    n,
    style,
    elements: /\((\d+) elements/.exec(firsts[0]!.stdout)?.[1] ?? '?',
    files: /in (\d+) files/.exec(firsts[0]!.stdout)?.[1] ?? '?',
    first: median(firsts.map((r) => r.ms)),
    again: median(agains.map((r) => r.ms)),
    watch: wall,
    watchOwn: own,
  };
}

/** Starts `check --watch`, then changes one file several times, timing each answer. */
async function measureWatch(content: string, file: string): Promise<{ wall: number; own: number }> {
  const child: ChildProcess = spawn(process.execPath, [CLI, 'check', '--watch', '--content', content], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  let output = '';
  const waiters: ((line: string) => void)[] = [];
  child.stdout!.on('data', (d: Buffer) => {
    output += d;
    let at: number;
    while ((at = output.indexOf('\n')) >= 0) {
      const line = output.slice(0, at);
      output = output.slice(at + 1);
      if (/watching for changes/.test(line)) waiters.shift()?.(line);
    }
  });
  const next = () => new Promise<string>((resolve) => waiters.push(resolve));
  await next();
  const original = readFileSync(file, 'utf8');
  const walls: number[] = [];
  const owns: number[] = [];
  try {
    for (let i = 0; i < Math.max(5, runs); i++) {
      // Let the watcher settle, as between two saves.
      await new Promise((r) => setTimeout(r, 300));
      const answered = next();
      const started = performance.now();
      writeFileSync(file, original.replace('responsibility: Handles', `responsibility: Edit ${i} handles`));
      const line = await answered;
      walls.push(performance.now() - started);
      owns.push(Number(/in (\d+) ms; watching/.exec(line)?.[1] ?? NaN));
    }
  } finally {
    writeFileSync(file, original);
    child.kill('SIGINT');
  }
  return { wall: median(walls), own: median(owns) };
}

interface Row {
  n: number;
  elements: string;
  check: number;
  cold: number;
  warm: number;
  peak: number;
  peakPss: number;
  pages: number;
  diagrams: number;
  warmPages: number;
  dist: number;
  pagefind: number;
  js: number;
  css: number;
  coldPhases: PhaseTime[];
  warmPhases: PhaseTime[];
  dev: DevFigures;
}

async function measure(n: number): Promise<Row> {
  const work = path.join(ROOT, 'bench/out', `n-${n}`);
  mkdirSync(work, { recursive: true });
  const content = generateArchitecture(work, n);
  const out = path.join(work, 'dist');
  process.stdout.write(`N=${n}: check`);
  const checks: Run[] = [];
  for (let i = 0; i < Math.max(5, runs); i++) checks.push(await cli(['check', '--content', content]));
  const elements = /\((\d+) elements/.exec(checks[0]!.stdout)?.[1] ?? '?';
  if (checks[0]!.code !== 0) throw new Error(`check failed for N=${n}:\n${checks[0]!.stdout.slice(-2000)}`);

  process.stdout.write(', cold builds');
  const colds: Run[] = [];
  let cache = '';
  // A cold build of a thousand services takes minutes: one is measured there.
  for (let i = 0; i < (n >= 1000 ? 1 : runs); i++) {
    cache = mkdtempSync(path.join(os.tmpdir(), 'archsite-bench-cache-'));
    // Astro keeps content between builds in .astro/: a cold build starts without it.
    rmSync(path.join(ROOT, '.astro'), { recursive: true, force: true });
    rmSync(path.join(ROOT, 'node_modules/.astro'), { recursive: true, force: true });
    const run = await cli(['build', '--content', content, '--out', out], { ARCHSITE_CACHE_DIR: cache });
    if (run.code !== 0) throw new Error(`build failed for N=${n}:\n${run.stdout.slice(-3000)}`);
    colds.push(run);
  }
  process.stdout.write(', warm rebuilds');
  const warms: Run[] = [];
  const changed = path.join(content, 'services', 'svc-0000.yaml');
  const original = readFileSync(changed, 'utf8');
  for (let i = 0; i < runs; i++) {
    // A real change each time: the service's description, shown on its page, its neighbours' and the indexes.
    writeFileSync(changed, `${original}description: Changed for warm rebuild ${i}.\n`);
    const run = await cli(['build', '--content', content, '--out', out], { ARCHSITE_CACHE_DIR: cache });
    if (run.code !== 0) throw new Error(`warm build failed for N=${n}:\n${run.stdout.slice(-3000)}`);
    warms.push(run);
  }
  process.stdout.write(', dev server\n');
  const dev = await measureDev(CLI, ROOT, content, runs);
  const diagrams = Number(/archsite: (\d+) diagrams/.exec(colds[0]!.stdout)?.[1] ?? 0);
  const warmPages = median(warms.map((r) => Number(/archsite: (\d+) pages rendered/.exec(r.stdout)?.[1] ?? NaN)));
  const weight = pageWeight(out, '/', path.join(out, 'services/svc-0001/index.html'));
  return {
    n,
    elements,
    check: median(checks.map((r) => r.ms)),
    cold: median(colds.map((r) => r.ms)),
    warm: median(warms.map((r) => r.ms)),
    peak: Math.max(...[...colds, ...warms].map((r) => r.peak)),
    peakPss: Math.max(...[...colds, ...warms].map((r) => r.peakPss)),
    pages: count(out, '.html'),
    diagrams,
    warmPages,
    dist: du(out),
    pagefind: du(path.join(out, 'pagefind')),
    js: weight.js,
    css: weight.css,
    coldPhases: phaseMedians(colds),
    warmPhases: phaseMedians(warms),
    dev,
  };
}

/** The cores this machine gives the build. */
const CORES = os.availableParallelism();

const checkRows: CheckRow[] = [];
for (const n of sizes) for (const style of ['yaml', 'markdown'] as const) checkRows.push(await measureCheck(n, style));
const rows: Row[] = [];
if (!checkOnly) for (const n of sizes) rows.push(await measure(n));

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const date = new Date().toISOString().slice(0, 10);
const report = [
  `# archsite benchmark, ${date}`,
  '',
  `${os.cpus().length} cores (${cpu}), ${mb(os.totalmem())} of memory, Node ${process.versions.node}. Medians of ${runs} runs (check: ${Math.max(5, runs)}; cold build at N ≥ 1000: one run). Peak memory is the largest seen over the whole process tree, Chromium included: RSS summed over processes counts memory they share once per process, PSS counts it once.`,
  'A synthetic architecture of N services in 10 domains, each publishing 2 events and consuming 2, with sync dependencies, a database each, one deployment running everything, ADRs and docs pages.',
  '',
  '## Checking',
  '',
  "The same architecture written two ways: `yaml` (services as YAML, event schemas inline) and `markdown`, as other tools' benchmarks write it (services as Markdown with front matter and a body of prose, every event's JSON Schema in a file of its own).",
  '',
  '| N | written as | elements | files | check (first) | check (again) | check --watch, edit to answer | of which the re-check |',
  '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...checkRows.map(
    (r) =>
      `| ${r.n} | ${r.style} | ${r.elements} | ${r.files} | ${s(r.first)} | ${s(r.again)} | ${Math.round(r.watch)} ms | ${Math.round(r.watchOwn)} ms |`,
  ),
  '',
  "check (first): `npm run check` wall time, Node start included, with nothing kept from an earlier check (a fresh clone, CI). check (again): the same, nothing changed since the last check, which kept what it read in node_modules/.cache/archsite/check/. check --watch: from writing one changed service file to the watcher's new summary line; the re-check is the time the watcher itself reports.",
  '',
  ...(rows.length === 0
    ? []
    : [
        '## Building',
        '',
        '| N | elements | check | cold build | warm rebuild | pages re-rendered (warm) | peak RSS (sum) | peak PSS (sum) | pages | pages/s (cold) | diagrams | diagrams/s (cold) | dist/ | search index | service page JS (gz) | service page CSS (gz) |',
        '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        ...rows.map(
          (r) =>
            `| ${r.n} | ${r.elements} | ${s(r.check)} | ${s(r.cold)} | ${s(r.warm)} | ${r.warmPages} | ${mb(r.peak)} | ${mb(r.peakPss)} | ${r.pages} | ${(r.pages / (r.cold / 1000)).toFixed(0)} | ${r.diagrams} | ${(r.diagrams / (r.cold / 1000)).toFixed(1)} | ${mb(r.dist)} | ${mb(r.pagefind)} | ${kb(r.js)} | ${kb(r.css)} |`,
        ),
        '',
        'check: `npm run check` wall time, Node start included. cold build: empty diagram cache and no Astro cache. warm rebuild: the description of one service changed, caches kept (pages re-rendered: the ones that show it; the others are kept from the last build).',
        '',
        '### Where a build spends its time',
        '',
        `From \`build --timings\`, medians per phase. CPU: the whole process tree's (Chromium included), sampled every 100 ms from /proc. Idle: what the ${CORES} cores could have done in the phase and did not (cores × wall − CPU).`,
        '',
        '| N | build | phase | wall | CPU | of which the build process | idle | share of wall |',
        '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |',
        ...rows.flatMap((r) =>
          (
            [
              ['cold', r.coldPhases],
              ['warm', r.warmPhases],
            ] as const
          ).flatMap(([build, phases]) => {
            const total = phases.reduce((sum, p) => sum + p.wall, 0);
            return phases.map(
              (p) =>
                `| ${r.n} | ${build} | ${p.name} | ${s(p.wall)} | ${s(p.cpu)} | ${s(p.own)} | ${s(Math.max(0, CORES * p.wall - p.cpu))} | ${((100 * p.wall) / total).toFixed(0)}% |`,
            );
          }),
        ),
        '',
        "Phases: load and check (Node, reading and checking the content, starting Astro); bundle (Astro and Vite building the pages' code, while the diagrams are drawn beside it: in Node and in Chromium); diagrams (what the pages still wait for once the bundle is done, and the content's mermaid fences, drawn before it); pages (rendering every page, or keeping it from the last build); search index (pagefind over the pages' search views); output (the pages kept, the security policy, and putting the site in place).",
        '',
        '### `npm run dev`',
        '',
        '| N | first page, nothing cached | first page, diagrams cached | edit to page |',
        '| ---: | ---: | ---: | ---: |',
        ...rows.map((r) => `| ${r.n} | ${s(r.dev.first)} | ${s(r.dev.again)} | ${s(r.dev.edit)} |`),
        '',
        'First page: from the command to the first service page answered (with nothing cached: no diagram and no Astro cache, the diagrams then rendered in the background before the server stops; then started again). Edit to page: from saving a service file to its page answering with the change.',
        '',
      ]),
].join('\n');
process.stdout.write(`\n${report}`);
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
appendFileSync(path.join(ROOT, 'bench/results', `${date}.md`), `\n${report}`);
