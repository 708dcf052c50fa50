import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, writeTree } from '../helpers/tree.ts';

const cli = path.resolve(import.meta.dirname, '../../plugins/cli/main.ts');

/** Runs `archsite check` the way `npm run check` does, in `cwd`. */
function check(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [cli, 'check', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ARCHSITE_CONTENT: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const broken = () =>
  writeTree({
    ...BASE,
    'content/services/billing.yaml':
      'name: Billing\nresponsibility: Bills.\ndomain: shop\nevents:\n  consumes: [order.placed]\ndependencies: [ordres]\n',
    'content/events/order.lost.yaml': 'name: Lost\n',
  });

describe('npm run check', () => {
  it('prints nothing but the summary and exits 0 on clean content', () => {
    const run = check(writeTree(BASE));
    expect(run).toEqual({ code: 0, stdout: '0 errors, 0 warnings (4 elements in 5 files checked)\n', stderr: '' });
  });

  it('prints every diagnostic, sorted, then the summary, and exits 1 on errors', () => {
    const run = check(broken());
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        "content/events/order.lost.yaml:1:1 warning unused-event: event 'order.lost' is neither published nor consumed by any service",
        "content/services/billing.yaml:6:16 error unknown-reference: dependency 'ordres' is not a service, resource or external system (did you mean 'orders'?)",
        '1 error, 1 warning (5 elements in 6 files checked)',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 on warnings, and 1 with --strict', () => {
    const root = writeTree({ ...BASE, 'content/events/order.lost.yaml': 'name: Lost\n' });
    expect(check(root).code).toBe(0);
    expect(check(root, '--strict').code).toBe(1);
  });

  it('prints JSON with --format json', () => {
    const run = check(broken(), '--format', 'json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([
      {
        file: 'content/events/order.lost.yaml',
        line: 1,
        column: 1,
        severity: 'warning',
        code: 'unused-event',
        message: "event 'order.lost' is neither published nor consumed by any service",
      },
      {
        file: 'content/services/billing.yaml',
        line: 6,
        column: 16,
        severity: 'error',
        code: 'unknown-reference',
        message: "dependency 'ordres' is not a service, resource or external system (did you mean 'orders'?)",
      },
    ]);
  });

  it('prints GitHub Actions annotations with --format github', () => {
    const run = check(broken(), '--format=github');
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      "::warning file=content/events/order.lost.yaml,line=1,col=1,title=unused-event::event 'order.lost' is neither published nor consumed by any service",
      "::error file=content/services/billing.yaml,line=6,col=16,title=unknown-reference::dependency 'ordres' is not a service, resource or external system (did you mean 'orders'?)",
    ]);
  });

  it('takes the content folder from --content or ARCHSITE_CONTENT', () => {
    const root = broken();
    expect(check(path.dirname(root), '--content', path.join(path.basename(root), 'content')).stdout).toContain(
      `${path.basename(root)}/content/services/billing.yaml:6:16 error unknown-reference`,
    );
    const viaEnv = spawnSync(process.execPath, [cli, 'check'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ARCHSITE_CONTENT: 'content' },
    });
    expect(viaEnv.status).toBe(1);
  });

  it('exits 2 on bad usage, with the usage', () => {
    const root = writeTree(BASE);
    for (const args of [['--format', 'xml'], ['--bogus'], ['--content']]) {
      const run = check(root, ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('usage: archsite');
    }
    const missing = check(root, '--content', 'nowhere');
    expect(missing).toMatchObject({ code: 2, stderr: "archsite: content folder 'nowhere' does not exist or is not a folder\n" });
  });

  it('prints a file name with a new line or a terminal control character escaped, on one line', () => {
    const root = writeTree({ ...BASE, 'content/teams/a\nb\u001b[31m.yaml': 'name: A\n' });
    const run = check(root);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe(
      "content/teams/a\\u000ab\\u001b[31m.yaml:1:1 error invalid-id: file name 'a\\u000ab\\u001b[31m' is not a valid id (ids use lower-case letters, digits, -, . and _, are at most 100 characters long and are not dots alone); rename the file or set `id`",
    );
  });

  it('checks the bundled example clean', () => {
    const run = check(path.resolve(import.meta.dirname, '../..'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^0 errors, 0 warnings \(\d+ elements in \d+ files checked\)\n$/);
  });
});
