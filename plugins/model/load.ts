import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkApis } from './checks/apis.ts';
import { checkAssets } from './checks/assets.ts';
import type { Check, CheckContext, ContentDocument } from './checks/context.ts';
import { checkCompleteness } from './checks/completeness.ts';
import { checkDependencyCycles } from './checks/dependency-cycles.ts';
import { checkDiagramTags } from './checks/diagram-tags.ts';
import { checkEntityOwners } from './checks/entity-owners.ts';
import { checkEntityRelations } from './checks/entity-relations.ts';
import { checkEvents, checkFieldsRead } from './checks/events.ts';
import { checkProseLinks } from './checks/prose-links.ts';
import { checkEditLinks } from './checks/edit-links.ts';
import { checkReviews } from './checks/reviews.ts';
import { checkRequirements } from './checks/requirements.ts';
import { checkSharedDatabases } from './checks/shared-databases.ts';
import { checkSupersedes } from './checks/supersedes.ts';
import { checkUndeployedServices } from './checks/undeployed-services.ts';
import { checkUniqueIds } from './checks/unique-ids.ts';
import { applySeverities, checkTeamRules } from './checks/team-rules.ts';
import { checkLifecycles } from './checks/lifecycle.ts';
import type { CheckCache } from './check-cache.ts';
import type { CheckStore } from './check-store.ts';
import { displayPath, listContentFiles, type ContentFile, type ContentRoot } from './content-files.ts';
import { compare, Diagnostics, sortDiagnostics, START, type Diagnostic, type Position } from './diagnostics.ts';
import { opensAsDocument } from './file-types.ts';
import { knownBody, loadBodyParser } from './markdown-body.ts';
import { keyOf, type ElementRef, type Model } from './model.ts';
import { readElements } from './read-elements.ts';
import { resolveModel } from './resolve.ts';
import { checkCodeRules, CODE_RULES_FILE } from './rules/code-rules.ts';
import { DeferredLocator, type FieldPath } from './yaml-position.ts';
import { ContentFolderError } from './content-folder-error.ts';

/** The checks run over the resolved model, in order. */
const CHECKS: readonly Check[] = [
  checkAssets,
  checkProseLinks,
  checkDiagramTags,
  checkEvents,
  checkFieldsRead,
  checkEntityOwners,
  checkEntityRelations,
  checkSharedDatabases,
  checkDependencyCycles,
  checkUndeployedServices,
  checkSupersedes,
  checkRequirements,
  checkReviews,
  checkEditLinks,
  checkLifecycles,
  checkTeamRules,
];

export interface LoadOptions {
  /** The content folder. */
  readonly contentDir: string;
  /** Diagnostic paths are printed relative to this. @default process.cwd() */
  readonly cwd?: string;
  /** Services filling less than this percentage of the service design template are errors (`check --min-completeness`). */
  readonly minCompleteness?: number | undefined;
  /** Today, YYYY-MM-DD: risks and decisions reviewed before it are `review-overdue` (`check --today`; the CLI passes the clock). Without it, reviews are not checked. */
  readonly today?: string | undefined;
  /** The top of the git repository archsite runs in (the CLI asks git): content outside it, where system.yaml names a repository, is an `edit-link` warning. */
  readonly gitTop?: string | undefined;
  /** What earlier runs read and parsed, for a check that runs again after each edit (`check --watch`). */
  readonly cache?: CheckCache | undefined;
  /** What earlier runs of `check` read, kept on disk: files whose text is the same are not parsed again. */
  readonly store?: CheckStore | undefined;
  /** Whether to run the rules of `archsite.rules.ts`, where there is one. @default true */
  readonly codeRules?: boolean | undefined;
}

export interface LoadResult {
  /** The model, when the content could be resolved at all (even with errors). */
  readonly model: Model | undefined;
  /** Every diagnostic, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** True when there is no error. */
  readonly ok: boolean;
  /**
   * Content paths of the files that elements reference but that are not elements: schemas,
   * API descriptions, images. The site publishes them as they are; none is of a type a
   * browser opens as a page (see file-types.ts).
   */
  readonly assets: readonly string[];
  /** The files elements point to (event schemas, API descriptions), read and parsed once by the check, by content path. */
  readonly documents: ReadonlyMap<string, ContentDocument>;
  /** Where a field of an element is written (parsing its file again, the first time); undefined for an element not in the model. */
  readonly locate: (ref: ElementRef, path: FieldPath) => Position | undefined;
  readonly stats: { readonly files: number; readonly elements: number };
  /** The folder the diagnostics' paths (and elements' `source.file`) are written from. */
  readonly cwd: string;
}

export { ContentFolderError };

/**
 * Reads the content folder, validates and resolves it into a Model, and runs every check.
 * Faults in content never throw: they are diagnostics. Asynchronous only because OpenAPI
 * descriptions are dereferenced by a library that is.
 */
export async function loadModel(options: LoadOptions): Promise<LoadResult> {
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
  let files: readonly ContentFile[];
  if (options.cache) {
    const listing = options.cache.listing(root, (found) => listContentFiles(root, found));
    files = listing.files;
    diagnostics.merge(listing.found);
  } else files = listContentFiles(root, diagnostics);
  const read = readElements(files, diagnostics, options.cache, options.store);
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
    systemLocate: rootSystem.locate,
    parsed: new Map(elements.map((el) => [keyOf(el), el])),
    invalid,
    files: new Map(files.map((f) => [f.relative, f])),
    elementFiles: read.elementFiles,
    diagnostics,
    assets: new Set(read.assets),
    documents: new Map(),
    cache: options.cache,
    store: options.store,
    today: options.today,
    gitTop: options.gitTop,
    rules: read.rules,
  };
  // The checks read every Markdown body; the parser is loaded only when one is not known from an earlier run.
  const bodies = [model.system.body, ...model.elements.map((el) => el.body)];
  if (bodies.some((body) => body !== undefined && knownBody(body) === undefined)) await loadBodyParser();
  for (const check of CHECKS) check(context);
  await checkApis(context);
  // The team's rules that need code run on the working tree's content only: never the code of another revision (check --base).
  if (options.codeRules !== false) await checkCodeRules(context);
  if (options.minCompleteness !== undefined) checkCompleteness(model, options.minCompleteness, diagnostics);
  for (const file of read.otherFiles) {
    if (context.assets.has(file.relative) || file.relative === CODE_RULES_FILE) continue;
    diagnostics.report(
      'ignored-file',
      file.display,
      START,
      opensAsDocument(file.relative)
        ? 'file is not an element, and is never published: a browser would open it as a page and run its script'
        : 'file is not an element (only .yaml, .yml, .md and .mdx files in kind folders are); it is kept as an asset',
    );
  }
  // The severities the team set for archsite's own checks (archsite.rules.yaml).
  const { kept, problems } = applySeverities(diagnostics.list(), read.rules);
  const list = sortDiagnostics([...kept, ...problems]);
  return {
    model: system ? model : undefined,
    diagnostics: list,
    ok: !list.some((d) => d.severity === 'error'),
    // A file a browser would open as a page is never published, whatever names it (the checks have said so).
    assets: [...context.assets].filter((a) => context.files.has(a) && !opensAsDocument(a)).sort(compare),
    documents: context.documents,
    locate: (ref, path) => context.parsed.get(keyOf(ref))?.locate.value(path),
    stats: { files: files.length, elements: model.elements.length },
    cwd,
  };
}
