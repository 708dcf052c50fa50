import path from 'node:path';
import { loadModel, type LoadResult } from '../model/load.ts';
import type { Model } from '../model/model.ts';
import { recordingModel } from './page-cache/recording-model.ts';

/** The content folder of this build: `ARCHSITE_CONTENT`, or `content/`. */
export function contentDir(): string {
  return path.resolve(process.env.ARCHSITE_CONTENT || 'content');
}

// Shared through globalThis: Astro loads this module once for the config and again for
// the pages, and both must see the same model (and the same invalidation in dev).
const store = globalThis as typeof globalThis & { __archsiteModel?: { dir: string; result: LoadResult } };

/** The checked model, loaded once per process and shared by every page. */
export function loadSiteModel(): LoadResult {
  const dir = contentDir();
  if (store.__archsiteModel?.dir !== dir) store.__archsiteModel = { dir, result: loadModel({ contentDir: dir }) };
  return store.__archsiteModel.result;
}

/** Hands over a model already loaded (by the CLI's check) for the same content folder: it is not read twice. */
export function provideSiteModel(dir: string, result: LoadResult): void {
  store.__archsiteModel = { dir: path.resolve(dir), result };
}

/** Forgets the loaded model, so the next page reads the content again (dev, after an edit). */
export function invalidateSiteModel(): void {
  delete store.__archsiteModel;
}

/**
 * The model for pages. The integration has already refused to build content with errors,
 * so a missing model here is a bug, not a content fault.
 */
export function siteModel(): Model {
  const { model } = loadSiteModel();
  if (!model) throw new Error('archsite: the model failed to load; the build should have stopped at the check');
  // Pages read it through a recording view: the page cache learns what each page depends on.
  return recordingModel(model);
}
