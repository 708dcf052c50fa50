import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, snapshot, type BuildRun } from '../helpers/build.ts';
import { holdBuildTurn } from '../helpers/build-turn.ts';
import { BASE as MODEL, writeTree } from '../helpers/tree.ts';

const cli = path.join(ROOT, 'plugins/cli/main.js');

// Kills builds and watches the one-build rule: no other file builds meanwhile.
holdBuildTurn();
let root: string;
let out: string;
let first: BuildRun;
let firstSnapshot: string[];

beforeAll(() => {
  root = writeTree(MODEL);
  out = path.join(root, 'site');
  first = buildSite({ content: path.join(root, 'content'), out });
  expect(first.code).toBe(0);
  firstSnapshot = snapshot(out);
});

/** Starts a build of changed content into the same output and kills it after `ms`. */
async function killedBuild(ms: number): Promise<void> {
  const child = spawn(process.execPath, [cli, 'build', '--content', path.join(root, 'content'), '--out', out], {
    cwd: ROOT,
    env: { ...process.env, ARCHSITE_BASE: '/', ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  await new Promise((resolve) => setTimeout(resolve, ms));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.on('exit', resolve));
}

describe('a content folder with no docs/ and no url', () => {
  it('builds without a warning (no empty docs collection, no sitemap without a site)', () => {
    expect(`${first.stdout}\n${first.stderr}`).not.toMatch(/\[WARN\]|\b[1-9]\d* warnings?\b/);
    expect(existsSync(path.join(out, 'sitemap-index.xml'))).toBe(false);
  });
});

describe('nothing lost', () => {
  it.each([300, 1500, 3000])('a build killed after %i ms leaves the previous site byte-identical', async (ms) => {
    const before = snapshot(out);
    await killedBuild(ms);
    expect(snapshot(out)).toEqual(before);
  });

  it('the next build tidies what killed builds left, and succeeds', () => {
    const run = buildSite({ content: path.join(root, 'content'), out });
    expect(run.code).toBe(0);
    expect(existsSync(path.join(root, '.archsite'))).toBe(false);
    // Same content, same bytes: the rebuilt site equals the first.
    expect(snapshot(out)).toEqual(firstSnapshot);
  });

  it('puts the old site back when a build died between moving it aside and moving the new one in', () => {
    const before = snapshot(out);
    const work = path.join(root, '.archsite');
    mkdirSync(work, { recursive: true });
    // A process id that is not running: the build that left this behind is gone.
    renameSync(out, path.join(work, 'previous-999999'));
    // This build puts the old site back, then fails on a diagram: the old site must be what is left.
    const broken = writeTree({ ...MODEL, 'content/docs/flow.md': '---\ntitle: Flow\n---\n\n```mermaid\nflowchart LR\n  a -->\n```\n' });
    const run = buildSite({ content: path.join(broken, 'content'), out });
    expect(run.code).toBe(1);
    expect(snapshot(out)).toEqual(before);
  });
});
