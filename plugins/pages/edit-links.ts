import path from 'node:path';
import type { Element } from '../model/model.ts';
import type { Site } from './site.ts';

/**
 * Where to edit a content file (by its path under the content folder), in the repository
 * that holds it:
 *
 * - the repository: system.yaml's `repository`, else the web address of git's `origin`;
 * - the branch: system.yaml's `branch`, else the branch checked out, else `main`;
 * - the path: the file's, from the top of the git repository (outside git, the content
 *   folder is taken to sit at the top of the repository).
 *
 * Undefined where there is no repository, or the file is not inside it (`check` warns:
 * `edit-link`). GitLab's edit pages are under `/-/edit/`, every other host's (GitHub,
 * Gitea, Forgejo) under `/edit/`.
 */
export function editUrlOf(site: Site, contentPath: string): string | undefined {
  const { system, contentDir } = site.model;
  const repository = (system.data.repository ?? site.git.repository)?.replace(/\/+$/, '');
  if (!repository) return undefined;
  const top = site.git.top ?? path.dirname(contentDir);
  const relative = path.relative(top, path.join(contentDir, contentPath)).split(path.sep).join('/');
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const branch = system.data.branch ?? site.git.branch ?? 'main';
  const segments = (value: string) => value.split('/').map(encodeURIComponent).join('/');
  const edit = /(^|\.)gitlab\./.test(safeHost(repository)) ? '-/edit' : 'edit';
  return `${repository}/${edit}/${segments(branch)}/${segments(relative)}`;
}

/** A commit's page in the repository (system.yaml's `repository`, else git's `origin`), where there is one; GitLab's under `/-/commit/`. */
export function commitUrl(site: Site, hash: string): string | undefined {
  const repository = (site.model.system.data.repository ?? site.git.repository)?.replace(/\/+$/, '');
  if (!repository) return undefined;
  return `${repository}/${/(^|\.)gitlab\./.test(safeHost(repository)) ? '-/commit' : 'commit'}/${hash}`;
}

/** Where to edit an element's file. */
export function editUrl(site: Site, el: Element): string | undefined {
  return editUrlOf(site, el.source.path);
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
