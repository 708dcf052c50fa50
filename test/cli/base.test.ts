import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../helpers/cli.ts';
import { BASE, writeTree } from '../helpers/tree.ts';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=A', '-c', 'user.email=a@example.com', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: 'pipe',
  });

/** A repository whose one commit holds the base model, the working tree changed from it as a pull request would. */
function changedRepository(): string {
  const root = writeTree({
    ...BASE,
    'content/events/more.yaml': '---\nid: order.paid\nname: Order paid\n---\nid: order.shipped\nname: Order shipped\nversion: "1"\n',
    'content/services/stock.yaml': 'name: Stock\nresponsibility: Counts what is left.\ndomain: shop\nowner: core\n',
    'content/teams/core.yaml': 'name: Core\n',
  });
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  // A new service that the orders service calls; a file renamed, fields unchanged (its id changes with it);
  // a field changed in a file of several elements; a consumer gone.
  writeFileSync(path.join(root, 'content/services/payments.yaml'), 'name: Payments\nresponsibility: Takes payments.\ndomain: shop\n');
  writeFileSync(
    path.join(root, 'content/services/orders.yaml'),
    'name: Orders\nresponsibility: Takes orders.\ndomain: shop\nevents:\n  publishes: [order.placed]\ndependencies: [{ target: payments, protocol: gRPC }]\n',
  );
  renameSync(path.join(root, 'content/services/stock.yaml'), path.join(root, 'content/services/inventory.yaml'));
  writeFileSync(
    path.join(root, 'content/events/more.yaml'),
    '---\nid: order.paid\nname: Order paid\n---\nid: order.shipped\nname: Order shipped\nversion: "2"\n',
  );
  writeFileSync(path.join(root, 'content/services/billing.yaml'), 'name: Billing\nresponsibility: Bills orders.\ndomain: shop\n');
  return root;
}

describe('check --base: what a pull request changes in the architecture', () => {
  const root = changedRepository();
  const status = git(root, 'status', '--porcelain');

  it('lists elements added, renamed and changed, and relations added and removed, against the base revision', () => {
    const run = check(root, '--base', 'HEAD');
    expect(run.code).toBe(0);
    const report = run.stdout.slice(run.stdout.indexOf('Changes against'));
    expect(report.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(
        /^Changes against HEAD \([0-9a-f]{12}\): 1 added, 0 removed, 1 renamed, 3 changed; 4 relations added, 3 removed$/,
      ),
      '  event order.shipped: changed (version: 1 → 2)',
      '  service billing: changed (events: removed)',
      '  service inventory: renamed from stock',
      '  service orders: changed (dependencies: + payments)',
      '  service payments: added',
      '  + service inventory is in domain shop',
      '  + service orders calls service payments (gRPC)',
      '  + service payments is in domain shop',
      '  + team core owns service inventory',
      '  − service billing consumes event order.placed',
      '  − service stock is in domain shop',
      '  − team core owns service stock',
    ]);
  });

  it('leaves the working tree as it was, and no folder of its own behind', () => {
    // The revision's files go to memory where there is some (/dev/shm), else to the temporary folder.
    const scratch = () =>
      [os.tmpdir(), '/dev/shm'].flatMap((dir) =>
        existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('archsite-base-')) : [],
      );
    const before = scratch().length;
    check(root, '--base', 'HEAD');
    expect(git(root, 'status', '--porcelain')).toBe(status);
    expect(scratch().length).toBe(before);
  });

  it('prints a pull-request comment in Markdown: counts, a table a kind, the relations', () => {
    const { stdout } = check(root, '--base', 'HEAD', '--format', 'markdown');
    expect(stdout).toMatch(/^### Architecture changes against `HEAD` \([0-9a-f]{12}\)\n/);
    expect(stdout).toContain('#### Services\n\n| Element | Change | What changed |\n| --- | --- | --- |\n');
    expect(stdout).toContain('| Stock (`inventory`) | renamed from `stock` |  |');
    expect(stdout).toContain('| Orders (`orders`) | changed | dependencies: + payments |');
    expect(stdout).toContain('- ➕ Orders (service) calls Payments (service) over gRPC');
    expect(stdout).toContain('#### Diagrams\n\n- Changed: ');
    expect(stdout).toContain('- ➖ Stock (service) is in Shop (domain)');
    expect(stdout).toContain('#### Check\n\n| Where | Severity | Code | Message |');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('0 errors, 3 warnings (9 elements in 9 files checked)');
  });

  it('annotates each change at its element in GitHub Actions, and gives it all as JSON', () => {
    const github = check(root, '--base', 'HEAD', '--format', 'github').stdout;
    expect(github).toContain(
      '::notice file=content/services/payments.yaml,line=1,col=1,title=architecture%3A added::service payments: added',
    );
    // A changed element's notice is on the line of the field that changed: the second document's version.
    expect(github).toContain(
      '::notice file=content/events/more.yaml,line=7,col=10,title=architecture%3A changed::event order.shipped: version: 1 → 2',
    );
    const json = JSON.parse(check(root, '--base', 'HEAD', '--format', 'json').stdout);
    expect(json.diagnostics.map((d: { code: string }) => d.code)).toEqual(['unused-event', 'unused-event', 'unconsumed-event']);
    expect(json.architecture.changes.map((c: { what: string; id: string }) => `${c.what} ${c.id}`)).toEqual([
      'changed order.shipped',
      'changed billing',
      'renamed inventory',
      'changed orders',
      'added payments',
    ]);
    expect(json.architecture.relations.added).toContainEqual({
      verb: 'calls',
      from: 'service:orders',
      to: 'service:payments',
      how: 'gRPC',
    });
  });

  it('says so, in one line, for a revision git does not know or content outside git', () => {
    const unknown = check(root, '--base', 'no-such-branch');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^archsite: --base no-such-branch: git knows no such revision/);
    const outside = writeTree(BASE);
    rmSync(path.join(outside, '.git'), { recursive: true, force: true });
    const lone = check(outside, '--base', 'main');
    expect(lone.code).toBe(2);
    expect(lone.stderr).toMatch(/^archsite: --base needs the content folder in a git repository/);
  });

  it('counts everything as new where the base has no content folder yet', () => {
    const fresh = writeTree({ 'README.md': '# x\n' });
    git(fresh, 'init', '-q');
    git(fresh, 'add', '-A');
    git(fresh, 'commit', '-q', '-m', 'first');
    for (const [name, text] of Object.entries(BASE)) {
      const file = path.join(fresh, name);
      execFileSync('mkdir', ['-p', path.dirname(file)]);
      writeFileSync(file, text);
    }
    const { stdout } = check(fresh, '--base', 'HEAD');
    expect(stdout).toContain('There is no content folder at HEAD: everything here is new.');
    expect(stdout).toMatch(/4 added, 0 removed/);
  });
});

describe('check --base: contract changes that break their consumers', () => {
  const OPENAPI = (extra: string) =>
    `openapi: 3.0.3\ninfo: { title: Orders, version: "1.0" }\npaths:\n  /orders:\n    get:\n      responses:\n        "200": { description: OK }\n${extra}`;
  const files = (changed: boolean): Record<string, string> => ({
    ...BASE,
    'content/services/orders.yaml':
      'name: Orders\nresponsibility: Takes orders.\ndomain: shop\nevents:\n  publishes: [order.placed, order.paid]\napis:\n  openapi: ./orders.openapi.yaml\n',
    'content/services/orders.openapi.yaml': OPENAPI(
      changed ? '' : '  /orders/{id}:\n    delete:\n      responses:\n        "204": { description: Gone }\n',
    ),
    'content/services/billing.yaml':
      'name: Billing\nresponsibility: Bills orders.\ndomain: shop\nevents:\n  consumes: [order.placed, order.paid]\ndependencies: [{ target: orders, protocol: REST }]\n',
    'content/events/order.placed.yaml': `name: Order placed\nversion: "1.0"\nschema: { type: object, properties: { id: { type: string }${changed ? '' : ', total: { type: number }'} } }\n`,
    'content/events/order.paid.yaml': `name: Order paid\nversion: "${changed ? '2.0' : '1.3'}"\nschema: { type: object, required: [id${changed ? ', amount' : ''}], properties: { id: { type: string }, amount: { type: number } } }\n`,
  });

  it('says what broke, where, and for whom: a warning, or a note where the major version says it', () => {
    const root = writeTree(files(false));
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'base');
    for (const [name, text] of Object.entries(files(true))) writeFileSync(path.join(root, name), text);
    const run = check(root, '--base', 'HEAD');
    expect(run.stdout.split('\n').filter((line) => /breaking/.test(line))).toEqual([
      "content/events/order.paid.yaml:2:10 warning versioned-breaking-change: breaking change to event 'order.paid', announced by version 1.3 → 2.0: field 'amount' is now required (relied on by Billing)",
      "content/events/order.placed.yaml:2:10 warning breaking-change: breaking change to event 'order.placed': field 'total' removed (relied on by Billing)",
      "content/services/orders.yaml:7:12 warning breaking-change: breaking change to the OpenAPI description of 'orders': DELETE /orders/{id} removed (relied on by Billing)",
    ]);
    expect(run.code).toBe(0);
    // The API description's file changed, not the service's: said as a change of the field that names it.
    expect(run.stdout).toContain('  service orders: changed (apis.openapi: orders.openapi.yaml changed)\n');
    expect(check(root, '--base', 'HEAD', '--strict').code).toBe(1);
    // The announced change alone: a warning, which --strict allows.
    for (const name of ['content/events/order.placed.yaml', 'content/services/orders.openapi.yaml'])
      writeFileSync(path.join(root, name), files(false)[name]!);
    const announced = check(root, '--base', 'HEAD', '--strict');
    expect(announced.stdout).toContain('warning versioned-breaking-change');
    expect(announced.stdout).not.toContain(' breaking-change:');
    expect(announced.code).toBe(0);
  });

  it('judges a field removed by the consumers that list the fields they read', () => {
    const event = (fields: string) => `name: Order placed\nversion: "1.0"\nschema: { type: object, properties: { ${fields} } }\n`;
    const consumer = (name: string, consumes: string) =>
      `name: ${name}\nresponsibility: Reads orders.\ndomain: shop\nevents:\n  consumes: [${consumes}]\n`;
    const tree = (fields: string, billing: string, ledger: string) => ({
      ...BASE,
      'content/events/order.placed.yaml': event(fields),
      'content/services/billing.yaml': consumer('Billing', billing),
      'content/services/ledger.yaml': consumer('Ledger', ledger),
    });
    const ALL = 'id: { type: string }, total: { type: number }, note: { type: string }';
    const root = writeTree(tree(ALL, '{ event: order.placed, fields: [id, total] }', '{ event: order.placed, fields: [id] }'));
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'base');
    const breaking = () =>
      check(root, '--base', 'HEAD')
        .stdout.split('\n')
        .filter((line) => /breaking|unknown-event-field/.test(line));
    // A field nobody lists: nothing breaks.
    writeFileSync(path.join(root, 'content/events/order.placed.yaml'), event('id: { type: string }, total: { type: number }'));
    expect(breaking()).toEqual([]);
    // A field one consumer lists: that consumer, named at the field; and the consumer now reads a field that is not there.
    writeFileSync(path.join(root, 'content/events/order.placed.yaml'), event('id: { type: string }, note: { type: string }'));
    const billingReadsTotal =
      "content/services/billing.yaml:5:50 warning unknown-event-field: service 'billing' reads field 'total' of event 'order.placed', which its schema does not have";
    expect(breaking()).toEqual([
      "content/events/order.placed.yaml:2:10 warning breaking-change: breaking change to event 'order.placed': field 'total' removed (read by 'billing') (relied on by Billing)",
      billingReadsTotal,
    ]);
    // A consumer that does not say what it reads may read anything: it is broken too. Its working tree says so, not the base.
    writeFileSync(path.join(root, 'content/services/ledger.yaml'), consumer('Ledger', 'order.placed'));
    expect(breaking()).toEqual([
      "content/events/order.placed.yaml:2:10 warning breaking-change: breaking change to event 'order.placed': field 'total' removed (read by 'billing') (relied on by Billing, Ledger)",
      billingReadsTotal,
    ]);
    // A field listed that the schema does not have is a check of its own, at the field, without --base too.
    writeFileSync(path.join(root, 'content/events/order.placed.yaml'), event(ALL));
    writeFileSync(path.join(root, 'content/services/ledger.yaml'), consumer('Ledger', '{ event: order.placed, fields: [id, totl] }'));
    expect(
      check(root)
        .stdout.split('\n')
        .filter((line) => /unknown-event-field/.test(line)),
    ).toEqual([
      "content/services/ledger.yaml:5:50 warning unknown-event-field: service 'ledger' reads field 'totl' of event 'order.placed', which its schema does not have (did you mean 'total'?)",
    ]);
  });
});
