import { createHash } from 'node:crypto';
import type { Site } from '../../pages/site.ts';
import { readHasher } from '../page-cache/read-hashes.ts';

/**
 * What a page thread's site must share with the build's own for its pages to come out the
 * same: the model (system, elements, relations), the files the content points to, and the
 * assets. A thread reads the content again; content edited during the build gives another
 * digest, and the thread then renders nothing.
 */
export function siteDigest(site: Site): string {
  const read = readHasher(site);
  const digest = createHash('sha256');
  for (const key of [
    'system',
    'elements',
    ...Object.keys(site.model.relations)
      .sort()
      .map((name) => `rel:${name}`),
  ])
    digest.update(`${key}=${read(key)}\n`);
  for (const file of [...site.files.keys()].sort()) digest.update(`file:${file}=${read(`file:${file}`)}\n`);
  digest.update(`assets=${JSON.stringify(site.assets)}`);
  return digest.digest('hex');
}
