import { spawnSync } from 'node:child_process';
import { mkdirSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, CLI } from '../helpers/cli.ts';
import { BASE, writeTree } from '../helpers/tree.ts';

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
    const viaEnv = spawnSync(process.execPath, [CLI, 'check'], {
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

  it('checks the bundled example clean, but for the one review it shows overdue', () => {
    const run = check(path.resolve(import.meta.dirname, '../..'), '--today', '2026-12-01');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^content\/risks\/kafka-consumer-lag\.yaml:8:9 warning review-overdue: risk 'kafka-consumer-lag' was due for review on 2025-01-15 \(today is 2026-12-01\)\n0 errors, 1 warning \(\d+ elements in \d+ files checked\)\n$/,
    );
    expect(check(path.resolve(import.meta.dirname, '../..'), '--today', '2025-01-15').stdout).toMatch(/^0 errors, 0 warnings/);
  });

  it('warns when system.yaml names a repository and the content is outside the git repository archsite runs in (edit-link)', () => {
    const root = writeTree({ ...BASE, 'content/system.yaml': 'name: Shop\nrepository: https://github.com/acme/shop\n' });
    mkdirSync(path.join(root, 'project'));
    spawnSync('git', ['init', '-q'], { cwd: path.join(root, 'project') });
    const outside = check(path.join(root, 'project'), '--content', '../content');
    expect(outside.stdout.split('\n').filter((l) => l.includes('edit-link'))).toEqual([
      `../content/system.yaml:2:13 warning edit-link: the content folder is outside the git repository archsite runs in (${realpathSync(path.join(root, 'project'))}): its pages' edit links into https://github.com/acme/shop may lead nowhere`,
    ]);
    // Inside it, or outside git, nothing to say.
    spawnSync('git', ['init', '-q'], { cwd: root });
    expect(check(root).stdout).not.toContain('edit-link');
    rmSync(path.join(root, '.git'), { recursive: true });
    expect(check(root).stdout).not.toContain('edit-link');
  });

  it('flags reviews past due against --today: risks not closed, decisions in force or proposed, at their review date', () => {
    const root = writeTree({
      ...BASE,
      'content/risks/late.yaml': 'title: Late\nlikelihood: high\nimpact: low\nmitigation: Watch.\nstatus: open\nreview: 2026-03-01\n',
      'content/risks/done.yaml': 'title: Done\nlikelihood: high\nimpact: low\nmitigation: Gone.\nstatus: closed\nreview: 2026-03-01\n',
      'content/risks/due-today.yaml':
        'title: Today\nlikelihood: low\nimpact: low\nmitigation: Watch.\nstatus: accepted\nreview: 2026-06-01\n',
      'content/decisions/0001-kept.md': '---\ntitle: Kept\nstatus: accepted\ndate: 2024-01-01\nreview: 2025-12-31\n---\n',
      'content/decisions/0002-dropped.md': '---\ntitle: Dropped\nstatus: rejected\ndate: 2024-01-01\nreview: 2025-12-31\n---\n',
    });
    const run = check(root, '--today', '2026-06-01');
    expect(run.stdout.split('\n').filter((l) => l.includes('review-overdue'))).toEqual([
      "content/decisions/0001-kept.md:5:9 warning review-overdue: decision '0001-kept' was due for review on 2025-12-31 (today is 2026-06-01)",
      "content/risks/late.yaml:6:9 warning review-overdue: risk 'late' was due for review on 2026-03-01 (today is 2026-06-01)",
    ]);
    expect(run.code).toBe(0);
    expect(check(root, '--today', '2026-06-01', '--strict').code).toBe(1);
    for (const bad of ['2026-02-30', '1.6.2026', 'tomorrow']) {
      const refused = check(root, '--today', bad);
      expect(refused.code, bad).toBe(2);
      expect(refused.stderr, bad).toContain(`--today takes a date written YYYY-MM-DD, not '${bad}'`);
    }
  });
});
