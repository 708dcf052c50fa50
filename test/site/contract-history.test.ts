import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractHistory } from '../../plugins/astro/contract-history.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { versionsView } from '../../plugins/pages/versions.ts';
import { siteOf } from '../helpers/site.ts';
import { BASE, writeTree } from '../helpers/tree.ts';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=A', '-c', 'user.email=a@example.com', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: 'pipe',
  });

const payload = (version: string, fields: string[], required: string[] = []) =>
  `${JSON.stringify({ $id: `placed/${version}`, type: 'object', required, properties: Object.fromEntries(fields.map((f) => [f, { type: 'string' }])) }, null, 2)}\n`;
const openapi = (version: string, paths: string[]) =>
  `openapi: 3.1.0\ninfo: { title: Orders, version: ${version} }\npaths:\n${paths.map((p) => `  ${p}:\n    get:\n      responses: { "200": { description: OK } }\n`).join('')}`;

/** A repository in which an event (its schema a file), an event of a file of several (its schema inline) and an OpenAPI description change version. */
function repository(): string {
  const root = writeTree({
    ...BASE,
    'content/events/order.placed.yaml': 'name: Order placed\nversion: "1.0"\nschema: ./order.placed.schema.json\n',
    'content/events/order.placed.schema.json': payload('1.0', ['id', 'total']),
    'content/events/more.yaml':
      '---\nid: order.shipped\nname: Order shipped\nversion: "1"\nschema: { type: object, properties: { id: { type: string } } }\n',
    'content/services/orders.yaml': `${BASE['content/services/orders.yaml']}apis:\n  openapi: ./orders.openapi.yaml\n`,
    'content/services/orders.openapi.yaml': openapi('1.0.0', ['/orders', '/orders/{id}']),
  });
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'first', '--date', '2026-01-05T10:00:00Z');
  // The schema file alone changes, without the version: still 1.0, as that commit left it.
  writeFileSync(path.join(root, 'content/events/order.placed.schema.json'), payload('1.0', ['id', 'total', 'note']));
  git(root, 'commit', '-q', '-am', 'a note', '--date', '2026-02-05T10:00:00Z');
  // 2.0: a field removed and one made required; the file of several gains a field under a new version.
  writeFileSync(path.join(root, 'content/events/order.placed.schema.json'), payload('2.0', ['id', 'note'], ['note']));
  writeFileSync(
    path.join(root, 'content/events/order.placed.yaml'),
    'name: Order placed\nversion: "2.0"\nschema: ./order.placed.schema.json\n',
  );
  writeFileSync(
    path.join(root, 'content/events/more.yaml'),
    '---\nid: order.shipped\nname: Order shipped\nversion: "2"\nschema: { type: object, properties: { id: { type: string }, carrier: { type: string } } }\n',
  );
  git(root, 'commit', '-q', '-am', 'v2', '--date', '2026-03-05T10:00:00Z');
  // The working tree: the API's new version, not committed yet.
  writeFileSync(path.join(root, 'content/services/orders.openapi.yaml'), openapi('2.0.0', ['/orders']));
  return root;
}

describe('contract versions from git history', () => {
  it('reads every versioned contract’s earlier versions from git objects, and says what each broke', async () => {
    const root = repository();
    const loaded = await loadModel({ contentDir: 'content', cwd: root });
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const site = siteOf({ ...loaded, model: loaded.model! });
    const versions = contractHistory(loaded.model!, git(root, 'rev-parse', '--show-toplevel').trim(), site.files);
    const rows = (key: string) => versions.get(key)?.map((v) => [v.version, v.since ?? 'uncommitted', v.current, v.breaks.join('; ')]);
    expect([...versions.keys()].sort()).toEqual(['event:order.placed', 'event:order.shipped', 'service:orders']);
    expect(rows('event:order.placed')).toEqual([
      ['2.0', expect.stringMatching(/^2026-\d\d-\d\d$/), true, "field 'total' removed; field 'note' is now required"],
      ['1.0', expect.stringMatching(/^2026-\d\d-\d\d$/), false, ''],
    ]);
    // The last form 1.0 had: with the note the second commit added.
    expect(Object.keys((versions.get('event:order.placed')![1]!.schema as { properties: object }).properties)).toEqual([
      'id',
      'total',
      'note',
    ]);
    expect(rows('event:order.shipped')).toEqual([
      ['2', expect.any(String), true, ''],
      ['1', expect.any(String), false, ''],
    ]);
    expect(rows('service:orders')).toEqual([
      ['2.0.0', 'uncommitted', true, ''],
      ['1.0.0', expect.any(String), false, ''],
    ]);
    // Nothing was written into the working tree to read them.
    expect(git(root, 'status', '--porcelain').trim()).toBe('M content/services/orders.openapi.yaml');

    // The event's page says who reads a field removed: billing consumes it without saying which fields, so it may read any.
    const withVersions = { ...site, history: { ...site.history, versions } };
    expect(versionsView(withVersions, 'event:order.placed', 'json')!.rows[0]!.breaks).toEqual([
      "field 'total' removed: read by billing",
      "field 'note' is now required",
    ]);

    // The page: a row a version, and the diff of the newest two, as the description is written (YAML).
    const page = versionsView({ ...site, history: { ...site.history, versions } }, 'service:orders', 'yaml')!;
    expect([page.from, page.to]).toEqual(['1.0.0', '2.0.0']);
    expect(page.diff.filter((l) => l.kind === 'added' || l.kind === 'removed')).toEqual([
      { kind: 'removed', text: '  version: 1.0.0' },
      { kind: 'added', text: '  version: 2.0.0' },
      { kind: 'removed', text: '  /orders/{id}:' },
      { kind: 'removed', text: '    get:' },
      { kind: 'removed', text: '      responses:' },
      { kind: 'removed', text: '        "200":' },
      { kind: 'removed', text: '          description: OK' },
    ]);
  });

  it('is empty outside git, and for contracts that never changed version', async () => {
    const root = writeTree({
      ...BASE,
      'content/events/order.placed.yaml': 'name: Order placed\nversion: "1.0"\nschema: { type: object }\n',
    });
    const loaded = await loadModel({ contentDir: 'content', cwd: root });
    const site = siteOf({ ...loaded, model: loaded.model! });
    expect(contractHistory(loaded.model!, undefined, site.files).size).toBe(0);
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'first');
    expect(contractHistory(loaded.model!, git(root, 'rev-parse', '--show-toplevel').trim(), site.files).size).toBe(0);
  });
});
