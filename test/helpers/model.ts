import { loadModel } from '../../plugins/model/load.ts';
import type { Model } from '../../plugins/model/model.ts';
import { writeTree } from './tree.ts';

/** Loads a model from files written into a temporary content folder; fails on any error. */
export async function modelOf(files: Record<string, string>): Promise<Model> {
  const root = writeTree(files);
  const result = await loadModel({ contentDir: 'content', cwd: root });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !result.model)
    throw new Error(`fixture has errors:\n${errors.map((d) => `${d.file}:${d.line} ${d.message}`).join('\n')}`);
  return result.model;
}
