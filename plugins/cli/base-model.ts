import { accessSync, constants, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { git, gitBlobs } from '../model/git-objects.ts';
import type { CheckStore } from '../model/check-store.ts';
import { loadModel, type LoadResult } from '../model/load.ts';
import type { Model } from '../model/model.ts';
import { refusal } from './args.ts';

/** The model at a git revision, and what that revision is called. */
export interface BaseModel {
  readonly ref: string;
  /** The commit, abbreviated. */
  readonly commit: string;
  /** Undefined where the content did not check at that revision (its system.yaml missing or broken). */
  readonly model: Model | undefined;
  /** True where the revision has no content folder: everything in the working tree is new. */
  readonly empty: boolean;
  /** The files its elements point to (event schemas, API descriptions), read and parsed, by content path. */
  readonly documents: LoadResult['documents'];
}

/**
 * The model of the content folder as it was at `ref` (`main`, `origin/main`, a commit), for
 * `check --base`. It is read from git's objects, never from the working tree, which is left
 * as it is: the folder's files at that revision are written to a temporary folder, read as
 * a check reads them (what the working tree's check just read is reused, from `store`), and the
 * folder removed.
 */
export async function loadBaseModel(contentDir: string, ref: string, today: string, store?: CheckStore): Promise<BaseModel> {
  // As git names it: the real path, through any symbolic link (/tmp → /private/tmp).
  const dir = realpathSync(path.resolve(contentDir));
  let top: string;
  let commit: string;
  try {
    top = git(dir, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    throw refusal(`--base needs the content folder in a git repository; ${contentDir} is not in one`);
  }
  try {
    commit = git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
  } catch {
    throw refusal(`--base ${ref}: git knows no such revision (a branch, a tag or a commit, such as origin/main)`);
  }
  const prefix = path.relative(top, dir).split(path.sep).join('/');
  const listing = git(top, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', prefix === '' ? '.' : prefix]);
  const entries = listing
    .split('\0')
    .filter(Boolean)
    .flatMap((line) => {
      const [meta, file] = line.split('\t');
      const [, type, object] = meta!.split(' ');
      return type === 'blob' && file ? [{ object: object!, file: prefix === '' ? file : file.slice(prefix.length + 1) }] : [];
    });
  const short = commit.slice(0, 12);
  const scratch = mkdtempSync(path.join(scratchRoot(), 'archsite-base-'));
  try {
    const content = path.join(scratch, 'content');
    mkdirSync(content, { recursive: true });
    const blobs = gitBlobs(
      top,
      entries.map((e) => e.object),
    );
    const made = new Set<string>();
    for (const { object, file } of entries) {
      const target = path.join(content, ...file.split('/'));
      // Only inside the folder: a tree's paths are relative, but never trusted to be.
      if (!target.startsWith(content + path.sep)) continue;
      const folder = path.dirname(target);
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      writeFileSync(target, blobs.get(object) ?? Buffer.alloc(0));
    }
    if (entries.length === 0) return { ref, commit: short, model: undefined, empty: true, documents: new Map() };
    // Files the working tree has unchanged are not parsed again: the store knows them by path and text.
    const { model, documents } = await loadModel({ contentDir: content, today, codeRules: false, ...(store ? { store } : {}) });
    return { ref, commit: short, model, empty: false, documents };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Where the revision's files are written: memory (`/dev/shm`) where the system has it, as
 * Linux and CI runners do (a thousand services are four thousand files, written in a tenth of
 * the time), else the temporary folder.
 */
function scratchRoot(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}
