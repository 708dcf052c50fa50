import path from 'node:path';
import matter from 'gray-matter';
import { parseAllDocuments } from 'yaml';
import { kindOfFolder } from '../model/kinds.ts';
import { git, gitBlobs } from '../model/git-objects.ts';
import { diffFields } from '../model/model-diff.ts';
import type { FileChange, SiteCommit, SiteHistory } from '../pages/site.ts';

/** How many commits of the content's history the changelog reads. */
const MAX_COMMITS = 200;

/**
 * The content's history from git: for each commit that touched the content folder, the
 * elements added, removed and changed, and what changed in the fields that matter (a
 * decision's status, a service's dependencies and events ...). Read once per build. Outside
 * git, or with no history, it is empty with a note: never an error.
 */
export function gitHistory(contentDir: string): Omit<SiteHistory, 'versions'> {
  let top: string;
  let log: string;
  try {
    top = git(contentDir, ['rev-parse', '--show-toplevel']).trim();
    log = git(contentDir, ['log', `-n${MAX_COMMITS}`, '--format=%x00%H%x09%cI%x09%s', '--name-status', '--no-renames', '--', '.']);
  } catch {
    return { commits: [], byPath: new Map(), note: 'The content is not in a git repository, so there is no history to show.' };
  }
  const prefix = path.relative(top, contentDir).split(path.sep).join('/');
  const within = (file: string) => (prefix === '' ? file : file.startsWith(`${prefix}/`) ? file.slice(prefix.length + 1) : undefined);
  const raw: { hash: string; date: string; subject: string; files: { status: string; path: string; repo: string }[] }[] = [];
  for (const block of log.split('\0').slice(1)) {
    const [head, ...lines] = block.split('\n');
    const [hash, date, ...subject] = head!.split('\t');
    const files = lines.flatMap((line) => {
      const [status, file] = line.split('\t');
      const relative = file && within(file);
      return status && relative ? [{ status: status[0]!, path: relative, repo: file! }] : [];
    });
    raw.push({ hash: hash!, date: date!, subject: subject.join('\t'), files });
  }
  const isElementFile = (file: { path: string }) => !!kindOfFolder(file.path.split('/')[0]!) && /\.(ya?ml|mdx?)$/i.test(file.path);
  // Both sides of every element file a commit modified, read in one git process; and, where
  // a commit both removes and adds files of one kind (a rename is a removal and an addition
  // with the same fields), the old side of each removed and the new side of each added. A
  // commit that only adds files (the first, an import) needs none of them read.
  const touched = raw.map((commit) => {
    const files = commit.files.filter(isElementFile);
    return { ...commit, files, renamable: renamableFiles(files) };
  });
  const wanted: string[] = [];
  for (const { hash, files, renamable } of touched) {
    for (const file of files) {
      const changed = file.status !== 'A' && file.status !== 'D';
      if (changed || (file.status === 'D' && renamable.has(file))) wanted.push(`${hash}^:${file.repo}`);
      if (changed || (file.status === 'A' && renamable.has(file))) wanted.push(`${hash}:${file.repo}`);
    }
  }
  const blobs = readBlobs(top, wanted);
  const commits: SiteCommit[] = touched.map((commit) => ({
    hash: commit.hash,
    date: commit.date.slice(0, 10),
    subject: commit.subject,
    changes: commitChanges(commit.hash, commit.files, commit.renamable, blobs),
  }));
  const byPath = new Map<string, FileChange[]>();
  for (const commit of commits)
    for (const change of commit.changes)
      byPath.set(change.path, [
        ...(byPath.get(change.path) ?? []),
        { date: commit.date, subject: commit.subject, what: change.what, details: change.details },
      ]);
  return commits.length === 0 ? { commits, byPath, note: 'No commit has touched the content folder yet.' } : { commits, byPath };
}

/** The texts of `names` (`<commit>:<path>`), read through one `git cat-file --batch`. */
function readBlobs(cwd: string, names: readonly string[]): Map<string, string> {
  return new Map([...gitBlobs(cwd, names)].map(([name, bytes]) => [name, bytes.toString('utf8')]));
}

/** The documents of a YAML or Markdown file, by id (or the file's own name for a single one). */
export function documents(text: string | undefined, file: string): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  if (text === undefined) return out;
  const name = path.posix.basename(file).replace(/\.(ya?ml|mdx?)$/i, '');
  try {
    const values = /\.mdx?$/i.test(file) ? [matter(text).data] : parseAllDocuments(text).map((d) => d.toJS() as unknown);
    for (const value of values)
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        const record = value as Record<string, unknown>;
        out.set(typeof record.id === 'string' ? record.id : name, record);
      }
  } catch {
    // A version that does not parse says nothing about its fields.
  }
  return out;
}

type Change = SiteCommit['changes'][number];

/**
 * What one commit changed in the model's files: each element file added, removed or changed,
 * with what changed in its fields in the model's words (see model/model-diff.ts); a file
 * removed and another added with the same fields, of one kind, is one element renamed (only
 * the `renamable` files are compared, see `renamableFiles`).
 */
function commitChanges<F extends { status: string; path: string; repo: string }>(
  hash: string,
  files: readonly F[],
  renamable: ReadonlySet<F>,
  blobs: Map<string, string>,
): Change[] {
  const before = (file: { path: string; repo: string }) => documents(blobs.get(`${hash}^:${file.repo}`), file.path);
  const after = (file: { path: string; repo: string }) => documents(blobs.get(`${hash}:${file.repo}`), file.path);
  // Each removed file's fields, parsed once; a removed file matched once at most.
  const removed = new Map(
    files.filter((f) => f.status === 'D' && renamable.has(f)).map((f) => [f.path, JSON.stringify([...before(f).values()].map(withoutId))]),
  );
  const renamed = new Map<string, string>();
  for (const file of files.filter((f) => f.status === 'A' && renamable.has(f))) {
    const fields = JSON.stringify([...after(file).values()].map(withoutId));
    const kind = kindOfFolder(file.path.split('/')[0]!);
    const match = [...removed].find(([p, f]) => f === fields && kindOfFolder(p.split('/')[0]!) === kind)?.[0];
    if (match === undefined) continue;
    renamed.set(file.path, match);
    removed.delete(match);
  }
  const gone = new Set(renamed.values());
  return files.flatMap((file): Change[] => {
    const kind = kindOfFolder(file.path.split('/')[0]!)!;
    if (gone.has(file.path)) return [];
    const from = renamed.get(file.path);
    if (from)
      return [
        { path: file.path, kind, what: 'renamed', details: [`renamed from ${path.posix.basename(from).replace(/\.(ya?ml|mdx?)$/i, '')}`] },
      ];
    if (file.status === 'A') return [{ path: file.path, kind, what: 'added', details: [] }];
    if (file.status === 'D') return [{ path: file.path, kind, what: 'removed', details: [] }];
    const old = before(file);
    const details = [...after(file)].flatMap(([id, record]) => {
      const previous = old.get(id);
      return previous ? diffFields(previous, record) : [];
    });
    return [{ path: file.path, kind, what: 'changed', details }];
  });
}

/**
 * The files of a commit that may be one side of a rename: those it removed of a kind it
 * also added, and those it added of a kind it also removed. Only they are read to match.
 */
function renamableFiles<F extends { status: string; path: string }>(files: readonly F[]): Set<F> {
  const kind = (file: F) => kindOfFolder(file.path.split('/')[0]!);
  const added = new Set(files.filter((f) => f.status === 'A').map(kind));
  const removed = new Set(files.filter((f) => f.status === 'D').map(kind));
  return new Set(files.filter((f) => (f.status === 'A' && removed.has(kind(f))) || (f.status === 'D' && added.has(kind(f)))));
}

function withoutId(record: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, ...rest } = record;
  return rest;
}
