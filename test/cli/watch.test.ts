import { spawn } from 'node:child_process';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.ts';
import { BASE, writeTree } from '../helpers/tree.ts';

const cli = path.join(ROOT, 'plugins/cli/main.ts');

describe('check --watch', () => {
  it('checks again after every change, however the editor saves, and stops cleanly', async () => {
    const root = writeTree(BASE);
    const content = path.join(root, 'content');
    const child = spawn(process.execPath, [cli, 'check', '--watch', '--content', 'content'], { cwd: root, env: { ...process.env } });
    let output = '';
    let waiting: ((run: string) => void) | undefined;
    child.stdout.on('data', (d: Buffer) => {
      output += d;
      // One run ends with its summary line.
      let at: number;
      while ((at = output.indexOf('watching for changes\n')) >= 0) {
        const run = output.slice(0, at);
        output = output.slice(at + 'watching for changes\n'.length);
        waiting?.(run);
      }
    });
    const next = () => new Promise<string>((resolve) => (waiting = resolve));
    // Between two saves, as a person makes them: the watcher merges events closer than that.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 250));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      expect(await next()).toMatch(/^0 errors, 0 warnings \(4 elements in 5 files checked\) checked in \d+ ms; $/);
      // Written in place.
      const orders = path.join(content, 'services/orders.yaml');
      await pause();
      let run = next();
      writeFileSync(orders, 'name: Orders\nresponsibility: Takes orders.\ndomain: shp\nevents:\n  publishes: [order.placed]\n');
      expect(await run).toMatch(
        /^content\/services\/orders\.yaml:3:9 error unknown-reference: domain 'shp' is not a domain \(did you mean 'shop'\?\)\n1 error, 0 warnings \(4 elements in 5 files checked\) re-checked after services\/orders\.yaml in \d+ ms; $/,
      );
      // Saved as a new file renamed over the old one, as many editors do: still seen.
      await pause();
      run = next();
      writeFileSync(`${orders}.tmp`, BASE['content/services/orders.yaml']!);
      renameSync(`${orders}.tmp`, orders);
      expect(await run).toMatch(/^0 errors, 0 warnings \(4 elements in 5 files checked\) re-checked after .* in \d+ ms; $/);
      // And written again after that.
      await pause();
      run = next();
      writeFileSync(orders, BASE['content/services/orders.yaml']!.replace('domain: shop', 'domain: nowhere'));
      expect(await run).toContain("domain 'nowhere' is not a domain");
      // A file added, then removed.
      await pause();
      run = next();
      writeFileSync(path.join(content, 'domains/extra.yaml'), 'name: Extra\n');
      expect(await run).toContain(
        "content/domains/extra.yaml:1:1 error missing-field: missing required field 'type' (one of core, supporting, generic)",
      );
      await pause();
      run = next();
      rmSync(path.join(content, 'domains/extra.yaml'));
      const removed = await run;
      expect(removed).not.toContain('extra.yaml:');
      expect(removed).toContain('(4 elements in 5 files checked)');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  }, 60_000);

  it('is refused by the commands that do not check', () => {
    const run = spawn(process.execPath, [cli, 'build', '--watch'], { cwd: ROOT });
    return new Promise<void>((resolve) => {
      let stderr = '';
      run.stderr.on('data', (d: Buffer) => (stderr += d));
      run.on('exit', (code) => {
        expect(code).toBe(2);
        expect(stderr).toContain("unknown option '--watch' (only check watches; dev reloads by itself)");
        resolve();
      });
    });
  });
});
