import type { ContractVersion } from '../../plugins/model/contract-versions.ts';
import { siteDiagramViews } from '../../plugins/astro/diagrams/prerender.ts';
import { loadModel, type LoadResult } from '../../plugins/model/load.ts';
import type { Model } from '../../plugins/model/model.ts';
import type { Site } from '../../plugins/pages/site.ts';
import { writeTree } from './tree.ts';

export interface TestSiteOptions {
  readonly base?: string;
  /** Last commit dates, by content path. */
  readonly dates?: Record<string, string>;
  readonly gitTop?: string;
  /** The day reviews fall due against. @default '2026-01-01' */
  readonly today?: string;
  /** Contract versions from git, by element key. */
  readonly versions?: ReadonlyMap<string, readonly ContractVersion[]>;
}

/**
 * A site as a build makes it (see plugins/astro/site.ts), without a build: the model, its
 * documents and every generated view; no SVGs (client mode), and git only as given.
 */
export function siteOf(checked: LoadResult & { model: Model }, options: TestSiteOptions = {}): Site {
  const base = options.base ?? '/';
  return {
    model: checked.model,
    base,
    today: options.today ?? '2026-01-01',
    git: { top: options.gitTop, dates: new Map(Object.entries(options.dates ?? {}).map(([file, date]) => [file, new Date(date)])) },
    files: new Map([...checked.documents].map(([file, doc]) => [file, { text: doc.text, value: doc.value, api: doc.api }])),
    assets: checked.assets,
    diagrams: { mode: 'client', views: siteDiagramViews(checked.model, base), rendered: () => undefined },
    history: { commits: [], byPath: new Map(), note: 'No history in tests.', versions: options.versions ?? new Map() },
  };
}

/** A site from files written into a temporary content folder; fails on any error. */
export async function testSite(files: Record<string, string>, options: TestSiteOptions = {}): Promise<Site> {
  const root = writeTree(files);
  const result = await loadModel({ contentDir: 'content', cwd: root });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !result.model)
    throw new Error(`fixture has errors:\n${errors.map((d) => `${d.file}:${d.line} ${d.message}`).join('\n')}`);
  return siteOf({ ...result, model: result.model }, options);
}
