import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { check, CLI } from '../helpers/cli.ts';
import { writeTree } from '../helpers/tree.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

/** Online Boutique's manifests, and a model imported from them, then changed as a model drifts from what runs. */
function drifted(): string {
  const root = writeTree({});
  cpSync(path.join(FIXTURES, 'online-boutique/kubernetes-manifests'), path.join(root, 'k8s'), { recursive: true });
  spawnSync(process.execPath, [CLI, 'import', 'k8s', 'k8s'], { cwd: root, env: { ...process.env, ARCHSITE_CONTENT: '' } });
  const edit = (file: string, change: (text: string) => string) => {
    const full = path.join(root, 'content', file);
    writeFileSync(full, change(readFileSync(full, 'utf8')));
  };
  // The model says 3 replicas of the frontend, and another version of the cart service's image.
  edit('services/frontend.yaml', (t) => t.replace('  replicas: 1\n', '  replicas: 3\n'));
  edit('services/cartservice.yaml', (t) => t.replace('image: cartservice\n', 'image: cartservice:v0.9.0\n'));
  edit('services/adservice.yaml', (t) => t.replace('image: adservice\n', 'image: gcr.io/other/ads:1.0\n'));
  // The checkout service's call to the email service is not in the model.
  edit('services/checkoutservice.yaml', (t) => t.replace(/  - target: emailservice\n    protocol: gRPC\n    description: [^\n]+\n/, ''));
  // A service the model has and nothing runs; a planned one (no drift); a workload the model lacks.
  writeFileSync(
    path.join(root, 'content/services/reviews.yaml'),
    'name: Reviews\nresponsibility: Keeps product reviews.\ndomain: imported\n',
  );
  writeFileSync(
    path.join(root, 'content/services/wishlist.yaml'),
    'name: Wishlist\nresponsibility: Keeps wishes.\ndomain: imported\nlifecycle: planned\n',
  );
  writeFileSync(
    path.join(root, 'k8s/zz-fraud.yaml'),
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: fraudservice\n  namespace: payments\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: server\n          image: fraud:2.1\n',
  );
  return root;
}

describe('check --against: drift between the model and what is deployed', () => {
  it('reports each kind of drift as a positioned warning, at the model’s line or the manifest’s', () => {
    const root = drifted();
    const run = check(root, '--against', 'k8s');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const drift = run.stdout.split('\n').filter((line) => / warning drift-/.test(line));
    expect(drift).toEqual([
      "content/services/adservice.yaml:15:10 warning drift-image: service 'adservice' runs adservice where it is deployed (k8s/adservice.yaml:46), not gcr.io/other/ads:1.0 as the model says",
      "content/services/cartservice.yaml:19:10 warning drift-image: service 'cartservice' is version v0.9.0 in the model, latest where it is deployed (k8s/cartservice.yaml:46)",
      "content/services/checkoutservice.yaml:17:3 warning drift-dependency: service 'checkoutservice' calls service 'emailservice' where it is deployed (environment EMAIL_SERVICE_ADDR, k8s/checkoutservice.yaml:64), but the model does not say so",
      "content/services/frontend.yaml:43:13 warning drift-replicas: service 'frontend' has 3 replicas in the model, 1 where it is deployed (k8s/frontend.yaml)",
      "content/services/reviews.yaml:1:1 warning drift-undeployed: service 'reviews' is in the model but the manifests (k8s) do not run it",
      "k8s/zz-fraud.yaml:4:9 warning drift-unmodelled: Deployment 'fraudservice' (namespace payments, image fraud:2.1) runs in the manifests but the model has no service or resource for it",
    ]);
    // --strict makes drift fail, as any warning.
    expect(check(root, '--against', 'k8s', '--strict').code).toBe(1);
    // JSON carries the codes for CI tools.
    const json = JSON.parse(check(root, '--against', 'k8s', '--format', 'json').stdout) as { code: string }[];
    expect(json.filter((d) => d.code.startsWith('drift-')).map((d) => d.code)).toEqual([
      'drift-image',
      'drift-image',
      'drift-dependency',
      'drift-replicas',
      'drift-undeployed',
      'drift-unmodelled',
    ]);
  });

  it('finds no drift between an import and what it was imported from', () => {
    const root = writeTree({});
    cpSync(path.join(FIXTURES, 'sock-shop'), path.join(root, 'deploy'), { recursive: true });
    spawnSync(process.execPath, [CLI, 'import', 'compose', 'deploy/docker-compose.yml'], {
      cwd: root,
      env: { ...process.env, ARCHSITE_CONTENT: '' },
    });
    const run = check(root, '--against', 'deploy/docker-compose.yml');
    expect(run.stdout).not.toContain('drift-');
    expect(run.code).toBe(0);
  });

  it('says what it cannot read: a bad manifest is a positioned error, a missing path a usage error', () => {
    const root = writeTree({ 'content/system.yaml': 'name: X\n', 'bad/app.yaml': 'kind: Deployment\nmetadata: [unclosed\n' });
    const bad = check(root, '--against', 'bad');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^bad\/app\.yaml:\d+:\d+ error drift-source: not a YAML file/m);
    expect(check(root, '--against', 'nowhere')).toMatchObject({ code: 2, stderr: 'archsite: --against: nowhere does not exist\n' });
    expect(check(root, '--against', 'bad', '--watch')).toMatchObject({ code: 2 });
  });
});
