import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { withBase } from '../../pages/urls.ts';
import { MERMAID_VERSION } from './svg-store.ts';

/** mermaid's own minified ES module build: an entry, and the chunks it imports from `chunks/mermaid.esm.min/`. */
const ENTRY = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.esm.min.mjs');
const DIST = path.dirname(ENTRY);
const CHUNKS = path.join('chunks', 'mermaid.esm.min');

/** Where the site publishes mermaid for readers' browsers, under a folder named by its version (cached for ever). */
const ROUTE = `/_archsite/mermaid-${MERMAID_VERSION}/`;

/**
 * The address of mermaid for a reader's browser that draws the diagrams itself (a build
 * without Chromium). mermaid is published as its package ships it, already minified, and
 * imported from there: bundling its five megabytes again with the pages' scripts took a
 * good part of every build, for sites that never load it.
 */
export function mermaidClientSrc(base: string): string {
  return withBase(`${ROUTE}mermaid.esm.min.mjs`, base);
}

/** The files to publish: the entry, and every chunk (their source maps left out), relative to mermaid's dist/. */
function files(): string[] {
  const chunks = readdirSync(path.join(DIST, CHUNKS))
    .filter((name) => name.endsWith('.mjs'))
    .sort();
  return [path.basename(ENTRY), ...chunks.map((name) => path.join(CHUNKS, name))];
}

/** Publishes mermaid into the built site `outDir`, for the pages that load it (see `mermaidClientSrc`). */
export function publishMermaidClient(outDir: string): void {
  const target = path.join(outDir, ROUTE);
  mkdirSync(path.join(target, CHUNKS), { recursive: true });
  for (const file of files()) copyFileSync(path.join(DIST, file), path.join(target, file));
}

/**
 * Serves mermaid in dev as the build publishes it: answers a request for a file under its
 * route (`pathname` without the base) and returns true, or returns false for any other.
 */
export function serveMermaidClient(pathname: string, response: ServerResponse): boolean {
  if (!pathname.startsWith(ROUTE)) return false;
  const file = pathname.slice(ROUTE.length);
  if (!files().includes(file)) return false;
  response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
  response.end(readFileSync(path.join(DIST, file)));
  return true;
}
