import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Model } from '../../model/model.ts';
import { gitInfo } from '../git-dates.ts';

/** What of the project a page's HTML can depend on, besides the content. */
const PROJECT_INPUTS = ['src', 'plugins', 'public', 'bench/results', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

/**
 * What every page depends on: archsite's own code and dependencies, the configuration and
 * environment of the build, and the site's shell (title, sidebar and its order, which
 * every page shows), and which file is which element (prose links resolve through it).
 * When it changes, every page is rendered again.
 */
export function buildFingerprint(root: string, model: Model, shell: unknown): string {
  const h = createHash('sha256');
  for (const input of PROJECT_INPUTS)
    for (const file of files(path.join(root, input))) h.update(`${path.relative(root, file)}\0`).update(readFileSync(file));
  const env = ['ARCHSITE_BASE', 'ARCHSITE_SITE', 'ARCHSITE_DIAGRAMS', 'NODE_ENV'].map((name) => [name, process.env[name] ?? '']);
  h.update(JSON.stringify({ env, cwd: process.cwd(), git: gitInfo(model.contentDir)?.top ?? '', contentDir: model.contentDir }));
  h.update(JSON.stringify(shell));
  for (const el of model.elements) h.update(`${el.kind}:${el.id}:${el.source.path}\n`);
  return h.digest('hex');
}

function files(at: string): string[] {
  let stat;
  try {
    stat = statSync(at);
  } catch {
    return [];
  }
  if (stat.isFile()) return [at];
  if (!stat.isDirectory()) return [];
  return readdirSync(at)
    .sort()
    .flatMap((name) => (name === 'node_modules' || name.startsWith('.') ? [] : files(path.join(at, name))));
}
