import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../plugins/model/kinds.ts';
import { loadModel } from '../../plugins/model/load.ts';
import { formatDiagnostic } from '../../plugins/model/format.ts';
import { BASE, writeTree } from '../helpers/tree.ts';

const cli = path.resolve(import.meta.dirname, '../../plugins/cli/main.js');
const run = (cwd: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, 'new', ...args], { cwd, encoding: 'utf8', env: { ...process.env, ARCHSITE_CONTENT: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('npm run new', () => {
  it('starts an element of every kind from its template, and each checks without an error', async () => {
    const root = writeTree({ ...BASE, 'content/teams/core.yaml': 'name: Core\n' });
    for (const { kind } of KINDS) expect(run(root, kind, `new-${kind}`).code, kind).toBe(0);
    const result = await loadModel({ contentDir: 'content', cwd: root });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    for (const { kind } of KINDS) expect(result.model!.byKind[kind].has(`new-${kind}`), kind).toBe(true);
    expect(result.model!.byKind.service.get('new-service')!.data).toMatchObject({
      name: 'New Service',
      domain: 'new-domain',
      owner: 'core',
    });
  });

  it('writes every section of the service design template, commented where it waits to be filled', () => {
    const root = writeTree(BASE);
    expect(run(root, 'services', 'payment-service')).toMatchObject({
      code: 0,
      stdout: 'archsite: wrote content/services/payment-service.yaml; fill it in, then run npm run check\n',
    });
    const text = readFileSync(path.join(root, 'content/services/payment-service.yaml'), 'utf8');
    for (const section of [
      'data:',
      'apis:',
      'events:',
      'dependencies:',
      'nfr:',
      'slos:',
      'stack:',
      'deployment:',
      'security:',
      'monitoring:',
      'components:',
    ])
      expect(text, section).toMatch(new RegExp(`^# ${section}$`, 'm'));
    expect(text).toMatch(/^responsibility: /m);
  });

  it('never writes over a file, and says what it cannot do', () => {
    const root = writeTree(BASE);
    const again = run(root, 'service', 'orders');
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('archsite: content/services/orders.yaml already exists: archsite never writes over a file\n');
    expect(readFileSync(path.join(root, 'content/services/orders.yaml'), 'utf8')).toBe(BASE['content/services/orders.yaml']);
    expect(run(root, 'servce', 'x').stderr).toMatch(/^archsite: unknown kind 'servce' \(did you mean 'service'\?\)/);
    expect(run(root, 'service', 'Bad Id').stderr).toMatch(/^archsite: 'Bad Id' cannot be an id: ids use lower-case letters/);
    expect(run(root, 'service').code).toBe(2);
  });

  it('knows the ids of the elements a multi-document file holds', () => {
    const root = writeTree({
      ...Object.fromEntries(Object.entries(BASE).filter(([file]) => file !== 'content/domains/shop.yaml')),
      'content/domains/domains.yaml': 'id: shop\nname: Shop\ntype: core\n---\nid: catalog\nname: Catalog\ntype: supporting\n',
    });
    const taken = run(root, 'domain', 'catalog');
    expect(taken).toMatchObject({
      code: 2,
      stderr: "archsite: domain 'catalog' already exists, in content/domains/domains.yaml: choose another id\n",
    });
    expect(existsSync(path.join(root, 'content/domains/catalog.yaml'))).toBe(false);
    expect(run(root, 'domain', 'pricing').code).toBe(0);
  });
});
