import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../plugins/model/load.ts';
import { buildSite, page, texts } from '../helpers/build.ts';
import { CLI } from '../helpers/cli.ts';
import { writeTree } from '../helpers/tree.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

describe('an imported architecture builds', () => {
  it('imports Online Boutique’s manifests, the Streetlights AsyncAPI document and eShop’s Catalog API into one content folder, and builds every page', async () => {
    const root = writeTree({});
    cpSync(path.join(FIXTURES, 'online-boutique/kubernetes-manifests'), path.join(root, 'k8s'), { recursive: true });
    cpSync(path.join(FIXTURES, 'streetlights/streetlights-kafka-asyncapi.yml'), path.join(root, 'streetlights.yml'));
    cpSync(path.join(FIXTURES, 'eshop-catalog/Catalog.API_v2.json'), path.join(root, 'catalog.json'));
    for (const args of [
      ['k8s', 'k8s'],
      ['asyncapi', 'streetlights.yml'],
      ['openapi', 'catalog.json'],
    ]) {
      const run = spawnSync(process.execPath, [CLI, 'import', ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ARCHSITE_CONTENT: '' },
      });
      expect(run.status, run.stdout).toBe(0);
    }
    const { model, diagnostics } = await loadModel({ contentDir: 'content', cwd: root });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    const built = buildSite({
      content: path.join(root, 'content'),
      args: ['--today', '2026-01-01'],
      env: { ARCHSITE_CACHE_DIR: mkdtempSync(path.join(os.tmpdir(), 'archsite-cache-')) },
    });
    expect(built.code, built.stdout + built.stderr).toBe(0);
    for (const el of model!.elements) {
      const route = `${el.source.path.split('/')[0]}/${el.id}/`;
      expect(existsSync(path.join(built.out, route, 'index.html')), route).toBe(true);
      expect(readFileSync(path.join(built.out, route, 'index.html.md'), 'utf8').split('\n')[0]).toMatch(/^# /);
    }
    // The cluster's way in fronts the frontend; the AsyncAPI document and the OpenAPI description are on their services' pages.
    expect(readFileSync(path.join(built.out, 'deployments/k8s/index.html'), 'utf8')).toContain('frontend-external');
    const streetlights = page(built.out, 'services/streetlights-kafka-api/');
    expect(texts(streetlights, '#msg-lightMeasured summary')).toEqual(['lightMeasured Light measured']);
    expect(texts(streetlights, 'table tr').some((row) => row.startsWith('Sends (dimLight)'))).toBe(true);
    const catalog = page(built.out, 'services/eshop-catalog-http-api/');
    expect(texts(catalog, '.as-operation summary').length).toBe(10);
  });
});
