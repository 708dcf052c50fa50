import { execFileSync } from 'node:child_process';
import path from 'node:path';
import matter from 'gray-matter';
import { parseAllDocuments } from 'yaml';
import { kindOfFolder } from '../model/kinds.ts';
import type { FileChange, SiteCommit, SiteHistory } from '../pages/site.ts';

/** How many commits of the content's history the changelog reads. */
const MAX_COMMITS = 200;
/** The fields whose changes the changelog says, by kind: status changes, and what a service calls and sends. */
const WATCHED: Readonly<Record<string, readonly string[]>> = {
  service: ['dependencies', 'events'],
  decision: ['status'],
  requirement: ['status'],
  risk: ['status'],
};

const git = (cwd: string, args: string[], input?: string) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', input, maxBuffer: 512 * 1024 * 1024, stdio: ['pipe', 'pipe', 'ignore'] });

/**
 * The content's history from git: for each commit that touched the content folder, the
 * elements added, removed and changed, and what changed in the fields that matter (a
 * decision's status, a service's dependencies and events ...). Read once per build. Outside
 * git, or with no history, it is empty with a note: never an error.
 */
export function gitHistory(contentDir: string): SiteHistory {
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
  // Both sides of every modified file whose fields are watched, read in one git process.
  const wanted: string[] = [];
  for (const commit of raw)
    for (const file of commit.files)
      if (file.status === 'M' && WATCHED[kindOfFolder(file.path.split('/')[0]!) ?? ''])
        wanted.push(`${commit.hash}:${file.repo}`, `${commit.hash}^:${file.repo}`);
  const blobs = readBlobs(top, wanted);
  const commits: SiteCommit[] = raw.map((commit) => ({
    hash: commit.hash,
    date: commit.date.slice(0, 10),
    subject: commit.subject,
    changes: commit.files.flatMap((file) => {
      const kind = kindOfFolder(file.path.split('/')[0]!);
      if (!kind || !/\.(ya?ml|mdx?)$/i.test(file.path)) return [];
      const what = file.status === 'A' ? 'added' : file.status === 'D' ? 'removed' : 'changed';
      const fields = WATCHED[kind];
      const details =
        what === 'changed' && fields
          ? fieldChanges(blobs.get(`${commit.hash}^:${file.repo}`), blobs.get(`${commit.hash}:${file.repo}`), fields, file.path)
          : [];
      return [{ path: file.path, kind, what, details }];
    }),
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

/**
 * The texts of `names` (`<commit>:<path>`), read through one `git cat-file --batch`. Its
 * output is read as bytes: each header gives its blob's size in bytes, so each blob is
 * cut out where it is, whatever it holds.
 */
function readBlobs(cwd: string, names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (names.length === 0) return out;
  let data: Buffer;
  try {
    data = execFileSync('git', ['cat-file', '--batch'], {
      cwd,
      input: `${names.join('\n')}\n`,
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
  } catch {
    return out;
  }
  let at = 0;
  for (const name of names) {
    const end = data.indexOf(0x0a, at);
    if (end < 0) break;
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(data.toString('utf8', at, end))?.[1];
    at = end + 1;
    // A missing object has a header line and no body.
    if (size === undefined) continue;
    out.set(name, data.toString('utf8', at, at + Number(size)));
    at += Number(size) + 1;
  }
  return out;
}

/** The documents of a YAML or Markdown file, by id (or the file's own name for a single one). */
function documents(text: string | undefined, file: string): Map<string, Record<string, unknown>> {
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

/** "status: proposed → accepted", "dependencies: + payment-service, − legacy-billing". */
function fieldChanges(before: string | undefined, after: string | undefined, fields: readonly string[], file: string): string[] {
  const old = documents(before, file);
  const now = documents(after, file);
  const details: string[] = [];
  for (const [id, record] of now) {
    const previous = old.get(id);
    if (!previous) continue;
    for (const field of fields) {
      const a = previous[field];
      const b = record[field];
      if (JSON.stringify(a) === JSON.stringify(b)) continue;
      if (typeof a === 'string' || typeof b === 'string') {
        details.push(`${field}: ${String(a ?? '—')} → ${String(b ?? '—')}`);
        continue;
      }
      const was = listed(field, a);
      const is = listed(field, b);
      const added = [...is].filter((n) => !was.has(n));
      const removed = [...was].filter((n) => !is.has(n));
      if (added.length + removed.length > 0)
        details.push(`${field}: ${[...added.map((n) => `+ ${n}`), ...removed.map((n) => `− ${n}`)].join(', ')}`);
    }
  }
  return details;
}

/** What a list field names: a service's dependencies by target, its events as `publishes x` and `consumes y`. */
function listed(field: string, value: unknown): Set<string> {
  const names = new Set<string>();
  const each = (list: unknown, prefix = '') => {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      const name = typeof item === 'string' ? item : item && typeof item === 'object' ? (item as { target?: unknown }).target : undefined;
      if (typeof name === 'string') names.add(`${prefix}${name}`);
    }
  };
  if (field === 'events' && value && typeof value === 'object') {
    each((value as { publishes?: unknown }).publishes, 'publishes ');
    each((value as { consumes?: unknown }).consumes, 'consumes ');
  } else each(value);
  return names;
}
