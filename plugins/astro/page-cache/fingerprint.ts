import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Site } from '../../pages/site.ts';
import type { Settings } from '../settings.ts';

/** What of the project a page's HTML can depend on, besides the content. */
const PROJECT_INPUTS = ['src', 'plugins', 'public', 'bench/results', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

/**
 * What every page depends on: archsite's own code and dependencies, the configuration and
 * environment of the build, and the site's shell (title, sidebar and its order, which
 * every page shows), and which file is which element (prose links resolve through it).
 * When it changes, every page is rendered again.
 */
export function buildFingerprint(root: string, site: Site, settings: Settings, shell: unknown): string {
  const model = site.model;
  const h = createHash('sha256');
  h.update(projectFingerprint(root));
  const build = { base: site.base, site: settings.site ?? '', cspMeta: settings.cspMeta, diagrams: site.diagrams.mode, today: site.today };
  h.update(
    JSON.stringify({ build, git: [site.git.top ?? '', site.git.branch ?? '', site.git.repository ?? ''], contentDir: model.contentDir }),
  );
  h.update(JSON.stringify(shell));
  for (const el of model.elements) h.update(`${el.kind}:${el.id}:${el.source.path}\n`);
  for (const asset of site.assets) h.update(`asset:${asset}\n`);
  return h.digest('hex');
}

/** archsite's own code and dependencies, and the project's configuration: what changes only with archsite. */
export function projectFingerprint(root: string): string {
  const h = createHash('sha256');
  for (const input of PROJECT_INPUTS)
    for (const file of files(path.join(root, input))) h.update(`${path.relative(root, file)}\0`).update(readFileSync(file));
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
