import path from 'node:path';
import { loadModel, type LoadResult } from '../model/load.ts';
import type { Model } from '../model/model.ts';

/** The content folder of this build: `ARCHSITE_CONTENT`, or `content/`. */
export function contentDir(): string {
  return path.resolve(process.env.ARCHSITE_CONTENT || 'content');
}

let cached: { dir: string; result: LoadResult } | undefined;

/** The checked model, loaded once per process and shared by every page. */
export function loadSiteModel(): LoadResult {
  const dir = contentDir();
  if (cached?.dir !== dir) cached = { dir, result: loadModel({ contentDir: dir }) };
  return cached.result;
}

/**
 * The model for pages. The integration has already refused to build content with errors,
 * so a missing model here is a bug, not a content fault.
 */
export function siteModel(): Model {
  const { model } = loadSiteModel();
  if (!model) throw new Error('archsite: the model failed to load; the build should have stopped at the check');
  return model;
}
