import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { compare } from '../model/diagnostics.ts';
import { filesUnder } from './files-under.ts';

/**
 * The Content-Security-Policy the built site works under: scripts only from the site itself
 * or inline scripts whose hash is listed (Starlight's theme and sidebar scripts), WebAssembly
 * for pagefind's search, styles inline as well (the diagrams' SVGs carry their own), nothing
 * from anywhere else. Served as a header (or a `<meta http-equiv>`), no content can run script.
 */
export function contentSecurityPolicy(outDir: string, known: ReadonlyMap<string, readonly string[]> = new Map()): string {
  const hashes = new Set<string>();
  for (const file of htmlFiles(outDir)) {
    for (const hash of known.get(file) ?? inlineScriptHashes(readFileSync(file, 'utf8'))) hashes.add(hash);
  }
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${[...hashes].sort(compare).join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The policy's hash source of every inline script of a page. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`,
  );
}

/** Puts the policy in a `<meta http-equiv>` at the top of every page's head. */
export function addPolicyMeta(outDir: string, policy: string): void {
  const meta = `<meta http-equiv="content-security-policy" content="${policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
  for (const file of htmlFiles(outDir)) {
    const html = readFileSync(file, 'utf8');
    // A new file, not a rewrite in place: a page kept from the last build shares its file with the page cache.
    writeFileSync(`${file}.tmp`, html.replace(/<head>/, `<head>${meta}`));
    renameSync(`${file}.tmp`, file);
  }
}

/** Every page of the output. */
function htmlFiles(dir: string): string[] {
  return filesUnder(dir).filter((file) => file.endsWith('.html'));
}
