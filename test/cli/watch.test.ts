import { spawn } from 'node:child_process';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.ts';
import { BASE, writeTree } from '../helpers/tree.ts';

const cli = path.join(ROOT, 'plugins/cli/main.js');

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

  it('recovers a restored $ref file, and waits for a content folder that is removed to come back', async () => {
    const root = writeTree({
      ...BASE,
      'content/services/api.yaml': 'name: Api\nresponsibility: Serves.\ndomain: shop\napis:\n  openapi: ../apis/api.yaml\n',
      'content/apis/api.yaml':
        'openapi: 3.0.3\ninfo: { title: A, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: OK\n          content: { application/json: { schema: { $ref: "./item.yaml" } } }\n',
      'content/apis/item.yaml': 'type: object\n',
    });
    const content = path.join(root, 'content');
    const child = spawn(process.execPath, [cli, 'check', '--watch', '--content', 'content'], { cwd: root, env: { ...process.env } });
    let output = '';
    const seen = (pattern: RegExp) =>
      new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not seen: ${pattern} in\n${output}`)), 20_000);
        const look = () => {
          const match = pattern.exec(output);
          if (!match) return;
          output = output.slice(match.index + match[0].length);
          clearTimeout(timer);
          child.stdout.off('data', look);
          resolve(match[0]);
        };
        child.stdout.on('data', look);
        look();
      });
    child.stdout.on('data', (d: Buffer) => (output += d));
    const pause = () => new Promise((resolve) => setTimeout(resolve, 250));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await seen(/0 errors, 0 warnings \(5 elements in 8 files checked\) checked in \d+ ms; watching for changes\n/);
      const item = path.join(content, 'apis/item.yaml');
      await pause();
      rmSync(item);
      expect(await seen(/[^\n]*error missing-file[^\n]*\n[^\n]*watching for changes\n/)).toContain(
        "content/apis/api.yaml:9:58 error missing-file: $ref './item.yaml' names a file that does not exist",
      );
      await pause();
      writeFileSync(item, 'type: object\n');
      expect(await seen(/[^\n]*watching for changes\n/)).toMatch(/^0 errors, 0 warnings .* re-checked after apis\/item\.yaml in \d+ ms/);
      // The whole content folder removed: said, and watched for until it comes back.
      await pause();
      renameSync(content, path.join(root, 'away'));
      expect(await seen(/archsite: the content folder 'content' is gone; waiting for it to come back \(Ctrl\+C stops\)\n/)).toBeTruthy();
      expect(child.exitCode).toBeNull();
      await pause();
      renameSync(path.join(root, 'away'), content);
      expect(await seen(/[^\n]*watching for changes\n/)).toMatch(
        /^0 errors, 0 warnings .* checked again: the content folder is back in \d+ ms/,
      );
      // And it watches the folder that came back.
      await pause();
      writeFileSync(
        path.join(content, 'services/orders.yaml'),
        BASE['content/services/orders.yaml']!.replace('domain: shop', 'domain: gone'),
      );
      expect(await seen(/[^\n]*watching for changes\n/)).toMatch(/^1 error, /);
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
