/**
 * `npm run bench`: generates synthetic architectures of N services and measures check time,
 * cold build, warm rebuild after one file changes, peak memory of the whole process tree,
 * throughput, output size, and what a service page loads. Medians of several runs; the
 * report is printed and written to bench/results/<date>.md.
 *
 *   npm run bench                 N = 10, 200, 1000
 *   npm run bench -- --quick      N = 10, 200
 *   npm run bench -- --sizes 500 --runs 5
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateArchitecture } from './generate.ts';
import { pageWeight } from './page-weight.ts';
import { treeMemory } from './process-tree.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'plugins/cli/main.ts');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const sizes = (flag('--sizes') ?? (args.includes('--quick') ? '10,200' : '10,200,1000')).split(',').map(Number);
const runs = Number(flag('--runs') ?? 3);

interface Run {
  ms: number;
  peak: number;
  peakPss: number;
  stdout: string;
  code: number | null;
}

/** Runs the CLI, sampling the memory of its process tree every 100 ms. */
function cli(argv: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...argv], { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stdout += d));
    let peak = 0;
    let peakPss = 0;
    const timer = setInterval(() => {
      const memory = treeMemory(child.pid!);
      peak = Math.max(peak, memory.rss);
      peakPss = Math.max(peakPss, memory.pss);
    }, 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ ms: performance.now() - started, peak, peakPss, stdout, code });
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

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
  process.stdout.write('\n');
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
  };
}

const rows: Row[] = [];
for (const n of sizes) rows.push(await measure(n));

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const date = new Date().toISOString().slice(0, 10);
const report = [
  `# archsite benchmark, ${date}`,
  '',
  `${os.cpus().length} cores (${cpu}), ${mb(os.totalmem())} of memory, Node ${process.versions.node}. Medians of ${runs} runs (check: ${Math.max(5, runs)}; cold build at N ≥ 1000: one run). Peak memory is the largest seen over the whole process tree, Chromium included: RSS summed over processes counts memory they share once per process, PSS counts it once.`,
  'A synthetic architecture of N services in 10 domains, each publishing 2 events and consuming 2, with sync dependencies, a database each, one deployment running everything, ADRs and docs pages.',
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
].join('\n');
process.stdout.write(`\n${report}`);
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/results', `${date}.md`), report);
