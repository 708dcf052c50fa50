import type { Definition, Image, Link, Root } from 'mdast';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { isSvg } from '../model/file-types.ts';
import type { Model } from '../model/model.ts';
import { decodeLinkPath, elementRoute, normalizeSitePath } from '../model/routes.ts';
import { fileHref, withBase } from '../pages/urls.ts';

export interface RemarkLinksOptions {
  /** The model whose files the links point at. */
  readonly model: () => Model | undefined;
  /** The site's base path, ending with `/`. */
  readonly base: string;
}

/**
 * Rewrites links in Markdown bodies to the site: a relative link to a content file
 * becomes its element's page (or, for a file that is not an element, the published copy),
 * and a site path (`/services/x/`) gets the site's base. The check has already reported
 * broken links, so a link that resolves to nothing is left as it is.
 */
export function remarkArchsiteLinks(options: RemarkLinksOptions) {
  return (tree: Root, file: VFile) => {
    const model = options.model();
    if (!model || !file.path) return;
    const from = path.relative(model.contentDir, file.path).split(path.sep).join('/');
    if (from.startsWith('..')) return;
    const elementsByFile = filesOf(model);
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      const target = node as Link | Image | Definition;
      const rewritten =
        (node.type === 'image' ? inlineSvg(target.url, from, model.contentDir) : undefined) ??
        rewrite(target.url, from, elementsByFile, options.base);
      if (rewritten !== undefined) target.url = rewritten;
    });
  };
}

type FileElements = ReadonlyMap<string, readonly { kind: Parameters<typeof elementRoute>[0]['kind']; id: string }[]>;
const byModel = new WeakMap<Model, FileElements>();

/** The elements of each content file, computed once per model rather than once per Markdown file. */
function filesOf(model: Model): FileElements {
  let files = byModel.get(model);
  if (!files) {
    const map = new Map<string, { kind: Parameters<typeof elementRoute>[0]['kind']; id: string }[]>();
    for (const el of model.elements) map.set(el.source.path, [...(map.get(el.source.path) ?? []), el]);
    files = map;
    byModel.set(model, files);
  }
  return files;
}

/**
 * An SVG image of the content as a data: URL: a browser draws it as an image, where its
 * script never runs, and the file is never published, where opening it would run its script
 * on the site's origin (see model/file-types.ts).
 */
function inlineSvg(url: string, from: string, contentDir: string): string | undefined {
  const pathPart = url.trim().split(/[?#]/)[0]!;
  if (!isSvg(pathPart) || /^[a-z][a-z0-9+.-]*:/i.test(pathPart) || pathPart.startsWith('/')) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), decodeLinkPath(pathPart)));
  if (target.startsWith('..')) return undefined;
  try {
    return `data:image/svg+xml;base64,${readFileSync(path.join(contentDir, target)).toString('base64')}`;
  } catch {
    // The check has said the link is broken.
    return undefined;
  }
}

function rewrite(url: string, from: string, elementsByFile: FileElements, base: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return undefined;
  const hashAt = trimmed.indexOf('#');
  const fragment = hashAt === -1 ? undefined : trimmed.slice(hashAt + 1);
  const pathPart = (hashAt === -1 ? trimmed : trimmed.slice(0, hashAt)).split('?')[0]!;
  const decoded = decodeLinkPath(pathPart);
  const suffix = fragment === undefined ? '' : `#${fragment}`;
  if (decoded.startsWith('/')) return withBase(normalizeSitePath(decoded), base) + suffix;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), decoded)).replace(/\/$/, '');
  if (target.startsWith('..')) return undefined;
  const elements = elementsByFile.get(target);
  if (elements?.length === 1) return withBase(elementRoute(elements[0]!), base) + suffix;
  if (elements && fragment !== undefined) {
    const named = elements.find((el) => el.id === fragment);
    return named ? withBase(elementRoute(named), base) : undefined;
  }
  if (elements) return undefined;
  // A folder named after a kind (`../services/`) is that kind's index.
  if (/^[a-z]+$/.test(target) && decoded.endsWith('/')) return withBase(`/${target}/`, base);
  return fileHref(target, base) + suffix;
}
