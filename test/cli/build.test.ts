import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.ts';
import { holdBuildTurn } from '../helpers/build-turn.ts';
import { BASE, writeTree } from '../helpers/tree.ts';

/**
 * `archsite build` never destroys what it did not make: the output folder rules, one build at
 * a time, staging folders cleaned up, and options it does not know refused. Each refusal is
 * one line and exit 2, before anything is read or built.
 */
const cli = path.join(ROOT, 'plugins/cli/main.js');

const env = { ...process.env, ARCHSITE_CONTENT: '', ASTRO_TELEMETRY_DISABLED: '1', ARCHSITE_CHROMIUM: 'none' };

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env, timeout: 300_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts a build without waiting for it. */
function start(cwd: string, ...args: string[]) {
  const child = spawn(process.execPath, [cli, 'build', ...args], { cwd, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

const tree = () => writeTree({ ...BASE, 'notes/keep.txt': 'keep me', 'notes/deeper/also.txt': 'and me' });

describe('build refuses an output folder it must not replace', () => {
  it.each([
    ['content', /^archsite: --out content would replace the content folder; choose a folder of its own\n$/],
    ['.', /^archsite: --out \. would replace the content folder; choose a folder of its own\n$/],
    ['content/site', /^archsite: --out content\/site is inside the content folder; build the site outside it\n$/],
    [
      'notes',
      /^archsite: --out notes holds files that archsite did not write; choose a new or empty folder, or add --force to replace it whole\n$/,
    ],
    ['notes/keep.txt', /^archsite: --out notes\/keep.txt is a file, not a folder\n$/],
    ['link', /^archsite: --out link is a symbolic link; give the folder it points to \(notes\) instead\n$/],
    ['notes/keep.txt/site', /^archsite: cannot write --out notes\/keep.txt\/site: notes\/keep.txt is a file, not a folder\n$/],
  ])('--out %s', (out, message) => {
    const root = tree();
    symlinkSync('notes', path.join(root, 'link'));
    const started = performance.now();
    const result = run(root, 'build', '--content', 'content', '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    // Said before the check or the build: in the time it takes to start.
    expect(performance.now() - started).toBeLessThan(8_000);
    expect(readFileSync(path.join(root, 'notes/keep.txt'), 'utf8')).toBe('keep me');
    expect(readFileSync(path.join(root, 'notes/deeper/also.txt'), 'utf8')).toBe('and me');
    expect(readFileSync(path.join(root, 'content/system.yaml'), 'utf8')).toBe('name: Shop\n');
    expect(readdirSync(root).sort()).toEqual(['content', 'link', 'notes']);
  });

  it('--force replaces a folder whole, but never the content, the project or the working directory', () => {
    const root = tree();
    for (const out of ['content', '.', ROOT]) {
      const result = run(root, 'build', '--content', 'content', '--out', out, '--force');
      expect(result.code, out).toBe(2);
      expect(result.stderr).toMatch(/would replace the (content folder|archsite project|working directory)/);
    }
  });

  it('refuses options it does not know, in build and dev alike, before building anything', () => {
    const root = tree();
    for (const args of [
      ['build', '--contnet', 'content'],
      ['build', '--strict=yes'],
      ['build', 'content'],
      ['dev', '--out', 'x'],
      ['dev', '--port', 'abc'],
      ['build', '--port', '4321'],
      ['check', '--force'],
      ['check', '--timings', 't.json'],
      ['dev', '--timings', 't.json'],
    ]) {
      const result = run(root, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(
        /^archsite: (unknown option|--strict takes no value|--port takes a port number, not 'abc')/,
      );
      expect(result.stderr).toContain('usage: archsite');
    }
    expect(run(root, 'build', '--contnet', 'content').stderr).toMatch(
      /^archsite: unknown option '--contnet' \(did you mean '--content'\?\)/,
    );
    expect(readdirSync(root).sort()).toEqual(['content', 'notes']);
  });
});

describe('build replaces only its own output, one build at a time', () => {
  // Kills builds and watches the one-build rule: no other file builds meanwhile. (The refusals
  // above come before a build takes the project's lock, so they need no turn.)
  holdBuildTurn();

  it('builds once of two at once, cleans up after a killed build, replaces an earlier output, and with --force a foreign folder', async () => {
    const root = tree();
    const sites = mkdtempSync(path.join(os.tmpdir(), 'archsite-outputs-'));
    const [a, b] = ['a', 'b'].map((name) => path.join(sites, name));

    // Two builds at once: Astro's build state is per project, so one of them waits its turn by refusing.
    const both = await Promise.all([
      start(root, '--content', 'content', '--out', a!).done,
      start(root, '--content', 'content', '--out', b!).done,
    ]);
    const [built, refused] = both[0]!.code === 0 ? both : [both[1]!, both[0]!];
    expect(built!.code, built!.stderr).toBe(0);
    expect(refused!.code).toBe(2);
    expect(refused!.stderr).toMatch(/^archsite: another build is running in this project \(process \d+\); wait for it to finish\n$/);
    const out = built === both[0] ? a! : b!;
    expect(readFileSync(path.join(out, '_archsite/archsite-output.txt'), 'utf8')).toMatch(/written by `archsite build`/);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(readdirSync(sites).sort()).toEqual([path.basename(out)]);

    // A build killed mid-way leaves its staging folder and its lock: the next build takes both over.
    const killed = start(root, '--content', 'content', '--out', out);
    const staging = path.join(sites, '.archsite', `build-${killed.child.pid}`);
    for (let i = 0; i < 600 && !existsSync(staging); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(staging)).toBe(true);
    killed.child.kill('SIGKILL');
    await killed.done;

    // An earlier output is replaced.
    writeFileSync(path.join(out, 'stale.html'), 'from before');
    const again = run(root, 'build', '--content', 'content', '--out', out);
    expect(again.code, again.stderr).toBe(0);
    expect(existsSync(path.join(out, 'stale.html'))).toBe(false);
    expect(readdirSync(sites).sort()).toEqual([path.basename(out)]);

    // A failed check stages nothing and leaves the output as it was.
    writeFileSync(path.join(root, 'content/services/broken.yaml'), 'name: Broken\n');
    const failed = run(root, 'build', '--content', 'content', '--out', out);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('the check failed; nothing was built');
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(readdirSync(sites).sort()).toEqual([path.basename(out)]);

    // --force replaces a folder archsite did not write; here one inside the working directory,
    // outside the project (Astro then bundles the pages there, and they must still run).
    const foreign = path.join(root, 'site');
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, 'mine.txt'), 'mine');
    writeFileSync(path.join(root, 'content/services/broken.yaml'), 'name: Fixed\nresponsibility: R.\ndomain: shop\n');
    const forced = run(root, 'build', '--content', 'content', '--out', 'site', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(existsSync(path.join(foreign, 'mine.txt'))).toBe(false);
    expect(existsSync(path.join(foreign, '_archsite/archsite-output.txt'))).toBe(true);
  }, 600_000);
});
