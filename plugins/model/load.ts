import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkAssets } from './checks/assets.ts';
import type { Check, CheckContext, ContentDocument } from './checks/context.ts';
import { checkCompleteness } from './checks/completeness.ts';
import { checkDependencyCycles } from './checks/dependency-cycles.ts';
import { checkDiagramTags } from './checks/diagram-tags.ts';
import { checkEntityOwners } from './checks/entity-owners.ts';
import { checkEntityRelations } from './checks/entity-relations.ts';
import { checkEvents } from './checks/events.ts';
import { checkProseLinks } from './checks/prose-links.ts';
import { checkRequirements } from './checks/requirements.ts';
import { checkSharedDatabases } from './checks/shared-databases.ts';
import { checkSupersedes } from './checks/supersedes.ts';
import { checkUndeployedServices } from './checks/undeployed-services.ts';
import { checkUniqueIds } from './checks/unique-ids.ts';
import { displayPath, listContentFiles, type ContentRoot } from './content-files.ts';
import { compare, Diagnostics, START, type Diagnostic } from './diagnostics.ts';
import { keyOf, type Model } from './model.ts';
import { readElements } from './read-elements.ts';
import { resolveModel } from './resolve.ts';
import { DeferredLocator } from './yaml-position.ts';

/** The checks run over the resolved model, in order. */
const CHECKS: readonly Check[] = [
  checkAssets,
  checkProseLinks,
  checkDiagramTags,
  checkEvents,
  checkEntityOwners,
  checkEntityRelations,
  checkSharedDatabases,
  checkDependencyCycles,
  checkUndeployedServices,
  checkSupersedes,
  checkRequirements,
];

export interface LoadOptions {
  /** The content folder. */
  readonly contentDir: string;
  /** Diagnostic paths are printed relative to this. @default process.cwd() */
  readonly cwd?: string;
  /** Services filling less than this percentage of the service design template are errors (`check --min-completeness`). */
  readonly minCompleteness?: number | undefined;
}

export interface LoadResult {
  /** The model, when the content could be resolved at all (even with errors). */
  readonly model: Model | undefined;
  /** Every diagnostic, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** True when there is no error. */
  readonly ok: boolean;
  /** Content paths of the files that elements reference but that are not elements: schemas, API descriptions, images. */
  readonly assets: readonly string[];
  /** The JSON and YAML assets (event schemas, OpenAPI files), read and parsed once by the check, by content path. */
  readonly documents: ReadonlyMap<string, ContentDocument>;
  readonly stats: { readonly files: number; readonly elements: number };
}

/** Thrown for a content folder that does not exist: a usage error, not a content fault. */
export class ContentFolderError extends Error {
  override readonly name = 'ContentFolderError';
}

/**
 * Reads the content folder, validates and resolves it into a Model, and runs every check.
 * Faults in content never throw: they are diagnostics.
 */
export function loadModel(options: LoadOptions): LoadResult {
  const cwd = options.cwd ?? process.cwd();
  const requested = path.resolve(cwd, options.contentDir);
  let dir: string;
  try {
    dir = realpathSync(requested);
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new ContentFolderError(`content folder '${displayPath({ dir: requested, cwd }, requested)}' does not exist or is not a folder`);
  }
  const root: ContentRoot = { dir, cwd };
  const diagnostics = new Diagnostics();
  const files = listContentFiles(root, diagnostics);
  const read = readElements(files, diagnostics);
  const { kept: elements, dropped } = checkUniqueIds(read.elements, diagnostics);
  // Duplicates are left out of the model, but what they reference still counts.
  const invalid = [...read.invalid, ...dropped.map((el) => ({ kind: el.kind, id: el.id, value: el.data }))];

  const systemPath = displayPath(root, path.join(dir, 'system.yaml'));
  const [system, ...extra] = read.systems;
  for (const other of extra)
    diagnostics.report('duplicate-id', other.source.file, START, `the system is already described in ${system!.source.file}`);
  if (!read.elementFiles.has('system.yaml') && !read.elementFiles.has('system.yml')) {
    diagnostics.report('missing-system', systemPath, START, 'the content folder has no system.yaml describing the system');
  }
  // Without a valid system.yaml there is no site to build, but every other check still
  // runs, so that all faults are reported at once.
  const rootSystem = system ?? {
    data: { name: '' },
    source: { file: systemPath, path: 'system.yaml', start: START, multi: false },
    locate: new DeferredLocator(() => undefined),
  };

  const { model, occurrences } = resolveModel(dir, rootSystem, elements, invalid, diagnostics);
  const context: CheckContext = {
    root,
    model,
    occurrences,
    parsed: new Map(elements.map((el) => [keyOf(el), el])),
    invalid,
    files: new Map(files.map((f) => [f.relative, f])),
    diagnostics,
    assets: new Set(read.assets),
    documents: new Map(),
  };
  for (const check of CHECKS) check(context);
  if (options.minCompleteness !== undefined) checkCompleteness(model, options.minCompleteness, diagnostics);
  for (const file of read.otherFiles) {
    if (context.assets.has(file.relative)) continue;
    diagnostics.report(
      'ignored-file',
      file.display,
      START,
      'file is not an element (only .yaml, .yml, .md and .mdx files in kind folders are); it is kept as an asset',
    );
  }
  const list = diagnostics.list();
  return {
    model: system ? model : undefined,
    diagnostics: list,
    ok: !list.some((d) => d.severity === 'error'),
    assets: [...context.assets].filter((a) => context.files.has(a)).sort(compare),
    documents: context.documents,
    stats: { files: files.length, elements: model.elements.length },
  };
}
