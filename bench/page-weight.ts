import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The JavaScript and CSS a page loads before anyone interacts, gzip-compressed: its
 * stylesheets, its module scripts and what they import statically. Chunks loaded on demand
 * (`import()`, such as the search UI) are not counted.
 */
export function pageWeight(dist: string, base: string, htmlFile: string): { js: number; css: number } {
  const html = readFileSync(htmlFile, 'utf8');
  const local = (url: string) => (url.startsWith(base) ? path.join(dist, url.slice(base.length)) : undefined);
  let css = 0;
  for (const [, href] of html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) {
    const file = local(href!);
    if (file && existsSync(file)) css += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  for (const [, style] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) css += gzipSync(style!, { level: 9 }).length;
  const seen = new Set<string>();
  let js = 0;
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    js += gzipSync(code, { level: 9 }).length;
    for (const [, spec] of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
      if (spec!.startsWith('.')) visit(path.resolve(path.dirname(file), spec!));
    }
  };
  for (const [, src] of html.matchAll(/<script[^>]+src="([^"]+)"/g)) {
    const file = local(src!);
    if (file) visit(file);
  }
  for (const [, inline] of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) js += gzipSync(inline!, { level: 9 }).length;
  return { js, css };
}
