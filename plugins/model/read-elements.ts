import path from 'node:path';
import type { ContentFile } from './content-files.ts';
import type { CachedSource, CheckCache } from './check-cache.ts';
import type { CheckStore } from './check-store.ts';
import { compare, Diagnostics, START, type Position } from './diagnostics.ts';
import { docId } from './doc-id.ts';
import { kindInfo, kindOfFolder, type ElementKind, type KindData } from './kinds.ts';
import type { ElementSource } from './model.ts';
import { fastDocuments, parseSource, type MarkdownBody, type SourceDocument } from './parse-source.ts';
import { readText } from './read-text.ts';
import { ID_PATTERN, ID_RULE } from './schemas/common.ts';
import { systemSchema } from './schemas/system.ts';
import { rulesFileSchema } from './rules/schema.ts';
import type { TeamRules } from './checks/team-rules.ts';
import type { SystemData } from './schemas/system.ts';
import { validate } from './validate.ts';
import type { Locator } from './yaml-position.ts';

/** An element as read from its file, before references are resolved. */
export type ParsedElement<K extends ElementKind = ElementKind> = {
  [P in K]: {
    readonly kind: P;
    readonly id: string;
    readonly data: KindData[P];
    readonly source: ElementSource;
    readonly body?: MarkdownBody;
    /** Positions of the element's fields, for later checks. */
    readonly locate: Locator;
  };
}[K];

export interface ParsedSystem {
  readonly data: SystemData;
  readonly source: ElementSource;
  readonly body?: MarkdownBody;
  readonly locate: Locator;
}

/**
 * An element whose fields did not validate. Its id still counts as existing, so that one
 * typo is reported once, not again at every reference to the element.
 */
export interface InvalidElement {
  readonly kind: ElementKind;
  readonly id: string;
  readonly value: unknown;
}

export interface ReadResult {
  readonly elements: ParsedElement[];
  readonly invalid: InvalidElement[];
  readonly systems: ParsedSystem[];
  /** The team's rules file, when there is one and it is valid. */
  readonly rules: TeamRules | undefined;
  /** Content paths of the files read as elements (even when invalid). */
  readonly elementFiles: ReadonlySet<string>;
  /** Content paths of the files that are not elements: assets, or ignored. */
  readonly otherFiles: readonly ContentFile[];
  /** Content paths of the files that elements name as schema, OpenAPI, proto or GraphQL. */
  readonly assets: ReadonlySet<string>;
}

const ELEMENT_FILE = /\.(ya?ml|mdx?)$/i;

/** What a content file is: the root system, an element file of a kind, or neither. */
export function classify(relative: string): { kind: ElementKind | 'root' | 'rules' } | undefined {
  if (/^system\.ya?ml$/.test(relative)) return { kind: 'root' };
  if (/^archsite\.rules\.ya?ml$/.test(relative)) return { kind: 'rules' };
  const [folder, ...rest] = relative.split('/');
  if (rest.length === 0 || !ELEMENT_FILE.test(relative)) return undefined;
  const kind = kindOfFolder(folder!);
  if (!kind) return undefined;
  if (kindInfo(kind).markdownOnly && !/\.mdx?$/i.test(relative)) return undefined;
  return { kind };
}

/**
 * Reads, parses and validates every element file. A YAML file that an element names
 * through `schema`, `openapi`, `asyncapi`, `proto` or `graphql` is an asset, not an element, even in
 * a kind folder: those are found first, from the raw documents, and then left out.
 */
export function readElements(files: readonly ContentFile[], diagnostics: Diagnostics, cache?: CheckCache, store?: CheckStore): ReadResult {
  const parsedFiles: { file: ContentFile; kind: ElementKind | 'root' | 'rules'; docs: readonly SourceDocument[]; found: Diagnostics }[] =
    [];
  const otherFiles: ContentFile[] = [];
  for (const file of files) {
    const kind = classify(file.relative)?.kind;
    if (!kind) {
      otherFiles.push(file);
      continue;
    }
    const readSource = (): CachedSource => {
      const found = new Diagnostics();
      const read = readText(file.absolute);
      if (!read.ok) {
        found.report(read.code, file.display, read.at, read.message);
        return { docs: [], found };
      }
      const stored = store?.lookup(file.relative, read.text);
      if (stored) return { docs: fastDocuments(file, read.text, stored, found), found };
      return { docs: parseSource(file, read.text, found, store && ((fast) => store.record(file.relative, read.text, fast))), found };
    };
    const { docs, found } = cache ? cache.source(file.absolute, readSource) : readSource();
    parsedFiles.push({ file, kind, docs, found });
  }

  const byPath = new Map(parsedFiles.map((p) => [p.file.relative, p]));
  // A file that holds valid elements stays an element file, whatever names it: the checks
  // that follow asset paths and `$ref`s say so at the reference, and nothing leaves the model.
  const holdsElements = (relative: string) => {
    const parsed = byPath.get(relative);
    return parsed !== undefined && (parsed.kind === 'root' || parsed.kind === 'rules' || isElementFile(parsed.kind, parsed.docs));
  };
  const assets = new Set(
    parsedFiles.flatMap(({ file, docs }) => docs.flatMap((doc) => assetPaths(file.relative, doc.value))).filter((a) => !holdsElements(a)),
  );
  // The files an asset's `$ref`s name (an OpenAPI description split into files) are assets too.
  for (const asset of assets)
    for (const doc of byPath.get(asset)?.docs ?? []) for (const ref of refPaths(asset, doc.value)) if (!holdsElements(ref)) assets.add(ref);
  const elements: ParsedElement[] = [];
  const invalid: InvalidElement[] = [];
  const systems: ParsedSystem[] = [];
  let rules: TeamRules | undefined;
  const elementFiles = new Set<string>();
  for (const { file, kind, docs, found } of parsedFiles) {
    if (assets.has(file.relative)) {
      otherFiles.push(file);
      continue;
    }
    elementFiles.add(file.relative);
    diagnostics.merge(found);
    for (const doc of docs) {
      const source: ElementSource = { file: file.display, path: file.relative, start: doc.start, multi: doc.multi };
      if (kind === 'rules') {
        if (doc.broken) continue;
        if (doc.multi) {
          diagnostics.report('invalid-value', file.display, doc.start, 'archsite.rules.yaml holds exactly one document');
          break;
        }
        const data = validate(rulesFileSchema, doc, diagnostics);
        if (data) rules = { data, file: file.display, locate: doc.locate };
        continue;
      }
      if (kind === 'root') {
        if (doc.broken) continue;
        if (doc.multi) {
          diagnostics.report('invalid-value', file.display, doc.start, 'system.yaml holds exactly one document');
          break;
        }
        const data = validate(systemSchema, doc, diagnostics);
        if (data) systems.push({ data, source, locate: doc.locate, ...(doc.body ? { body: doc.body } : {}) });
        continue;
      }
      if (kind === 'doc' && doc.multi) {
        diagnostics.report('invalid-value', file.display, doc.start, 'a docs page has one front matter block');
        break;
      }
      // A document that does not parse is already reported; what can be read of it still
      // counts as an element that exists, so its file's one error is not repeated elsewhere.
      const data = doc.broken ? undefined : validate(kindInfo(kind).schema, doc, diagnostics);
      if (!data) {
        const raw =
          (isRecord(doc.value) ? doc.value.id : undefined) ??
          (doc.multi ? undefined : kind === 'doc' ? docId(file.relative) : baseName(file.relative));
        if (typeof raw === 'string' && (kind === 'doc' || ID_PATTERN.test(raw))) invalid.push({ kind, id: raw, value: doc.value });
        continue;
      }
      const id = elementId(kind, file, data as { id?: string }, doc.multi, doc.start, diagnostics);
      if (id === undefined) continue;
      elements.push({ kind, id, data, source, locate: doc.locate, ...(doc.body ? { body: doc.body } : {}) } as ParsedElement);
    }
  }
  otherFiles.sort((a, b) => compare(a.relative, b.relative));
  return { elements, invalid, systems, rules, elementFiles, otherFiles, assets };
}

/** True when every document of a file validates as an element of its folder's kind. */
function isElementFile(kind: ElementKind, docs: readonly SourceDocument[]): boolean {
  return docs.length > 0 && docs.every((doc) => !doc.broken && validate(kindInfo(kind).schema, doc, new Diagnostics()) !== undefined);
}

/** Content paths that a raw document names as schema, OpenAPI, proto or GraphQL files. */
function assetPaths(from: string, value: unknown): string[] {
  if (!isRecord(value)) return [];
  const named = [
    value.schema,
    ...(isRecord(value.apis) ? [value.apis.openapi, value.apis.asyncapi, value.apis.proto, value.apis.graphql] : []),
  ];
  return named
    .filter((p): p is string => typeof p === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(p))
    .map((p) => path.posix.normalize(path.posix.join(path.posix.dirname(from), p)));
}

/** Content paths of the other files a JSON or YAML document's `$ref`s name (`./item.yaml#/Item`). */
function refPaths(from: string, value: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown, depth: number) => {
    if (depth > 64 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
      return;
    }
    for (const [key, item] of Object.entries(node)) {
      if (key === '$ref' && typeof item === 'string') {
        const file = item.split('#')[0]!;
        if (file !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(file))
          found.push(path.posix.normalize(path.posix.join(path.posix.dirname(from), file)));
      } else walk(item, depth + 1);
    }
  };
  walk(value, 0);
  return found;
}

function baseName(relative: string): string {
  return path.posix.basename(relative).replace(ELEMENT_FILE, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The element's id: its `id` field, or else its file name without extension. Docs pages
 * are named by their path under `docs/`, which is also their route.
 */
function elementId(
  kind: ElementKind,
  file: ContentFile,
  data: { id?: string },
  multi: boolean,
  start: Position,
  diagnostics: Diagnostics,
): string | undefined {
  if (data.id !== undefined) return data.id;
  if (multi) {
    diagnostics.report('missing-id', file.display, start, 'this file holds several elements, so each needs an `id` field');
    return undefined;
  }
  if (kind === 'doc') {
    const id = docId(file.relative);
    const problem = docIdProblem(file.relative, id);
    if (problem === undefined) return id;
    diagnostics.report('invalid-id', file.display, START, `docs page '${file.relative}' cannot be published: ${problem}; rename the file`);
    return undefined;
  }
  const name = baseName(file.relative);
  if (!ID_PATTERN.test(name)) {
    diagnostics.report(
      'invalid-id',
      file.display,
      START,
      `file name '${name.length > 100 ? `${name.slice(0, 40)}…` : name}' is not a valid id (${ID_RULE}); rename the file or set \`id\``,
    );
    return undefined;
  }
  return name;
}

/**
 * Why a docs page cannot be published, if it cannot: a file name with `#`, `?` or `%` (Astro
 * reads content files through URLs, where these mean something else), or an id with a
 * segment that is empty, dots alone, or too long to be a folder name.
 */
export function docIdProblem(relative: string, id: string): string | undefined {
  const odd = /[#?%]/.exec(relative)?.[0];
  if (odd) return `its path holds '${odd}', which the site generator cannot read in a file name`;
  const bad = id.split('/').find((s) => s === '' || /^\.+$/.test(s) || s === '-');
  if (bad !== undefined) return `its path gives the URL segment '${bad}', which no page can have`;
  if (id.split('/').some((s) => Buffer.byteLength(s) > 200)) return 'a part of its path is longer than 200 bytes';
  return undefined;
}
