import path from 'node:path';
import { isSvg, opensAsDocument } from '../file-types.ts';
import { shownUrl, unsafeLinkReason } from '../link-scheme.ts';
import { parseBody } from '../markdown-body.ts';
import type { MarkdownBody } from '../parse-source.ts';
import { decodeLinkPath, elementRoute, normalizeSitePath, siteRoutes } from '../routes.ts';
import { closest } from '../suggest.ts';
import type { Check, CheckContext } from './context.ts';

/**
 * Links in Markdown bodies must be safe to follow (no scheme that runs code, in any Markdown
 * form or raw HTML) and lead somewhere: a relative link to a content file (and,
 * for a file of several elements, a fragment naming one), or a site path that is one of
 * the site's routes. External links are left alone.
 */
export const checkProseLinks: Check = (context) => {
  const { model } = context;
  const routes = siteRoutes(model);
  // Pages of elements that did not validate still exist once their own error is fixed.
  for (const el of context.invalid) routes.add(elementRoute(el));
  const idsByFile = new Map<string, string[]>();
  for (const el of model.elements) idsByFile.set(el.source.path, [...(idsByFile.get(el.source.path) ?? []), el.id]);
  const bodies: { file: string; path: string; body: MarkdownBody }[] = [];
  if (model.system.body) bodies.push({ file: model.system.source.file, path: model.system.source.path, body: model.system.body });
  for (const el of model.elements) if (el.body) bodies.push({ file: el.source.file, path: el.source.path, body: el.body });
  for (const { file, path: from, body } of bodies) {
    const result = parseBody(body);
    if (!result.ok) {
      context.diagnostics.report('markdown-syntax', file, result.at, result.message);
      continue;
    }
    for (const link of result.links) {
      const unsafe = unsafeLinkReason(link.url, link.image);
      if (unsafe) {
        context.diagnostics.report('unsafe-link', file, link.at, `link '${shownUrl(link.url)}' is not allowed: ${unsafe}`);
        continue;
      }
      if (link.raw) continue;
      const problem = linkProblem(link, from, routes, idsByFile, context);
      if (typeof problem === 'string') context.diagnostics.report('broken-link', file, link.at, problem);
      else if (problem) context.diagnostics.report('unsafe-link', file, link.at, problem.unsafe);
    }
  }
};

/** Why a link is broken, or why it is unsafe, or undefined when it resolves. */
function linkProblem(
  { url, image }: { url: string; image?: boolean | undefined },
  from: string,
  routes: ReadonlySet<string>,
  idsByFile: ReadonlyMap<string, readonly string[]>,
  { files, assets }: CheckContext,
): string | { unsafe: string } | undefined {
  const trimmed = url.trim();
  // External (any scheme, or protocol-relative), in-page, or empty: not ours to check.
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return undefined;
  const [beforeHash, fragment] = splitOnce(trimmed, '#');
  const [pathPart] = splitOnce(beforeHash, '?');
  const decoded = decodeLinkPath(pathPart);
  if (decoded.startsWith('/')) {
    const route = normalizeSitePath(decoded);
    if (routes.has(route)) return undefined;
    return `link '${url}' is not a page of the site${hint(closest(route, routes))}`;
  }
  const fromDir = path.posix.dirname(from);
  const target = path.posix.normalize(path.posix.join(fromDir, decoded));
  if (target === '..' || target.startsWith('../')) return `link '${url}' leaves the content folder`;
  const relative = target.replace(/\/$/, '');
  const ids = idsByFile.get(relative);
  if (ids) {
    if (ids.length < 2) return undefined;
    if (fragment === undefined)
      return `link '${url}' points at a file of ${ids.length} elements; name one with a fragment, as in '#${ids[0]}'`;
    if (ids.includes(fragment)) return undefined;
    return `link '${url}' names no element of '${relative}'${hint(closest(fragment, ids), (m) => `#${m}`)}`;
  }
  if (files.has(relative)) {
    // An SVG image is drawn from a data: URL (see astro/remark-links.ts), where its script never
    // runs: it counts as an asset, and like every file a browser opens as a page, is not published (load.ts).
    if (image && isSvg(relative)) {
      assets.add(relative);
      return undefined;
    }
    if (opensAsDocument(relative))
      return {
        unsafe: `link '${url}' names a file a browser would open as a page, running its script: archsite never publishes .${relative.split('.').pop()!.toLowerCase()} files${isSvg(relative) ? ' (show an SVG as an image: ![…](…))' : ''}`,
      };
    assets.add(relative);
    return undefined;
  }
  if (relative === '' || [...files.keys()].some((f) => f.startsWith(`${relative}/`))) return undefined;
  const candidates = [...files.keys()].map((f) => path.posix.relative(fromDir, f));
  return `link '${url}' points at a file that does not exist${hint(closest(decoded.replace(/\/$/, ''), candidates))}`;
}

function hint(match: string | undefined, show: (m: string) => string = (m) => m): string {
  return match === undefined ? '' : ` (did you mean '${show(match)}'?)`;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i === -1 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}
