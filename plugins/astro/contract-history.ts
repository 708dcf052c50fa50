import path from 'node:path';
import { parse } from 'yaml';
import { contractVersions, type ContractKind, type ContractSnapshot, type ContractVersion } from '../model/contract-versions.ts';
import { git, gitBlobs } from '../model/git-objects.ts';
import type { Model } from '../model/model.ts';
import { namedFile, openApiVersion } from '../model/named-file.ts';
import type { SiteFile } from '../pages/site.ts';
import { documents } from './git-history.ts';

/** How many commits that touched a contract are read back. */
const MAX_COMMITS = 200;

/** A contract the site documents: an event with a `version`, or a service's OpenAPI file. */
interface Contract {
  /** `event:order.created`, `service:order-service`. */
  readonly key: string;
  readonly kind: ContractKind;
  readonly id: string;
  /** The element's file and the contract's own file (where it has one), content-relative. */
  readonly element: string;
  readonly file?: string | undefined;
  readonly current: { readonly version: string; readonly schema: unknown };
}

/**
 * The versions of every versioned contract, by element key (see model/contract-versions.ts),
 * from the content's git history: one `git log` over the contracts' files and two
 * `git cat-file` batches, the elements' files and then the schema files they named at each
 * commit. Nothing is copied: an earlier version is read from git's objects. Outside git, or
 * where no contract has had two versions, it is empty.
 */
export function contractHistory(
  model: Model,
  top: string | undefined,
  files: ReadonlyMap<string, SiteFile>,
): Map<string, ContractVersion[]> {
  const out = new Map<string, ContractVersion[]>();
  let contracts = versionedContracts(model, files);
  if (top === undefined || contracts.length === 0) return out;
  const prefix = path.relative(top, model.contentDir).split(path.sep).join('/');
  const repo = (relative: string) => (prefix === '' ? relative : `${prefix}/${relative}`);
  const paths = [...new Set(contracts.flatMap((c) => [c.element, ...(c.file ? [c.file] : [])]))];
  let log: string;
  try {
    log = git(top, ['log', `-n${MAX_COMMITS}`, '--format=%x00%H%x09%cI', '--name-only', '--no-renames', '--', ...paths.map(repo)]);
  } catch {
    return out;
  }
  const commits = log
    .split('\0')
    .slice(1)
    .map((block) => {
      const [head, ...names] = block.split('\n');
      const [hash, date] = head!.split('\t');
      return { hash: hash!, date: date!.slice(0, 10), touched: new Set(names.filter(Boolean)) };
    });
  // Each contract's element file at each commit that touched it or its schema file.
  const allTouching = new Map(
    contracts.map((c) => [
      c.key,
      commits.filter((commit) => commit.touched.has(repo(c.element)) || (c.file && commit.touched.has(repo(c.file)))),
    ]),
  );
  // A contract one commit alone touched, unchanged since, has one version: nothing to read.
  const edited = editedSinceHead(top, paths.map(repo));
  contracts = contracts.filter((c) => {
    const touched = allTouching.get(c.key)!.length;
    return touched > 1 || (touched === 1 && (edited.has(repo(c.element)) || (c.file !== undefined && edited.has(repo(c.file)))));
  });
  const touching = new Map(contracts.map((c) => [c.key, allTouching.get(c.key)!]));
  const elements = gitBlobs(top, [
    ...new Set(contracts.flatMap((c) => touching.get(c.key)!.map((commit) => `${commit.hash}:${repo(c.element)}`))),
  ]);
  // What each of those versions of the element named as its schema, read in a second batch.
  const named = new Map<string, { version: string; inline?: unknown; file?: string }>();
  for (const c of contracts)
    for (const commit of touching.get(c.key)!) {
      const text = elements.get(`${commit.hash}:${repo(c.element)}`)?.toString('utf8');
      const doc = documents(text, c.element).get(c.id);
      const ref = doc && contractRef(c.kind, doc, c.element);
      if (ref) named.set(`${c.key}@${commit.hash}`, ref);
    }
  const schemaFiles = gitBlobs(
    top,
    [...named].flatMap(([key, ref]) => (ref.file ? [`${key.slice(key.lastIndexOf('@') + 1)}:${repo(ref.file)}`] : [])),
  );
  for (const c of contracts) {
    const snapshots: ContractSnapshot[] = [];
    for (const commit of touching.get(c.key)!) {
      const ref = named.get(`${c.key}@${commit.hash}`);
      if (!ref) continue;
      const schema = ref.file ? parseData(schemaFiles.get(`${commit.hash}:${repo(ref.file)}`), ref.file) : ref.inline;
      const version = c.kind === 'openapi' ? openApiVersion(schema) : ref.version;
      if (schema === undefined || !version) continue;
      snapshots.push({ commit: commit.hash, date: commit.date, version, schema });
    }
    const versions = contractVersions(c.kind, c.current, snapshots);
    if (versions.length > 0) out.set(c.key, versions);
  }
  return out;
}

/**
 * The files of `paths` (repository-relative) whose text in the working tree is not the last
 * commit's, staged or not. Where git cannot say, every one of them.
 */
function editedSinceHead(top: string, paths: readonly string[]): Set<string> {
  try {
    return new Set(
      git(top, ['diff', '--name-only', '-z', '--no-renames', 'HEAD', '--', ...paths])
        .split('\0')
        .filter(Boolean),
    );
  } catch {
    return new Set(paths);
  }
}

/** The contracts of the model that have a version, with their current form. */
function versionedContracts(model: Model, files: ReadonlyMap<string, SiteFile>): Contract[] {
  const contracts: Contract[] = [];
  for (const el of model.byKind.event.values()) {
    const ref = contractRef('event', el.data, el.source.path);
    if (!ref || el.data.version === undefined) continue;
    const schema = ref.file ? files.get(ref.file)?.value : ref.inline;
    if (schema === undefined) continue;
    contracts.push({
      key: `event:${el.id}`,
      kind: 'event',
      id: el.id,
      element: el.source.path,
      file: ref.file,
      current: { version: ref.version, schema },
    });
  }
  for (const el of model.byKind.service.values()) {
    const ref = contractRef('openapi', el.data, el.source.path);
    const schema = ref?.file ? files.get(ref.file)?.value : undefined;
    const version = openApiVersion(schema);
    if (!ref?.file || version === undefined) continue;
    contracts.push({
      key: `service:${el.id}`,
      kind: 'openapi',
      id: el.id,
      element: el.source.path,
      file: ref.file,
      current: { version, schema },
    });
  }
  return contracts;
}

/**
 * Where an element's contract is, as one version of its file wrote it: an event's `version`
 * and its schema (inline, or a file beside it); a service's OpenAPI file. A URL is not followed.
 */
function contractRef(kind: ContractKind, data: unknown, element: string): { version: string; inline?: unknown; file?: string } | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const record = data as { version?: unknown; schema?: unknown; apis?: { openapi?: unknown } };
  const target = kind === 'event' ? record.schema : record.apis?.openapi;
  const version = typeof record.version === 'string' || typeof record.version === 'number' ? String(record.version) : '';
  if (target === undefined || target === null) return undefined;
  if (typeof target !== 'string') return kind === 'event' ? { version, inline: target } : undefined;
  const file = namedFile(element, target);
  return file === undefined ? undefined : { version, file };
}

/** A JSON or YAML file of an earlier commit, parsed; undefined where it is missing or does not parse. */
function parseData(bytes: Buffer | undefined, file: string): unknown {
  if (bytes === undefined) return undefined;
  try {
    const text = bytes.toString('utf8');
    return /\.json$/i.test(file) ? JSON.parse(text) : parse(text, { maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}
